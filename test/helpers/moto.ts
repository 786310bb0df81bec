/**
 * moto_server for the integration tests: started once per run by test/helpers/moto-global-setup.ts on a free
 * loopback port, handed to test files through vitest's provide/inject, reset by each suite (`useMoto()`).
 *
 * moto reads its settings from its own process environment: MOTO_IAM_LOAD_MANAGED_POLICIES=true is set for the
 * shared server. MOTO_ECS_SERVICE_RUNNING is read when a service is created, but from the server's environment,
 * so a test cannot change it per request; the shared server leaves it unset (services report 0 running). A test
 * that needs running counts starts its own server: `startMoto({env: {MOTO_ECS_SERVICE_RUNNING: '2'}})`.
 */
import {beforeAll, beforeEach, inject} from 'vitest';
import {MOTO_NOT_FOUND} from './moto-global-setup.js';

// The server side lives in moto-global-setup.ts: globalSetup runs outside the test context and must not import
// vitest's runtime, which this file does.
export {findMotoServer, freePort, MOTO_NOT_FOUND, MotoNotFoundError, startMoto} from './moto-global-setup.js';
export type {MotoServer} from './moto-global-setup.js';

export const MOTO_REGION = 'us-east-1';
/** A loopback port nothing listens on: calls fail at once with ECONNREFUSED. */
export const CLOSED_ENDPOINT = 'http://127.0.0.1:9';

/** The environment for anything that talks to AWS in a test: loopback only, dummy credentials, no config files. */
export function motoEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url === '' ? CLOSED_ENDPOINT : url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: MOTO_REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

/** `POST /moto-api/reset`: forget every resource. */
export async function resetMoto(url: string): Promise<void> {
  const response = await fetch(`${url}/moto-api/reset`, {method: 'POST', signal: AbortSignal.timeout(60_000)});
  if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
}

export interface MotoContext {
  /** The moto endpoint ('' when moto is not installed and the suite is skipped). */
  url: string;
  /** The safe AWS environment pointing at moto (for child processes and client factories). */
  env: Record<string, string>;
  /** True when the tests of this file are skipped (never under CI=true). */
  skipped: boolean;
}

/**
 * For integration test files (call at the top of the file or of a describe): the shared moto, reset before the
 * suite. Without moto_server every test of the suite is skipped with the reason shown in the output
 * (`↓ test [moto_server not found…]`); under CI=true the global setup already failed, and this throws too.
 */
export function useMoto(): MotoContext {
  const url = inject('motoUrl');
  if (url === '') {
    const reason = inject('motoSkipReason') || MOTO_NOT_FOUND;
    if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
    beforeEach((context) => {
      context.skip(reason);
    });
    return {url, env: motoEnv(url), skipped: true};
  }
  beforeAll(async () => {
    await resetMoto(url);
  });
  return {url, env: motoEnv(url), skipped: false};
}
