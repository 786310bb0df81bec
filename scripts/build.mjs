#!/usr/bin/env node
// Bundles the program into dist/ with esbuild, three outputs:
// - dist/main.mjs (source/main.ts): the full program, ESM (`.mjs`: dist/ is CommonJS, see the end), code-split so
//   that Ink, React and the AWS SDK are separate chunks loaded only by the commands that need them;
// - dist/plain-<command>.cjs (source/plain.ts): each plain command (list, render, diff) as one classic script, every
//   module of ours it can reach and no vendor package (the build fails if one gets in), run by the launcher with V8's
//   code cache;
// - dist/cli.js (source/bin.ts, launcher.ts): the entry, a CommonJS script, which picks one of the two for the command
//   line.
// `--if-stale` skips the build when dist/ is newer than every file in source/ (used by `npm start`).
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {readFileSync, statSync, readdirSync, existsSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';

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

/**
 * Ink keeps, for the life of the process, every text it has wrapped or measured and everything printed through
 * `<Static>`; a screen that runs for half an hour (a watched deploy) grew by all of it. Here Ink's two caches keep the
 * texts of the last two frames (a frame starts with Ink's onRender) and the printed output is a bounded tail, from source/ui/ink-memory.ts (which says why and how much). Each
 * piece replaced must be found exactly as many times as expected, else the build fails: an Ink upgrade is then looked
 * at rather than silently unbounded again.
 */
const inkMemory = {
  name: 'ink-bounded-memory',
  setup(plugin) {
    const helpers = JSON.stringify(join(root, 'source', 'ui', 'ink-memory.ts'));
    const patches = {
      'wrap-text.js': [
        ['const cache = {};', `import {frameTextCache as __ecsWizardTextCache} from ${helpers};\nconst cache = __ecsWizardTextCache();`, 1],
        ['const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);', 1],
        ['cache[cacheKey] = wrappedText;', 'cache.set(cacheKey, wrappedText);', 1],
      ],
      'measure-text.js': [
        ['const cache = new Map();', `import {frameTextCache as __ecsWizardTextCache} from ${helpers};\nconst cache = __ecsWizardTextCache();`, 1],
      ],
      'ink.js': [
        ['this.fullStaticOutput += staticOutput;', 'this.fullStaticOutput = __ecsWizardStaticTail(this.fullStaticOutput, staticOutput);', 2],
        [
          "import process from 'node:process';",
          `import process from 'node:process';\nimport {keepStaticTail as __ecsWizardStaticTail, nextTextFrame as __ecsWizardNextTextFrame} from ${helpers};`,
          1,
        ],
        [
          'onRender = () => {\n        this.hasPendingThrottledRender = false;',
          'onRender = () => {\n        __ecsWizardNextTextFrame();\n        this.hasPendingThrottledRender = false;',
          1,
        ],
      ],
    };
    plugin.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/](wrap-text|measure-text|ink)\.js$/}, (args) => {
      const name = args.path.split(/[\\/]/).pop();
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to, count] of patches[name]) {
        const found = text.split(from).length - 1;
        if (found !== count)
          throw new Error(`${args.path}: expected ${count} × \`${from}\`, found ${found}; Ink changed: update scripts/build.mjs and source/ui/ink-memory.ts`);
        text = text.replaceAll(from, to);
      }
      return {contents: text, loader: 'js', resolveDir: dirname(args.path)};
    });
  },
};

const full = await build({
  entryPoints: {main: join(root, 'source', 'main.ts')},
  outdir,
  metafile: true,
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
  outExtension: {'.js': '.mjs'},
  define: {
    'process.env.NODE_ENV': '"production"',
    __ECS_WIZARD_VERSION__: JSON.stringify(pkg.version),
  },
  // Ink imports react-devtools-core only when DEV is set; never bundle it.
  alias: {'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs')},
  plugins: [yogaWasmBinary, inkMemory],
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __ecsWizardCreateRequire} from 'node:module';const require=__ecsWizardCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

/**
 * The modules the plain bundle may not hold: those whose static imports reach a vendor package (node_modules) or the
 * Ink screens (source/ui/). A dynamic import of one of them from the plain bundle's code becomes a module that throws
 * (plain.ts's servedHere keeps the command lines that could reach one on the full program).
 */
