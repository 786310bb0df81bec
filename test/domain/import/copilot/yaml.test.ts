import {expect, test} from 'vitest';
import {at, parseYaml} from '../../../../source/domain/import/copilot/yaml.js';

test('every key and value keeps its line and column', () => {
  const result = parseYaml('copilot/api/manifest.yml', '# comment\nname: api\nimage:\n  location: nginx:1.27\n  port: 80\nlist:\n  - a\n  - b\n');
  if (!result.ok) throw new Error(result.problem.message);
  expect(result.root.kind).toBe('map');
  expect(at(result.root, 'image', 'port')).toEqual({kind: 'scalar', at: {file: 'copilot/api/manifest.yml', line: 5, column: 9}, value: 80});
  expect(result.root.kind === 'map' ? result.root.entries.map((entry) => [entry.key, entry.at.line, entry.at.column]) : []).toEqual([
    ['name', 2, 1],
    ['image', 3, 1],
    ['list', 6, 1],
  ]);
  expect(at(result.root, 'list')).toMatchObject({
    kind: 'seq',
    items: [
      {value: 'a', at: {line: 7, column: 5}},
      {value: 'b', at: {line: 8, column: 5}},
    ],
  });
});

test('an empty file is an empty map; aliases are followed', () => {
  expect(parseYaml('f.yml', '')).toEqual({ok: true, root: {kind: 'map', at: {file: 'f.yml', line: 1, column: 1}, entries: []}});
  const result = parseYaml('f.yml', 'base: &b\n  cpu: 256\nother: *b\n');
  expect(result.ok && at(result.root, 'other', 'cpu')).toMatchObject({value: 256});
});

test.each([
  ['a tab for indentation', 'name: api\nimage:\n\tport: 80\n', 3, 1],
  ['an unclosed quote (reported where the text ends)', 'name: "api\n', 2, 1],
  ['a key written twice', 'cpu: 256\ncpu: 512\n', 2, 1],
  ['a merge key', 'base: &b {cpu: 1}\nweb:\n  <<: *b\n', 3, 3],
])('%s is an error at its line and column', (_name, text, line, column) => {
  const result = parseYaml('copilot/web/manifest.yml', text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problem.at).toEqual({file: 'copilot/web/manifest.yml', line, column});
});
