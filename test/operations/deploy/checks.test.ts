import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {applyRemedy, blockingFailures, runChecks, secretArnOf, type CheckFindings, type CheckResult} from '../../../source/operations/deploy/checks.js';
import {planDeploy, type DeployPlan} from '../../../source/operations/deploy/plan.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile, REGISTRY_ARN, REGISTRY_KMS_KEY_ARN, REGISTRY_SECRET_ARN} from '../../helpers/profile-fixtures.js';
import {accessDenied, fakeCheckPorts, healthyCheckState, unreachable, type FakeCheckState} from './fakes.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';

describe('secret references', () => {
  it('takes the secret ARN out of a valueFrom with a JSON key', () => {
    expect(secretArnOf(`${SECRET}:password::`)).toBe(SECRET);
    expect(secretArnOf(SECRET)).toBe(SECRET);
  });
});

async function planFor(profile = fargateJsonProfile(), options: {cluster?: boolean} = {}): Promise<DeployPlan> {
  const ecs = createSimulatedEcs({clock: new FakeClock(), region: 'us-east-1', clusters: options.cluster === false ? [] : ['web-staging']});
  return planDeploy({ecs}, {profile, environment: profile.environments[0]!});
}

async function check(
  state: FakeCheckState,
  plan?: DeployPlan,
): Promise<{results: CheckResult[]; findings: CheckFindings; byName: (name: string) => CheckResult}> {
  const findings: CheckFindings = {discoveryRecordTypes: {}};
  const results: CheckResult[] = [];
  for await (const result of runChecks(fakeCheckPorts(state), plan ?? (await planFor()), findings)) results.push(result);
  return {results, findings, byName: (name) => results.find((result) => result.name === name)!};
}

