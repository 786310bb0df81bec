import {describe, expect, test} from 'vitest';
import {profileNameIssues, validateProfile} from '../../../source/domain/profile-schema/profile.js';
import {FARGATE_CONTAINER_JSON, ec2FormProfile, fixtureProfiles} from '../../helpers/profile-fixtures.js';
import {codesAndPaths, mutated, type Raw} from './mutated-profiles.js';

describe('validateProfile: the fixtures', () => {
  test.each(fixtureProfiles().map((profile) => [profile.name, profile]))('%s is valid and comes back as an equal, fresh copy', (_name, profile) => {
    const result = validateProfile(profile);
    expect(result.issues).toEqual([]);
    expect(result.profile).toEqual(profile);
    expect(result.profile).not.toBe(profile);
    expect(result.profile?.service).not.toBe(profile.service);
  });

  test('a stable container name is kept', () => {
    expect(validateProfile({...ec2FormProfile(), service: {...ec2FormProfile().service, containerName: 'web'}}).profile?.service.containerName).toBe('web');
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
    expect(profileNameIssues('web api')[0]?.message).toBe(
      '"web api" is not a valid profile name: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit',
    );
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
    [
      'a wrong enum value',
      (p) => (p.service.artifact.registry = 'docker'),
      ['schema-value service.artifact.registry'],
      'registry must be one of "dockerhub", "registry", "ecr"; got "docker"',
    ],
    [
      'an enum in the wrong case',
      (p) => (p.environments[0].launchType = 'fargate'),
      ['schema-value environments[0].launchType'],
      'launchType must be one of "EC2", "FARGATE"; got "fargate"',
    ],
    ['a missing field', (p) => delete p.service.launchType, ['schema-required service.launchType'], 'launchType is missing; it is one of "EC2", "FARGATE"'],
    [
      'a typo in a key',
      (p) => ((p.service.artifact.imgae = 'x'), delete p.service.artifact.image),
      ['schema-unknown-key service.artifact.imgae', 'schema-required service.artifact.image'],
      undefined,
    ],
    ['an unknown key', (p) => (p.environments[1].color = 'blue'), ['schema-unknown-key environments[1].color'], 'unknown field "color" in an environment'],
    [
      'a number variable',
      (p) => (p.service.variables.containerPort = 8080),
      ['schema-type service.variables.containerPort'],
      'containerPort must be a string; got the number 8080',
    ],
    ['a variable name with a dash', (p) => (p.service.variables['log-level'] = 'x'), ['schema-value service.variables.log-level'], undefined],
    [
      'a reserved variable name',
      (p) => (p.environments[0].overrides = JSON.parse('{"constructor": "x"}')),
      ['schema-value environments[0].overrides.constructor'],
      '"constructor" is reserved and cannot be a variable name',
    ],
    [
      'an image path in upper case',
      (p) => (p.service.artifact.image = 'Team/Web'),
      ['schema-value service.artifact.image'],
      'image must be an image path in lower case, such as library/nginx; got "Team/Web"',
    ],
    ['a bad tag', (p) => (p.service.artifact.tag = 'has space'), ['schema-value service.artifact.tag'], undefined],
    [
      'a bad region',
      (p) => (p.environments[0].region = 'us-east'),
      ['schema-value environments[0].region'],
      'region must be an AWS region such as us-east-1; got "us-east"',
    ],
    ['a bad role ARN', (p) => (p.environments[1].executionRoleArn = 'ecsTaskExecutionRole'), ['schema-value environments[1].executionRoleArn'], undefined],
    [
      'a bad subnet',
      (p) => (p.environments[0].network.subnets = ['vpc-1']),
      ['schema-value environments[0].network.subnets[0]'],
      'subnets[0] must be a subnet id (subnet-…); got "vpc-1"',
    ],
    ['no subnets', (p) => (p.environments[0].network.subnets = []), ['schema-value environments[0].network.subnets'], undefined],
    [
      'a duplicate environment',
      (p) => (p.environments[1].name = 'staging'),
      ['schema-duplicate environments[1].name'],
      'the environment name "staging" is already used by environments[0]',
    ],
    [
      'a stable container name that is not one (nor a placeholder)',
      (p) => (p.service.containerName = '${CONTAINER_NAME}'),
      ['schema-value service.containerName'],
      undefined,
    ],
    [
      'a bad secret ARN',
      (p) => (p.service.registryAuth.credentialsSecretArn = 'my-secret'),
      ['schema-value service.registryAuth.credentialsSecretArn'],
      undefined,
    ],
    [
      'a port out of range',
      (p) =>
        (p.service.containerSpec = {
          mode: 'form',
          form: {
            ...ec2FormProfile().service.containerSpec,
            name: 'x',
            portMappings: [{containerPort: 70000, protocol: 'tcp'}],
            environment: [],
            essential: true,
            networkMode: 'awsvpc',
          },
        }),
      [
        'schema-unknown-key service.containerSpec.form.mode',
        'schema-unknown-key service.containerSpec.form.form',
        'schema-value service.containerSpec.form.portMappings[0].containerPort',
      ],
      undefined,
    ],
    [
      'a fractional cpu',
      (p) => (p.service.containerSpec = {mode: 'form', form: {...structuredClone((ec2FormProfile().service.containerSpec as {form: object}).form), cpu: 0.5}}),
      ['schema-type service.containerSpec.form.cpu'],
      'cpu must be a whole number; got the number 0.5',
    ],
    ['an unknown container spec mode', (p) => (p.service.containerSpec = {mode: 'yaml'}), ['schema-value service.containerSpec.mode'], undefined],
    ['the schema-1 container spec string', (p) => (p.service.containerSpec = FARGATE_CONTAINER_JSON), ['schema-type service.containerSpec'], undefined],
    ['a blank service spec', (p) => (p.service.serviceSpec = '  '), ['schema-value service.serviceSpec'], undefined],
    ['an impossible date', (p) => (p.runs[0].startedAt = '2025-02-29T10:00:00Z'), ['schema-value runs[0].startedAt'], undefined],
    ['a date without a zone', (p) => (p.updatedAt = '2025-03-01T10:00:00'), ['schema-value updatedAt'], undefined],
    ['a bad outcome', (p) => (p.runs[2].outcome = 'rolledback'), ['schema-value runs[2].outcome'], undefined],
    ['a bad digest', (p) => (p.runs[1].digest = 'sha256:abc'), ['schema-value runs[1].digest'], undefined],
    [
      'a form log configuration in a region that is not one',
      (p) =>
        (p.service.containerSpec = {
          mode: 'form',
          form: {
            ...structuredClone((ec2FormProfile().service.containerSpec as {form: object}).form),
            logConfiguration: {group: '/ecs/web', region: 'Europe', streamPrefix: 'ecs'},
          },
        }),
      ['schema-value service.containerSpec.form.logConfiguration.region'],
      undefined,
    ],
    [
      'a run whose service deployment ARN is not one',
      (p) => (p.runs[1].serviceDeploymentArn = 'arn:aws:ecs:us-east-1:123456789012:service/web-staging/web-api'),
      ['schema-value runs[1].serviceDeploymentArn'],
      undefined,
    ],
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

  test("a run keeps ECS's service deployment ARN", () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/web-staging/web-api/NX4PB1UHXTUR5xZepaFWk';
    const result = validateProfile(mutated((p) => (p.runs[1].serviceDeploymentArn = arn)));
    expect(result.issues).toEqual([]);
    expect(result.profile?.runs[1]?.serviceDeploymentArn).toBe(arn);
  });

  test('an unknown key close to a known one gets a suggestion', () => {
    const [issue] = validateProfile(mutated((p) => ((p.service.variabels = {}), delete p.service.variables))).issues.filter(
      (i) => i.code === 'schema-unknown-key',
    );
    expect(issue).toMatchObject({
      path: 'service.variabels',
      message: 'unknown field "variabels" in service (did you mean "variables"?)',
      fix: 'rename "variabels" to "variables"',
    });
  });

  test('path and source options prefix the issues', () => {
    const result = validateProfile(
      mutated((p) => (p.service.artifact.registry = 'x')),
      {path: 'profiles.web-api', source: 'import'},
    );
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

describe('validateProfile: where an environment was filled from (provisioner)', () => {
  const cloudformation = {kind: 'cloudformation', stack: 'network', region: 'us-east-1', outputs: {cluster: 'ClusterName', subnets: 'PrivateSubnets'}};
  const terraform = {kind: 'terraform', path: '/srv/infra/terraform.tfstate', outputs: {securityGroups: 'task_sg', executionRoleArn: 'execution_role_arn'}};

  test.each([
    ['a CloudFormation stack', cloudformation],
    ['a Terraform state file', terraform],
  ])('%s is kept as it is', (_what, provisioner) => {
    const profile = mutated((raw) => (raw.environments[0].provisioner = provisioner));
    const result = validateProfile(profile);
    expect(result.issues).toEqual([]);
    expect(result.profile?.environments[0]?.provisioner).toEqual(provisioner);
  });

  test.each([
    ['an unknown kind', {...cloudformation, kind: 'pulumi'}, ['schema-value environments[0].provisioner.kind']],
    ['no stack', {kind: 'cloudformation', region: 'us-east-1', outputs: {}}, ['schema-required environments[0].provisioner.stack']],
    ['a bad region', {...cloudformation, region: 'Virginia'}, ['schema-value environments[0].provisioner.region']],
    [
      'a field that is not filled from outputs',
      {...terraform, outputs: {overrides: 'x'}},
      ['schema-unknown-key environments[0].provisioner.outputs.overrides'],
    ],
    ['no outputs', {kind: 'terraform', path: '/x.tfstate'}, ['schema-required environments[0].provisioner.outputs']],
    ['a path on a CloudFormation stack', {...cloudformation, path: '/x'}, ['schema-unknown-key environments[0].provisioner.path']],
  ])('%s is refused, naming the field', (_what, provisioner, expected) => {
    const issues = validateProfile(mutated((raw) => (raw.environments[0].provisioner = provisioner))).issues;
    expect(codesAndPaths(issues.filter((issue) => issue.severity === 'error'))).toEqual(expected);
  });
});
