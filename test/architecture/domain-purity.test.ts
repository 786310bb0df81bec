import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';

/**
 * The domain core is pure: no React, Ink, AWS SDK, file system, timers, clock or environment.
 * Everything impure reaches it through ports (source/ports) and arguments.
 */
const domainDir = join(import.meta.dirname, '..', '..', 'source', 'domain');

function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const forbiddenImports = [
  /^react/,
  /^ink/,
  /^@aws-sdk\//,
  /^@smithy\//,
  /^(node:)?fs(\/|$)/,
  /^(node:)?timers/,
  /^(node:)?child_process/,
  /^(node:)?net$/,
  /^(node:)?http/,
  /^conf$/,
];
const forbiddenCalls = [
  /\bsetTimeout\s*\(/,
  /\bsetInterval\s*\(/,
  /\bsetImmediate\s*\(/,
  /\bDate\.now\s*\(/,
  /\bnew Date\s*\(\s*\)/,
  /\bprocess\.(env|stdout|stderr|stdin|exit|cwd)\b/,
  /\brequire\s*\(/,
  /\bimport\s*\(/,
];

export function impurities(text: string): string[] {
  const found: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    const specifier = match[1] ?? match[2]!;
    if (forbiddenImports.some((pattern) => pattern.test(specifier))) found.push(`imports ${specifier}`);
  }
  for (const pattern of forbiddenCalls) if (pattern.test(code)) found.push(`uses ${pattern.source}`);
  return found;
}

describe('domain purity', () => {
  test('the checker catches each kind of impurity', () => {
    expect(impurities("import React from 'react';")).toEqual(['imports react']);
    expect(impurities("import {render} from 'ink';")).toEqual(['imports ink']);
    expect(impurities("import {ECSClient} from '@aws-sdk/client-ecs';")).toEqual(['imports @aws-sdk/client-ecs']);
    expect(impurities("import {readFileSync} from 'node:fs';")).toEqual(['imports node:fs']);
    expect(impurities("import {readFile} from 'fs/promises';")).toEqual(['imports fs/promises']);
    expect(impurities("import {setTimeout} from 'node:timers/promises';")).toEqual(['imports node:timers/promises']);
    expect(impurities('const t = setTimeout(() => {}, 10);')).toHaveLength(1);
    expect(impurities('const now = Date.now();')).toHaveLength(1);
    expect(impurities('const region = process.env.AWS_REGION;')).toHaveLength(1);
    expect(impurities("import type {Profile} from './model.js';\nconst x = 1;")).toEqual([]);
    expect(impurities('// setTimeout( in a comment is fine\nconst x = 1;')).toEqual([]);
  });

  const files = sources(domainDir);
  test('source/domain has modules to check', () => {
    expect(files.length).toBeGreaterThan(2);
  });

  test.each(files.map((file) => [file.slice(domainDir.length + 1), file]))('%s is pure', (_name, file) => {
    expect(impurities(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
