/**
 * A generated corpus of bad input through parse, validate and render: truncated and mutated JSON, wrong
 * types at every known field, missing fields, bad ARNs and ids, weird placeholders, odd profiles.
 * Nothing may throw; every issue is well formed (code, severity, source, a path that parses, a message);
 * syntax errors have line and column inside the text; rendered documents are plain JSON.
 */
import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import type {Issue} from '../../source/domain/issues.js';
import type {JsonValue} from '../../source/domain/json.js';
import {parseJsonText, parsePath, stringifyJsonText} from '../../source/domain/json-text.js';
import type {Environment, LaunchType, Profile} from '../../source/domain/model.js';
import {lintSpecText} from '../../source/domain/spec-lint.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {switchStrategy} from '../../source/domain/defaults.js';
import {validateServiceDefinition} from '../../source/domain/validate/service-definition.js';
import {validateTaskDefinition} from '../../source/domain/validate/task-definition.js';
import type {ValidationContext} from '../../source/domain/validate/context.js';
import {parseImageReference} from '../../source/domain/image.js';
import {DISCOVERY_SERVICE_SPEC, FARGATE_CONTAINER_JSON, REPLICA_SERVICE_SPEC, ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const SOURCES = ['containerSpec', 'serviceSpec', 'profile', 'environment', 'variables', 'import'];
const RUNS = 300;

/** Every issue is well formed; a syntax error points inside the text. */
function expectWellFormed(issues: readonly Issue[], text?: string): void {
  for (const issue of issues) {
    expect(issue.code).toMatch(/^[a-z][a-z-]*$/);
    expect(['error', 'warning', 'info']).toContain(issue.severity);
    expect(SOURCES).toContain(issue.source);
    expect(typeof issue.path).toBe('string');
    expect(parsePath(issue.path), `path ${JSON.stringify(issue.path)} of ${issue.code}`).toBeDefined();
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.fix !== undefined) expect(issue.fix.length).toBeGreaterThan(0);
    expect(issue.line === undefined).toBe(issue.column === undefined);
    if (issue.code === 'json-syntax') {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
      if (text !== undefined) {
        const lines = text.split(/\r\n|\r|\n/);
        expect(issue.line).toBeLessThanOrEqual(lines.length);
        expect(issue.column).toBeLessThanOrEqual((lines[(issue.line ?? 1) - 1] ?? '').length + 1);
      }
    }
  }
}

/** A rendered document is plain JSON: it survives JSON.stringify/parse unchanged. */
function expectPlainJson(value: unknown): void {
  if (value === undefined) return;
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

const WEIRD_PLACEHOLDERS = [
  '${',
  '${}',
  '${DOCKER_IMAGE_NAME',
  '$${DOCKER_IMAGE_NAME}',
  '${docker_image_name}',
  '${serviceVariable.}',
  '${serviceVariable.constructor}',
  '${serviceVariable.__proto__}',
  '${serviceVariable.toString}',
  '${serviceVariable.missing}',
  '${serviceVariable.containerPort}',
  '${serviceVariable.a.b}',
  '${ CONTAINER_NAME }',
  '${EXECUTION_ROLE}${EXECUTION_ROLE}',
  '${${CONTAINER_NAME}}',
  '${HOME}',
  '${\u00e9}',
  '}${',
];

const weirdString = fc.oneof(
  fc.constantFrom(...WEIRD_PLACEHOLDERS),
  fc.string({maxLength: 12}),
  fc.constantFrom(
    '',
    ' ',
    'arn:aws:iam::1:role/x',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:x',
    'sha256:abc',
    '256',
    '0.5 GB',
    '1 vCPU',
    'awsvpc',
    'DAEMON',
    'FARGATE',
    'tcp',
  ),
);
const weirdScalar: fc.Arbitrary<JsonValue> = fc.oneof(
  weirdString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 65536, 1e21, 80, 8080, 256, 512),
  fc.integer(),
);

