import {CreateStackCommand} from '@aws-sdk/client-cloudformation';
import {CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand} from '@aws-sdk/client-ec2';
import {CreateRepositoryCommand, PutImageCommand} from '@aws-sdk/client-ecr';
import {CreateClusterCommand, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput} from '@aws-sdk/client-ecs';
import {CreateRoleCommand} from '@aws-sdk/client-iam';
import {CreateSecretCommand} from '@aws-sdk/client-secrets-manager';
import {CreatePrivateDnsNamespaceCommand, CreateServiceCommand, GetOperationCommand} from '@aws-sdk/client-servicediscovery';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {AWS_NETWORK, createAwsClientFactory, type AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createCloudFormationPort} from '../../source/adapters/aws/cloudformation.js';
import {createDiscoveryPort} from '../../source/adapters/aws/discovery.js';
import {createLoadBalancingPort} from '../../source/adapters/aws/elbv2.js';
import {createNetworkPort} from '../../source/adapters/aws/ec2.js';
import {createRepositoriesPort} from '../../source/adapters/aws/ecr-repositories.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {createIamPort} from '../../source/adapters/aws/iam.js';
import {createSecretsPort} from '../../source/adapters/aws/secrets.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createRegistryPort} from '../../source/adapters/registry/index.js';
import {createTerraformState} from '../../source/adapters/terraform-state.js';
import {readTemplate} from '../../source/adapters/templates.js';
import {executionRoleTrustPolicy} from '../../source/domain/policy.js';
import {assembleProfile} from '../../source/operations/wizard/profile.js';
import {environmentFromOutputs} from '../../source/operations/wizard/provisioner-outputs.js';
import {refKey} from '../../source/operations/wizard/question.js';
import {createWizardServices, type WizardPorts, type WizardServices} from '../../source/operations/wizard/services.js';
import {flowOf} from '../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../source/ui/wizard/wizard-screen.js';
import {pushImage, registryTools, startDockerRegistry, type RegistryServer} from '../helpers/docker-registry.js';
import {memoryDraftStore} from '../helpers/fake-root.js';
import {press, waitForFrame} from '../helpers/ink.js';
import {CLOSED_ENDPOINT, motoEnv, useMoto} from '../helpers/moto.js';
import {fargateAnswers} from '../operations/wizard/fixtures.js';

/**
 * The wizard's AWS-backed pickers and actions through the real SDK adapters against moto (clusters, ECR, Cloud Map
 * SRV vs A, Secrets Manager, IAM roles, role creation and PutRolePolicy, VPC networking, CloudFormation outputs,
 * the live diff), the offline fallbacks against a closed port, and tag listing against a real docker-registry.
 */
function portsFor(factory: AwsClientFactory, registryAws: () => AwsClientFactory = () => factory): WizardPorts {
  const store = new MemoryProfileStore();
  const draft = memoryDraftStore();
  const regional = (region?: string): AwsClientFactory => (region === undefined ? factory : factory.forRegion(region));
  return {
    store: async () => store,
    ecs: (region) => createEcsPort(regional(region)),
    iam: () => createIamPort(factory),
    secrets: (region) => createSecretsPort(regional(region)),
    discovery: (region) => createDiscoveryPort(regional(region)),
    registry: async () => createRegistryPort({aws: registryAws}),
    repositories: (region) => createRepositoriesPort(regional(region)),
    network: (region) => createNetworkPort(regional(region)),
    cloudFormation: (region) => createCloudFormationPort(regional(region)),
    loadBalancing: (region) => createLoadBalancingPort(regional(region)),
    terraform: () => createTerraformState(),
    editor: () => {
      throw new Error('no editor in these tests');
    },
    draft: async () => draft,
    template: (name) => readTemplate(name),
    defaultRegion: () => 'us-east-1',
    registryPassword: () => undefined,
    now: () => '2026-01-02T03:04:05.000Z',
  };
}

/** A frame with its wrapped lines joined (runs of spaces and line breaks → one space). */
const oneLine = (frame: string): string => frame.replace(/\s+/g, ' ');

