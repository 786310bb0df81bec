import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {formatPath, joinPath, locateIssues, locateJsonPath, locatePath, parseJsonText, parsePath, stringifyJsonText} from '../../source/domain/json-text.js';
import type {JsonValue} from '../../source/domain/json.js';

const SEED_DISCOVERY = `"serviceRegistries": [
  {
    "registryArn": "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno",
    "containerName": "\${CONTAINER_NAME}",
    "containerPort": \${serviceVariable.containerPort}
  }
]`;

describe('parseJsonText', () => {
  test("reads the seed's unquoted placeholder as a placeholder string and records its path", () => {
    const parsed = parseJsonText(`{${SEED_DISCOVERY}}`, 'serviceSpec');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({
      serviceRegistries: [
        {
          registryArn: 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno',
          containerName: '${CONTAINER_NAME}',
          containerPort: '${serviceVariable.containerPort}',
        },
      ],
    });
    expect([...parsed.unquoted]).toEqual(['serviceRegistries[0].containerPort']);
  });

  test('reads strict JSON exactly as JSON.parse does', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"\\\\\\/"], "b": {"c": {}}, "d": []}';
    const parsed = parseJsonText(text, 'containerSpec');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual(JSON.parse(text));
  });

  test('keeps __proto__ and constructor as own members', () => {
    const parsed = parseJsonText('{"__proto__": {"polluted": true}, "constructor": 1}', 'containerSpec');
    expect(Object.keys(parsed.value as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
  });

  test('accepts a byte order mark and surrounding white space', () => {
    expect(parseJsonText('\ufeff \r\n {"a": 1}\n\t', 'containerSpec').value).toEqual({a: 1});
  });

  test.each([
    ['', 1, 1, 'The text is empty'],
    ['   \n  ', 2, 3, 'The text is empty'],
    ['{"a": 1,}', 1, 9, 'trailing comma'],
    ['[1, 2,]', 1, 7, 'trailing comma'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{\n  "a": \n}', 3, 1, 'expected a JSON value'],
    ['{"a": tru}', 1, 7, "Unexpected 'tru'"],
    ['{"a": nginx}', 1, 7, 'strings need double quotes'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": "line\nbreak"}', 1, 12, 'line break'],
    ['{"a": "unterminated', 1, 7, 'Unterminated string'],
    ['{"a": 01}', 1, 8, 'Invalid number'],
    ['{"a": -}', 1, 7, 'Invalid number'],
    ['{"a": 1.}', 1, 8, "Invalid number: unexpected '.' after 1"],
    ['{"a": "\\x"}', 1, 8, 'Invalid escape'],
    ['{"a": "\\u12G4"}', 1, 8, 'Invalid \\u escape'],
    ['{"a": ${serviceVariable.port}', 1, 30, "expected ',' or '}'"],
    ['{"a": ${serviceVariable.port\n}', 1, 7, 'Unclosed placeholder'],
    ['{"a": $port}', 1, 7, 'a placeholder is written ${NAME}'],
    ['{"a": 1} {"b": 2}', 1, 10, 'after the end of the JSON value'],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ['[1 2]', 1, 4, "expected ',' or ']'"],
    ['{"a": [1, 2}', 1, 12, "expected ',' or ']'"],
    ['\r\n\r\n  {"x": }', 3, 9, 'expected a JSON value'],
    ['\r\r{"x": }', 3, 7, 'expected a JSON value'],
  ])('syntax error in %j at line %i column %i', (text, line, column, message) => {
    const parsed = parseJsonText(text, 'serviceSpec');
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues).toHaveLength(1);
    const [issue] = parsed.issues;
    expect(issue).toMatchObject({code: 'json-syntax', severity: 'error', source: 'serviceSpec', path: '', line, column});
    expect(issue?.message).toContain(message);
  });

  test('a deeply nested text is a syntax error, not a stack overflow', () => {
    const parsed = parseJsonText('['.repeat(100_000), 'containerSpec');
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues[0]).toMatchObject({code: 'json-syntax', line: 1, column: 258});
    expect(parsed.issues[0]?.message).toContain('nested more than 256');
  });

  test('a duplicate key is an error at the second key that names both places', () => {
    const parsed = parseJsonText('{\n  "cpu": "256",\n  "cpu": "512"\n}', 'containerSpec');
    expect(parsed.value).toEqual({cpu: '512'});
    expect(parsed.issues).toEqual([expect.objectContaining({code: 'json-duplicate-key', severity: 'error', path: 'cpu', line: 3, column: 3})]);
    expect(parsed.issues[0]?.message).toBe(
      '"cpu" is written twice in the same object: first at line 2, column 3, again at line 3, column 3 (only one value would be kept, silently)',
    );
  });

  test('a key written three times is reported at each repeat, naming the first', () => {
    const parsed = parseJsonText('{"a": {"x": 1, "x": 2, "x": 3}, "b": {"x": 1}}', 'serviceSpec');
    expect(parsed.issues.map((issue) => [issue.path, issue.line, issue.column, issue.message.includes('first at line 1, column 8')])).toEqual([
      ['a.x', 1, 16, true],
      ['a.x', 1, 24, true],
    ]);
  });

  test('never throws on non-string input', () => {
    expect(parseJsonText(undefined as unknown as string, 'containerSpec').issues[0]?.code).toBe('json-syntax');
  });
});

