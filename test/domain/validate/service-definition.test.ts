import {describe, expect, test} from 'vitest';
import type {JsonObject, JsonValue} from '../../../source/domain/json.js';
import type {ValidationContext} from '../../../source/domain/validate/context.js';
import {validateServiceDefinition} from '../../../source/domain/validate/service-definition.js';
import {codes, EC2, EC2_AWSVPC, ec2Task, FARGATE, fargateTask, NETWORK, REGISTRY, withContainer} from './rendered-documents.js';

describe('service definition rules', () => {
  const service = (extra: JsonObject = {}): JsonObject => ({
    serviceName: 'web',
    cluster: 'c',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    desiredCount: 1,
    placementConstraints: [],
    placementStrategy: [],
    schedulingStrategy: 'REPLICA',
    ...extra,
  });

  test.each<[string, JsonObject, JsonObject, ValidationContext, string[]]>([
    ['a valid REPLICA service on Fargate', service(), fargateTask(), FARGATE, []],
    [
      'a valid DAEMON service on EC2',
      service({launchType: 'EC2', schedulingStrategy: 'DAEMON', desiredCount: undefined as unknown as JsonValue}),
      ec2Task(),
      EC2,
      [],
    ],
    [
      'DAEMON on Fargate',
      service({schedulingStrategy: 'DAEMON', desiredCount: undefined as unknown as JsonValue}),
      fargateTask(),
      FARGATE,
      ['daemon-fargate schedulingStrategy'],
    ],
    ['DAEMON with desiredCount', service({launchType: 'EC2', schedulingStrategy: 'DAEMON'}), ec2Task(), EC2, ['daemon-desired-count desiredCount']],
    [
      'DAEMON with placementStrategy',
      service({
        launchType: 'EC2',
        schedulingStrategy: 'DAEMON',
        desiredCount: undefined as unknown as JsonValue,
        placementStrategy: [{type: 'spread', field: 'instanceId'}],
      }),
      ec2Task(),
      EC2,
      ['daemon-placement-strategy placementStrategy'],
    ],
    [
      'Fargate with placement constraints',
      service({placementConstraints: [{type: 'distinctInstance'}]}),
      fargateTask(),
      FARGATE,
      ['fargate-placement placementConstraints'],
    ],
    ['an unknown strategy', service({schedulingStrategy: 'SINGLETON'}), fargateTask(), FARGATE, ['invalid-value schedulingStrategy']],
    ['a negative desiredCount', service({desiredCount: -1}), fargateTask(), FARGATE, ['wrong-type desiredCount']],
    ['desiredCount as a string', service({desiredCount: 'two'}), fargateTask(), FARGATE, ['wrong-type desiredCount']],
    ['placementStrategy as an object', service({placementStrategy: {}}), fargateTask(), FARGATE, ['wrong-type placementStrategy']],
    [
      'launchType with capacityProviderStrategy',
      service({capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1}]}),
      fargateTask(),
      FARGATE,
      ['launch-type-conflict launchType'],
    ],
    ['an unknown launchType', service({launchType: 'LAMBDA'}), fargateTask(), FARGATE, ['invalid-value launchType']],
    ['an illegal serviceName', service({serviceName: 'my service'}), fargateTask(), FARGATE, ['invalid-name serviceName']],
    ['a bad health check grace period', service({healthCheckGracePeriodSeconds: 'soon'}), fargateTask(), FARGATE, ['wrong-type healthCheckGracePeriodSeconds']],
    ['awsvpc without environment network', service(), fargateTask(), {launchType: 'FARGATE', environmentName: 'prod'}, ['awsvpc-network network']],
    [
      'awsvpc without subnets and security groups',
      service(),
      fargateTask(),
      {...FARGATE, network: {subnets: [], securityGroups: [], assignPublicIp: true}},
      ['awsvpc-network network.subnets', 'awsvpc-network network.securityGroups'],
    ],
    [
      'a public IP on EC2 awsvpc',
      service({launchType: 'EC2'}),
      withContainer({...ec2Task(), networkMode: 'awsvpc'}, {portMappings: []}),
      {...EC2_AWSVPC, network: {...NETWORK, assignPublicIp: true}},
      ['assign-public-ip network.assignPublicIp'],
    ],
    ['bridge needs no network', service({launchType: 'EC2'}), ec2Task(), EC2, []],
    [
      'networkConfiguration without awsvpcConfiguration',
      service({networkConfiguration: {}}),
      fargateTask(),
      FARGATE,
      ['missing-field networkConfiguration.awsvpcConfiguration'],
    ],
  ])('%s', (_name, svc, task, context, expected) => {
    const cleaned = JSON.parse(JSON.stringify(svc)) as JsonObject;
    expect(codes(validateServiceDefinition(cleaned, task, context))).toEqual(expected);
  });

  test('environment issues have the environment as source', () => {
    const [issue] = validateServiceDefinition(service(), fargateTask(), {launchType: 'FARGATE', environmentName: 'prod'});
    expect(issue).toMatchObject({source: 'environment', severity: 'error', message: expect.stringContaining('Environment "prod" has no network settings')});
  });
});

