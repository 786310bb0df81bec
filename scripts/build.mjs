#!/usr/bin/env node
// Bundles source/cli.ts into dist/ with esbuild (ESM, code-split so that Ink, React and the AWS SDK
// are separate chunks loaded only by the commands that need them).
// `--if-stale` skips the build when dist/ is newer than every file in source/ (used by `npm start`).
import {build} from 'esbuild';
import {readFileSync, statSync, readdirSync, existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist');
const entry = join(root, 'dist', 'cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(entry)) {
  const inputs = Math.max(
    newestMtime(join(root, 'source')),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
  );
  if (statSync(entry).mtimeMs >= inputs) process.exit(0);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * yoga-layout (Ink's layout engine) ships its wasm as a base64 data: URI inside an Emscripten loader, which reads it
 * with `fetch()` when fetch exists (Node ≥ 18): that loads Node's whole HTTP client (undici) and decodes the base64 in
 * a JavaScript loop, ~30 ms of every start of an Ink screen. Here the loader is given the bytes instead (Emscripten's
 * `wasmBinary`), decoded by Buffer, and the data: URI is emptied (it is then never read). A yoga-layout whose loader
 * does not have these exact pieces fails the build, so that an upgrade is looked at rather than silently slow.
 */
const yogaWasmBinary = {
  name: 'yoga-wasm-binary',
  setup(plugin) {
    plugin.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const dataUri = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(text);
      const binaryHook = 'h.wasmBinary&&(w=h.wasmBinary);';
      if (dataUri === null || !text.includes(binaryHook)) throw new Error(`${args.path}: the yoga wasm loader changed; update scripts/build.mjs`);
      const contents = text
        .replace(dataUri[0], '"data:application/octet-stream;base64,"')
        .replace(binaryHook, `w=Buffer.from(${JSON.stringify(dataUri[1])},"base64");`);
      return {contents, loader: 'js'};
    });
  },
};
rmSync(outdir, {recursive: true, force: true});

await build({
  entryPoints: {cli: join(root, 'source', 'cli.ts')},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ESM builds first: with esbuild's node default (main, module) the AWS SDK resolves to its CommonJS build, and
  // `(await import('@aws-sdk/client-ecs')).ECSClient` is then undefined (only `default` is exported).
  mainFields: ['module', 'main'],
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"',
    __ECS_WIZARD_VERSION__: JSON.stringify(pkg.version),
  },
  // Ink imports react-devtools-core only when DEV is set; never bundle it.
  alias: {'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs')},
  plugins: [yogaWasmBinary],
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __ecsWizardCreateRequire} from 'node:module';const require=__ecsWizardCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
