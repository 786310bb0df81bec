import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {AwsError} from '../../../source/errors.js';
import {currentDeployment, DeploymentRecords, type Call} from '../../../source/operations/deploy/deployment-record.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {recordingEcs} from './fakes.js';

const direct: Call = (run) => run();

/** A seeded service (web:1) updated to web:2; then, optionally, someone else's web:3. */
async function setup(options: {replaced?: boolean} = {}) {
  const clock = new FakeClock();
  const ecs = recordingEcs(createSimulatedEcs({clock}));
  ecs.seedService({serviceName: 'web', desiredCount: 2});
  const since = clock.now();
  const two = await ecs.registerTaskDefinition({family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:2', essential: true}]});
  const ours = await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: two.arn});
  let theirs: string | undefined;
  if (options.replaced) {
    const three = await ecs.registerTaskDefinition({family: 'web', containerDefinitions: [{name: 'web', image: 'nginx:3', essential: true}]});
    theirs = (await ecs.updateService({cluster: 'default', service: 'web', taskDefinition: three.arn})).currentServiceDeployment;
  }
  ecs.recorded.length = 0;
  const base = {ecs, cluster: 'default', service: 'web', taskDefinitionArn: two.arn};
  return {clock, ecs, since, base, ours: ours.currentServiceDeployment!, theirs};
}

describe('DeploymentRecords: ECS’s record of our deployment', () => {
  test('by ARN: described, its revision resolved to our task definition once; `changed` only when it moved', async () => {
    const {ecs, base, ours} = await setup();
    const records = new DeploymentRecords({...base, serviceDeploymentArn: ours});
    const first = await records.read(direct, 0, 30_000);
    expect(first).toMatchObject({kind: 'record', changed: true, judged: {arn: ours, status: 'IN_PROGRESS'}});
    expect(first.kind === 'record' && first.event).toMatchObject({type: 'service-deployment', status: 'IN_PROGRESS', taskDefinition: base.taskDefinitionArn});
    expect(await records.read(direct, 1, 30_000)).toMatchObject({kind: 'record', changed: false});
    expect(ecs.recorded.map((call) => call.method)).toEqual(['describeServiceDeployments', 'describeServiceRevisions', 'describeServiceDeployments']);
  });

  test('by time: the newest record of our task definition since then, not a later one of another revision', async () => {
    const {base, since, ours} = await setup({replaced: true});
    const records = new DeploymentRecords({...base, since});
    expect(await records.read(direct, 0, 30_000)).toMatchObject({kind: 'record', judged: {arn: ours, status: 'STOPPED'}});
  });

  test("an ARN that rolls out another revision (the service's current deployment is someone else's) is not taken for ours", async () => {
    const {base, since, ours, theirs} = await setup({replaced: true});
    expect(await new DeploymentRecords({...base, serviceDeploymentArn: theirs!}).read(direct, 0, 30_000)).toEqual({kind: 'none'});
    expect(await new DeploymentRecords({...base, serviceDeploymentArn: theirs!, since}).read(direct, 0, 30_000)).toMatchObject({
      kind: 'record',
      judged: {arn: ours},
    });
  });

  test('not found by time: searched again only after `searchEveryMs`', async () => {
    const {ecs, base, clock} = await setup();
    const records = new DeploymentRecords({...base, since: clock.now() + 10 * 60_000});
    expect(await records.read(direct, 0, 30_000)).toEqual({kind: 'none'});
    expect(await records.read(direct, 10_000, 30_000)).toEqual({kind: 'none'});
    expect(ecs.recorded.filter((call) => call.method === 'listServiceDeployments')).toHaveLength(1);
    await records.read(direct, 30_000, 30_000);
    expect(ecs.recorded.filter((call) => call.method === 'listServiceDeployments')).toHaveLength(2);
  });

  test('neither ARN nor time (nothing was deployed): ECS is not asked', async () => {
    const {ecs, base} = await setup();
    const records = new DeploymentRecords(base);
    expect(records.wanted).toBe(false);
    expect(await records.read(direct, 0, 30_000)).toEqual({kind: 'none'});
    expect(ecs.recorded).toEqual([]);
  });

  test('an endpoint without the API (moto): unavailable, said once, never asked again', async () => {
    const clock = new FakeClock();
    const ecs = recordingEcs(createSimulatedEcs({clock, serviceDeployments: false}));
    ecs.seedService({serviceName: 'web'});
    ecs.recorded.length = 0;
    const records = new DeploymentRecords({ecs, cluster: 'default', service: 'web', taskDefinitionArn: 'web:1', since: clock.now()});
    expect(await records.read(direct, 0, 30_000)).toEqual({
      kind: 'unavailable',
      message:
        'ECS service deployment records are not available here (the simulator plays an endpoint without ecs:ListServiceDeployments [simulated]); judging from DescribeServices',
    });
    expect(records.wanted).toBe(false);
    expect(await records.read(direct, 60_000, 30_000)).toEqual({kind: 'none'});
    expect(ecs.recorded.map((call) => call.method)).toEqual(['listServiceDeployments']);
  });

  test('credentials that may not read them: unavailable too; any other error is the poll’s to handle', async () => {
    const {ecs, base, ours} = await setup();
    ecs.failOn.set(
      'describeServiceDeployments',
      new AwsError('access denied: not allowed to perform ecs:DescribeServiceDeployments', {kind: 'access-denied', awsName: 'AccessDeniedException'}),
    );
    expect(await new DeploymentRecords({...base, serviceDeploymentArn: ours}).read(direct, 0, 30_000)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(
        /^ECS service deployment records may not be read with these credentials \(access denied: .*\); judging from DescribeServices$/,
      ),
    });
    ecs.failOn.set('describeServiceDeployments', new AwsError('Rate exceeded', {kind: 'throttled', awsName: 'ThrottlingException'}));
    await expect(new DeploymentRecords({...base, serviceDeploymentArn: ours}).read(direct, 0, 30_000)).rejects.toMatchObject({kind: 'throttled'});
  });
});

describe("currentDeployment: what watch follows without a run of the profile's own", () => {
  test('the one DescribeServices names, else the newest listed; with the task definition it rolls out', async () => {
    const {ecs, base, ours, theirs} = await setup({replaced: true});
    const three = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3';
    expect(await currentDeployment(ecs, {cluster: 'default', service: 'web', named: ours})).toEqual({arn: ours, taskDefinition: base.taskDefinitionArn});
    expect(await currentDeployment(ecs, {cluster: 'default', service: 'web'})).toEqual({arn: theirs, taskDefinition: three});
  });

  test('nothing where the records cannot be had (the watch follows the PRIMARY)', async () => {
    const clock = new FakeClock();
    const ecs = createSimulatedEcs({clock, serviceDeployments: false});
    ecs.seedService({serviceName: 'web'});
    expect(await currentDeployment(ecs, {cluster: 'default', service: 'web'})).toBeUndefined();
  });
});