describe('paths', () => {
  test.each([
    [['containerDefinitions', 0, 'image'], 'containerDefinitions[0].image'],
    [['logConfiguration', 'options', 'awslogs-group'], 'logConfiguration.options.awslogs-group'],
    [['dockerLabels', 'com.example.team'], 'dockerLabels["com.example.team"]'],
    [['a', '0'], 'a["0"]'],
    [['', 'x y', 'q"uote]'], '[""]["x y"]["q\\"uote]"]'],
    [[3, 1], '[3][1]'],
    [[], ''],
  ] as [(string | number)[], string][])('%j ↔ %s', (segments, path) => {
    expect(formatPath(segments)).toBe(path);
    expect(parsePath(path)).toEqual(segments);
  });

  test.each(['a..b', 'a[01]', 'a[', '.a', 'a[x]', 'a["x"', '[-1]', 'a b'])('%j is not a path', (path) => {
    expect(parsePath(path)).toBeUndefined();
  });

  test('formatPath and parsePath are inverse for any keys and indexes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat(1000)), {maxLength: 6}), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
      {numRuns: 300, seed: 42},
    );
  });

  test('joinPath of the root', () => {
    expect(joinPath('', 'family')).toBe('family');
    expect(joinPath('', 0)).toBe('[0]');
  });
});

describe('locating paths in the text', () => {
  const text = `{
  "containerDefinitions": [
    {
      "name": "web",
      "image": "\${DOCKER_IMAGE_NAME}",
      "portMappings": [{"containerPort": \${serviceVariable.port}}]
    }
  ],
  "cpu": "256"
}`;

  test.each([
    ['', 1, 1],
    ['containerDefinitions', 2, 27],
    ['containerDefinitions[0]', 3, 5],
    ['containerDefinitions[0].image', 5, 16],
    ['containerDefinitions[0].portMappings[0].containerPort', 6, 42],
    ['cpu', 9, 10],
    // Missing values are placed at their nearest enclosing value.
    ['containerDefinitions[0].memory', 3, 5],
    ['containerDefinitions[0].portMappings[0].hostPort', 6, 24],
    ['networkMode', 1, 1],
  ])('%s is at line %i, column %i', (path, line, column) => {
    expect(locateJsonPath(text, path)).toEqual({line, column});
  });

  test('nothing is located in an empty text; the root of a broken one is', () => {
    expect(locateJsonPath('  ', 'a')).toBeUndefined();
    expect(locateJsonPath('nope', 'a')).toEqual({line: 1, column: 1});
  });

  test('locateIssues fills line/column only where missing', () => {
    const parsed = parseJsonText(text, 'containerSpec');
    const located = locateIssues(
      [
        {code: 'x', severity: 'error', source: 'containerSpec', path: 'cpu', message: 'm'},
        {code: 'y', severity: 'error', source: 'containerSpec', path: 'cpu', message: 'm', line: 40, column: 2},
      ],
      parsed,
    );
    expect(located.map((issue) => [issue.line, issue.column])).toEqual([
      [9, 10],
      [40, 2],
    ]);
    expect(locatePath(parsed, 'containerDefinitions[0].name')).toMatchObject({line: 4, column: 15});
  });
});

describe('stringifyJsonText', () => {
  test('writes unquoted placeholders back unquoted, so the text round-trips', () => {
    const parsed = parseJsonText(`{${SEED_DISCOVERY}}`, 'serviceSpec');
    const text = stringifyJsonText(parsed.value as JsonValue, {unquoted: parsed.unquoted});
    expect(text).toContain('"containerPort": ${serviceVariable.containerPort}');
    const again = parseJsonText(text, 'serviceSpec');
    expect(again.value).toEqual(parsed.value);
    expect([...again.unquoted]).toEqual([...parsed.unquoted]);
  });

  test('is JSON.stringify with 2 spaces for plain JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as JsonValue;
        expect(stringifyJsonText(json)).toBe(JSON.stringify(json, null, 2));
        expect(parseJsonText(stringifyJsonText(json), 'containerSpec').value).toEqual(JSON.parse(JSON.stringify(json)));
      }),
      {numRuns: 300, seed: 7},
    );
  });
});