/** Values shaped like task and service definitions, with random types at the fields the rules read. */
const KEYS = [
  'family',
  'networkMode',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'executionRoleArn',
  'taskRoleArn',
  'containerDefinitions',
  'name',
  'image',
  'essential',
  'memoryReservation',
  'portMappings',
  'containerPort',
  'hostPort',
  'protocol',
  'containerPortRange',
  'repositoryCredentials',
  'credentialsParameter',
  'secrets',
  'valueFrom',
  'environment',
  'value',
  'logConfiguration',
  'options',
  'serviceName',
  'schedulingStrategy',
  'desiredCount',
  'placementStrategy',
  'placementConstraints',
  'launchType',
  'capacityProviderStrategy',
  'networkConfiguration',
  'awsvpcConfiguration',
  'serviceRegistries',
  'registryArn',
  'containerName',
  'port',
  'loadBalancers',
  'healthCheckGracePeriodSeconds',
  'taskDefinition',
  '__proto__',
  'constructor',
  'revision',
  'status',
];
const shaped: fc.Arbitrary<JsonValue> = fc.letrec<{value: JsonValue}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    weirdScalar,
    fc.array(tie('value'), {maxLength: 3}),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), {maxKeys: 6}),
  ),
})).value;

/** Values put in place of a valid field: every JSON type, out-of-range numbers, weird placeholders; undefined = removed. */
const BAD_VALUES: (JsonValue | undefined)[] = [
  undefined,
  null,
  true,
  -1,
  0,
  1.5,
  70000,
  '',
  'x y',
  [],
  [null],
  {},
  {a: 1},
  '${',
  '${serviceVariable.nope}',
  '${HOME}',
  '${serviceVariable.logLevel}',
];

/** Every path of a value tree (object members and array items), the root excluded. */
function pathsOf(value: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, JsonValue][] = Array.isArray(value)
    ? value.map((item, index): [number, JsonValue] => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of `value` with the member at `path` replaced by `bad` (or removed). */
function corrupt(value: JsonValue, path: (string | number)[], bad: JsonValue | undefined): JsonValue {
  const copy = JSON.parse(JSON.stringify(value)) as JsonValue;
  let parent: unknown = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[segment];
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && bad === undefined) parent.splice(last as number, 1);
  else if (bad === undefined) delete (parent as Record<string, unknown>)[last];
  else (parent as Record<string | number, unknown>)[last] = bad;
  return copy;
}

/** Single-field corruptions of the fixture's container and service specs: every field × every bad value. */
const corruptions = (text: string): [string, string][] => {
  const parsed = parseJsonText(text, 'containerSpec');
  const value = parsed.value!;
  return pathsOf(value).flatMap((path) =>
    BAD_VALUES.map((bad): [string, string] => [
      `${path.join('.')} = ${JSON.stringify(bad) ?? 'removed'}`,
      stringifyJsonText(corrupt(value, path, bad), {unquoted: parsed.unquoted}),
    ]),
  );
};
/** Container and service specs holding every field a rule reads, so that each is corrupted in turn. */
const EVERY_TASK_FIELD = `{
  "family": "web", "taskRoleArn": "arn:aws:iam::123456789012:role/app", "executionRoleArn": "\${EXECUTION_ROLE}",
  "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE", "EC2"], "cpu": "1024", "memory": "2048",
  "containerDefinitions": [
    {
      "name": "\${CONTAINER_NAME}", "image": "\${DOCKER_IMAGE_NAME}", "essential": true, "cpu": 512, "memory": 1024, "memoryReservation": 512,
      "portMappings": [{"containerPort": \${serviceVariable.containerPort}, "hostPort": 8080, "protocol": "tcp"}, {"containerPortRange": "9000-9010"}],
      "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf"},
      "secrets": [{"name": "DB", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}],
      "environment": [{"name": "PORT", "value": "\${serviceVariable.containerPort}"}]
    },
    {"name": "sidecar", "image": "public.ecr.aws/x/y:1", "essential": false, "memory": 128}
  ]
}`;
const EVERY_SERVICE_FIELD = `{
  "serviceName": "web", "schedulingStrategy": "REPLICA", "desiredCount": 2, "healthCheckGracePeriodSeconds": 30,
  "placementStrategy": [{"type": "spread", "field": "instanceId"}], "placementConstraints": [{"type": "distinctInstance"}],
  "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}],
  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}},
  "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1", "containerName": "\${CONTAINER_NAME}", "containerPort": 8080}],
  "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno", "containerName": "\${CONTAINER_NAME}", "containerPort": \${serviceVariable.containerPort}, "port": 8080}]
}`;
const CONTAINER_CORRUPTIONS = [...corruptions(FARGATE_CONTAINER_JSON), ...corruptions(EVERY_TASK_FIELD)];
const SERVICE_CORRUPTIONS = [...corruptions(DISCOVERY_SERVICE_SPEC), ...corruptions(EVERY_SERVICE_FIELD)];

