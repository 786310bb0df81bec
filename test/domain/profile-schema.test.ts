import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {Issue} from '../../source/domain/issues.js';
import type {Profile} from '../../source/domain/model.js';
import {
  CURRENT_SCHEMA_VERSION,
  exportProfile,
  isIsoTimestamp,
  launchTypeOfContainerJson,
  locateJsonSyntaxError,
  looksLikeCredentialName,
  migrateStoreDocument,
  parseProfileExport,
  profileNameIssues,
  storeDocumentOf,
  validateProfile,
  validateStoreDocument,
} from '../../source/domain/profile-schema.js';
import {
  EXECUTION_ROLE_ARN,
  FARGATE_CONTAINER_JSON,
  REGISTRY_SECRET_ARN,
  ec2FormProfile,
  fargateJsonProfile,
  fixtureProfiles,
} from '../helpers/profile-fixtures.js';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----';

type Raw = Record<string, any>;

/** A fixture as a plain JSON object, changed by `change`. */
function mutated(change: (profile: Raw) => void, base: () => Profile = fargateJsonProfile): Raw {
  const profile = structuredClone(base()) as Raw;
  change(profile);
  return profile;
}

const codesAndPaths = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);

const jsonSpec = (profile: Raw): string => profile.service.containerSpec.json as string;

