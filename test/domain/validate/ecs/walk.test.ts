import {describe, expect, test} from 'vitest';
import type {JsonValue} from '../../../../source/domain/json.js';
import {boolean, decimal, integer, list, map, object, oneOf, text} from '../../../../source/domain/validate/ecs/field-kinds.js';
import type {Field} from '../../../../source/domain/validate/ecs/field-kinds.js';
import {Report} from '../../../../source/domain/validate/report.js';
import {orList, walk} from '../../../../source/domain/validate/ecs/walk.js';

const table = object(
  'a widget',
  {
    mode: oneOf('fast', 'slow'),
    count: integer(0),
    size: integer(21, 200),
    port: integer(1, 65535, 'port-range'),
    share: decimal(0.1, 100),
    on: boolean,
    name: text({maxLength: 5}),
    parts: list(object('a part', {id: text()}, {required: ['id']}), {item: 'part', maxItems: 2}),
    words: list(text(), {item: 'word', minItems: 1}),
    labels: map(text()),
  },
  {required: ['mode'], fixes: {mode: 'Write "mode": "fast"'}},
);

const check = (value: JsonValue, field: Field = table): Report => {
  const report = new Report('containerSpec');
  walk(report, value, field, '', 'The widget');
  return report;
};
const found = (value: JsonValue): string[] =>
  check(value).issues.map((issue) => `${issue.severity} ${issue.code} ${issue.path}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`);

describe('the walker reads a field table', () => {
  test('a valid value has no issues', () => {
    expect(found({mode: 'fast', count: 0, size: 21, port: 80, share: 0.5, on: false, name: 'abc', parts: [{id: 'a'}], words: ['w'], labels: {a: 'b'}})).toEqual(
      [],
    );
  });

  test.each<[string, JsonValue, string[]]>([
    ['a required member missing, with its fix', {}, ['error missing-field mode: A widget needs mode (Write "mode": "fast")']],
    [
      'an enum value, case-sensitive, with the near match',
      {mode: 'FAST'},
      ['error invalid-value mode: mode must be "fast" or "slow", found "FAST" (Write "fast" (the values are case-sensitive))'],
    ],
    [
      'a boolean written as a string',
      {mode: 'fast', on: 'true'},
      ['error wrong-type on: on must be true or false, found a string ("true") (Write true without quotes)'],
    ],
    [
      'a number written as a string',
      {mode: 'fast', count: '3'},
      ['error wrong-type count: count must be a whole number, found a string ("3") (Write 3 without quotes)'],
    ],
    ['a negative count is the wrong kind of number', {mode: 'fast', count: -1}, ['error wrong-type count: count must be between 0 and 2147483647, found -1']],
    ['beyond a 32-bit integer', {mode: 'fast', count: 1e12}, ['error out-of-range count: count must be between 0 and 2147483647, found 1000000000000']],
    ['outside a documented range', {mode: 'fast', size: 500}, ['error out-of-range size: size must be between 21 and 200, found 500']],
    ['a field with its own range code', {mode: 'fast', port: 0}, ['error port-range port: port must be between 1 and 65535, found 0']],
    ['a fraction where it is allowed, out of range', {mode: 'fast', share: 0.05}, ['error out-of-range share: share must be between 0.1 and 100, found 0.05']],
    ['a fraction where a whole number belongs', {mode: 'fast', count: 1.5}, ['error wrong-type count: count must be a whole number, found a number (1.5)']],
    ['too long a string', {mode: 'fast', name: 'abcdefg'}, ['error out-of-range name: name is 7 characters long; ECS takes at most 5']],
    [
      'an object where a list belongs, with a fix',
      {mode: 'fast', parts: {id: 'a'}},
      ['error wrong-type parts: parts must be an array of parts, found an object (Write it as [ … ], one object per part)'],
    ],
    ['a list item of the wrong type', {mode: 'fast', parts: ['a']}, ['error wrong-type parts[0]: Each part must be an object, found a string ("a")']],
    ['a list item missing its required member', {mode: 'fast', parts: [{}]}, ['error missing-field parts[0].id: A part needs id']],
    ['too many items', {mode: 'fast', parts: [{id: 'a'}, {id: 'b'}, {id: 'c'}]}, ['error too-many parts: parts holds at most 2 entries in ECS, found 3']],
    ['too few items', {mode: 'fast', words: []}, ['error missing-field words: words needs at least 1 entry, found 0']],
    ['a map value of the wrong type', {mode: 'fast', labels: {a: 1}}, ['error wrong-type labels.a: labels value "a" must be a string, found a number (1)']],
    [
      'an unknown member is a warning',
      {mode: 'fast', colour: 'red'},
      [
        'warning unknown-field colour: "colour" is not a field of a widget that this tool knows; it is sent to ECS as written (Check its spelling (a field newer than this tool is fine))',
      ],
    ],
    [
      'null is a wrong type (render drops nulls before)',
      {mode: 'fast', on: null},
      ['error wrong-type on: on must be true or false, found null (Write true or false, without quotes)'],
    ],
  ])('%s', (_name, value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  test('a value holding a placeholder is not checked (a value of the right type is substituted)', () => {
    expect(found({mode: '${serviceVariable.mode}', count: '${serviceVariable.count}', on: '${serviceVariable.on}', parts: '${serviceVariable.parts}'})).toEqual(
      [],
    );
  });

  test('orList', () => {
    expect([orList([]), orList(['a']), orList(['a', 'b']), orList(['a', 'b', 'c'])]).toEqual(['', 'a', 'a or b', 'a, b or c']);
  });
});
