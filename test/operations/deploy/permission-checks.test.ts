import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import type {Profile} from '../../../source/domain/model.js';
import {runChecks, type CheckFindings, type CheckResult} from '../../../source/operations/deploy/checks.js';
import {executionRoleChecks} from '../../../source/operations/deploy/permission-checks.js';
import {planDeploy, type DeployPlan} from '../../../source/operations/deploy/plan.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {FARGATE_CONTAINER_JSON, REGISTRY_SECRET_ARN, fargateJsonProfile} from '../../helpers/profile-fixtures.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY, fakeCheckPorts, healthyCheckState, type FakeCheckState} from './fakes.js';

const ECR_HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const REPOSITORY_ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web-api';
const LOG_STREAM = 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web-api:log-stream:ecs/team_web-api_1_4_2/0123456789abcdef0123456789abcdef';
const MANAGED_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

/** The Fargate fixture pulling from ECR (no registry credentials: ECR authenticates with the execution role). */
function ecrProfile(): Profile {
  const profile = fargateJsonProfile();
  const json = FARGATE_CONTAINER_JSON.replace(/"repositoryCredentials": \{\s*"credentialsParameter": "[^"]+"\s*\},\s*/, '');
  expect(json).not.toContain(REGISTRY_SECRET_ARN);
  const {registryAuth: _none, ...service} = profile.service;
  return {
    ...profile,
    service: {...service, artifact: {registry: 'ecr', host: ECR_HOST, image: 'team/web-api', tag: '1.4.2'}, containerSpec: {mode: 'json', json}},
  };
}

async function planFor(profile: Profile): Promise<DeployPlan> {
  const ecs = createSimulatedEcs({clock: new FakeClock(), region: 'us-east-1', clusters: ['web-staging']});
  return planDeploy({ecs}, {profile, environment: profile.environments[0]!});
}

async function checks(state: FakeCheckState, profile: Profile = ecrProfile()): Promise<(name: string) => CheckResult | undefined> {
  const results = await executionRoleChecks(fakeCheckPorts(state), await planFor(profile), false);
  return (name) => results.find((result) => result.name === name);
}

/** The healthy state with the role's policies replaced. */
function withPolicies(...documents: Array<{name: string; document: Record<string, unknown>; managed?: boolean}>): FakeCheckState {
  const state = healthyCheckState();
  state.roles.get('ecsTaskExecutionRole')!.documents = documents.map(({name, document, managed}) =>
    managed ? {source: 'managed', name, arn: MANAGED_ARN, document: document as never} : {source: 'inline', name, document: document as never},
  );
  return state;
}

describe('the execution role may pull from ECR and write its logs', () => {
  it('the managed AmazonECSTaskExecutionRolePolicy counts: both checks pass, saying which policy allowed', async () => {
    const byName = await checks(withPolicies({name: 'AmazonECSTaskExecutionRolePolicy', document: ECS_TASK_EXECUTION_ROLE_POLICY, managed: true}));
    expect(byName('ecr-pull')).toEqual({
      name: 'ecr-pull',
      status: 'ok',
      message:
        "ecsTaskExecutionRole may pull from ECR (team/web-api): ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer (the role's policies: AmazonECSTaskExecutionRolePolicy)",
    });
    expect(byName('log-write')).toEqual({
      name: 'log-write',
      status: 'ok',
      message:
        "ecsTaskExecutionRole may write to log group /ecs/web-api: logs:CreateLogStream, logs:PutLogEvents (the role's policies: AmazonECSTaskExecutionRolePolicy)",
    });
  });

  it('a role without them fails each, naming the actions, the resources and the statement to add', async () => {
    const byName = await checks(withPolicies());
    const pull = byName('ecr-pull')!;
    expect(pull.status).toBe('fail');
    expect(pull.message).toBe(
      `ecsTaskExecutionRole may not pull from ECR (team/web-api): no policy allows ecr:GetAuthorizationToken on *, ecr:BatchGetImage on ${REPOSITORY_ARN}, ecr:GetDownloadUrlForLayer on ${REPOSITORY_ARN} (the role's inline and attached policies)`,
    );
    expect(pull.hint).toContain(
      `add to ecsTaskExecutionRole the statement {"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"} and {"Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Resource":"${REPOSITORY_ARN}"}`,
    );
    expect(pull.hint).toContain('aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecs-wizard-ecr-pull --policy-document');
    expect(pull.hint).toContain(`or attach ${MANAGED_ARN} (aws iam attach-role-policy --role-name ecsTaskExecutionRole --policy-arn ${MANAGED_ARN})`);
    const logs = byName('log-write')!;
    expect(logs.status).toBe('fail');
    expect(logs.message).toBe(
      `ecsTaskExecutionRole may not write to log group /ecs/web-api: no policy allows logs:CreateLogStream on ${LOG_STREAM}, logs:PutLogEvents on ${LOG_STREAM} (the role's inline and attached policies)`,
    );
    expect(logs.hint).toContain(
      'add to ecsTaskExecutionRole the statement {"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web-api:*"}',
    );
  });

  it('least privilege counts too (the statements of the hint, scoped to the repository and the group); one action missing is named alone', async () => {
    const scoped = {
      Version: '2012-10-17',
      Statement: [
        {Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*'},
        {Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: REPOSITORY_ARN},
        {Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web-api:*'},
      ],
    };
    const byName = await checks(withPolicies({name: 'pull-and-logs', document: scoped}));
    expect(byName('ecr-pull')).toMatchObject({status: 'ok'});
    expect(byName('log-write')).toMatchObject({
      status: 'fail',
      message: `ecsTaskExecutionRole may not write to log group /ecs/web-api: no policy allows logs:PutLogEvents on ${LOG_STREAM} (the role's inline and attached policies)`,
    });
  });

  it('an explicit Deny wins over the managed policy', async () => {
    const deny = {Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'ecr:*', Resource: '*'}]};
    const byName = await checks(
      withPolicies({name: 'AmazonECSTaskExecutionRolePolicy', document: ECS_TASK_EXECUTION_ROLE_POLICY, managed: true}, {name: 'no-ecr', document: deny}),
    );
    expect(byName('ecr-pull')).toMatchObject({status: 'fail', hint: 'remove the Deny statement, or use another execution role'});
    expect(byName('ecr-pull')?.message).toContain('ecsTaskExecutionRole may not pull from ECR (team/web-api): a Deny refuses ecr:GetAuthorizationToken on *');
  });

  it("IAM's policy simulator decides when it answers (the documents are not read)", async () => {
    const state = withPolicies();
    state.simulator = 'allowed';
    const byName = await checks(state);
    expect(byName('ecr-pull')).toMatchObject({status: 'ok', message: expect.stringContaining('(IAM policy simulator)')});
    expect(byName('log-write')).toMatchObject({status: 'ok'});
    expect(state.calls).not.toContain('iam.rolePolicyDocuments');
  });

  it('only where the task needs it: no ECR check for an image elsewhere; no logs check without awslogs; nothing when the role is missing', async () => {
    const elsewhere = await checks(withPolicies(), fargateJsonProfile());
    expect(elsewhere('ecr-pull')).toBeUndefined();
    expect(elsewhere('log-write')).toMatchObject({status: 'fail'});
    const quiet = ecrProfile();
    quiet.service.containerSpec = {
      mode: 'json',
      json: (quiet.service.containerSpec as {json: string}).json.replace(/,\s*"logConfiguration": \{[^]*?\}\s*\}/, ''),
    };
    const noLogs = await checks(withPolicies(), quiet);
    expect(noLogs('log-write')).toBeUndefined();
    expect(noLogs('ecr-pull')).toMatchObject({status: 'fail'});
    expect(await executionRoleChecks(fakeCheckPorts(withPolicies()), await planFor(ecrProfile()), true)).toEqual([]);
  });

  it('in the run, after the log group check; a failure blocks like any other', async () => {
    const findings: CheckFindings = {discoveryRecordTypes: {}};
    const results: CheckResult[] = [];
    for await (const result of runChecks(fakeCheckPorts(withPolicies()), await planFor(ecrProfile()), findings)) results.push(result);
    expect(results.map((result) => result.name).slice(-3)).toEqual(['log-group', 'ecr-pull', 'log-write']);
  });
});