describe('validateProfile: the fixtures', () => {
  test.each(fixtureProfiles().map((profile) => [profile.name, profile]))('%s is valid and comes back as an equal, fresh copy', (_name, profile) => {
    const result = validateProfile(profile);
    expect(result.issues).toEqual([]);
    expect(result.profile).toEqual(profile);
    expect(result.profile).not.toBe(profile);
    expect(result.profile?.service).not.toBe(profile.service);
  });

  test('optional fields that are undefined are left out', () => {
    const profile = ec2FormProfile();
    profile.service.artifact.tag = undefined;
    expect(validateProfile(profile).profile?.service.artifact).toEqual({registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx'});
  });

  test('key order is canonical', () => {
    const {service, environments, runs, createdAt, updatedAt, application, name} = ec2FormProfile();
    const shuffled = {updatedAt, runs, service, environments, createdAt, application, name};
    expect(Object.keys(validateProfile(shuffled).profile ?? {})).toEqual(['name', 'application', 'service', 'environments', 'runs', 'createdAt', 'updatedAt']);
  });
});

describe('validateProfile: profile names', () => {
  test.each([
    ['a', true],
    ['web-api', true],
    ['web_api_2', true],
    ['2fa', true],
    ['A'.repeat(64), true],
    ['A'.repeat(65), false],
    ['', false],
    ['-web', false],
    ['_web', false],
    ['web api', false],
    ['web.api', false],
    ['web/api', false],
    ['../etc', false],
    ['café', false],
    ['web\n', false],
  ])('%j valid: %s', (name, valid) => {
    expect(profileNameIssues(name)).toHaveLength(valid ? 0 : 1);
    const issues = validateProfile(ec2FormProfile({name})).issues;
    expect(codesAndPaths(issues)).toEqual(valid ? [] : ['profile-name name']);
  });

  test('the message names the name and the rule', () => {
    expect(profileNameIssues('web api')[0]?.message).toBe('"web api" is not a valid profile name: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit');
  });

  test('a name that is not a string', () => {
    expect(codesAndPaths(validateProfile(mutated((p) => (p.name = 42))).issues)).toEqual(['profile-name name']);
  });

  test('names of Object.prototype members are ordinary names', () => {
    expect(validateProfile(ec2FormProfile({name: 'constructor'})).issues).toEqual([]);
  });
});

describe('validateProfile: located field issues', () => {
  test.each<[string, (profile: Raw) => void, string[], string?]>([
    ['not an object', () => undefined, [], undefined],
    ['a wrong enum value', (p) => (p.service.artifact.registry = 'docker'), ['schema-value service.artifact.registry'], 'registry must be one of "dockerhub", "registry", "ecr"; got "docker"'],
    ['an enum in the wrong case', (p) => (p.environments[0].launchType = 'fargate'), ['schema-value environments[0].launchType'], 'launchType must be one of "EC2", "FARGATE"; got "fargate"'],
    ['a missing field', (p) => delete p.service.launchType, ['schema-required service.launchType'], 'launchType is missing; it is one of "EC2", "FARGATE"'],
    ['a typo in a key', (p) => ((p.service.artifact.imgae = 'x'), delete p.service.artifact.image), ['schema-unknown-key service.artifact.imgae', 'schema-required service.artifact.image'], undefined],
    ['an unknown key', (p) => (p.environments[1].color = 'blue'), ['schema-unknown-key environments[1].color'], 'unknown field "color" in an environment'],
    ['a number variable', (p) => (p.service.variables.containerPort = 8080), ['schema-type service.variables.containerPort'], 'containerPort must be a string; got the number 8080'],
    ['a variable name with a dash', (p) => (p.service.variables['log-level'] = 'x'), ['schema-value service.variables.log-level'], undefined],
    ['a reserved variable name', (p) => (p.environments[0].overrides = JSON.parse('{"constructor": "x"}')), ['schema-value environments[0].overrides.constructor'], '"constructor" is reserved and cannot be a variable name'],
    ['an image path in upper case', (p) => (p.service.artifact.image = 'Team/Web'), ['schema-value service.artifact.image'], 'image must be an image path in lower case, such as library/nginx; got "Team/Web"'],
    ['a bad tag', (p) => (p.service.artifact.tag = 'has space'), ['schema-value service.artifact.tag'], undefined],
    ['a bad region', (p) => (p.environments[0].region = 'us-east'), ['schema-value environments[0].region'], 'region must be an AWS region such as us-east-1; got "us-east"'],
    ['a bad role ARN', (p) => (p.environments[1].executionRoleArn = 'ecsTaskExecutionRole'), ['schema-value environments[1].executionRoleArn'], undefined],
    ['a bad subnet', (p) => (p.environments[0].network.subnets = ['vpc-1']), ['schema-value environments[0].network.subnets[0]'], 'subnets[0] must be a subnet id (subnet-…); got "vpc-1"'],
    ['no subnets', (p) => (p.environments[0].network.subnets = []), ['schema-value environments[0].network.subnets'], undefined],
    ['a duplicate environment', (p) => (p.environments[1].name = 'staging'), ['schema-duplicate environments[1].name'], 'the environment name "staging" is already used by environments[0]'],
    ['a bad secret ARN', (p) => (p.service.registryAuth.credentialsSecretArn = 'my-secret'), ['schema-value service.registryAuth.credentialsSecretArn'], undefined],
    ['a port out of range', (p) => (p.service.containerSpec = {mode: 'form', form: {...ec2FormProfile().service.containerSpec, name: 'x', portMappings: [{containerPort: 70000, protocol: 'tcp'}], environment: [], essential: true, networkMode: 'awsvpc'}}), ['schema-unknown-key service.containerSpec.form.mode', 'schema-unknown-key service.containerSpec.form.form', 'schema-value service.containerSpec.form.portMappings[0].containerPort'], undefined],
    ['a fractional cpu', (p) => (p.service.containerSpec = {mode: 'form', form: {...structuredClone((ec2FormProfile().service.containerSpec as {form: object}).form), cpu: 0.5}}), ['schema-type service.containerSpec.form.cpu'], 'cpu must be a whole number; got the number 0.5'],
    ['an unknown container spec mode', (p) => (p.service.containerSpec = {mode: 'yaml'}), ['schema-value service.containerSpec.mode'], undefined],
    ['the schema-1 container spec string', (p) => (p.service.containerSpec = FARGATE_CONTAINER_JSON), ['schema-type service.containerSpec'], undefined],
    ['a blank service spec', (p) => (p.service.serviceSpec = '  '), ['schema-value service.serviceSpec'], undefined],
    ['an impossible date', (p) => (p.runs[0].startedAt = '2025-02-29T10:00:00Z'), ['schema-value runs[0].startedAt'], undefined],
    ['a date without a zone', (p) => (p.updatedAt = '2025-03-01T10:00:00'), ['schema-value updatedAt'], undefined],
    ['a bad outcome', (p) => (p.runs[2].outcome = 'rolledback'), ['schema-value runs[2].outcome'], undefined],
    ['a bad digest', (p) => (p.runs[1].digest = 'sha256:abc'), ['schema-value runs[1].digest'], undefined],
    ['a missing service', (p) => delete p.service, ['schema-required service'], 'service is missing'],
    ['environments not a list', (p) => (p.environments = {}), ['schema-type environments'], 'environments must be a list; got an object'],
  ])('%s', (name, change, expected, message) => {
    if (name === 'not an object') {
      const result = validateProfile(null);
      expect(result.profile).toBeUndefined();
      expect(result.issues).toEqual([{code: 'schema-type', severity: 'error', source: 'profile', path: '', message: 'profile must be an object; got null'}]);
      return;
    }
    const result = validateProfile(mutated(change));
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.profile).toBeUndefined();
    if (message !== undefined) expect(result.issues[result.issues.length - 1]?.message).toBe(message);
  });

  test('an unknown key close to a known one gets a suggestion', () => {
    const [issue] = validateProfile(mutated((p) => ((p.service.variabels = {}), delete p.service.variables))).issues.filter((i) => i.code === 'schema-unknown-key');
    expect(issue).toMatchObject({path: 'service.variabels', message: 'unknown field "variabels" in service (did you mean "variables"?)', fix: 'rename "variabels" to "variables"'});
  });

  test('path and source options prefix the issues', () => {
    const result = validateProfile(mutated((p) => (p.service.artifact.registry = 'x')), {path: 'profiles.web-api', source: 'import'});
    expect(result.issues.map((issue) => [issue.source, issue.path])).toEqual([['import', 'profiles.web-api.service.artifact.registry']]);
  });

  test('every issue is an error with a message', () => {
    const result = validateProfile({name: 'x', service: {artifact: 1}});
    expect(result.issues.length).toBeGreaterThan(3);
    for (const issue of result.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.message.length).toBeGreaterThan(5);
    }
  });
});

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
    ['an override named like an AWS secret key', (p) => (p.environments[0].overrides.AWS_SECRET_ACCESS_KEY = 'x'), ['credential-key environments[0].overrides.AWS_SECRET_ACCESS_KEY']],
    ['an unknown key "password" (reported as a credential, not as unknown)', (p) => (p.service.artifact.password = 's3cret'), ['credential-key service.artifact.password']],
    ['accessKeyId on the profile', (p) => (p.accessKeyId = 'x'), ['credential-key accessKeyId']],
    ['a sessionToken on an environment', (p) => (p.environments[1].sessionToken = 'x'), ['credential-key environments[1].sessionToken']],
    ['a privateKey object', (p) => (p.service.privateKey = {pem: 'x'}), ['credential-key service.privateKey']],
    ['an apiKey number', (p) => (p.service.variables.apiKey = 1234), ['credential-key service.variables.apiKey']],
    ['a form environment variable DB_PASSWORD', form([{name: 'DB_PASSWORD', value: 'hunter2'}]), ['credential-key service.containerSpec.form.environment[0]']],
    ['a form environment variable X_API_KEY', form([{name: 'PORT', value: '80'}, {name: 'X_API_KEY', value: 'k'}]), ['credential-key service.containerSpec.form.environment[1]']],
    ['an access key id as a form environment value', form([{name: 'SOME_ID', value: AKID}]), ['credential-value service.containerSpec.form.environment[0].value']],
    ['a temporary access key id as an override', (p) => (p.environments[0].overrides.who = 'ASIAY34FZKBOKMUTVV7A'), ['credential-value environments[0].overrides.who']],
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
    ['a log driver token option', inJson('"awslogs-group": "/ecs/web-api"', '"splunk-token": "00000000-0000-0000-0000-000000000000"'), {line: 31, column: 27, message: 'json: "splunk-token" at containerDefinitions[0].logConfiguration.options.splunk-token looks like a credential; '}],
  ])('container spec JSON text: %s (located)', (_name, change, expected) => {
    const result = validateProfile(mutated(change));
    expect(result.issues.map(({code, path, line, column}) => ({code, path, line, column}))).toEqual([
      {code: expect.stringMatching(/^credential-/), path: 'service.containerSpec.json', line: expected.line, column: expected.column},
    ]);
    expect(result.issues[0]?.message).toContain(expected.message);
    expect(result.issues[0]?.message).not.toContain('hunter2');
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
    ['harmless names', (p) => Object.assign(p.service.variables, {keyName: 'a', kmsKeyId: 'b', publicKey: 'c', monkey: 'd', bypassCache: 'e', tokenizer: 'f', passage: 'g', username: 'h'})],
    [
      'ECS secrets, secretOptions and repositoryCredentials in the JSON text',
      (p) => {
        inJson('"environment": [', `"secrets": [{"name": "DB_PASSWORD", "valueFrom": "${REGISTRY_SECRET_ARN}"}, {"name": "API_TOKEN", "valueFrom": "/prod/api-token"}],\n      "environment": [`)(p);
        inJson('"logDriver": "awslogs",', `"logDriver": "awslogs",\n        "secretOptions": [{"name": "splunk-token", "valueFrom": "${REGISTRY_SECRET_ARN}"}],`)(p);
      },
    ],
    ['booleans under credential-like names in JSON', inJson('"essential": true', '"essential": true, "passwordAuthentication": false')],
    ['the execution role ARN written literally', inJson('"${EXECUTION_ROLE}"', `"${EXECUTION_ROLE_ARN}"`)],
  ])('accepted: %s', (_name, change) => {
    const result = validateProfile(mutated(change));
    expect(result.issues).toEqual([]);
    expect(result.profile).toBeDefined();
  });

  test.each([
    ['password', true],
    ['dbPassword', true],
    ['DB_PASSWD', true],
    ['secret', true],
    ['clientSecret', true],
    ['secretAccessKey', true],
    ['aws_secret_access_key', true],
    ['accessKeyId', true],
    ['AWS_ACCESS_KEY_ID', true],
    ['sessionToken', true],
    ['token', true],
    ['GITHUB_TOKEN', true],
    ['apiKey', true],
    ['APIKey', true],
    ['x-api-key', true],
    ['privateKey', true],
    ['ssh_private_key', true],
    ['Authorization', true],
    ['credentials', true],
    ['DB_PASS', true],
    ['credentialsSecretArn', false],
    ['credentialsParameter', false],
    ['kmsKeyArn', false],
    ['secretArn', false],
    ['DB_PASSWORD_ARN', false],
    ['secrets', false],
    ['secretOptions', false],
    ['repositoryCredentials', false],
    ['credentialSpecs', false],
    ['valueFrom', false],
    ['kmsKeyId', false],
    ['keyName', false],
    ['tokenizer', false],
    ['bypass', false],
    ['username', false],
    ['executionRoleArn', false],
  ])('looksLikeCredentialName(%j) is %s', (key, expected) => {
    expect(looksLikeCredentialName(key)).toBe(expected);
  });
});

