/**
 * dist/cli.js, the program as installed: picks which bundle runs the command line, before either is loaded. It is a
 * CommonJS script (dist/package.json says `"type": "commonjs"` for dist/ alone): node then runs it without starting
 * its ES module loader, which the plain commands never need (~3 ms of each, measured with bench:startup); the full
 * program's import() starts it when needed.
 *
 * - `profiles list`, `render` and `diff … --simulate` each run from dist/plain-<command>.cjs, one classic script holding
 *   all the code that command can reach (see plain.ts). It is compiled through `vm.Script` with V8's code cache: the code V8 compiled on
 *   an earlier run is read back instead of being parsed and compiled again. Node 20 has no compile cache for ES
 *   modules (`module.enableCompileCache` is Node ≥ 22.1), and compiling is most of what these commands cost above
 *   node's own start.
 * - Everything else (the home screen, the wizard, deploys, every command that may need Ink or the AWS SDK) imports
 *   dist/main.mjs, the ESM bundle split into chunks (`.mjs`, since dist/ is CommonJS by default).
 *
 * The cache is never a correctness risk. It lives in the user's cache folder (`ECS_WIZARD_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/ecs-wizard`, `~/.cache/ecs-wizard`; the platform's cache folder on macOS and Windows), one file per
 * plain bundle, named by its build and command (`plain-<build>-<command>.v8cache`, 0600; the same command's file of
 * another build is removed when one is written).
 * The file starts with a header line naming the format, the build it was made from, the length and a 64-bit checksum
 * of the data (see FNV_WASM): a file of another build, cut short, or with one byte changed is ignored (V8 itself checks only its version,
 * flags and the source's length, not the data's checksum, on Node 20) and written anew when the run ends. So is a
 * cache V8 rejects. A file or folder that is another user's, or that group or others may write, is neither read nor
 * written (the cache is code this process runs). It is written atomically (a temporary file renamed over it); a
 * folder that cannot be written only costs the gain. `ECS_WIZARD_CODE_CACHE=0` turns it off (the plain bundle is then compiled on every run);
 * `ECS_WIZARD_PLAIN_BUNDLE=0` sends every command line to the full program.
 */
import type {Stats} from 'node:fs';
import {fnv1a64} from './adapters/fnv-1a.js';

// Node's own modules through process.getBuiltinModule, not `import`: in the CommonJS bundle an import of one becomes
// esbuild's __toESM(require(…)), a copy of every export; in an ES module it builds the module's facade, which reads
// every export once (node:fs's ReadStream getter then loads the fs streams).
const fs = process.getBuiltinModule('node:fs');
const nodeModule = process.getBuiltinModule('node:module');
const os = process.getBuiltinModule('node:os');
const path = process.getBuiltinModule('node:path');
const {pathToFileURL} = process.getBuiltinModule('node:url');
const vm = process.getBuiltinModule('node:vm');

/** The magic of a cache file's header line: `ecs-wizard-code-cache 1 <build> <length> <checksum>`. */
const MAGIC = 'ecs-wizard-code-cache 1';
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/**
 * A quick look at the command line, before any bundle is loaded: the plain command it may be (`list`, `render`,
 * `diff`), or undefined. The plain bundle then decides exactly, with the program's own parser (plain.ts's
 * `servedHere`). Words before a `--` only.
 */
export function plainCandidate(argv: readonly string[]): 'list' | 'render' | 'diff' | undefined {
  const end = argv.indexOf('--');
  const words = end === -1 ? argv : argv.slice(0, end);
  const [first, second] = words;
  if (first === 'profiles' && second === 'list') return 'list';
  if (first === 'render') return 'render';
  if (first === 'diff' && words.some((word) => word === '--simulate' || word.startsWith('--simulate='))) return 'diff';
  return undefined;
}

/** The folder of the code cache (see the header). */
export function cacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.ECS_WIZARD_CACHE_DIR) return path.resolve(env.ECS_WIZARD_CACHE_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'ecs-wizard');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'ecs-wizard', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'ecs-wizard');
}

/** The checksum of `data` in a cache file's header: 16 hex digits (see adapters/fnv-1a.ts). */
export const checksum = fnv1a64;

