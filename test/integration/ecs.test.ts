import {afterAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createEcsPort} from '../../source/adapters/aws/ecs.js';
import {AwsError} from '../../source/errors.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import {useMoto} from '../helpers/moto.js';

/** The ECS port through the real SDK against moto: request shapes, JSON conversion, not-found handling. */
describe('EcsPort on the AWS SDK', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  let ecs: EcsPort;
  afterAll(() => factory.destroy());

  const taskDefinition = {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'library_nginx_stable-perl',
        image: 'registry.hub.docker.com/library/nginx:stable-perl',
        essential: true,
        portMappings: [{containerPort: 8080, protocol: 'tcp'}],
        environment: [{name: 'LOG_LEVEL', value: 'info'}],
      },
    ],
  };

  test('clusters: create, describe, list; a missing one is simply absent', async () => {
    ecs = await createEcsPort(factory);
    expect(ecs.region).toBe('us-east-1');
    const created = await ecs.createCluster('demo');
    expect(created).toMatchObject({name: 'demo', status: 'ACTIVE'});
    expect(created.arn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:cluster\/demo$/);
    expect((await ecs.listClusters()).items).toEqual([created.arn]);
    expect((await ecs.describeClusters(['demo', 'nope'])).map((c) => c.name)).toEqual(['demo']);
  });

  test('task definitions: register exactly the input, describe it back as JSON, list newest first', async () => {
    const first = await ecs.registerTaskDefinition(taskDefinition);
    expect(first).toMatchObject({family: 'web', revision: 1});
    const second = await ecs.registerTaskDefinition({...taskDefinition, cpu: '512', memory: '1024'});
    expect(second.revision).toBe(2);

    const described = await ecs.describeTaskDefinition('web');
    expect(described?.taskDefinition).toMatchObject({family: 'web', revision: 2, cpu: '512', status: 'ACTIVE'});
    expect(described?.taskDefinition.containerDefinitions).toEqual([expect.objectContaining(taskDefinition.containerDefinitions[0])]);
    // Dates arrive as ISO strings: JSON all the way.
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect((await ecs.describeTaskDefinition('web:1'))?.taskDefinition.cpu).toBe('256');
    expect(await ecs.describeTaskDefinition('missing-family')).toBeUndefined();

    const revisions = await ecs.listTaskDefinitions({familyPrefix: 'web', sort: 'DESC'});
    expect(revisions.items).toEqual([second.arn, first.arn]);
    expect((await ecs.listTaskDefinitions({familyPrefix: 'web', sort: 'ASC'})).items).toEqual([first.arn, second.arn]);
    expect((await ecs.listTaskDefinitionFamilies({status: 'ACTIVE'})).items).toEqual(['web']);
  });

  test('services: create with network configuration, describe, update; deployments are typed', async () => {
    const ec2 = await factory.client('ec2');
    const {CreateVpcCommand, CreateSubnetCommand, CreateSecurityGroupCommand} = await import('@aws-sdk/client-ec2');
    const vpc = await ec2.send(new CreateVpcCommand({CidrBlock: '10.0.0.0/16'}));
    const subnet = await ec2.send(new CreateSubnetCommand({VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.0.1.0/24'}));
    const group = await ec2.send(new CreateSecurityGroupCommand({GroupName: 'web', Description: 'web', VpcId: vpc.Vpc!.VpcId!}));
    const subnetId = subnet.Subnet!.SubnetId!;
    const groupId = group.GroupId!;
    const service = await ecs.createService({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {awsvpcConfiguration: {subnets: [subnetId], securityGroups: [groupId], assignPublicIp: 'ENABLED'}},
      deploymentConfiguration: {deploymentCircuitBreaker: {enable: true, rollback: true}},
    });
    expect(service).toMatchObject({serviceName: 'web', desiredCount: 2, status: 'ACTIVE'});
    expect(service.deployments).toEqual([
      expect.objectContaining({status: 'PRIMARY', desiredCount: 2, taskDefinition: expect.stringContaining('task-definition/web:2')}),
    ]);

    const [described] = await ecs.describeServices('demo', ['web', 'absent']);
    expect(described?.raw).toMatchObject({networkConfiguration: {awsvpcConfiguration: {subnets: [subnetId], securityGroups: [groupId]}}});
    expect(await ecs.describeServices('demo', ['absent'])).toEqual([]);
    expect(await ecs.describeServices('no-such-cluster', ['web'])).toEqual([]);

    const updated = await ecs.updateService({cluster: 'demo', service: 'web', taskDefinition: 'web:1', desiredCount: 3});
    expect(updated).toMatchObject({desiredCount: 3, taskDefinition: expect.stringMatching(/web:1$/)});
    expect((await ecs.listServices('demo')).items).toEqual([expect.stringContaining('service/demo/web')]);
  });

  test('tasks: list (every page) and describe, in batches', async () => {
    const arns = await ecs.listTasks({cluster: 'demo', desiredStatus: 'STOPPED'});
    expect(arns).toEqual([]);
    expect(await ecs.describeTasks('demo', [])).toEqual([]);
  });

  test('an invalid request is an AwsError with the API message', async () => {
    const error = await ecs.registerTaskDefinition({family: 'bad'}).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toMatch(/^ecs:RegisterTaskDefinition failed: /);
  });

  test("ECS's service deployment records: moto 5.2.1 does not implement them — kind 'unsupported', naming the endpoint", async () => {
    for (const call of [
      () => ecs.listServiceDeployments({cluster: 'demo', service: 'web'}),
      () => ecs.describeServiceDeployments(['arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/ejGvqq2ilnbKT9qj0vLJe']),
      () => ecs.describeServiceRevisions(['arn:aws:ecs:us-east-1:123456789012:service-revision/demo/web/1485800978477494678']),
    ]) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AwsError);
      expect(error).toMatchObject({
        kind: 'unsupported',
        message: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+ does not implement ecs:\w+ \(HTTP 500 without an AWS error response\)$/),
      });
    }
    // DescribeServices names no current service deployment there.
    expect((await ecs.describeServices('demo', ['web']))[0]?.currentServiceDeployment).toBeUndefined();
  });
});