const v1Profile = (): Raw => {
  const profile = structuredClone(fargateJsonProfile()) as Raw;
  profile.service.containerSpec = FARGATE_CONTAINER_JSON;
  delete profile.service.launchType;
  for (const environment of profile.environments) {
    environment.variables = environment.overrides;
    delete environment.overrides;
  }
  return profile;
};

describe('store documents', () => {
  test('a valid document comes back sorted by name', () => {
    const [ec2, fargate] = [ec2FormProfile({name: 'zeta'}), fargateJsonProfile({name: 'Alpha'})];
    const result = validateStoreDocument({schemaVersion: 2, profiles: {zeta: ec2, Alpha: fargate}});
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.document?.profiles ?? {})).toEqual(['Alpha', 'zeta']);
    expect(result.document).toEqual(storeDocumentOf([ec2, fargate]));
  });

  test.each<[string, unknown, string[]]>([
    ['an array', [], ['schema-type ']],
    ['no schemaVersion', {profiles: {}}, ['schema-required schemaVersion']],
    ['a string schemaVersion', {schemaVersion: '2', profiles: {}}, ['schema-version schemaVersion']],
    ['schema version 1 (not migrated)', {schemaVersion: 1, profiles: {}}, ['schema-version schemaVersion']],
    ['profiles not an object', {schemaVersion: 2, profiles: []}, ['schema-type profiles']],
    ['an unknown top-level key', {schemaVersion: 2, profiles: {}, extra: 1}, ['schema-unknown-key extra']],
    ['a key that is not a valid name', {schemaVersion: 2, profiles: {'bad name': ec2FormProfile({name: 'bad name'})}}, ['profile-name profiles["bad name"]', 'profile-name profiles["bad name"].name']],
    ['a name that differs from its key', {schemaVersion: 2, profiles: {web: ec2FormProfile({name: 'other'})}}, ['profile-name-mismatch profiles.web.name']],
    ['a field deep inside', {schemaVersion: 2, profiles: {web: {...ec2FormProfile({name: 'web'}), runs: [{}]}}}, ['schema-required profiles.web.runs[0].environment', 'schema-required profiles.web.runs[0].tag', 'schema-required profiles.web.runs[0].startedAt', 'schema-required profiles.web.runs[0].outcome']],
    ['a credential at the top level', {schemaVersion: 2, profiles: {}, awsSecretAccessKey: 'x'}, ['credential-key awsSecretAccessKey']],
  ])('refused: %s', (_name, document, expected) => {
    const result = validateStoreDocument(document);
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.document).toBeUndefined();
  });

  test('a newer schema version is refused with "upgrade"', () => {
    const result = validateStoreDocument({schemaVersion: 3, profiles: {}, somethingNew: true});
    expect(result.issues).toEqual([
      {
        code: 'schema-version-newer',
        severity: 'error',
        source: 'profile',
        path: 'schemaVersion',
        message: 'the profile store has schema version 3, newer than this ecs-wizard understands (2); upgrade ecs-wizard to read it',
        fix: 'upgrade ecs-wizard (the file is left as it is)',
      },
    ]);
  });
});