const context: fc.Arbitrary<ValidationContext> = fc.record(
  {
    launchType: fc.constantFrom<LaunchType>('EC2', 'FARGATE'),
    network: fc.record({
      subnets: fc.array(fc.constantFrom('subnet-0123456789abcdef0', 'x'), {maxLength: 2}),
      securityGroups: fc.array(fc.constantFrom('sg-0123456789abcdef0', ''), {maxLength: 2}),
      assignPublicIp: fc.boolean(),
    }),
    environmentName: fc.string({maxLength: 5}),
    discoveryRecordTypes: fc.dictionary(weirdString, fc.array(fc.constantFrom('A', 'AAAA', 'SRV', 'CNAME'), {maxLength: 2}), {maxKeys: 2}),
  },
  {requiredKeys: ['launchType']},
);

/** Mutations of a valid text: truncation, deletion, insertion of JSON punctuation or a weird placeholder. */
const SOURCE_TEXTS = [FARGATE_CONTAINER_JSON, DISCOVERY_SERVICE_SPEC, REPLICA_SERVICE_SPEC];
const mutatedText = fc
  .tuple(
    fc.constantFrom(...SOURCE_TEXTS),
    fc.array(
      fc.tuple(
        fc.constantFrom('truncate', 'delete', 'insert', 'replace'),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.oneof(
          fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '$', '\n', '\r', '\t', '0', '-', 'e', 'null', '\u0000', '\ufeff'),
          fc.constantFrom(...WEIRD_PLACEHOLDERS),
        ),
      ),
      {minLength: 1, maxLength: 4},
    ),
  )
  .map(([text, mutations]) =>
    mutations.reduce((current, [kind, where, piece]) => {
      const at = Math.floor(where * current.length);
      if (kind === 'truncate') return current.slice(0, at);
      if (kind === 'delete') return current.slice(0, at) + current.slice(at + 1);
      if (kind === 'insert') return current.slice(0, at) + piece + current.slice(at);
      return current.slice(0, at) + piece + current.slice(at + piece.length);
    }, text),
  );

function renderWith(
  change: (profile: Profile) => void,
  base: () => Profile = fargateJsonProfile,
  options: {tag?: string; overrides?: Record<string, string>} = {},
) {
  const profile = base();
  change(profile);
  const results = profile.environments.map((environment) => renderAndValidate({profile, environment: environment.name, ...options}));
  for (const result of results) {
    expectWellFormed(result.issues);
    expectPlainJson(result.taskDefinition);
    expectPlainJson(result.service);
  }
  return results;
}

