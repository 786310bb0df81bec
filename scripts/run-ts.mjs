#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, tools) by bundling it in memory with esbuild:
//   node scripts/run-ts.mjs scripts/bench-diff.ts [args…]
import {build} from 'esbuild';
import {writeFileSync, mkdirSync} from 'node:fs';
import {join, resolve, basename} from 'node:path';
import {pathToFileURL} from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const result = await build({
  entryPoints: [resolve(file)],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  write: false,
  jsx: 'automatic',
  define: {'process.env.NODE_ENV': '"production"'},
  logLevel: 'warning',
});
const outdir = join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(outdir, {recursive: true});
const out = join(outdir, basename(file).replace(/\.tsx?$/, '.mjs'));
writeFileSync(out, result.outputFiles[0].text);
process.argv = [process.argv[0], resolve(file), ...args];
await import(pathToFileURL(out).href);
