import {describe, expect, test} from 'vitest';
import {validateProfile} from '../../../source/domain/profile-schema/profile.js';
import {EXECUTION_ROLE_ARN, REGISTRY_SECRET_ARN, ec2FormProfile} from '../../helpers/profile-fixtures.js';
import {AKID, codesAndPaths, jsonSpec, mutated, PEM, SECRET_KEY, type Raw} from './mutated-profiles.js';

describe('validateProfile: credentials are never stored', () => {
  const form = (environment: {name: string; value: string}[]) => (p: Raw) => {
    p.service.containerSpec = {mode: 'form', form: {...structuredClone((ec2FormProfile().service.containerSpec as {form: object}).form), environment}};
  };
  const inJson = (from: string, to: string) => (p: Raw) => {
    expect(jsonSpec(p)).toContain(from);
    p.service.containerSpec.json = jsonSpec(p).replace(from, to);
  };

  test.each<[string, (profile: Raw) => void, string[]]>([
    ['a variable named like a password', (p) => (p.service.variables.dbPassword = 'hunter2'), ['credential-key service.variables.dbPassword']],
    ['an API token variable', (p) => (p.service.variables.API_TOKEN = 'abc123'), ['credential-key service.variables.API_TOKEN']],
    [
      'an override named like an AWS secret key',
      (p) => (p.environments[0].overrides.AWS_SECRET_ACCESS_KEY = 'x'),
      ['credential-key environments[0].overrides.AWS_SECRET_ACCESS_KEY'],
    ],
    [
      'an unknown key "password" (reported as a credential, not as unknown)',
      (p) => (p.service.artifact.password = 's3cret'),
      ['credential-key service.artifact.password'],
    ],
    ['accessKeyId on the profile', (p) => (p.accessKeyId = 'x'), ['credential-key accessKeyId']],
    ['a sessionToken on an environment', (p) => (p.environments[1].sessionToken = 'x'), ['credential-key environments[1].sessionToken']],
    ['a privateKey object', (p) => (p.service.privateKey = {pem: 'x'}), ['credential-key service.privateKey']],
    ['an apiKey number', (p) => (p.service.variables.apiKey = 12345678), ['credential-key service.variables.apiKey']],
    ['a form environment variable DB_PASSWORD', form([{name: 'DB_PASSWORD', value: 'hunter2'}]), ['credential-key service.containerSpec.form.environment[0]']],
    [
      'a form environment variable X_API_KEY',
      form([
        {name: 'PORT', value: '80'},
        {name: 'X_API_KEY', value: 'k'},
      ]),
      ['credential-key service.containerSpec.form.environment[1]'],
    ],
    [
      'an access key id as a form environment value',
      form([{name: 'SOME_ID', value: AKID}]),
      ['credential-value service.containerSpec.form.environment[0].value'],
    ],
    [
      'a temporary access key id as an override',
      (p) => (p.environments[0].overrides.who = 'ASIAY34FZKBOKMUTVV7A'),
      ['credential-value environments[0].overrides.who'],
    ],
    ['an access key id as the registry user name', (p) => (p.service.artifact.username = AKID), ['credential-value service.artifact.username']],
    ['a PEM private key in a variable', (p) => (p.service.variables.cert = PEM), ['credential-value service.variables.cert']],
    ['a Docker Hub token', (p) => (p.service.variables.hub = 'dckr_pat_2b3e36beeb386dfdaacb9b46004'), ['credential-value service.variables.hub']],
    ['a GitHub token', (p) => (p.service.variables.gh = `ghp_${'a1B2'.repeat(9)}`), ['credential-value service.variables.gh']],
    [
      'an access key id with its secret key next to it',
      (p) => Object.assign(p.service.variables, {awsId: AKID, awsKey: SECRET_KEY}),
      ['credential-value service.variables.awsId', 'credential-value service.variables.awsKey'],
    ],
    ['an access key id as a key', (p) => (p.service.variables[AKID] = 'x'), ['credential-value service.variables.AKIAIOSFODNN7EXAMPLE']],
  ])('%s', (_name, change, expected) => {
    const result = validateProfile(mutated(change));
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.profile).toBeUndefined();
    for (const issue of result.issues) {
      expect(issue.message).toContain('credentials are never stored in a profile');
      expect(issue.message).toContain('Secrets Manager ARN');
      expect(issue.message).toContain('AWS credential chain');
      expect(issue.fix).toContain('Secrets Manager');
      for (const secret of [AKID, SECRET_KEY, 'hunter2', PEM.split('\n')[1]!]) expect(issue.message).not.toContain(secret);
    }
  });

  test.each<[string, (profile: Raw) => void, {line: number; column: number; message: string}]>([
    [
      'an environment entry DB_PASSWORD',
      inJson('"name": "LOG_LEVEL",\n          "value": "${serviceVariable.logLevel}"', '"name": "DB_PASSWORD",\n          "value": "hunter2"'),
      {line: 20, column: 9, message: 'json: "DB_PASSWORD" at containerDefinitions[0].environment[0] looks like a credential; '},
    ],
    [
      'an access key id inside the text',
      inJson('"value": "${serviceVariable.logLevel}"', `"value": "${AKID}"`),
      {line: 22, column: 21, message: 'json holds what looks like an AWS access key id (AKIA…); '},
    ],
    [
      'a log driver token option',
      inJson('"awslogs-group": "/ecs/web-api"', '"splunk-token": "00000000-0000-0000-0000-000000000000"'),
      {line: 31, column: 27, message: 'json: "splunk-token" at containerDefinitions[0].logConfiguration.options.splunk-token looks like a credential; '},
    ],
  ])('container spec JSON text: %s (located)', (_name, change, expected) => {
    const result = validateProfile(mutated(change));
    expect(result.issues.map(({code, path, line, column}) => ({code, path, line, column}))).toEqual([
      {code: expect.stringMatching(/^credential-/), path: 'service.containerSpec.json', line: expected.line, column: expected.column},
    ]);
    expect(result.issues[0]?.message).toContain(expected.message);
    expect(result.issues[0]?.message).not.toContain('hunter2');
  });

  test('a log driver option: the fix says where ECS takes it from instead (secretOptions)', () => {
    // Datadog's and Splunk's log drivers take their key as an option; ECS passes it from Secrets Manager or SSM
    // Parameter Store through logConfiguration.secretOptions (container "secrets" are environment variables).
    const result = validateProfile(mutated(inJson('"awslogs-group": "/ecs/web-api"', '"splunk-token": "00000000-0000-0000-0000-000000000000"')));
    expect(result.issues[0]?.fix).toBe(
      'Give the log driver its splunk-token from AWS Secrets Manager or SSM Parameter Store: remove it from logConfiguration.options and add {"name": "splunk-token", "valueFrom": "<the secret\'s or parameter\'s ARN>"} to logConfiguration.secretOptions (the execution role reads it)',
    );
  });

  test('the service spec JSON text is scanned as well', () => {
    const result = validateProfile(mutated((p) => (p.service.serviceSpec = '{\n  "schedulingStrategy": "REPLICA",\n  "apiKey": "abc"\n}')));
    expect(result.issues).toMatchObject([{code: 'credential-key', path: 'service.serviceSpec', line: 3, column: 13}]);
  });

  test('JSON text that does not parse is still scanned, textually', () => {
    const result = validateProfile(mutated((p) => (p.service.containerSpec.json = '{\n  "containerDefinitions": [{\n    "password": "x",\n')));
    expect(result.issues).toMatchObject([{code: 'credential-key', path: 'service.containerSpec.json', line: 3, column: 5}]);
  });

  test('JSON text that does not parse: booleans and ARNs under credential-like names are still accepted', () => {
    const text = `{\n  "passwordAuthentication": false,\n  "dbPasswordSecret": "${REGISTRY_SECRET_ARN}",\n  "oops`;
    expect(validateProfile(mutated((p) => (p.service.containerSpec.json = text))).issues).toEqual([]);
  });

  test('where a secret is, under a credential-like name, is not a credential (a secret name, a path, a host, a switch)', () => {
    const environment = [
      {name: 'DB_PASSWORD_SECRET_NAME', value: 'prod/db'},
      {name: 'DB_PASSWORD', value: '/run/secrets/db_password'},
      {name: 'VAULT_TOKEN_HOST', value: 'vault.example.com:8200'},
      {name: 'REQUIRE_PASSWORD', value: 'true'},
      {name: 'TOKEN_TTL', value: '3600'},
    ];
    expect(validateProfile(mutated(form(environment))).issues).toEqual([]);
    const json = validateProfile(
      mutated(inJson('"essential": true', '"essential": true, "environment": [{"name": "DB_PASSWORD_SECRET_NAME", "value": "prod/db"}]')),
    );
    expect(json.issues).toEqual([]);
    expect(codesAndPaths(validateProfile(mutated(form([{name: 'MYSQL_ROOT_PASSWORD', value: 'hunter2-Very-S3cret'}]))).issues)).toEqual([
      'credential-key service.containerSpec.form.environment[0]',
    ]);
  });

  test('a variable the person declared is not a secret (service.plaintextVariables) is accepted by name, in the form and in JSON', () => {
    const declared = (change: (p: Raw) => void) => (p: Raw) => {
      change(p);
      p.service.plaintextVariables = ['MYSQL_ROOT_PASSWORD'];
    };
    const formResult = validateProfile(mutated(declared(form([{name: 'MYSQL_ROOT_PASSWORD', value: 'hunter2-Very-S3cret'}]))));
    expect(formResult.issues).toEqual([]);
    expect(formResult.profile?.service.plaintextVariables).toEqual(['MYSQL_ROOT_PASSWORD']);
    const pair = '"essential": true, "environment": [{"name": "MYSQL_ROOT_PASSWORD", "value": "hunter2-Very-S3cret"}]';
    expect(validateProfile(mutated(declared(inJson('"essential": true', pair)))).issues).toEqual([]);
    // Another name in the same profile is still refused.
    expect(codesAndPaths(validateProfile(mutated(declared(form([{name: 'WORDPRESS_DB_PASSWORD', value: 'hunter2-Very-S3cret'}])))).issues)).toEqual([
      'credential-key service.containerSpec.form.environment[0]',
    ]);
  });

  test('a declared plain-text variable whose value is a credential by its shape is refused all the same', () => {
    const result = validateProfile(
      mutated((p) => {
        form([
          {name: 'MYSQL_ROOT_PASSWORD', value: AKID},
          {name: 'DEPLOY_KEY', value: PEM},
        ])(p);
        p.service.plaintextVariables = ['MYSQL_ROOT_PASSWORD', 'DEPLOY_KEY'];
      }),
    );
    expect(codesAndPaths(result.issues)).toEqual([
      'credential-value service.containerSpec.form.environment[0].value',
      'credential-value service.containerSpec.form.environment[1].value',
    ]);
  });

  test('plaintextVariables must be a list of variable names', () => {
    expect(codesAndPaths(validateProfile(mutated((p) => (p.service.plaintextVariables = ['A=B', 3]))).issues)).toEqual([
      'schema-value service.plaintextVariables[0]',
      'schema-type service.plaintextVariables[1]',
    ]);
  });

  test('a secret-key-like token alone (no access key id in the profile) is accepted', () => {
    expect(validateProfile(mutated((p) => (p.service.variables.checksum = SECRET_KEY))).issues).toEqual([]);
  });

  test('a 40-hex commit id next to an access key id is not taken for a secret key', () => {
    const result = validateProfile(mutated((p) => Object.assign(p.service.variables, {id: AKID, commit: '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d'})));
    expect(codesAndPaths(result.issues)).toEqual(['credential-value service.variables.id']);
  });

  test.each<[string, (profile: Raw) => void]>([
    ['registryAuth.credentialsSecretArn and kmsKeyArn (the fixture)', () => undefined],
    ['a variable holding a secret ARN under a password-like name', (p) => (p.service.variables.DB_PASSWORD = `${REGISTRY_SECRET_ARN}`)],
    ['a variable named ...Arn', (p) => (p.service.variables.dbPasswordSecretArn = REGISTRY_SECRET_ARN)],
    ['a form variable whose value is a placeholder', form([{name: 'DB_PASSWORD', value: '${serviceVariable.dbPasswordArn}'}])],
    ['a form variable whose value is an ARN', form([{name: 'API_TOKEN', value: 'arn:aws:ssm:us-east-1:123456789012:parameter/api-token'}])],
    ['an empty password variable', form([{name: 'PASSWORD', value: ''}])],
    [
      'harmless names',
      (p) =>
        Object.assign(p.service.variables, {
          keyName: 'a',
          kmsKeyId: 'b',
          publicKey: 'c',
          monkey: 'd',
          bypassCache: 'e',
          tokenizer: 'f',
          passage: 'g',
          username: 'h',
        }),
    ],
    [
      'ECS secrets, secretOptions and repositoryCredentials in the JSON text',
      (p) => {
        inJson(
          '"environment": [',
          `"secrets": [{"name": "DB_PASSWORD", "valueFrom": "${REGISTRY_SECRET_ARN}"}, {"name": "API_TOKEN", "valueFrom": "/prod/api-token"}],\n      "environment": [`,
        )(p);
        inJson(
          '"logDriver": "awslogs",',
          `"logDriver": "awslogs",\n        "secretOptions": [{"name": "splunk-token", "valueFrom": "${REGISTRY_SECRET_ARN}"}],`,
        )(p);
      },
    ],
    ['booleans under credential-like names in JSON', inJson('"essential": true', '"essential": true, "passwordAuthentication": false')],
    ['the execution role ARN written literally', inJson('"${EXECUTION_ROLE}"', `"${EXECUTION_ROLE_ARN}"`)],
  ])('accepted: %s', (_name, change) => {
    const result = validateProfile(mutated(change));
    expect(result.issues).toEqual([]);
    expect(result.profile).toBeDefined();
  });
});