describe('the wizard against moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  const services: WizardServices = createWizardServices(portsFor(factory));
  afterAll(() => factory.destroy());
  afterEach(() => cleanup());

  const seeded = {srv: '', a: '', secret: '', subnets: [] as string[], group: '', vpc: ''};
  beforeAll(async () => {
    if (moto.skipped) return;
    const ecs = await factory.client('ecs');
    await ecs.send(new CreateClusterCommand({clusterName: 'staging'}));
    await ecs.send(new CreateClusterCommand({clusterName: 'prod'}));
    const ecr = await factory.client('ecr');
    await ecr.send(new CreateRepositoryCommand({repositoryName: 'team/api'}));
    await ecr.send(new CreateRepositoryCommand({repositoryName: 'web'}));
    const manifest = (seed: string) =>
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 1, digest: `sha256:${seed.repeat(64)}`},
        layers: [],
      });
    await ecr.send(new PutImageCommand({repositoryName: 'team/api', imageTag: '1.0', imageManifest: manifest('a')}));
    await ecr.send(new PutImageCommand({repositoryName: 'team/api', imageTag: '1.1', imageManifest: manifest('b')}));
    const ec2 = await factory.client('ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.0.0.0/16'}));
    seeded.vpc = vpc.Vpc?.VpcId ?? '';
    for (const [index, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
      const subnet = await ec2.send(new CreateSubnetCommand({VpcId: seeded.vpc, CidrBlock: `10.0.${index + 1}.0/24`, AvailabilityZone: zone}));
      seeded.subnets.push(subnet.Subnet?.SubnetId ?? '');
    }
    seeded.group = (await ec2.send(new CreateSecurityGroupCommand({GroupName: 'web-tasks', Description: 'tasks of web', VpcId: seeded.vpc}))).GroupId ?? '';
    const discovery = await factory.client('servicediscovery');
    const operation = await discovery.send(new CreatePrivateDnsNamespaceCommand({Name: 'internal.test', Vpc: seeded.vpc}));
    const namespaceId = (await discovery.send(new GetOperationCommand({OperationId: operation.OperationId ?? ''}))).Operation?.Targets?.NAMESPACE ?? '';
    const create = async (name: string, type: 'SRV' | 'A'): Promise<string> =>
      (await discovery.send(new CreateServiceCommand({Name: name, NamespaceId: namespaceId, DnsConfig: {DnsRecords: [{Type: type, TTL: 60}]}}))).Service?.Arn ??
      '';
    seeded.srv = await create('api', 'SRV');
    seeded.a = await create('web', 'A');
    const secrets = await factory.client('secretsmanager');
    seeded.secret = (await secrets.send(new CreateSecretCommand({Name: 'registry-creds', SecretString: '{"username":"deploy","password":"x"}'}))).ARN ?? '';
    const iam = await factory.iam();
    await iam.send(new CreateRoleCommand({RoleName: 'existing-exec', AssumeRolePolicyDocument: JSON.stringify(executionRoleTrustPolicy())}));
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'lambda-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{Effect: 'Allow', Principal: {Service: 'lambda.amazonaws.com'}, Action: 'sts:AssumeRole'}],
        }),
      }),
    );
    const cloudformation = await factory.client('cloudformation');
    await cloudformation.send(
      new CreateStackCommand({
        StackName: 'network',
        TemplateBody: JSON.stringify({
          Resources: {Topic: {Type: 'AWS::SNS::Topic', Properties: {TopicName: 'wizard-test'}}},
          Outputs: {
            ClusterName: {Value: 'prod'},
            PrivateSubnets: {Value: seeded.subnets.join(',')},
            TaskSecurityGroup: {Value: seeded.group},
          },
        }),
      }),
    );
  });

  test('clusters of the region are listed', async () => {
    expect(await services.clusters('us-east-1')).toEqual({ok: true, items: ['prod', 'staging']});
  });

  test('ECR: repositories listed, and the tags of one (with push dates and digests, newest first)', async () => {
    const repositories = await services.ecrRepositories();
    expect(repositories.ok && repositories.items.map((repository) => repository.name)).toEqual(['team/api', 'web']);
    const uri = repositories.ok ? repositories.items[0]!.uri : '';
    expect(uri).toMatch(/^\d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api$/);
    const [host, ...path] = uri.split('/');
    const tags = await services.tags({registry: 'ecr', host: host!, image: path.join('/')});
    expect(tags.ok).toBe(true);
    if (!tags.ok) return;
    expect(tags.newestFirst).toBe(true);
    expect(tags.items.map((tag) => tag.tag).sort()).toEqual(['1.0', '1.1']);
    expect(tags.items.every((tag) => tag.pushedAt !== undefined && tag.digest?.startsWith('sha256:'))).toBe(true);
  });

  test('Cloud Map: namespaces, services with their record types, SRV vs A read by ARN', async () => {
    const namespaces = await services.namespaces();
    expect(namespaces.ok && namespaces.items.map((namespace) => namespace.name)).toEqual(['internal.test']);
    const listed = await services.discoveryServices(namespaces.ok ? namespaces.items[0]!.id : '');
    expect(listed.ok && listed.items.map((service) => [service.name, service.recordTypes])).toEqual(
      expect.arrayContaining([
        ['api', ['SRV']],
        ['web', ['A']],
      ]),
    );
    expect(await services.discoveryService(seeded.srv)).toMatchObject({status: 'found', value: {recordTypes: ['SRV']}});
    expect(await services.discoveryService(seeded.a)).toMatchObject({status: 'found', value: {recordTypes: ['A']}});
    expect(await services.discoveryService(seeded.srv.replace(/srv-[a-z0-9]+$/, 'srv-doesnotexist0'))).toEqual({status: 'missing'});
  });

  test('Secrets Manager: secrets listed; one checked to exist, another not', async () => {
    const listed = await services.secrets();
    expect(listed.ok && listed.items.map((secret) => secret.name)).toEqual(['registry-creds']);
    expect(await services.secret(seeded.secret)).toMatchObject({status: 'found', value: {name: 'registry-creds'}});
    expect(await services.secret(`${seeded.secret.replace(/registry-creds.*$/, 'missing-AbCdEf')}`)).toEqual({status: 'missing'});
  });

  test('IAM: only the roles trusting ecs-tasks are offered', async () => {
    const roles = await services.executionRoles();
    expect(roles.ok && roles.items.map((role) => role.name)).toEqual(['existing-exec']);
  });

  test('VPC networking: subnets and security groups', async () => {
    const subnets = await services.subnets('us-east-1');
    expect(subnets.ok && subnets.items.filter((subnet) => subnet.vpcId === seeded.vpc).map((subnet) => [subnet.id, subnet.availabilityZone])).toEqual([
      [seeded.subnets[0], 'us-east-1a'],
      [seeded.subnets[1], 'us-east-1b'],
    ]);
    const groups = await services.securityGroups('us-east-1');
    expect(groups.ok && groups.items.some((group) => group.id === seeded.group && group.name === 'web-tasks')).toBe(true);
  });

  test("CloudFormation: a stack's outputs fill the environment", async () => {
    const stacks = await services.stacks('us-east-1');
    expect(stacks.ok && stacks.items.map((stack) => stack.name)).toEqual(['network']);
    const outputs = await services.stackOutputs('network', 'us-east-1');
    expect(outputs.status).toBe('found');
    if (outputs.status !== 'found') return;
    expect(environmentFromOutputs(outputs.value).values).toEqual({cluster: 'prod', subnets: seeded.subnets, securityGroups: [seeded.group]});
    expect(await services.stackOutputs('no-such-stack', 'us-east-1')).toEqual({status: 'missing'});
  });

  test("the live diff: nothing exists yet, then the family's latest revision", async () => {
    const answers = fargateAnswers();
    answers.environments = [
      {
        name: 'production',
        region: 'us-east-1',
        cluster: 'prod',
        subnets: [seeded.subnets[0]!],
        securityGroups: [seeded.group],
        assignPublicIp: false,
        overrides: {},
      },
    ];
    answers.registryAuth = {credentialsSecretArn: seeded.secret};
    const profile = assembleProfile(answers, {now: '2026-01-02T03:04:05.000Z'}).profile!;
    let diff = await services.liveDiff(profile, 'production', 100);
    expect(diff).toMatchObject({ok: true, diff: {summary: 'register web-api:1, create service web-api'}});
    const rendered = (await import('../../source/domain/render.js')).render({profile, environment: 'production'});
    const ecs = await factory.client('ecs');
    await ecs.send(
      new RegisterTaskDefinitionCommand({...(rendered.taskDefinition as unknown as RegisterTaskDefinitionCommandInput), cpu: '512', memory: '1024'}),
    );
    diff = await services.liveDiff(profile, 'production', 100);
    expect(diff.ok).toBe(true);
    if (diff.ok) {
      expect(diff.diff.summary).toBe('register web-api:2, create service web-api');
      expect(diff.diff.text).toContain('Task definition: new revision (2 changes)\n  ~ cpu: "512" → "256"\n  ~ memory: "1024" → "512"');
    }
  });

  test('in the wizard: create ecsTaskExecutionRole (after yes) and put the policy (after yes); IAM then holds both', async () => {
    const answers = {...fargateAnswers(), registryAuth: {credentialsSecretArn: seeded.secret}, executionRoleArn: undefined};
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
    const app = render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('auth-role')), resume: true, password: 'x'}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    await waitForFrame(app, (frame) => frame.includes('❯ Create ecsTaskExecutionRole') && frame.includes('existing-exec'));
    expect(app.lastFrame()).not.toContain('lambda-role');
    await press(app, 'enter');
    await waitForFrame(app, '? Create the IAM role ecsTaskExecutionRole now?');
    await press(app, 'enter');
    await waitForFrame(app, '? Put this inline policy (ecs-wizard-private-registry) on ecsTaskExecutionRole?');
    await press(app, 'enter');
    await waitForFrame(app, '? Environment: where does the service run?');

    const iam = await createIamPort(factory);
    const role = await iam.getRole('ecsTaskExecutionRole');
    expect(role).toMatchObject({name: 'ecsTaskExecutionRole', trustsEcsTasks: true});
    const documents = await iam.rolePolicyDocuments('ecsTaskExecutionRole');
    expect(documents).toEqual(
      expect.arrayContaining([
        {
          source: 'inline',
          name: 'ecs-wizard-private-registry',
          document: {
            Version: '2012-10-17',
            Statement: [{Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [seeded.secret]}],
          },
        },
        expect.objectContaining({source: 'managed', arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'}),
      ]),
    );
  });

  test('in the wizard: Cloud Map services are listed with their records; A only is refused under bridge', async () => {
    const answers = {
      ...fargateAnswers(),
      launchType: 'EC2' as const,
      networkMode: 'bridge' as const,
      containerJson: fargateAnswers().containerJson!.replace('"awsvpc"', '"bridge"').replace('"FARGATE"', '"EC2"'),
      discovery: undefined,
    };
    const keys = flowOf({answers, choices: {discovery: 'pick'}, passwordFromEnv: false, password: 'x'}).map(refKey);
    const app = render(
      <Wizard
        services={services}
        init={{answers, choices: {discovery: 'pick'}, done: keys.slice(0, keys.indexOf('discovery-namespace')), resume: true, password: 'x'}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    await waitForFrame(app, '❯ internal.test');
    await press(app, 'enter');
    const frame = await waitForFrame(app, /web\s+\(unavailable\)\s+A records/);
    expect(frame).toMatch(/api\s+SRV records/);
  });
});

