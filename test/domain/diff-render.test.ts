import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {Change, DiffResult, PlanDiff} from '../../source/domain/diff.js';
import {diffPlan, diffServices, diffTaskDefinitions, MASK} from '../../source/domain/diff.js';
import {formatValue, IMPACT_LABELS, renderDiffJson, renderDiffText, truncate} from '../../source/domain/diff-render.js';
import type {JsonObject} from '../../source/domain/json.js';

const ESC = '\u001B';
const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '');

const change = (patch: Partial<Change> & Pick<Change, 'kind' | 'path'>): Change => ({field: 'x', impact: 'new-revision', ...patch});
const result = (changes: Change[], impact: DiffResult['impact'] = 'new-revision'): DiffResult => ({kind: 'taskDefinition', impact, changes});

const secretsBefore: JsonObject = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1',
      environment: [
        {name: 'LOG_LEVEL', value: 'info'},
        {name: 'DB_PASSWORD', value: 'old-secret-value'},
      ],
      secrets: [{name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:1:secret:old-key'}],
      dockerLabels: {'vault.token': 'old-label-token'},
    },
  ],
};
const secretsAfter: JsonObject = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1',
      environment: [
        {name: 'LOG_LEVEL', value: 'debug'},
        {name: 'DB_PASSWORD', value: 'new-secret-value'},
        {name: 'KEYBOARD_LAYOUT', value: 'dvorak'},
        {name: 'AUTH_TOKEN', value: 'added-secret-value'},
      ],
      secrets: [{name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:1:secret:new-key'}],
      dockerLabels: {'vault.token': 'new-label-token'},
    },
    {name: 'sidecar', image: 'envoy:1', environment: [{name: 'ADMIN_PASSWORD', value: 'sidecar-secret-value'}]},
  ],
};
const SECRET_VALUES = [
  'old-secret-value',
  'new-secret-value',
  'added-secret-value',
  'sidecar-secret-value',
  'old-key',
  'new-key',
  'old-label-token',
  'new-label-token',
];

