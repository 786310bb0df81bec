/**
 * Startup benchmark of the built CLI (`npm run bench:startup` builds first), as ratios to a node floor measured in
 * the same rounds. Each measure runs in a pty (node-pty, CI=false so that Ink renders), in rounds — one sample of
 * every measure per round — so that the load of a shared machine falls on all of them alike. Prints min / median /
 * max and the median's ratio to the median of its floor.
 *
 * Every measure is compared with a floor that stops at the same event (FLOORS below):
 *
 *   spawn → exit         the plain commands (`profiles list`, `render`, `diff`) are timed from spawn to the child's
 *                        exit — what a person waits for before the prompt comes back, and what `$(…)` waits for —
 *                        against `node -e "console.log('node floor')"` timed the same way, to its exit.
 *   spawn → on screen    the first frames (the home screen's title; a bare Ink "hello") are timed to the moment the
 *                        text is on the screen (the child is then killed), against the same `node -e` timed to its
 *                        line on the screen.
 *
 * The floor is not the same number in both: a node process that has printed still has to exit (its exit handlers,
 * the stream flush, the teardown of the isolate), a few milliseconds that a plain command pays too. Timing the floor
 * to its line and the commands to their exit (as this bench did before) made every plain command look that much
 * slower; timing both to their first line would leave out the part of a plain command that follows its output.
 *
 *   spawn → home first frame      the home title on the screen; an empty store, and a store of 300 profiles (and big)
 *   bare Ink "hello"              an esbuild bundle of one <Text> (the same build options), for scale
 *   profiles list                 spawn → exit; 5 and 300 profiles (flat in the number of profiles)
 *   render big --env dev          a profile of 10 containers × 100 env vars, in the store of 300 others
 *   diff big --simulate           the same, against the rollout simulator (--exit-code: 1, it has changes)
 *   render, no code cache yet     render with an empty code cache folder (launcher.ts), as on the first run of a build;
 *                                 every other plain sample uses the cache that the warm-up round wrote
 *
 *   spawn → home, first start     the same with no kept frame (ui/instant-frame.ts paints a kept one at once)
 *
 * The stores are written by bench-store.ts (today's schema, through the store's own rules); before the rounds, each
 * plain command runs once and must print what it should (301 profiles listed, the big profile rendered, a diff), so
 * that a store the program refuses can never be timed as a fast error.
 *
 *   node scripts/run-ts.mjs scripts/bench-startup.ts [--runs N] [--check] [--markdown] [--write-readme] [--baseline CLI]
 *
 * `--baseline CLI` also measures another build (e.g. main's dist/cli.js) in the same rounds, in rows marked "before".
 *
 * `--check` exits 1 when a ratio misses its goal; `--markdown` also prints the rows of readme.md's table;
 * `--write-readme` replaces that table in readme.md (between its bench:startup markers). Only loopback: the child gets
 * a closed local AWS endpoint and dummy credentials.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {build} from 'esbuild';
import {spawn} from 'node-pty';
import {writeBenchStore} from './bench-store.js';
import {machineLine, measureRounds, ratioRows, replaceReadmeBlock, type Measure} from './bench-report.js';

const HOME_TITLE = 'ecs-wizard · home';
/** The two floors (see the header): `node -e` printing one line, timed to its exit and to its line on the screen. */
const FLOORS = {exit: 'floor-exit', screen: 'floor-screen'} as const;
const FLOOR_LINE = 'node floor';
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns === -1 ? 21 : Number(process.argv[argRuns + 1]);
const TIMEOUT_MS = 20_000;

// run-ts.mjs runs a bundle from node_modules/.cache and sets argv[1] to this file.
const root = join(dirname(process.argv[1]!), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench:startup`, which builds).');
  process.exit(1);
}

const ANSI = /\u001B\[[0-9;?<>=]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78DEHMNOPZc]/g;

function env(configDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    CI: 'false',
    ECS_WIZARD_CONFIG_DIR: configDir,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Milliseconds from spawning `node ARGS` in a pty to `until` on its screen (then it is killed), or to its exit when
 * `until` is absent (its exit code must be one of `codes`).
 */
function inPty(
  args: string[],
  configDir: string,
  options: {until?: string; codes?: number[]; lingerMs?: number; env?: Record<string, string>},
): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    let elapsed: number | undefined;
    const start = process.hrtime.bigint();
    const pty = spawn(process.execPath, args, {name: 'xterm-256color', cols: 120, rows: 40, cwd: root, env: {...env(configDir), ...options.env}});
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')}: nothing within ${TIMEOUT_MS} ms; output:\n${output.replace(ANSI, '').slice(-2000)}`));
    }, TIMEOUT_MS);
    pty.onData((data) => {
      if (options.until === undefined) return;
      output += data;
      if (elapsed === undefined && output.replace(ANSI, '').includes(options.until)) {
        elapsed = ms(start);
        clearTimeout(timer);
        if (options.lingerMs === undefined) pty.kill('SIGKILL');
        else setTimeout(() => pty.kill('SIGKILL'), options.lingerMs);
      }
    });
    pty.onExit(({exitCode}) => {
      clearTimeout(timer);
      if (options.until === undefined) {
        if ((options.codes ?? [0]).includes(exitCode)) resolve(ms(start));
        else reject(new Error(`node ${args.join(' ')} exited ${exitCode}`));
      } else if (elapsed !== undefined) resolve(elapsed);
      else reject(new Error(`node ${args.join(' ')} exited before "${options.until}"; output:\n${output.replace(ANSI, '').slice(-2000)}`));
    });
  });
}