describe('offline: every AWS-backed picker falls back quickly, with a one-line reason', () => {
  const factory = createAwsClientFactory({env: motoEnv(''), userAgent: 'ecs-wizard/test'});
  const services = createWizardServices(portsFor(factory));
  afterAll(() => factory.destroy());

  // "Quickly", without a clock: every call was refused at once (not waited out on a timeout) and retried at most
  // the configured number of times (AWS_NETWORK: a few attempts, short back-off).
  test('clusters, ECR, Cloud Map, secrets, roles, subnets, stacks: not listed, said why', async () => {
    const results = await Promise.all([
      services.clusters(),
      services.ecrRepositories(),
      services.namespaces(),
      services.secrets(),
      services.executionRoles(),
      services.subnets(),
      services.stacks(),
    ]);
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.reason).toContain(`cannot reach AWS at ${CLOSED_ENDPOINT}`);
      const refused = /\([\w:-]+: ECONNREFUSED(?:, (\d+) attempts)?\)/.exec(result.reason);
      expect(refused, result.reason).not.toBeNull();
      expect(Number(refused?.[1] ?? 1)).toBeLessThanOrEqual(AWS_NETWORK.maxAttempts);
    }
    expect(await services.secret('arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf')).toMatchObject({status: 'unknown'});
  });
});