describe('renderDiffText', () => {
  test('golden: a plan without colour', () => {
    const plan: PlanDiff = {
      impact: 'replace',
      taskDefinition: result([
        change({kind: 'changed', path: 'containerDefinitions[web].environment[LOG_LEVEL]', before: 'info', after: 'debug'}),
        change({kind: 'added', path: 'containerDefinitions[web].portMappings[53/udp]', after: {containerPort: 53, protocol: 'udp'}}),
        change({kind: 'removed', path: 'containerDefinitions[log-router]', before: {name: 'log-router'}}),
      ]),
      service: {
        kind: 'service',
        impact: 'replace',
        changes: [
          change({kind: 'changed', path: 'desiredCount', before: 2, after: 3, impact: 'update-in-place'}),
          change({
            kind: 'changed',
            path: 'launchType',
            before: 'EC2',
            after: 'FARGATE',
            impact: 'replace',
            reason: 'UpdateService has no launchType parameter',
          }),
        ],
      },
    };
    expect(renderDiffText(plan, {width: 100, color: false})).toBe(
      [
        'Plan: will replace',
        'Task definition: new revision (3 changes)',
        '  ~ containerDefinitions[web].environment[LOG_LEVEL]: "info" → "debug"',
        '  + containerDefinitions[web].portMappings[53/udp]: {"containerPort":53,"protocol":"udp"}',
        '  - containerDefinitions[log-router]: {"name":"log-router"}',
        'Service: will replace (2 changes)',
        '  ~ desiredCount: 2 → 3',
        '  ~ launchType: "EC2" → "FARGATE"',
        '    forces replacement: UpdateService has no launchType parameter',
      ].join('\n'),
    );
  });

  test('no changes', () => {
    expect(renderDiffText(result([], 'none'), {width: 80, color: false})).toBe('Task definition: no changes');
  });

  test('colour: plain ANSI SGR codes for the markers and header; none when color is false', () => {
    const diff = result([
      change({kind: 'added', path: 'a', after: 1}),
      change({kind: 'removed', path: 'b', before: 2}),
      change({kind: 'changed', path: 'c', before: 1, after: 2}),
    ]);
    const coloured = renderDiffText(diff, {width: 80, color: true});
    expect(coloured).toContain(`${ESC}[32m+ a${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[31m- b${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[33m~ c${ESC}[39m`);
    expect(coloured.split('\n')[0]).toBe(`${ESC}[1m${ESC}[36mTask definition: new revision (3 changes)${ESC}[39m${ESC}[22m`);
    expect(stripAnsi(coloured)).toBe(renderDiffText(diff, {width: 80, color: false}));
    expect(renderDiffText(diff, {width: 80, color: false})).not.toContain(ESC);
  });

  test('a long change is split: path, then - before / + after, each cut to the width', () => {
    const long = 'x'.repeat(200);
    const text = renderDiffText(result([change({kind: 'changed', path: 'containerDefinitions[web].command', before: long, after: 'short'})]), {
      width: 40,
      color: false,
    });
    expect(text.split('\n')).toEqual([
      'Task definition: new revision (1 change)',
      '  ~ containerDefinitions[web].command',
      `      - "${'x'.repeat(30)}…`,
      '      + "short"',
    ]);
  });

  test('a path longer than the width wraps at . or [', () => {
    const path = 'containerDefinitions[a-very-long-container-name].environment[SOME_VERY_LONG_VARIABLE_NAME]';
    const lines = renderDiffText(result([change({kind: 'added', path, after: 'v'})]), {width: 40, color: false})
      .split('\n')
      .slice(1);
    expect(lines).toEqual([
      '  + containerDefinitions',
      '    [a-very-long-container-name]',
      '    .environment',
      '    [SOME_VERY_LONG_VARIABLE_NAME]',
      '        "v"',
    ]);
  });

  test('no line is ever wider than the width (any width ≥ 20, any values)', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 20, max: 160}),
        fc.string({maxLength: 300}),
        fc.string({minLength: 1, maxLength: 200}),
        fc.boolean(),
        (width, value, path, color) => {
          const text = renderDiffText(
            result(
              [change({kind: 'changed', path, before: value, after: {value}}), change({kind: 'added', path, after: value, impact: 'replace', reason: value})],
              'replace',
            ),
            {width, color},
          );
          for (const line of stripAnsi(text).split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  test('control characters from AWS are escaped, never written raw', () => {
    const text = renderDiffText(result([change({kind: 'added', path: 'a[\u001B[2J]', after: 'x\u001B[31my\u009B'})]), {width: 80, color: false});
    expect(text).not.toMatch(/[\u001B\u009B]/);
    expect(text).toContain('\\u001b');
    expect(text).toContain('\\u009b');
  });

  test.each(Object.entries(IMPACT_LABELS))('impact %s is labelled "%s"', (impact, label) => {
    expect(renderDiffText(result([], impact as DiffResult['impact']), {width: 80, color: false})).toBe(`Task definition: ${label}`);
  });
});

describe('masking in every renderer', () => {
  const diff = diffTaskDefinitions(secretsAfter, secretsBefore);

  test('the model holds the values, flagged sensitive', () => {
    expect(diff.changes.filter((item) => item.sensitive === true).map((item) => item.path)).toEqual([
      'containerDefinitions[web].environment[AUTH_TOKEN]',
      'containerDefinitions[web].environment[DB_PASSWORD]',
      'containerDefinitions[web].secrets[API_KEY]',
      'containerDefinitions[web].dockerLabels["vault.token"]',
    ]);
  });

  test('text: says which secret changed, never its value', () => {
    const text = renderDiffText(diff, {width: 200, color: false});
    for (const secret of SECRET_VALUES) expect(text).not.toContain(secret);
    expect(text).toContain(`~ containerDefinitions[web].environment[DB_PASSWORD]: ${MASK} → ${MASK}`);
    expect(text).toContain(`+ containerDefinitions[web].environment[AUTH_TOKEN]: ${MASK}`);
    expect(text).toContain('~ containerDefinitions[web].environment[LOG_LEVEL]: "info" → "debug"');
    expect(text).toContain('+ containerDefinitions[web].environment[KEYBOARD_LAYOUT]: "dvorak"');
    expect(text).toContain(`+ containerDefinitions[sidecar]: {"name":"sidecar","image":"envoy:1","environment":[{"name":"ADMIN_PASSWORD","value":"${MASK}"}]}`);
  });

  test('text, narrow (split lines): still masked', () => {
    const text = renderDiffText(diff, {width: 30, color: true});
    for (const secret of SECRET_VALUES) expect(text).not.toContain(secret);
  });

  test('JSON: masked too, and flagged', () => {
    const json = renderDiffJson(diff);
    const text = JSON.stringify(json);
    for (const secret of SECRET_VALUES) expect(text).not.toContain(secret);
    const changes = json['changes'] as JsonObject[];
    expect(changes.find((item) => item['path'] === 'containerDefinitions[web].environment[DB_PASSWORD]')).toEqual({
      kind: 'changed',
      path: 'containerDefinitions[web].environment[DB_PASSWORD]',
      field: 'containerDefinitions.environment',
      impact: 'new-revision',
      before: MASK,
      after: MASK,
      masked: true,
    });
    expect(changes.find((item) => item['path'] === 'containerDefinitions[web].environment[KEYBOARD_LAYOUT]')?.['after']).toBe('dvorak');
  });
});

describe('renderDiffJson', () => {
  test('a plan is a plain serialisable object of the same model', () => {
    const plan = diffPlan({
      taskDefinition: {
        desired: {family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:2'}]},
        current: {family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:1'}]},
      },
      service: {
        desired: {serviceName: 'web', cluster: 'prod', desiredCount: 2},
        current: {serviceName: 'web', clusterArn: 'arn:aws:ecs:eu-west-1:1:cluster/prod', desiredCount: 1},
      },
    });
    const json = renderDiffJson(plan);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toEqual({
      impact: 'update-in-place',
      taskDefinition: {
        kind: 'taskDefinition',
        impact: 'new-revision',
        changes: [
          {
            kind: 'changed',
            path: 'containerDefinitions[web].image',
            field: 'containerDefinitions.image',
            impact: 'new-revision',
            before: 'nginx:1',
            after: 'nginx:2',
          },
        ],
      },
      service: {
        kind: 'service',
        impact: 'update-in-place',
        changes: [{kind: 'changed', path: 'desiredCount', field: 'desiredCount', impact: 'update-in-place', before: 1, after: 2}],
      },
    });
  });

  test('a replacement carries its reason', () => {
    const json = renderDiffJson(
      result([change({kind: 'changed', path: 'launchType', before: 'EC2', after: 'FARGATE', impact: 'replace', reason: 'why'})], 'replace'),
    );
    expect((json['changes'] as JsonObject[])[0]?.['reason']).toBe('why');
  });
});

describe('helpers', () => {
  test.each([
    ['abcdef', 6, 'abcdef'],
    ['abcdefg', 6, 'abcde…'],
    ['😀😀😀😀', 3, '😀😀…'],
  ])('truncate(%s, %i) = %s', (text, width, expected) => expect(truncate(text, width)).toBe(expected));

  test('formatValue', () => {
    expect(formatValue('a"b')).toBe('"a\\"b"');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(MASK)).toBe(MASK);
    expect(formatValue(undefined)).toBe('');
  });
});

describe('secrets by value, whatever the variable is called', () => {
  const STRIPE_OLD = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
  const STRIPE_NEW = `sk_live_${'9xQ21ZzKqWmPlrTtY7hbn3vf'}`;
  const leaked = ['hunter2', 'newpass9', STRIPE_OLD, STRIPE_NEW, 'AKIAIOSFODNN7EXAMPLE'];
  const withEnvironment = (environment: Array<{name: string; value: string}>): JsonObject => ({
    family: 'web',
    containerDefinitions: [{name: 'web', image: 'nginx:1', essential: true, environment}],
  });
  const before = withEnvironment([
    {name: 'DATABASE_URL', value: 'postgres://app:hunter2@db/app'},
    {name: 'PAYMENTS', value: STRIPE_OLD},
  ]);
  const after = withEnvironment([
    {name: 'DATABASE_URL', value: 'postgres://app:newpass9@db/app'},
    {name: 'PAYMENTS', value: STRIPE_NEW},
    {name: 'UPLOADER', value: 'AKIAIOSFODNN7EXAMPLE'},
  ]);
  const diff = diffTaskDefinitions(after, before);

  test('text: the values are masked, and a change still shows', () => {
    const text = renderDiffText(diff, {width: 200, color: false});
    for (const secret of leaked) expect(text).not.toContain(secret);
    expect(text).toContain('~ containerDefinitions[web].environment[DATABASE_URL]: "postgres://app:…@db/app" → "postgres://app:…@db/app (changed)"');
    expect(text).toContain('~ containerDefinitions[web].environment[PAYMENTS]: "sk_live_…" → "sk_live_… (changed)"');
    expect(text).toContain('+ containerDefinitions[web].environment[UPLOADER]: "AKIA…"');
  });

  test('JSON: masked too', () => {
    const text = JSON.stringify(renderDiffJson(diff));
    for (const secret of leaked) expect(text).not.toContain(secret);
  });
});

describe('a deployment strategy change', () => {
  test('switching strategy says it is an in-place update and how the next deployment runs; switching controller forces replacement', () => {
    const running: JsonObject = {serviceName: 'web', taskDefinition: 'web:3', desiredCount: 2};
    const canary = diffServices(
      {...running, deploymentConfiguration: {strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: {canaryPercent: 10, canaryBakeTimeInMinutes: 3}}},
      running,
    );
    const text = renderDiffText(canary, {width: 200, color: false});
    expect(text).toContain('the deployment strategy changes from ROLLING to CANARY in place (UpdateService): the next deployment runs as CANARY');
    const controller = diffServices({...running, deploymentController: {type: 'CODE_DEPLOY'}}, running);
    expect(renderDiffText(controller, {width: 200, color: false})).toContain(
      'forces replacement: the deployment controller (ECS, CODE_DEPLOY, EXTERNAL) is chosen when the service is created',
    );
  });
});