describe('migrateStoreDocument', () => {
  test('a current document is validated, not changed', () => {
    const document = storeDocumentOf(fixtureProfiles());
    expect(migrateStoreDocument(structuredClone(document))).toEqual({document, fromVersion: 2, issues: []});
  });

  test('{} is an empty store', () => {
    expect(migrateStoreDocument({})).toEqual({document: {schemaVersion: 2, profiles: {}}, fromVersion: 2, issues: []});
  });

  test('schema 1 → 2: container spec text wrapped, launch type derived, variables → overrides', () => {
    const ec2V1 = structuredClone(ec2FormProfile({name: 'legacy'})) as Raw;
    ec2V1.service.containerSpec = '{"containerDefinitions": [{"name": "${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}", "memory": 256}]}';
    delete ec2V1.service.launchType;
    ec2V1.environments[0].variables = {};
    delete ec2V1.environments[0].overrides;
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': v1Profile(), legacy: ec2V1}});
    expect(result.issues).toEqual([]);
    expect(result.fromVersion).toBe(1);
    expect(result.document).toEqual(
      storeDocumentOf([
        fargateJsonProfile(),
        ec2FormProfile({
          name: 'legacy',
          service: {...ec2FormProfile().service, containerSpec: {mode: 'json', json: ec2V1.service.containerSpec as string}, launchType: 'EC2'},
        }),
      ]),
    );
  });

  test('schema 1 problems are reported at their schema-2 paths', () => {
    const profile = v1Profile();
    profile.environments[0].variables = {containerPort: 8080};
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': profile}});
    expect(codesAndPaths(result.issues)).toEqual(['schema-type profiles.web-api.environments[0].overrides.containerPort']);
    expect(result.document).toBeUndefined();
  });

  test.each<[string, string, 'EC2' | 'FARGATE']>([
    ['FARGATE required', '{"requiresCompatibilities": ["FARGATE"], "containerDefinitions": []}', 'FARGATE'],
    ['both required', '{"requiresCompatibilities": ["EC2", "FARGATE"]}', 'FARGATE'],
    ['EC2 required', '{"requiresCompatibilities": ["EC2"]}', 'EC2'],
    ['nothing said', '{"containerDefinitions": [{"memory": ${serviceVariable.memory}}]}', 'EC2'],
    ['the describe-task-definition wrapper', '{"taskDefinition": {"requiresCompatibilities": ["FARGATE"]}}', 'FARGATE'],
    ['FARGATE only in a container name', '{"containerDefinitions": [{"name": "FARGATE"}]}', 'EC2'],
    ['text that does not parse', '{"requiresCompatibilities": ["FARGATE"], oops', 'FARGATE'],
  ])('launch type from the container spec: %s', (_name, text, expected) => {
    expect(launchTypeOfContainerJson(text)).toBe(expected);
  });

  test('an existing overrides is not replaced by variables (validation reports the leftover key)', () => {
    const profile = v1Profile();
    profile.environments[0].overrides = {};
    const result = migrateStoreDocument({schemaVersion: 1, profiles: {'web-api': profile}});
    expect(codesAndPaths(result.issues)).toEqual(['schema-unknown-key profiles.web-api.environments[0].variables']);
  });

  test('a newer version is refused, never migrated down', () => {
    const result = migrateStoreDocument({schemaVersion: 7, profiles: {}});
    expect(result.document).toBeUndefined();
    expect(result.fromVersion).toBe(7);
    expect(codesAndPaths(result.issues)).toEqual(['schema-version-newer schemaVersion']);
    expect(result.issues[0]?.message).toContain('upgrade ecs-wizard');
  });

  test.each([0, -1, 1.5, '1', null])('schemaVersion %j is refused', (version) => {
    expect(codesAndPaths(migrateStoreDocument({schemaVersion: version, profiles: {}}).issues)).toEqual(['schema-version schemaVersion']);
  });

  test('a document without schemaVersion that is not empty is refused', () => {
    expect(codesAndPaths(migrateStoreDocument({profiles: {}}).issues)).toEqual(['schema-required schemaVersion']);
  });
});