describe('tags of a private v2 registry (a real docker-registry on loopback)', () => {
  const tools = registryTools();
  let registry: RegistryServer | undefined;
  let digest = '';
  beforeEach((context) => {
    if (tools.missing !== '') context.skip(tools.missing);
  });
  beforeAll(async () => {
    if (tools.dockerRegistry === undefined) return;
    registry = await startDockerRegistry(tools.dockerRegistry);
    digest = await pushImage(registry.url, 'team/web-api', ['1.4.1', '1.4.2', 'latest']);
  });
  afterAll(async () => registry?.stop());
  afterEach(() => cleanup());

  test('the tag picker lists them; filtering keeps the matching ones', async () => {
    const factory = createAwsClientFactory({env: motoEnv(''), userAgent: 'ecs-wizard/test'});
    const services = createWizardServices(portsFor(factory));
    const answers = {
      application: 'a',
      serviceName: 's',
      registry: 'registry' as const,
      registryHost: registry!.host,
      registryUsername: '',
      image: 'team/web-api',
    };
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false}).map(refKey);
    const app = render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('tag')), resume: true}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    // Newest first: these images say no date (their config has no `created`), so by name, highest first; each row
    // shows the digest the tag points to and its platform.
    let frame = await waitForFrame(app, '❯ latest');
    expect(frame).toMatch(/1\.4\.2\s+no date · sha256:[0-9a-f]{12} · linux\/amd64/);
    expect(frame.indexOf('1.4.2')).toBeLessThan(frame.indexOf('1.4.1'));
    await press(app, '1.4.2');
    frame = await waitForFrame(app, '❯ 1.4.2');
    expect(frame).not.toContain('latest');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Default tag: 1.4.2');
    factory.destroy();
  });

  test('pinned to its digest: under each tag, "↳ pinned" records TAG@sha256:… as --pin-digest does', async () => {
    const factory = createAwsClientFactory({env: motoEnv(''), userAgent: 'ecs-wizard/test'});
    const services = createWizardServices(portsFor(factory));
    const answers = {
      application: 'a',
      serviceName: 's',
      registry: 'registry' as const,
      registryHost: registry!.host,
      registryUsername: '',
      image: 'team/web-api',
    };
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false}).map(refKey);
    const app = render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('tag')), resume: true}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    // The moving name shows the digest it points to now, and offers to pin it (right under it).
    let frame = await waitForFrame(app, '❯ latest');
    const short = digest.slice(0, 'sha256:'.length + 12);
    expect(frame).toMatch(new RegExp(`latest .*\\n\\s+↳ pinned\\s+latest@${short}: these bytes, even if latest moves`));
    await press(app, '1.4.2');
    frame = await waitForFrame(app, '❯ 1.4.2');
    expect(frame).toMatch(new RegExp(`↳ pinned\\s+1\\.4\\.2@${short}: these bytes, even if 1\\.4\\.2 moves`));
    await press(app, 'down');
    await waitForFrame(app, '❯ ↳ pinned');
    await press(app, 'enter');
    await waitForFrame(app, `✔ Default tag: 1.4.2@${digest}`);
    factory.destroy();
  });

  test('anonymous pulls: the wizard checks GET /v2/ against the registry, says it answered, and asks for no secret', async () => {
    const factory = createAwsClientFactory({env: motoEnv(''), userAgent: 'ecs-wizard/test'});
    const services = createWizardServices(portsFor(factory));
    const answers = {
      application: 'a',
      serviceName: 's',
      registry: 'registry' as const,
      registryHost: registry!.host,
      registryUsername: '',
      image: 'team/web-api',
      tag: '1.4.2',
    };
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false}).map(refKey);
    expect(keys).toContain('auth-secret');
    const app = render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('registry-access')), resume: true}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    await waitForFrame(app, `? Do the tasks need credentials to pull from ${registry!.host}?`);
    await waitForFrame(app, '❯ No: anyone may pull (anonymous)');
    await press(app, 'enter');
    // Long lines wrap at the frame's width: compare with the wrapping undone. (The new registry's server name is asked next.)
    const named = oneLine(await waitForFrame(app, '? Name of this registry as a server of'));
    expect(named).toContain(
      `Checked: ${registry!.host} answered GET /v2/ without credentials (HTTP 200). No credentials secret, no repositoryCredentials, no IAM policy.`,
    );
    await press(app, 'enter');
    const frame = oneLine(await waitForFrame(app, '? Launch type'));
    expect(frame).toContain(`✔ Pull credentials: none: anyone may pull (checked: ${registry!.host} answered GET /v2/`);
    // What the wizard now holds asks for no secret, role or policy.
    const anonymous = {...answers, registryAnonymous: true, registryAuth: null};
    expect(flowOf({answers: anonymous, choices: {}, passwordFromEnv: false}).map(refKey)).not.toEqual(expect.arrayContaining(['auth-secret']));
    factory.destroy();
  });
});

