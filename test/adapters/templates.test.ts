import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {readTemplate, templatesDirectory} from '../../source/adapters/templates.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import {TEMPLATE_NAMES} from '../../source/domain/templates.js';

describe('templates adapter', () => {
  test('finds templates/ beside package.json from a module deep inside the package', () => {
    expect(templatesDirectory(join(import.meta.dirname, '..', '..', 'dist', 'chunks', 'x.js'))).toBe(join(import.meta.dirname, '..', '..', 'templates'));
  });

  test.each(TEMPLATE_NAMES)('reads %s as text the domain parses', async (name) => {
    const text = await readTemplate(name);
    const parsed = parseJsonText(text, name.startsWith('service') ? 'serviceSpec' : 'containerSpec');
    expect(parsed.issues).toEqual([]);
  });

  test('outside a package it says the folder is missing', () => {
    expect(() => templatesDirectory(join(mkdtempSync(join(tmpdir(), 'ecsw-')), 'a.js'))).toThrow(/templates folder of ecs-wizard is missing/);
  });
});