describe('export files', () => {
  test('the export text: marker, version, profile without runs, 2-space indent, final newline', () => {
    const profile = fargateJsonProfile();
    const text = exportProfile(profile);
    expect(text.startsWith('{\n  "ecsWizardProfile": 2,\n  "profile": {\n    "name": "web-api",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const {runs: _runs, ...shared} = profile;
    expect(JSON.parse(text)).toEqual({ecsWizardProfile: CURRENT_SCHEMA_VERSION, profile: shared});
  });

  test('round trip: runs default to none; with includeRuns they come back', () => {
    const profile = fargateJsonProfile();
    expect(parseProfileExport(exportProfile(profile))).toEqual({profile: {...profile, runs: []}, fromVersion: 2, issues: []});
    expect(parseProfileExport(exportProfile(profile, {includeRuns: true}))).toEqual({profile, fromVersion: 2, issues: []});
  });

  test('a JSON syntax error is located by line and column', () => {
    // Truncated after `"application": …,` and the next line's indent: the error is at the end of the text.
    const full = exportProfile(ec2FormProfile());
    const text = full.slice(0, full.indexOf('"service"'));
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('    ');
    const result = parseProfileExport(text);
    expect(result.profile).toBeUndefined();
    expect(result.issues).toMatchObject([{code: 'json-syntax', source: 'import', path: '', line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}]);
  });

  test('a missing comma is located where it is missing', () => {
    expect(parseProfileExport('{\n  "ecsWizardProfile": 2\n  "profile": {}\n}').issues).toMatchObject([{code: 'json-syntax', line: 3, column: 3}]);
  });

  test('an unquoted placeholder is not JSON in a file', () => {
    expect(parseProfileExport('{"ecsWizardProfile": ${x}}').issues).toMatchObject([{code: 'json-syntax', line: 1, column: 22}]);
  });

  test('a byte order mark is accepted', () => {
    expect(parseProfileExport(`\uFEFF${exportProfile(ec2FormProfile())}`).profile).toEqual(ec2FormProfile());
  });

  test('validation issues are listed with paths in the file', () => {
    const text = exportProfile(fargateJsonProfile()).replace('"registry": "registry"', '"registry": "quay"').replace('"region": "us-east-1"', '"region": "Virginia"');
    const result = parseProfileExport(text);
    expect(result.profile).toBeUndefined();
    expect(codesAndPaths(result.issues)).toEqual(['schema-value profile.service.artifact.registry', 'schema-value profile.environments[0].region']);
    expect(result.issues.every((issue) => issue.source === 'import')).toBe(true);
  });

  test('a credential in an export file is refused', () => {
    const profile = fargateJsonProfile();
    profile.service.variables.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
    const result = parseProfileExport(exportProfile(profile));
    expect(codesAndPaths(result.issues)).toEqual(['credential-key profile.service.variables.AWS_SECRET_ACCESS_KEY']);
    expect(result.issues[0]?.message).not.toContain(SECRET_KEY);
  });

  test('a schema-1 export is migrated', () => {
    const {runs: _runs, ...profile} = v1Profile();
    const result = parseProfileExport(JSON.stringify({ecsWizardProfile: 1, profile}));
    expect(result).toEqual({profile: {...fargateJsonProfile(), runs: []}, fromVersion: 1, issues: []});
  });

  test.each<[string, string, string[], string]>([
    ['not an object', '[1]', ['schema-type '], 'an exported profile is a JSON object {"ecsWizardProfile": 2, "profile": {...}}; got an array'],
    ['no marker', '{"profile": {}}', ['schema-required ecsWizardProfile'], 'this is not an ecs-wizard profile export: "ecsWizardProfile" is missing'],
    ['a newer version', '{"ecsWizardProfile": 3, "profile": {}}', ['schema-version-newer ecsWizardProfile'], 'this profile export has schema version 3, newer than this ecs-wizard understands (2); upgrade ecs-wizard to read it'],
    ['a bad version', '{"ecsWizardProfile": "2", "profile": {}}', ['schema-version ecsWizardProfile'], 'ecsWizardProfile must be a whole number from 1 to 2; got "2"'],
    ['no profile', '{"ecsWizardProfile": 2}', ['schema-required profile'], 'profile is missing'],
    ['an extra key', JSON.stringify({ecsWizardProfile: 2, profile: ec2FormProfile(), notes: 'x'}), ['schema-unknown-key notes'], 'unknown field "notes" in the export file'],
  ])('refused: %s', (_name, text, expected, message) => {
    const result = parseProfileExport(text);
    expect(codesAndPaths(result.issues)).toEqual(expected);
    expect(result.issues[0]?.message).toBe(message);
    expect(result.profile).toBeUndefined();
  });

  test('property: any valid name and variable values survive export and import', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/),
        fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/), fc.string({maxLength: 30})),
        (name, variables) => {
          fc.pre(!Object.keys(variables).some((key) => key in Object.prototype || looksLikeCredentialName(key)));
          const profile = ec2FormProfile({name, service: {...ec2FormProfile().service, variables}});
          expect(parseProfileExport(exportProfile(profile)).profile).toEqual({...profile, runs: []});
        },
      ),
      {numRuns: 200},
    );
  });
});

describe('helpers', () => {
  test.each([
    ['{"a": 1', {line: 1, column: 8}],
    ['{\n  "a": [1,\n', {line: 3, column: 1}],
    ['', {line: 1, column: 1}],
    ['{"a": 1}', undefined],
  ])('locateJsonSyntaxError(%j)', (text, expected) => {
    const located = locateJsonSyntaxError(text);
    if (expected === undefined) expect(located).toBeUndefined();
    else expect(located).toMatchObject(expected);
  });

  test.each([
    ['2025-03-01T10:00:00.000Z', true],
    ['2025-03-01T10:00:00Z', true],
    ['2024-02-29T23:59:59+02:00', true],
    ['2025-02-29T10:00:00Z', false],
    ['2025-13-01T10:00:00Z', false],
    ['2025-03-01T24:00:00Z', false],
    ['2025-03-01 10:00:00Z', false],
    ['2025-03-01', false],
  ])('isIsoTimestamp(%j) is %s', (text, expected) => {
    expect(isIsoTimestamp(text)).toBe(expected);
  });
});