describe('a registry that asks for credentials (a real docker-registry with htpasswd)', () => {
  const tools = registryTools();
  let registry: RegistryServer | undefined;
  let dir: string | undefined;
  beforeEach((context) => {
    const missing = tools.missing || tools.htpasswdMissing;
    if (missing !== '') context.skip(missing);
  });
  beforeAll(async () => {
    if (tools.dockerRegistry === undefined || tools.htpasswd === undefined) return;
    const {mkdtempSync, writeFileSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {tmpdir} = await import('node:os');
    dir = mkdtempSync(join(tmpdir(), 'ecs-wizard-htpasswd-'));
    writeFileSync(join(dir, 'htpasswd'), `${tools.htpasswd('deployer', 's3cret')}\n`);
    registry = await startDockerRegistry(tools.dockerRegistry, {auth: {htpasswd: {realm: 'test-registry', path: join(dir, 'htpasswd')}}});
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir !== undefined) (await import('node:fs')).rmSync(dir, {recursive: true, force: true});
  });
  afterEach(() => cleanup());

  test('choosing anonymous is refused in place, saying how the registry asked; credentials then go on to the secret', async () => {
    const factory = createAwsClientFactory({env: motoEnv(''), userAgent: 'ecs-wizard/test'});
    const services = createWizardServices(portsFor(factory));
    const answers = {
      application: 'a',
      serviceName: 's',
      registry: 'registry' as const,
      registryHost: registry!.host,
      registryUsername: '',
      image: 'team/api',
      tag: '1.0',
    };
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false}).map(refKey);
    const app = render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('registry-access')), resume: true}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
    await waitForFrame(app, '❯ No: anyone may pull (anonymous)');
    await press(app, 'enter');
    await waitForFrame(app, (frame) =>
      oneLine(frame).includes(
        `✖ ${registry!.host} asks for credentials (GET /v2/ answered HTTP 401, basic): the tasks need credentials. Choose "Yes" (a Secrets Manager secret).`,
      ),
    );
    await press(app, 'down');
    await waitForFrame(app, '❯ Yes: pulling needs a user name and password');
    await press(app, 'enter');
    await waitForFrame(app, '? Name of this registry as a server of');
    await press(app, 'enter');
    await waitForFrame(app, '? Launch type');
    factory.destroy();
  });
});