/** The cache file's bytes for `data` of build `build`. */
export function encodeCodeCache(build: string, data: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC} ${build} ${data.byteLength} ${checksum(data)}\n`, 'latin1'), data]);
}

/** The V8 data in a cache file's bytes, or undefined when they are not a whole, unchanged cache of build `build`. */
export function decodeCodeCache(build: string, bytes: Buffer): Buffer | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline === -1 || newline > 200) return undefined;
  const header = bytes.subarray(0, newline).toString('latin1').split(' ');
  const [name, format, fileBuild, length, digest] = header;
  if (header.length !== 5 || `${name} ${format}` !== MAGIC || fileBuild !== build) return undefined;
  const data = bytes.subarray(newline + 1);
  if (String(data.byteLength) !== length || checksum(data) !== digest) return undefined;
  return data;
}

/**
 * Reads the cache file; undefined when it is missing, unreadable, not a valid cache of this build, or in a file or
 * folder that is another user's or that others may write.
 */
export function readCodeCache(file: string, build: string): Buffer | undefined {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Code that this process will run: only from a file and folder that no other user could have written.
    if (!ownedAndPrivate(fs.statSync(path.dirname(file)))) return undefined;
    fd = fs.openSync(file, 'r');
    if (!ownedAndPrivate(fs.fstatSync(fd))) return undefined;
    bytes = fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return decodeCodeCache(build, bytes);
}

/** Owned by this user (where there are users) and writable by no one else. */
function ownedAndPrivate(stats: Stats): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || stats.uid === uid) && (process.platform === 'win32' || (stats.mode & 0o022) === 0);
}

/**
 * Writes the cache file atomically (0600, its folder created 0700) and removes the same command's files of other
 * builds; false when it could not, or when the folder is another user's or others may write it.
 */
export function writeCodeCache(file: string, build: string, data: Uint8Array): boolean {
  const directory = path.dirname(file);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    fs.mkdirSync(directory, {recursive: true, mode: DIRECTORY_MODE});
    // A folder others may write is never read from (readCodeCache): writing there would only cost time on every run.
    if (!ownedAndPrivate(fs.statSync(directory))) return false;
    fs.writeFileSync(temporary, encodeCodeCache(build, data), {mode: FILE_MODE, flag: 'wx'});
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, {force: true});
    } catch {
      // Its folder cannot be there either (e.g. a file stands where the folder should be).
    }
    return false;
  }
  try {
    // The same command's file of another build (`plain-<build>-<command>.v8cache`): an upgrade left it.
    const command = /^plain-[0-9a-f]+-([a-z]+)\.v8cache$/.exec(path.basename(file))?.[1];
    for (const name of fs.readdirSync(directory)) {
      const other = /^plain-([0-9a-f]+)-([a-z]+)\.v8cache$/.exec(name);
      if (command !== undefined && other !== null && other[2] === command && other[1] !== build) fs.rmSync(path.join(directory, name), {force: true});
    }
  } catch {
    // Another build's file left behind costs only disk space.
  }
  return true;
}

export interface LoadedScript {
  /** The module's exports. */
  exports: Record<string, unknown>;
  /** Whether V8 took the cached code (false: it was compiled from the source). */
  cached: boolean;
  /** Writes the cache now, from what V8 has compiled of the script so far; false when there is none or it failed. */
  save(): boolean;
  /**
   * When the script was compiled from its source: writes the cache when the process exits (the data then holds the
   * functions compiled during the run, not only the top level). Nothing when the cache was used or there is none.
   */
  saveAtExit(): void;
}

/**
 * Runs the CommonJS script `filename` (its `source`) with V8's code cache in `cacheFile` (undefined: no cache): a
 * valid cache of build `build` is used, anything else is ignored and the script compiled from its source.
 */
export function runCachedScript(options: {source: string; filename: string; build: string; cacheFile?: string}): LoadedScript {
  const {source, filename, build, cacheFile} = options;
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile, build);
  const script = new vm.Script(nodeModule.wrap(source), {filename, ...(cachedData === undefined ? {} : {cachedData})});
  const cached = cachedData !== undefined && script.cachedDataRejected !== true;
  const module = {exports: {} as Record<string, unknown>};
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(filename), module, filename, path.dirname(filename));
  const save = (): boolean => cacheFile !== undefined && writeCodeCache(cacheFile, build, script.createCachedData());
  return {
    exports: module.exports,
    cached,
    save,
    saveAtExit() {
      if (cacheFile !== undefined && !cached) process.once('exit', save);
    },
  };
}

/** What plain.ts exports. */
interface PlainBundle {
  servedHere(argv: readonly string[], env: NodeJS.ProcessEnv): boolean;
  runAsProgram(): void;
}

/**
 * Runs the command line: from the plain bundle when it serves it, else from the full program. `directory` holds the
 * bundles (dist/); `builds` identifies the build of each plain bundle, by command. Each plain command keeps its own cache file
 * (`plain-<build>-<command>.v8cache`), made from a run of that command, so that it holds what that command compiles.
 */
export async function launch(directory: string, builds: Readonly<Record<string, string>>, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const candidate = env.ECS_WIZARD_PLAIN_BUNDLE === '0' ? undefined : plainCandidate(argv);
  const build = candidate === undefined ? undefined : builds[candidate];
  if (candidate !== undefined && build !== undefined) {
    const filename = path.join(directory, `plain-${candidate}.cjs`);
    let source: string | undefined;
    try {
      source = fs.readFileSync(filename, 'utf8');
    } catch {
      // No plain bundle (a partial copy of dist/): the full program serves everything.
    }
    let loaded: LoadedScript | undefined;
    let served = false;
    if (source !== undefined) {
      const cacheFile = env.ECS_WIZARD_CODE_CACHE === '0' ? undefined : path.join(cacheDirectory(env), `plain-${build}-${candidate}.v8cache`);
      try {
        loaded = runCachedScript({source, filename, build, ...(cacheFile === undefined ? {} : {cacheFile})});
        served = (loaded.exports as unknown as PlainBundle).servedHere(argv, env);
      } catch {
        // A plain bundle that does not load (nothing has run yet): the full program serves the command line.
      }
    }
    if (loaded !== undefined && served) {
      loaded.saveAtExit();
      (loaded.exports as unknown as PlainBundle).runAsProgram();
      return;
    }
  }
  await import(pathToFileURL(path.join(directory, 'main.mjs')).href);
}