function modulesOutsidePlain(metafile) {
  const inputs = metafile.inputs;
  const outside = new Map();
  const isOutside = (input, seen = new Set()) => {
    if (outside.has(input)) return outside.get(input);
    if (seen.has(input)) return false;
    seen.add(input);
    let result = input.startsWith('node_modules/') || input.includes('/node_modules/') || input.startsWith('source/ui/');
    for (const imported of inputs[input]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external && isOutside(imported.path, seen)) result = true;
    }
    outside.set(input, result);
    return result;
  };
  for (const input of Object.keys(inputs)) isOutside(input);
  return new Set([...outside].filter(([, result]) => result).map(([input]) => input));
}

const outsidePlain = modulesOutsidePlain(full.metafile);
/**
 * One plain bundle per plain command (dist/plain-<command>.cjs), holding that command's module and no other
 * command's: the smaller the script, the less there is to read and to take from the code cache on every run.
 */
const PLAIN_COMMANDS = {list: 'source/commands/profiles-list.ts', render: 'source/commands/render.ts', diff: 'source/commands/diff.ts'};
/**
 * The composition root's adapters that a plain command never asks for (it reads the profile store only), left out of
 * its bundle like a vendor package: `profiles list` and `render` reach no AWS, registry or simulator adapter. Their
 * code would only be read and taken from the code cache on every run. test/e2e/plain-bundle.test.ts runs each.
 */
const UNREACHED = {
  list: ['source/adapters/aws/', 'source/adapters/registry/', 'source/adapters/simulator/'],
  render: ['source/adapters/aws/', 'source/adapters/registry/', 'source/adapters/simulator/'],
};
const notBundled = (command) => ({
  name: 'not-in-the-plain-bundle',
  setup(plugin) {
    plugin.onResolve({filter: /.*/}, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.resolving) return undefined;
      const resolved = await plugin.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {resolving: true}});
      const input = resolved.external ? args.path : relative(root, resolved.path);
      const otherCommand = input.startsWith('source/commands/') && input !== PLAIN_COMMANDS[command];
      const unreached = (UNREACHED[command] ?? []).some((prefix) => input.startsWith(prefix));
      if (!resolved.external && !outsidePlain.has(input) && !otherCommand && !unreached) return resolved;
      return {path: input, namespace: 'not-in-the-plain-bundle'};
    });
    plugin.onLoad({filter: /.*/, namespace: 'not-in-the-plain-bundle'}, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the plain bundle of ${command} (launcher.ts: this command line should have run from dist/main.mjs)`)});`,
      loader: 'js',
    }));
  },
});
const plainBuilds = {};
for (const command of Object.keys(PLAIN_COMMANDS)) {
  const outfile = join(outdir, `plain-${command}.cjs`);
  const plain = await build({
    entryPoints: [join(root, 'source', 'plain.ts')],
    outfile,
    metafile: true,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    keepNames: true,
    legalComments: 'none',
    sourcemap: 'linked',
    define: {
      'process.env.NODE_ENV': '"production"',
      __ECS_WIZARD_VERSION__: JSON.stringify(pkg.version),
      __PLAIN_COMMAND__: JSON.stringify(command),
      'import.meta.url': '__ecsWizardModuleUrl',
    },
    banner: {js: "var __ecsWizardModuleUrl=require('node:url').pathToFileURL(__filename).href;"},
    plugins: [notBundled(command)],
    logLevel: 'warning',
  });
  const vendors = Object.keys(plain.metafile.inputs).filter(
    (input) => !input.startsWith('not-in-the-plain-bundle:') && (input.includes('node_modules/') || input.startsWith('source/ui/')),
  );
  if (vendors.length > 0) {
    throw new Error(
      `${outfile} must hold no vendor package and no Ink screen; it holds ${vendors.slice(0, 5).join(', ')}. Something the ${command} command reaches ` +
        'imports it statically: import it with import() where it is needed, or take the command out of PLAIN_COMMANDS here and of plainCandidate in source/launcher.ts.',
    );
  }
  plainBuilds[command] = createHash('sha256').update(readFileSync(outfile)).digest('hex').slice(0, 16);
}

// The launcher, with the builds of the plain bundles it keeps code caches of (the cache files are named by them).
await build({
  entryPoints: {cli: join(root, 'source', 'bin.ts')},
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  define: {__PLAIN_BUILDS__: JSON.stringify(plainBuilds)},
  banner: {js: '#!/usr/bin/env node'},
  logLevel: 'warning',
});
// dist/cli.js is a CommonJS script (this package is "type": "module"; dist/ says otherwise for its own files): node
// runs a CommonJS entry without starting its ES module loader, which the plain commands never need.
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({type: 'commonjs'})}\n`);