describe('bad input never throws and always gives well-formed issues', () => {
  test(`${RUNS} mutated JSON texts: parse, lint, switch strategy, render as container and service spec`, () => {
    let syntaxErrors = 0;
    fc.assert(
      fc.property(mutatedText, (text) => {
        const parsed = parseJsonText(text, 'containerSpec');
        expectWellFormed(parsed.issues, text);
        if (parsed.value === undefined) {
          syntaxErrors += 1;
          expect(parsed.issues.filter((issue) => issue.code === 'json-syntax')).toHaveLength(1);
        } else {
          // What parses writes back to an equivalent text.
          expect(parseJsonText(stringifyJsonText(parsed.value, {unquoted: parsed.unquoted}), 'containerSpec').value).toEqual(parsed.value);
        }
        expectWellFormed(lintSpecText(text, 'containerSpec'), text);
        expectWellFormed(lintSpecText(text, 'serviceSpec'), text);
        expectWellFormed(switchStrategy(text, 'DAEMON').issues, text);
        const [asContainer] = renderWith((profile) => {
          profile.service.containerSpec = {mode: 'json', json: text};
        });
        if (parsed.value === undefined) expect(asContainer?.taskDefinition).toBeUndefined();
        renderWith((profile) => {
          profile.service.serviceSpec = text;
        });
      }),
      {numRuns: RUNS, seed: 20250301},
    );
    // The corpus really exercises the syntax errors (most mutations break the text).
    expect(syntaxErrors).toBeGreaterThan(RUNS / 3);
  });

  test(`every field of the container spec × ${BAD_VALUES.length} bad values (${CONTAINER_CORRUPTIONS.length} cases)`, () => {
    expect(CONTAINER_CORRUPTIONS.length).toBeGreaterThan(300);
    for (const [, text] of CONTAINER_CORRUPTIONS) {
      const parsed = parseJsonText(text, 'containerSpec');
      for (const launchType of ['EC2', 'FARGATE'] as const) expectWellFormed(validateTaskDefinition(parsed.value, {launchType}, parsed));
      renderWith((profile) => {
        profile.service.containerSpec = {mode: 'json', json: text};
      });
    }
  });

  test(`every field of the service spec × ${BAD_VALUES.length} bad values (${SERVICE_CORRUPTIONS.length} cases)`, () => {
    for (const [, text] of SERVICE_CORRUPTIONS) {
      for (const base of [fargateJsonProfile, ec2FormProfile]) {
        renderWith((profile) => {
          profile.service.serviceSpec = text;
        }, base);
      }
    }
  });

  test('a corruption is reported, not rendered silently: removing the image placeholder or the role is an error', () => {
    const broken = CONTAINER_CORRUPTIONS.filter(([name]) => name === 'containerDefinitions.0.image = "x y"' || name === 'executionRoleArn = removed');
    expect(broken).toHaveLength(4);
    for (const [, text] of broken) {
      const [result] = renderWith((profile) => {
        profile.service.containerSpec = {mode: 'json', json: text};
      });
      expect(result?.issues.some((issue) => issue.severity === 'error')).toBe(true);
    }
  });

  test(`${RUNS} arbitrary shaped values as task and service definitions`, () => {
    fc.assert(
      fc.property(shaped, shaped, context, (task, service, validation) => {
        expectWellFormed(validateTaskDefinition(task, validation));
        expectWellFormed(validateServiceDefinition(service, task, validation));
        renderWith((profile) => {
          profile.service.containerSpec = {mode: 'json', json: stringifyJsonText(task)};
          profile.service.serviceSpec = stringifyJsonText(service);
        });
      }),
      {numRuns: RUNS, seed: 99},
    );
  });

  test(`${RUNS} service specs with bad service registries, strategies and networking`, () => {
    const registry = fc.dictionary(fc.constantFrom('registryArn', 'containerName', 'containerPort', 'port'), weirdScalar, {maxKeys: 4});
    const spec = fc.record(
      {
        schedulingStrategy: weirdScalar,
        desiredCount: weirdScalar,
        placementStrategy: fc.oneof(weirdScalar, fc.array(shaped, {maxLength: 2})),
        serviceRegistries: fc.oneof(weirdScalar, fc.array(fc.oneof(registry, weirdScalar), {maxLength: 3})),
        networkConfiguration: shaped,
        capacityProviderStrategy: shaped,
        launchType: weirdScalar,
      },
      {requiredKeys: []},
    );
    fc.assert(
      fc.property(spec, fc.boolean(), (value, ec2) => {
        renderWith(
          (profile) => {
            profile.service.serviceSpec = stringifyJsonText(value as JsonValue);
          },
          ec2 ? ec2FormProfile : fargateJsonProfile,
        );
      }),
      {numRuns: RUNS, seed: 5},
    );
  });

  test(`${RUNS} odd profiles: bad ARNs, ids, artifacts, tags, variables and overrides`, () => {
    const environment = fc.record({
      executionRoleArn: fc.option(weirdString, {nil: undefined}),
      subnets: fc.array(weirdString, {maxLength: 2}),
      securityGroups: fc.array(weirdString, {maxLength: 2}),
      withNetwork: fc.boolean(),
      launchType: fc.constantFrom<LaunchType>('EC2', 'FARGATE'),
      overrides: fc.dictionary(weirdString, weirdString, {maxKeys: 3}),
    });
    const odd = fc.record({
      host: weirdString,
      image: fc.oneof(weirdString, fc.constantFrom('library/nginx', 'team/api', 'UPPER', 'a//b')),
      tag: fc.option(fc.oneof(weirdString, fc.constantFrom('1.0', `sha256:${'a'.repeat(64)}`)), {nil: undefined}),
      runTag: fc.option(weirdString, {nil: undefined}),
      secret: weirdString,
      kms: fc.option(weirdString, {nil: undefined}),
      variables: fc.dictionary(weirdString, weirdString, {maxKeys: 4}),
      runOverrides: fc.dictionary(weirdString, weirdString, {maxKeys: 2}),
      environments: fc.array(environment, {minLength: 1, maxLength: 2}),
      form: fc.boolean(),
    });
    fc.assert(
      fc.property(odd, (input) => {
        const base = input.form ? ec2FormProfile : fargateJsonProfile;
        renderWith(
          (profile) => {
            profile.service.artifact = {registry: 'registry', host: input.host, image: input.image, ...(input.tag === undefined ? {} : {tag: input.tag})};
            profile.service.registryAuth = {credentialsSecretArn: input.secret, ...(input.kms === undefined ? {} : {kmsKeyArn: input.kms})};
            profile.service.variables = input.variables;
            profile.environments = input.environments.map((env, index): Environment => ({
              name: `env${index}`,
              region: 'us-east-1',
              cluster: 'c',
              launchType: env.launchType,
              overrides: env.overrides,
              ...(env.executionRoleArn === undefined ? {} : {executionRoleArn: env.executionRoleArn}),
              ...(env.withNetwork ? {network: {subnets: env.subnets, securityGroups: env.securityGroups, assignPublicIp: true}} : {}),
            }));
          },
          base,
          {...(input.runTag === undefined ? {} : {tag: input.runTag}), overrides: input.runOverrides},
        );
      }),
      {numRuns: RUNS, seed: 1234},
    );
  });

  test(`${RUNS} random strings as image references`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({maxLength: 40}), weirdString), (ref) => {
        const parsed = parseImageReference(ref);
        if (parsed !== undefined) expect(typeof parsed.image).toBe('string');
      }),
      {numRuns: RUNS, seed: 8},
    );
  });

  test('non-string and non-object inputs to the validators', () => {
    for (const value of [
      undefined,
      null,
      0,
      '',
      [],
      [null],
      {containerDefinitions: [null, 1, 'x', []]},
      {serviceRegistries: [null]},
    ] as unknown as JsonValue[]) {
      for (const launchType of ['EC2', 'FARGATE'] as const) {
        expectWellFormed(validateTaskDefinition(value, {launchType}));
        expectWellFormed(validateServiceDefinition(value, value, {launchType}));
      }
    }
  });
});