describe("service discovery (the seed's rules)", () => {
  const bridgeTask = (): JsonObject => ec2Task();
  const registry = (entry: JsonObject): JsonObject => ({
    serviceName: 'web',
    launchType: 'EC2',
    desiredCount: 1,
    serviceRegistries: [{registryArn: REGISTRY, ...entry}],
  });
  const srv = (types: string[]): Readonly<Record<string, readonly string[]>> => ({[REGISTRY]: types});
  const name = 'library_nginx_stable-perl';
  const awsvpcTask = (): JsonObject => withContainer(fargateTask(), {name});

  test.each<[string, JsonObject, JsonObject, ValidationContext, string[]]>([
    // awsvpc + SRV: either containerName and containerPort, or port — never both.
    [
      'awsvpc SRV containerName + containerPort',
      registry({containerName: name, containerPort: 8080}),
      awsvpcTask(),
      {...FARGATE, discoveryRecordTypes: srv(['SRV'])},
      [],
    ],
    ['awsvpc SRV port alone', registry({port: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A', 'SRV'])}, []],
    [
      'awsvpc SRV both',
      registry({containerName: name, containerPort: 8080, port: 8080}),
      awsvpcTask(),
      {...FARGATE, discoveryRecordTypes: srv(['SRV'])},
      ['discovery-params serviceRegistries[0].port'],
    ],
    ['awsvpc SRV neither', registry({}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0]']],
    [
      'awsvpc SRV containerName alone',
      registry({containerName: name}),
      awsvpcTask(),
      {...FARGATE, discoveryRecordTypes: srv(['SRV'])},
      ['discovery-params serviceRegistries[0].containerPort'],
    ],
    // bridge/host + SRV: containerName and containerPort required.
    [
      'bridge SRV containerName + containerPort',
      registry({containerName: name, containerPort: 80}),
      bridgeTask(),
      {...EC2, discoveryRecordTypes: srv(['SRV'])},
      [],
    ],
    [
      'bridge SRV port only',
      registry({port: 80}),
      bridgeTask(),
      {...EC2, discoveryRecordTypes: srv(['SRV'])},
      ['discovery-params serviceRegistries[0].containerName', 'discovery-port-ignored serviceRegistries[0].port'],
    ],
    [
      'host SRV containerPort missing',
      registry({containerName: name}),
      {...bridgeTask(), networkMode: 'host'},
      {...EC2, discoveryRecordTypes: srv(['SRV'])},
      ['discovery-params serviceRegistries[0].containerPort'],
    ],
    [
      'bridge with A records only',
      registry({containerName: name, containerPort: 80}),
      bridgeTask(),
      {...EC2, discoveryRecordTypes: srv(['A'])},
      ['discovery-record-type serviceRegistries[0].registryArn'],
    ],
    // awsvpc + A only: nothing needed; port is ignored.
    ['awsvpc A nothing', registry({}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A'])}, []],
    [
      'awsvpc A port',
      registry({port: 8080}),
      awsvpcTask(),
      {...FARGATE, discoveryRecordTypes: srv(['A'])},
      ['discovery-port-ignored serviceRegistries[0].port'],
    ],
    [
      'awsvpc A containerName + containerPort',
      registry({containerName: name, containerPort: 8080}),
      awsvpcTask(),
      {...FARGATE, discoveryRecordTypes: srv(['A'])},
      [],
    ],
    // Unknown record types: only what is certain is an error.
    ['awsvpc unknown containerName + containerPort', registry({containerName: name, containerPort: 8080}), awsvpcTask(), FARGATE, []],
    ['awsvpc unknown port', registry({port: 8080}), awsvpcTask(), FARGATE, []],
    [
      'awsvpc unknown both',
      registry({containerName: name, containerPort: 8080, port: 8080}),
      awsvpcTask(),
      FARGATE,
      ['discovery-params serviceRegistries[0].port'],
    ],
    [
      'bridge unknown port only',
      registry({port: 80}),
      bridgeTask(),
      EC2,
      ['discovery-params serviceRegistries[0].containerName', 'discovery-port-ignored serviceRegistries[0].port'],
    ],
    // containerName must name a container; containerPort one of its portMappings.
    [
      'an unknown container',
      registry({containerName: 'nginx', containerPort: 80}),
      bridgeTask(),
      EC2,
      ['discovery-container serviceRegistries[0].containerName'],
    ],
    [
      'a port the container does not map',
      registry({containerName: name, containerPort: 8080}),
      bridgeTask(),
      EC2,
      ['discovery-container-port serviceRegistries[0].containerPort'],
    ],
    ['containerPort as a string', registry({containerName: name, containerPort: '80'}), bridgeTask(), EC2, ['wrong-type serviceRegistries[0].containerPort']],
    ['a port out of range', registry({port: 70000}), awsvpcTask(), FARGATE, ['port-range serviceRegistries[0].port']],
    // registryArn.
    [
      "the seed's first example ARN (an 8-digit account)",
      registry({registryArn: 'arn:aws:servicediscovery:us-east-1:00000000:service/srv-jwyz7x4igkxckqno', containerName: name, containerPort: 80}),
      bridgeTask(),
      EC2,
      ['arn-format serviceRegistries[0].registryArn'],
    ],
    [
      'a namespace ARN',
      registry({registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc', containerName: name, containerPort: 80}),
      bridgeTask(),
      EC2,
      ['arn-format serviceRegistries[0].registryArn'],
    ],
    ['no registryArn', {serviceRegistries: [{containerName: name, containerPort: 80}]}, bridgeTask(), EC2, ['missing-field serviceRegistries[0].registryArn']],
    [
      'two registries',
      {
        serviceRegistries: [
          {registryArn: REGISTRY, containerName: name, containerPort: 80},
          {registryArn: REGISTRY, containerName: name, containerPort: 80},
        ],
      },
      bridgeTask(),
      EC2,
      ['discovery-multiple serviceRegistries'],
    ],
    ['serviceRegistries is an object', {serviceRegistries: {registryArn: REGISTRY}}, bridgeTask(), EC2, ['wrong-type serviceRegistries']],
  ])('%s', (_name, svc, task, context, expected) => {
    expect(codes(validateServiceDefinition(svc, task, context))).toEqual(expected);
  });

  test('when the record types are unknown, the uncertain rules are warnings', () => {
    const issues = validateServiceDefinition(registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), FARGATE);
    expect(issues).toEqual([expect.objectContaining({severity: 'warning', message: expect.stringContaining('its record types were not read')})]);
    const known = validateServiceDefinition(registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), {
      ...FARGATE,
      discoveryRecordTypes: srv(['SRV']),
    });
    expect(known[0]?.severity).toBe('error');
  });

  test('the unknown container message lists the containers', () => {
    const [issue] = validateServiceDefinition(registry({containerName: 'nginx', containerPort: 80}), bridgeTask(), EC2);
    expect(issue?.message).toBe(`containerName "nginx" is not a container of the container specification (containers: ${name})`);
  });

  test('load balancers follow the same container rules', () => {
    const svc = {
      loadBalancers: [{targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1', containerName: name, containerPort: 81}],
    };
    expect(codes(validateServiceDefinition(svc, bridgeTask(), EC2))).toEqual(['load-balancer-container-port loadBalancers[0].containerPort']);
  });
});

describe("ECS's rules of the service spec as written", () => {
  const rendered = {serviceName: 'web', cluster: 'c', taskDefinition: 'web', launchType: 'FARGATE', desiredCount: 1};

  test('they read the spec as written: a bad value is reported, not hidden by what render put in', () => {
    const issues = validateServiceDefinition(rendered, fargateTask(), FARGATE, undefined, {launchType: 'MARS', enableExecuteCommand: 'yes'});
    expect(codes(issues)).toEqual(['invalid-value launchType', 'wrong-type enableExecuteCommand']);
  });

  test('Service Connect and VPC Lattice name port mappings of the task', () => {
    const task = withContainer(fargateTask(), {portMappings: [{containerPort: 8080, name: 'http'}]});
    const service = {
      ...rendered,
      serviceConnectConfiguration: {enabled: true, services: [{portName: 'grpc'}]},
      vpcLatticeConfigurations: [
        {roleArn: 'arn:aws:iam::123456789012:role/l', targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-1', portName: 'http'},
      ],
    };
    const issues = validateServiceDefinition(service, task, FARGATE);
    expect(codes(issues)).toEqual(['unknown-port-name serviceConnectConfiguration.services[0].portName']);
    expect(issues[0]?.message).toBe('portName "grpc" is not the name of a port mapping of the task definition (names: http)');
  });
});
