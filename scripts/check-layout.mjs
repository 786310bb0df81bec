#!/usr/bin/env node
// test/ mirrors source/: the test of source/x/y.ts is test/x/y.test.ts (or .test.tsx); one aspect of it may have a
// file of its own, test/x/y.<aspect>.test.ts. Suites that test the program as a whole (test/integration,
// test/e2e), tests of the code base's own shape (test/architecture) and the shared helpers (test/helpers) are the
// exceptions.
// Part of `npm run lint`; exits 1 listing each test file that has no source file of its name.
import {existsSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const WHOLE_PROGRAM = new Set(['integration', 'e2e', 'helpers', 'architecture']);

function* testFiles(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === join(root, 'test') && WHOLE_PROGRAM.has(entry.name)) continue;
      yield* testFiles(path);
    } else if (/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

const orphans = [];
for (const file of testFiles(join(root, 'test'))) {
  const stem = relative(join(root, 'test'), file).replace(/\.test\.tsx?$/, '');
  const candidates = [stem, stem.replace(/\.[^./]+$/, '')];
  const found = candidates.some((candidate) => ['.ts', '.tsx'].some((ext) => existsSync(join(root, 'source', candidate + ext))));
  if (!found) orphans.push(relative(root, file));
}
if (orphans.length > 0) {
  console.error(`test/ must mirror source/: no source/<same path>.ts(x) for\n${orphans.map((file) => `  ${file}`).join('\n')}`);
  process.exit(1);
}