describe('runChecks', () => {
  it('passes every check of a healthy setup, in order, and learns the digest and record types', async () => {
    const {results, findings} = await check(healthyCheckState());
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['cluster', 'ok'],
      ['network', 'ok'],
      ['execution-role', 'ok'],
      ['image', 'ok'],
      ['platform', 'ok'],
      ['registry-credentials', 'ok'],
      ['service-discovery', 'ok'],
      ['log-group', 'ok'],
      ['log-write', 'ok'],
    ]);
    expect(results.find((result) => result.name === 'registry-credentials')?.message).toBe(
      "registry-creds exists and ecsTaskExecutionRole may read it and decrypt it (the role's policies: ecs-wizard-private-registry)",
    );
    expect(findings.digest).toMatch(/^sha256:4f53/);
    expect(findings.discoveryRecordTypes).toEqual({[REGISTRY_ARN]: ['SRV']});
  });

  it('says a missing cluster will be created', async () => {
    const {byName} = await check(healthyCheckState(), await planFor(undefined, {cluster: false}));
    expect(byName('cluster')).toEqual({name: 'cluster', status: 'warn', message: 'cluster web-staging does not exist in us-east-1: the deploy creates it'});
  });

  it('fails a missing execution role, and one that does not trust ECS tasks', async () => {
    const missing = healthyCheckState();
    missing.roles.clear();
    const first = await check(missing);
    expect(first.byName('execution-role')).toMatchObject({
      status: 'fail',
      message: 'the execution role arn:aws:iam::123456789012:role/ecsTaskExecutionRole does not exist',
    });

    const untrusting = healthyCheckState();
    untrusting.roles.get('ecsTaskExecutionRole')!.trustsEcsTasks = false;
    const second = await check(untrusting);
    expect(second.byName('execution-role')).toMatchObject({
      status: 'fail',
      message: 'the execution role ecsTaskExecutionRole does not trust ecs-tasks.amazonaws.com: tasks cannot assume it',
    });
    expect(second.byName('execution-role').hint).toContain('"Principal":{"Service":"ecs-tasks.amazonaws.com"}');
  });

  it('fails a tag the registry does not have, and warns when it cannot ask', async () => {
    const state = healthyCheckState();
    state.tags.delete('1.4.2');
    expect((await check(state)).byName('image')).toMatchObject({status: 'fail', message: 'tag 1.4.2 is not in registry.example.com:5000/team/web-api'});
    state.tags.set('1.4.2', {status: 'unknown', kind: 'auth-required', reason: 'the registry asks for credentials'});
    expect((await check(state)).byName('image')).toEqual({
      name: 'image',
      status: 'warn',
      message: 'could not check registry.example.com:5000/team/web-api:1.4.2: the registry asks for credentials',
      hint: 'set ECS_WIZARD_REGISTRY_PASSWORD to the password of deploy to let the check log in',
    });
  });

  it('fails when the execution role may not read the registry secret (its documents evaluated: moto has no simulator)', async () => {
    const state = healthyCheckState();
    state.roles.get('ecsTaskExecutionRole')!.documents = state.roles.get('ecsTaskExecutionRole')!.documents.filter((document) => document.source === 'managed');
    const {byName} = await check(state);
    const result = byName('registry-credentials');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      `ecsTaskExecutionRole may not read registry-creds: no policy allows secretsmanager:GetSecretValue on ${REGISTRY_SECRET_ARN} (the role's inline and attached policies)`,
    );
    expect(result.hint).toContain('aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecs-wizard-private-registry');
    expect(result.hint).toContain(`"Resource":["${REGISTRY_SECRET_ARN}"]`);
    expect(result.hint).toContain(`"Resource":["${REGISTRY_KMS_KEY_ARN}"]`);
  });

  it("asks IAM's policy simulator first when it answers", async () => {
    const state = healthyCheckState();
    state.roles.get('ecsTaskExecutionRole')!.documents = [];
    state.simulator = 'allowed';
    const {byName} = await check(state);
    expect(byName('registry-credentials')).toMatchObject({
      status: 'ok',
      message: 'registry-creds exists and ecsTaskExecutionRole may read it and decrypt it (IAM policy simulator)',
    });
    expect(state.calls).not.toContain('iam.rolePolicyDocuments');
  });

  it('fails kms:Decrypt missing for a customer key, a missing secret, and a secret scheduled for deletion', async () => {
    const noDecrypt = healthyCheckState();
    noDecrypt.roles.get('ecsTaskExecutionRole')!.documents[0]!.document = {
      Statement: [{Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: REGISTRY_SECRET_ARN}],
    };
    expect((await check(noDecrypt)).byName('registry-credentials').message).toBe(
      `ecsTaskExecutionRole may not decrypt registry-creds: no policy allows kms:Decrypt on ${REGISTRY_KMS_KEY_ARN} (the role's inline and attached policies)`,
    );

    const missing = healthyCheckState();
    missing.secrets.clear();
    expect((await check(missing)).byName('registry-credentials')).toMatchObject({
      status: 'fail',
      message: `the secret ${REGISTRY_SECRET_ARN} (registry credentials of container team_web-api_1_4_2) does not exist`,
    });

    const deleted = healthyCheckState();
    deleted.secrets.set(REGISTRY_SECRET_ARN, {arn: REGISTRY_SECRET_ARN, name: 'registry-creds', deletedAt: '2026-01-20T00:00:00.000Z'});
    expect((await check(deleted)).byName('registry-credentials').message).toBe(
      'the secret registry-creds is scheduled for deletion (2026-01-20T00:00:00.000Z)',
    );
  });

  it('fails a missing Cloud Map service; a record type that does not fit fails with the domain rule', async () => {
    const missing = healthyCheckState();
    missing.discovery.clear();
    expect((await check(missing)).byName('service-discovery')).toMatchObject({status: 'fail', message: `the Cloud Map service ${REGISTRY_ARN} does not exist`});

    // containerName + containerPort AND port: a warning while the record types are unknown, an error with SRV.
    const profile = fargateJsonProfile();
    profile.service.serviceSpec = profile.service.serviceSpec.replace(
      '"containerPort": ${serviceVariable.containerPort}',
      '"containerPort": ${serviceVariable.containerPort}, "port": 8080',
    );
    const plan = await planFor(profile);
    expect(plan.issues.some((issue) => issue.code === 'discovery-params' && issue.severity === 'warning')).toBe(true);
    const result = (await check(healthyCheckState(), plan)).byName('service-discovery');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Under awsvpc with SRV records give either containerName and containerPort, or port — never both');
  });

  it('fails a missing log group with a remedy that creates it', async () => {
    const state = healthyCheckState();
    state.logGroups.clear();
    const {results, byName} = await check(state);
    const result = byName('log-group');
    expect(result).toMatchObject({status: 'fail', message: 'log group /ecs/web-api does not exist (us-east-1): the tasks could not start their log driver'});
    expect(result.remedy).toEqual({
      kind: 'create-log-group',
      logGroup: '/ecs/web-api',
      region: 'us-east-1',
      label: 'create log group /ecs/web-api (us-east-1)',
    });
    expect(blockingFailures(results, {applyRemedies: true})).toEqual([]);
    expect(blockingFailures(results, {applyRemedies: false}).map((item) => item.name)).toEqual(['log-group']);
    expect(await applyRemedy(fakeCheckPorts(state), result)).toEqual({name: 'log-group', status: 'ok', message: 'created log group /ecs/web-api (us-east-1)'});
    expect(state.logGroups.has('/ecs/web-api')).toBe(true);
  });

  it('warns when awslogs-create-group lets ECS create the group', async () => {
    const profile = fargateJsonProfile();
    if (profile.service.containerSpec.mode === 'json') {
      profile.service.containerSpec.json = profile.service.containerSpec.json.replace(
        '"awslogs-stream-prefix": "ecs"',
        '"awslogs-stream-prefix": "ecs", "awslogs-create-group": "true"',
      );
    }
    const state = healthyCheckState();
    state.logGroups.clear();
    expect((await check(state, await planFor(profile))).byName('log-group').status).toBe('warn');
  });

  it('turns "not allowed to check" into a warning, but an unreachable endpoint ends the run', async () => {
    const denied = healthyCheckState();
    denied.failures.set('iam.getRole', accessDenied('iam:GetRole'));
    expect((await check(denied)).byName('execution-role')).toEqual({
      name: 'execution-role',
      status: 'warn',
      message: 'could not check role arn:aws:iam::123456789012:role/ecsTaskExecutionRole: not allowed to iam:GetRole',
      hint: 'allow iam:GetRole',
    });
    const offline = healthyCheckState();
    offline.failures.set('iam.getRole', unreachable());
    await expect(check(offline)).rejects.toThrow('cannot reach AWS');
  });

  it('fails awsvpc without subnets or security groups', async () => {
    const profile = fargateJsonProfile();
    profile.environments[0]!.network = {subnets: [], securityGroups: [], assignPublicIp: false};
    // Rendering already refuses it (validateEnvironment); the check states it for a plan built anyway.
    const plan = await planFor().then((built) => ({...built, environment: profile.environments[0]!}));
    expect((await check(healthyCheckState(), plan)).byName('network')).toMatchObject({
      status: 'fail',
      message: "the task uses awsvpc but environment 'staging' has no subnets and no security groups",
    });
  });

  it('with EC2 at hand: the subnets and security groups must exist, in one VPC', async () => {
    const plan = await planFor();
    const subnets = [{id: 'subnet-0a1b2c3d4e5f60718', vpcId: 'vpc-1', mapPublicIpOnLaunch: true}];
    const groups = [{id: 'sg-0123456789abcdef0', vpcId: 'vpc-1', name: 'web'}];
    const network = (s: typeof subnets, g: typeof groups) => ({
      region: 'us-east-1',
      listVpcs: async () => [],
      listSubnets: async () => s,
      listSecurityGroups: async () => g,
    });
    const run = async (port: ReturnType<typeof network>) => {
      const results: CheckResult[] = [];
      for await (const result of runChecks({...fakeCheckPorts(healthyCheckState()), network: port}, plan, {discoveryRecordTypes: {}})) results.push(result);
      return results.filter((result) => result.name === 'network');
    };
    expect(await run(network(subnets, groups))).toEqual([
      {name: 'network', status: 'ok', message: 'awsvpc: 1 subnet, 1 security group, public IP on; they exist (vpc-1)'},
    ]);
    expect(await run(network([], groups))).toEqual([
      {
        name: 'network',
        status: 'fail',
        message: 'subnet subnet-0a1b2c3d4e5f60718 does not exist in us-east-1',
        hint: "fix environment 'staging' of the profile (subnets and security groups of us-east-1)",
      },
    ]);
    expect((await run(network(subnets, [{...groups[0]!, vpcId: 'vpc-2'}])))[0]!.message).toBe(
      'the subnets and security groups are in different VPCs (vpc-1, vpc-2)',
    );
  });

  it('makes only the local checks in a simulated run, and says what it did not check', async () => {
    const plan = await planFor();
    const results: CheckResult[] = [];
    for await (const result of runChecks(undefined, plan, {discoveryRecordTypes: {}})) results.push(result);
    expect(results.map((result) => `${result.name} ${result.status}`)).toEqual(['cluster ok', 'network ok', 'aws-resources warn']);
    expect(results[2]!.message).toBe('simulated run: roles, image tag, secrets, Cloud Map and log groups are not checked (no AWS calls)');
  });
});
