import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {JsonValue} from '../../source/domain/json.js';
import {setMember} from '../../source/domain/json-text.js';
import {cloneJson, dropNulls, withoutNulls} from '../../source/domain/json-values.js';

/** JSON values with nulls at any depth, and the keys that are special to JavaScript objects. */
const jsonWithNulls: fc.Arbitrary<JsonValue> = fc.letrec<{value: JsonValue}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.constant(null),
    fc.string({maxLength: 4}),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), {maxLength: 4}),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', '1', '0'), tie('value')), {maxLength: 5}).map((members) => {
      const object: Record<string, JsonValue> = {};
      for (const [key, member] of members) setMember(object, key, member);
      return object;
    }),
  ),
})).value;

describe('withoutNulls: dropNulls for a tree the caller owns', () => {
  test('gives what dropNulls gives, to the order of the keys', () => {
    fc.assert(
      fc.property(jsonWithNulls, (value) => {
        const expected = dropNulls(value);
        const got = withoutNulls(cloneJson(value));
        expect(got).toEqual(expected);
        expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
        if (got !== null && typeof got === 'object') expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(expected));
      }),
      {numRuns: 500},
    );
  });

  test('copies only the objects that have a null member; keeps the rest, updated in place', () => {
    const kept: {a: number; list: JsonValue[]; inner: JsonValue} = {a: 1, list: [{b: null, c: 2}, {d: 3}], inner: {e: 'x'}};
    const inner = kept.inner;
    const second = kept.list[1];
    const result = withoutNulls(kept) as unknown as typeof kept;
    expect(result).toBe(kept);
    expect(result.inner).toBe(inner);
    expect(result.list[1]).toBe(second);
    expect(result.list[0]).toEqual({c: 2});
    const withNull = {a: null, b: {c: 1}};
    const copied = withoutNulls(withNull) as Record<string, JsonValue>;
    expect(copied).not.toBe(withNull);
    expect(copied).toEqual({b: {c: 1}});
    expect(copied['b']).toBe(withNull.b);
    expect(withoutNulls(null)).toBeNull();
  });
});