/** An esbuild bundle of a bare Ink app (one <Text>), built with the CLI's options, for scale. */
async function bareInkHello(directory: string): Promise<string> {
  mkdirSync(directory, {recursive: true});
  const source = join(directory, 'hello.mjs');
  writeFileSync(
    source,
    "import React from 'react';import {render, Text} from 'ink';const app = render(React.createElement(Text, null, 'hello from ink'));setTimeout(() => app.unmount(), 0);\n",
  );
  const out = join(directory, 'out');
  await build({
    entryPoints: {hello: source},
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    nodePaths: [join(root, 'node_modules')],
    define: {'process.env.NODE_ENV': '"production"'},
    alias: {'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs')},
    banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
    logLevel: 'warning',
  });
  return join(out, 'hello.js');
}

/**
 * Runs a plain command once through pipes and checks what it printed, so that the rounds never time a refusal (a
 * store the program does not accept answers fast, with exit 2).
 */
function verify(program: string, args: string[], configDir: string, expected: {code: number; stdout: (text: string) => boolean; what: string}): void {
  const result = spawnSync(process.execPath, [program, ...args], {cwd: root, env: env(configDir), encoding: 'utf8', timeout: TIMEOUT_MS});
  if (result.status !== expected.code || !expected.stdout(result.stdout)) {
    console.error(`node ${program} ${args.join(' ')}: expected exit ${expected.code} and ${expected.what}; got exit ${result.status}`);
    console.error(`${result.stdout.slice(0, 600)}${result.stderr.slice(0, 1200)}`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'ecs-wizard-bench-'));
try {
  const argBaseline = process.argv.indexOf('--baseline');
  const baseline = argBaseline === -1 ? undefined : process.argv[argBaseline + 1];
  /**
   * The stores of one build: a baseline gets its own, so that what one build keeps beside a store (its index, its
   * code cache, its home frame) is never another build's — an index of another format would be rebuilt on every run.
   */
  const storesOf = (name: string): {empty: string; small: string; large: string; fresh: string} => {
    const stores = {empty: join(work, name, 'empty'), small: join(work, name, 'small'), large: join(work, name, 'large'), fresh: join(work, name, 'fresh')};
    mkdirSync(stores.empty, {recursive: true, mode: 0o700});
    mkdirSync(stores.fresh, {recursive: true, mode: 0o700});
    writeBenchStore(stores.small, 5, false);
    // 300 ordinary profiles and the big one.
    writeBenchStore(stores.large, 300, true);
    return stores;
  };
  const {empty, small, large, fresh} = storesOf('this');
  const baselineStores = baseline === undefined ? undefined : storesOf('baseline');
  const hello = await bareInkHello(join(work, 'ink'));

  /** The measures of one build of the CLI (`label` tells a baseline's rows apart), on its stores. */
  const measuresOf = (program: string, label: string, goals: boolean, {empty, small, large, fresh}: ReturnType<typeof storesOf>): Measure[] => {
    const goal = (ratio: number): {goal?: number} => (goals ? {goal: ratio} : {});
    return [
      // Each sample is killed as soon as the title shows; the warm-up start lives on a moment, as a person's earlier
      // start did, and keeps its first frame for the next ones.
      {
        key: `home-empty${label}`,
        name: `spawn → home first frame, empty store${label}`,
        floor: FLOORS.screen,
        ...goal(2.5),
        warmUp: () => inPty([program], empty, {until: HOME_TITLE, lingerMs: 1000}),
        run: () => inPty([program], empty, {until: HOME_TITLE}),
      },
      {
        key: `home-300${label}`,
        name: `spawn → home first frame, 300 profiles${label}`,
        floor: FLOORS.screen,
        ...goal(2.5),
        warmUp: () => inPty([program], large, {until: HOME_TITLE, lingerMs: 1000}),
        run: () => inPty([program], large, {until: HOME_TITLE}),
      },
      {
        key: `home-first${label}`,
        name: `spawn → home first frame, the very first start (no frame kept)${label}`,
        floor: FLOORS.screen,
        run: () => (rmSync(join(fresh, 'home-frame.json'), {force: true}), inPty([program], fresh, {until: HOME_TITLE})),
      },
      {
        key: `list-5${label}`,
        name: `\`profiles list\`, 5 profiles, spawn → exit${label}`,
        floor: FLOORS.exit,
        ...goal(1.6),
        run: () => inPty([program, 'profiles', 'list'], small, {}),
      },
      {
        key: `list-300${label}`,
        name: `\`profiles list\`, 300 profiles, spawn → exit${label}`,
        floor: FLOORS.exit,
        ...goal(1.6),
        run: () => inPty([program, 'profiles', 'list'], large, {}),
      },
      {
        key: `render${label}`,
        name: `\`render big --env dev\` (10 × 100 env vars; 300 profiles), spawn → exit${label}`,
        floor: FLOORS.exit,
        ...goal(1.8),
        run: () => inPty([program, 'render', 'big', '--env', 'dev'], large, {}),
      },
      {
        // The plain commands keep V8's compiled code between runs (launcher.ts): every sample above but this one finds
        // the cache the warm-up round wrote; this one runs as the first run of a build does, and writes it.
        key: `render-uncached${label}`,
        name: `\`render big --env dev\`, no code cache yet (the first run of a build), spawn → exit${label}`,
        floor: FLOORS.exit,
        run: () => {
          const cacheDir = join(large, 'first-run-cache');
          rmSync(cacheDir, {recursive: true, force: true});
          return inPty([program, 'render', 'big', '--env', 'dev'], large, {env: {ECS_WIZARD_CACHE_DIR: cacheDir}});
        },
      },
      {
        key: `diff${label}`,
        name: `\`diff big --env dev --simulate --exit-code\`, spawn → exit${label}`,
        floor: FLOORS.exit,
        ...goal(2.5),
        run: () => inPty([program, 'diff', 'big', '--env', 'dev', '--simulate', '--exit-code'], large, {codes: [1]}),
      },
    ];
  };
  const checkPlain = (program: string, large: string): void => {
    verify(program, ['profiles', 'list'], large, {
      code: 0,
      stdout: (text) => text.trim().split('\n').length === 302 && text.includes('app-299'),
      what: '301 profiles (300 and the big one)',
    });
    verify(program, ['render', 'big', '--env', 'dev'], large, {code: 0, stdout: (text) => text.includes('"VARIABLE_099"'), what: 'the big profile rendered'});
    verify(program, ['diff', 'big', '--env', 'dev', '--simulate', '--exit-code'], large, {
      code: 1,
      stdout: (text) => text.includes('containerDefinitions'),
      what: 'a diff of the task definition',
    });
  };
  checkPlain(cli, large);
  if (baseline !== undefined && baselineStores !== undefined) checkPlain(baseline, baselineStores.large);
  const floorArgs = ['-e', `console.log('${FLOOR_LINE}')`];
  const measures: Measure[] = [
    {key: FLOORS.exit, name: '`node -e` printing one line, spawn → exit (the floor of the plain commands)', run: () => inPty(floorArgs, empty, {})},
    {
      key: FLOORS.screen,
      name: '`node -e` printing one line, spawn → the line on the screen (the floor of the first frames)',
      run: () => inPty(floorArgs, empty, {until: FLOOR_LINE}),
    },
    {
      key: 'ink',
      name: 'bare Ink "hello" (esbuild bundle, for scale), spawn → on the screen',
      floor: FLOORS.screen,
      run: () => inPty([hello], empty, {until: 'hello from ink'}),
    },
    ...measuresOf(cli, '', true, {empty, small, large, fresh}),
    ...(baseline === undefined || baselineStores === undefined ? [] : measuresOf(baseline, ' — before', false, baselineStores)),
  ];
  const results = await measureRounds(measures, RUNS);
  const {text, markdown, missed} = ratioRows(results, FLOORS.exit);
  const definition =
    'Each ratio is to the floor that stops at the same event: the plain commands are timed from spawn to their exit, against `node -e` printing one line timed to its exit; the first frames from spawn to their text on the screen, against the same `node -e` timed to its line on the screen.';
  console.log(`${machineLine()}; ${RUNS} rounds (after one warm-up round)`);
  console.log(text);
  console.log(`\n${definition}`);
  if (process.argv.includes('--markdown') || process.argv.includes('--write-readme')) console.log(`\n${markdown}`);
  if (process.argv.includes('--write-readme')) {
    replaceReadmeBlock(join(root, 'readme.md'), 'bench:startup', `${machineLine()}, ${RUNS} rounds:\n\n${markdown}\n\n${definition}`);
  }
  if (process.argv.includes('--check') && missed) process.exitCode = 1;
} finally {
  rmSync(work, {recursive: true, force: true});
}
