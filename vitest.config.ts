import {readFileSync} from 'node:fs';
import {defineConfig} from 'vitest/config';

const {version} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string};

/**
 * Time limits only catch hangs. No test waits on the clock: UI tests wait for frames and for React to be idle
 * (test/helpers/ink.ts), pty tests for output (test/helpers/pty.ts), operations run on a fake clock. A wait that
 * hangs fails on its own limit first (a minute; 90 s in a pty) with the last frame or screen; these test timeouts
 * are above those, and far above what a busy machine needs (`npm run test:stress`).
 *
 * Three projects:
 * - unit: pure code, reducers, screens (ink-testing-library), adapters with fakes; parallel.
 * - integration: the real AWS SDK against one moto_server started by test/helpers/moto-global-setup.ts;
 *   files run one after another because they share the server (each suite resets it).
 * - e2e: the built CLI (dist/) in a real pseudo-terminal.
 */
const safeEnv = {
  // Tests never leave loopback: no instance metadata, dummy credentials, a closed endpoint by default.
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

export default defineConfig({
  define: {__ECS_WIZARD_VERSION__: JSON.stringify(version)},
  test: {
    env: safeEnv,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/integration/**', 'test/e2e/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/helpers/moto-global-setup.ts'],
          pool: 'forks',
          poolOptions: {forks: {singleFork: true}},
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
