import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {JsonValue} from '../../source/domain/json.js';
import {parseJsonText, setMember} from '../../source/domain/json-text.js';
import {dropNulls} from '../../source/domain/json-values.js';
import {substitutePlaceholders, type PlaceholderValues, type SubstituteOptions} from '../../source/domain/placeholders.js';

const values: PlaceholderValues = {dockerImageName: 'repo/app:1', containerName: 'app', variables: {A: 'x', NOTHING: 'null', PORT: '80'}};

/** JSON values with nulls and placeholders at any depth, and keys special to JavaScript objects. */
const tree: fc.Arbitrary<JsonValue> = fc.letrec<{value: JsonValue}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.constant(null),
    fc.constantFrom('${serviceVariable.A}', 'pre-${serviceVariable.A}', '${DOCKER_IMAGE_NAME}', '${serviceVariable.MISSING}', '$${HOME}', 'plain'),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), {maxLength: 4}),
    fc.array(fc.tuple(fc.constantFrom('a', 'containerPort', '__proto__', 'constructor', '0'), tie('value')), {maxLength: 5}).map((members) => {
      const object: Record<string, JsonValue> = {};
      for (const [key, member] of members) setMember(object, key, member);
      return object;
    }),
  ),
})).value;

describe('substitutePlaceholders with dropNulls: what dropNulls of its result gives, in one copy', () => {
  const same = (value: JsonValue, options: SubstituteOptions): void => {
    const dropped = substitutePlaceholders(value, values, {...options, dropNulls: true});
    const kept = substitutePlaceholders(value, values, options);
    expect(dropped.value).toEqual(dropNulls(kept.value));
    expect(JSON.stringify(dropped.value)).toBe(JSON.stringify(dropNulls(kept.value)));
    expect(dropped.issues).toEqual(kept.issues);
  };

  test('for any tree (object members dropped, array items kept; the issues are the same)', () => {
    fc.assert(
      fc.property(tree, (value) => same(value, {source: 'containerSpec', document: 'task'})),
      {numRuns: 500},
    );
  });

  test('a parsed spec with unquoted placeholders (a value "null" stays a string) and nulls', () => {
    const parsed = parseJsonText('{"a": ${serviceVariable.NOTHING}, "b": [${serviceVariable.NOTHING}], "c": {"d": null, "e": 1}}', 'containerSpec');
    const options: SubstituteOptions = {source: 'containerSpec', document: 'task', unquoted: parsed.unquoted};
    expect(substitutePlaceholders(parsed.value!, values, options).value).toEqual({a: 'null', b: ['null'], c: {d: null, e: 1}});
    expect(substitutePlaceholders(parsed.value!, values, {...options, dropNulls: true}).value).toEqual({a: 'null', b: ['null'], c: {e: 1}});
    same(parsed.value!, options);
  });
});
