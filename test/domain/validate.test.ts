import {describe, expect, test} from 'vitest';
import {parseJsonText} from '../../source/domain/json-text.js';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';
import type {Environment} from '../../source/domain/model.js';
import {isArn, validateArtifact, validateEnvironment, validateRegistryAuth, validateServiceDefinition, validateTaskDefinition, validateVariables} from '../../source/domain/validate.js';
import type {ArnKind, ValidationContext} from '../../source/domain/validate.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const REGISTRY = 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno';
const NETWORK = {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: false};

const FARGATE: ValidationContext = {launchType: 'FARGATE', network: NETWORK, environmentName: 'prod'};
const EC2: ValidationContext = {launchType: 'EC2', environmentName: 'dev'};
const EC2_AWSVPC: ValidationContext = {launchType: 'EC2', network: NETWORK, environmentName: 'dev'};

/** A valid rendered Fargate task definition. */
const fargateTask = (): JsonObject => ({
  family: 'web',
  executionRoleArn: ROLE,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{containerPort: 8080, protocol: 'tcp'}]}],
});

/** A valid rendered EC2 (bridge) task definition: the seed's nginx. */
const ec2Task = (): JsonObject => ({
  family: 'nginx',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [
    {name: 'library_nginx_stable-perl', image: 'registry.hub.docker.com/library/nginx:stable-perl', memoryReservation: 128, portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}]},
  ],
});

const codes = (issues: readonly {code: string; path: string}[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);

/** Applies `change` to a fresh copy of the first container (or the task when `container` is false). */
const withContainer = (task: JsonObject, change: JsonObject): JsonObject => {
  const containers = task.containerDefinitions as JsonObject[];
  return {...task, containerDefinitions: [{...containers[0]!, ...change}, ...containers.slice(1)]};
};

describe('valid tasks have no issues', () => {
  test.each([
    ['Fargate', fargateTask(), FARGATE],
    ['EC2 bridge', ec2Task(), EC2],
    ['EC2 with task-level memory and no container memory', withContainer({...ec2Task(), memory: '512'}, {memoryReservation: null as unknown as JsonValue}), EC2],
    ['EC2 awsvpc', withContainer({...ec2Task(), networkMode: 'awsvpc'}, {portMappings: [{containerPort: 80, hostPort: 80}]}), EC2_AWSVPC],
    ['EC2 without networkMode (bridge by default)', {...ec2Task(), networkMode: undefined as unknown as JsonValue}, EC2],
    ['an empty requiresCompatibilities on EC2 (the seed prints [])', {...ec2Task(), requiresCompatibilities: []}, EC2],
    ['Fargate with "1 vCPU" / "2 GB"', {...fargateTask(), cpu: '1 vCPU', memory: '2 GB'}, FARGATE],
    ['Fargate with numeric cpu/memory', {...fargateTask(), cpu: 1024, memory: 8192}, FARGATE],
  ])('%s', (_name, task, context) => {
    // undefined members (set above to remove a field) are dropped as JSON would.
    expect(validateTaskDefinition(JSON.parse(JSON.stringify(task).replace(/,?"memoryReservation":null/, '')) as JsonValue, context)).toEqual([]);
  });
});

describe('task definition rules', () => {
  test.each<[string, JsonObject, ValidationContext, string[]]>([
    // Fargate needs awsvpc, task-level cpu/memory, an execution role, FARGATE compatibility.
    ['Fargate in bridge mode', {...fargateTask(), networkMode: 'bridge'}, FARGATE, ['fargate-network-mode networkMode']],
    ['Fargate without networkMode', (({networkMode: _n, ...rest}) => rest)(fargateTask()), FARGATE, ['fargate-network-mode networkMode']],
    ['Fargate without cpu', (({cpu: _c, ...rest}) => rest)(fargateTask()), FARGATE, ['fargate-task-size cpu']],
    ['Fargate without cpu and memory', (({cpu: _c, memory: _m, ...rest}) => rest)(fargateTask()), FARGATE, ['fargate-task-size cpu', 'fargate-task-size memory']],
    ['Fargate invalid pair', {...fargateTask(), cpu: '256', memory: '4096'}, FARGATE, ['fargate-cpu-memory memory']],
    ['Fargate without an execution role', (({executionRoleArn: _e, ...rest}) => rest)(fargateTask()), FARGATE, ['execution-role-required executionRoleArn']],
    ['Fargate with an empty execution role', {...fargateTask(), executionRoleArn: ''}, FARGATE, ['arn-format executionRoleArn', 'execution-role-required executionRoleArn']],
    ['Fargate requiring only EC2', {...fargateTask(), requiresCompatibilities: ['EC2']}, FARGATE, ['launch-type-compatibility requiresCompatibilities']],
    ['Fargate without requiresCompatibilities', (({requiresCompatibilities: _r, ...rest}) => rest)(fargateTask()), FARGATE, ['launch-type-compatibility requiresCompatibilities']],
    ['EC2 requiring only FARGATE', {...ec2Task(), requiresCompatibilities: ['FARGATE']}, EC2, ['launch-type-compatibility requiresCompatibilities']],
    ['an unknown compatibility', {...ec2Task(), requiresCompatibilities: ['EC2', 'LAMBDA']}, EC2, ['invalid-value requiresCompatibilities[1]']],
    ['an unknown network mode', {...ec2Task(), networkMode: 'overlay'}, EC2, ['invalid-value networkMode']],
    ['an unreadable task cpu', {...ec2Task(), cpu: 'fast'}, EC2, ['invalid-value cpu']],
    ['a task memory of the wrong type', {...ec2Task(), memory: [512]}, EC2, ['wrong-type memory']],
    ['an illegal family', {...ec2Task(), family: 'my family'}, EC2, ['invalid-name family']],
    ['a task role that is not a role', {...ec2Task(), taskRoleArn: 'arn:aws:iam::123456789012:user/bob'}, EC2, ['arn-format taskRoleArn']],
    ['an execution role with a short account', {...fargateTask(), executionRoleArn: 'arn:aws:iam::4XXX0225XX7:role/ecsTaskExecutionRole'}, FARGATE, ['arn-format executionRoleArn']],

    // Containers.
    ['no containerDefinitions', (({containerDefinitions: _c, ...rest}) => rest)(ec2Task()), EC2, ['missing-field containerDefinitions']],
    ['containerDefinitions is an object', {...ec2Task(), containerDefinitions: {name: 'x'}}, EC2, ['wrong-type containerDefinitions']],
    ['containerDefinitions is empty', {...ec2Task(), containerDefinitions: []}, EC2, ['missing-field containerDefinitions']],
    ['a container is a string', {...ec2Task(), containerDefinitions: ['nginx']}, EC2, ['wrong-type containerDefinitions[0]']],
    ['a container without a name', withContainer(ec2Task(), {name: null as unknown as JsonValue}), EC2, ['wrong-type containerDefinitions[0].name']],
    ['an illegal container name', withContainer(ec2Task(), {name: 'library/nginx:stable-perl'}), EC2, ['container-name containerDefinitions[0].name']],
    ['a container name of 256 characters', withContainer(ec2Task(), {name: 'a'.repeat(256)}), EC2, ['container-name containerDefinitions[0].name']],
    ['an image of the wrong type', withContainer(ec2Task(), {image: 5}), EC2, ['wrong-type containerDefinitions[0].image']],
    ['essential of the wrong type', withContainer(ec2Task(), {essential: 'yes'}), EC2, ['wrong-type containerDefinitions[0].essential']],

    // Memory.
    ['a pending memoryReservation is neither checked nor missing', withContainer(ec2Task(), {memoryReservation: '${serviceVariable.x}-no'}), EC2, []],
    ['memoryReservation above memory', withContainer(ec2Task(), {memory: 128, memoryReservation: 256}), EC2, ['memory-reservation containerDefinitions[0].memoryReservation']],
    ['memory as a string', withContainer(ec2Task(), {memory: '256'}), EC2, ['wrong-type containerDefinitions[0].memory']],
    ['memory zero', withContainer(ec2Task(), {memory: 0}), EC2, ['wrong-type containerDefinitions[0].memory']],
    ['cpu fractional', withContainer(ec2Task(), {cpu: 1.5}), EC2, ['wrong-type containerDefinitions[0].cpu']],

    // Ports.
    ['containerPort 0', withContainer(ec2Task(), {portMappings: [{containerPort: 0}]}), EC2, ['port-range containerDefinitions[0].portMappings[0].containerPort']],
    ['containerPort 65536', withContainer(ec2Task(), {portMappings: [{containerPort: 65536}]}), EC2, ['port-range containerDefinitions[0].portMappings[0].containerPort']],
    ['hostPort -1', withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: -1}]}), EC2, ['port-range containerDefinitions[0].portMappings[0].hostPort']],
    ['containerPort as a string', withContainer(ec2Task(), {portMappings: [{containerPort: '80'}]}), EC2, ['wrong-type containerDefinitions[0].portMappings[0].containerPort']],
    ['no containerPort', withContainer(ec2Task(), {portMappings: [{hostPort: 80}]}), EC2, ['missing-field containerDefinitions[0].portMappings[0].containerPort']],
    ['a containerPortRange instead', withContainer(ec2Task(), {portMappings: [{containerPortRange: '8000-8010'}]}), EC2, []],
    ['bridge hostPort 0 is dynamic', withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: 0}]}), EC2, []],
    ['bridge hostPort differs', withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: 8080}]}), EC2, []],
    ['awsvpc hostPort differs', withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 80}]}), FARGATE, ['host-port containerDefinitions[0].portMappings[0].hostPort']],
    ['awsvpc hostPort 0', withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 0}]}), FARGATE, ['host-port containerDefinitions[0].portMappings[0].hostPort']],
    ['awsvpc hostPort equal', withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 8080}]}), FARGATE, []],
    ['host mode hostPort differs', withContainer({...ec2Task(), networkMode: 'host'}, {portMappings: [{containerPort: 80, hostPort: 81}]}), EC2, ['host-port containerDefinitions[0].portMappings[0].hostPort']],
    ['a bad protocol', withContainer(ec2Task(), {portMappings: [{containerPort: 80, protocol: 'http'}]}), EC2, ['invalid-value containerDefinitions[0].portMappings[0].protocol']],
    ['portMappings is an object', withContainer(ec2Task(), {portMappings: {containerPort: 80}}), EC2, ['wrong-type containerDefinitions[0].portMappings']],
    ['a port mapping is a number', withContainer(ec2Task(), {portMappings: [80]}), EC2, ['wrong-type containerDefinitions[0].portMappings[0]']],

    // Private registry and secrets.
    ['repositoryCredentials on Fargate', withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: SECRET}}), FARGATE, []],
    ['repositoryCredentials without an execution role', withContainer(ec2Task(), {repositoryCredentials: {credentialsParameter: SECRET}}), EC2, ['execution-role-required containerDefinitions[0].repositoryCredentials']],
    ['repositoryCredentials with an SSM parameter', withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/x'}}), FARGATE, ['arn-format containerDefinitions[0].repositoryCredentials.credentialsParameter']],
    ['repositoryCredentials with the seed\'s template ARN', withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: 'arn:aws:secretsmanager:region:aws_account_id:secret:secret_name'}}), FARGATE, ['arn-format containerDefinitions[0].repositoryCredentials.credentialsParameter']],
    ['repositoryCredentials without credentialsParameter', withContainer(fargateTask(), {repositoryCredentials: {}}), FARGATE, ['missing-field containerDefinitions[0].repositoryCredentials.credentialsParameter']],
    ['repositoryCredentials as a string', withContainer(fargateTask(), {repositoryCredentials: SECRET}), FARGATE, ['wrong-type containerDefinitions[0].repositoryCredentials']],
    ['secrets without an execution role', withContainer(ec2Task(), {secrets: [{name: 'A', valueFrom: SECRET}]}), EC2, ['execution-role-required containerDefinitions[0].secrets']],
    ['a secret from a bad ARN', withContainer(fargateTask(), {secrets: [{name: 'A', valueFrom: 'arn:aws:s3:::bucket/key'}]}), FARGATE, ['arn-format containerDefinitions[0].secrets[0].valueFrom']],
    ['a secret from an SSM parameter name', withContainer(fargateTask(), {secrets: [{name: 'A', valueFrom: 'db-password'}]}), FARGATE, []],

    // Unresolved placeholders are reported by the substitution, not again here.
    ['a pending containerPort', withContainer(fargateTask(), {portMappings: [{containerPort: '${serviceVariable.port}'}]}), FARGATE, []],
    ['a pending execution role', {...fargateTask(), executionRoleArn: '${EXECUTION_ROLE}'}, FARGATE, []],
    ['a pending container name counts as legal', withContainer(fargateTask(), {name: '${CONTAINER_NAME}'}), FARGATE, []],
  ])('%s', (_name, task, context, expected) => {
    expect(codes(validateTaskDefinition(task, context))).toEqual(expected);
  });

  test('container names must be unique', () => {
    const task = {...fargateTask(), containerDefinitions: [{name: 'web', image: 'a'}, {name: 'log', image: 'b'}, {name: 'web', image: 'c'}]};
    const issues = validateTaskDefinition(task, FARGATE);
    expect(codes(issues)).toEqual(['container-name-duplicate containerDefinitions[2].name']);
    expect(issues[0]?.message).toBe('Container name "web" is already used by containerDefinitions[0]');
  });

  test('EC2 containers need memory or memoryReservation when the task has no memory', () => {
    const task: JsonObject = {...ec2Task(), containerDefinitions: [{name: 'a', image: 'x'}, {name: 'b', image: 'y', memory: 64}]};
    const issues = validateTaskDefinition(task, EC2);
    expect(codes(issues)).toEqual(['container-memory containerDefinitions[0].memory']);
    expect(codes(validateTaskDefinition({...task, memory: '512'}, EC2))).toEqual([]);
    expect(codes(validateTaskDefinition({...fargateTask(), containerDefinitions: [{name: 'a', image: 'x'}]}, FARGATE))).toEqual([]);
  });

  test('the invalid Fargate pair names the nearest valid pair', () => {
    const [issue] = validateTaskDefinition({...fargateTask(), cpu: '1024', memory: '1024'}, FARGATE);
    expect(issue).toMatchObject({
      code: 'fargate-cpu-memory',
      severity: 'error',
      source: 'containerSpec',
      path: 'memory',
      message: 'Fargate does not offer cpu 1024 with memory 1024; the nearest valid pair is cpu 1024 / memory 2048 (1 vCPU, 2 GB)',
      fix: 'Write "cpu": "1024", "memory": "2048"',
    });
  });

  test('the describe-task-definition wrapper is recognised', () => {
    expect(codes(validateTaskDefinition({taskDefinition: fargateTask()}, FARGATE))).toEqual(['task-definition-wrapper taskDefinition']);
  });

  test.each([[null], ['text'], [[fargateTask()]], [42]])('a %j document is one wrong-type issue', (value) => {
    expect(codes(validateTaskDefinition(value, FARGATE))).toEqual(['wrong-type ']);
    expect(codes(validateServiceDefinition(value, fargateTask(), FARGATE))).toEqual(['wrong-type ']);
  });

  test('issues are located in the source text when it is given', () => {
    const text = '{\n  "networkMode": "bridge",\n  "containerDefinitions": [\n    {"name": "a b", "image": "x", "memory": 5}\n  ]\n}';
    const parsed = parseJsonText(text, 'containerSpec');
    const issues = validateTaskDefinition(parsed.value, EC2, parsed);
    expect(issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([['container-name', 4, 14]]);
  });
});

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
    ['a valid DAEMON service on EC2', service({launchType: 'EC2', schedulingStrategy: 'DAEMON', desiredCount: undefined as unknown as JsonValue}), ec2Task(), EC2, []],
    ['DAEMON on Fargate', service({schedulingStrategy: 'DAEMON', desiredCount: undefined as unknown as JsonValue}), fargateTask(), FARGATE, ['daemon-fargate schedulingStrategy']],
    ['DAEMON with desiredCount', service({launchType: 'EC2', schedulingStrategy: 'DAEMON'}), ec2Task(), EC2, ['daemon-desired-count desiredCount']],
    ['DAEMON with placementStrategy', service({launchType: 'EC2', schedulingStrategy: 'DAEMON', desiredCount: undefined as unknown as JsonValue, placementStrategy: [{type: 'spread', field: 'instanceId'}]}), ec2Task(), EC2, ['daemon-placement-strategy placementStrategy']],
    ['Fargate with placement constraints', service({placementConstraints: [{type: 'distinctInstance'}]}), fargateTask(), FARGATE, ['fargate-placement placementConstraints']],
    ['an unknown strategy', service({schedulingStrategy: 'SINGLETON'}), fargateTask(), FARGATE, ['invalid-value schedulingStrategy']],
    ['a negative desiredCount', service({desiredCount: -1}), fargateTask(), FARGATE, ['wrong-type desiredCount']],
    ['desiredCount as a string', service({desiredCount: 'two'}), fargateTask(), FARGATE, ['wrong-type desiredCount']],
    ['placementStrategy as an object', service({placementStrategy: {}}), fargateTask(), FARGATE, ['wrong-type placementStrategy']],
    ['launchType with capacityProviderStrategy', service({capacityProviderStrategy: [{capacityProvider: 'FARGATE_SPOT', weight: 1}]}), fargateTask(), FARGATE, ['launch-type-conflict launchType']],
    ['an unknown launchType', service({launchType: 'LAMBDA'}), fargateTask(), FARGATE, ['invalid-value launchType']],
    ['an illegal serviceName', service({serviceName: 'my service'}), fargateTask(), FARGATE, ['invalid-name serviceName']],
    ['a bad health check grace period', service({healthCheckGracePeriodSeconds: 'soon'}), fargateTask(), FARGATE, ['wrong-type healthCheckGracePeriodSeconds']],
    ['awsvpc without environment network', service(), fargateTask(), {launchType: 'FARGATE', environmentName: 'prod'}, ['awsvpc-network network']],
    ['awsvpc without subnets and security groups', service(), fargateTask(), {...FARGATE, network: {subnets: [], securityGroups: [], assignPublicIp: true}}, ['awsvpc-network network.subnets', 'awsvpc-network network.securityGroups']],
    ['a public IP on EC2 awsvpc', service({launchType: 'EC2'}), withContainer({...ec2Task(), networkMode: 'awsvpc'}, {portMappings: []}), {...EC2_AWSVPC, network: {...NETWORK, assignPublicIp: true}}, ['assign-public-ip network.assignPublicIp']],
    ['bridge needs no network', service({launchType: 'EC2'}), ec2Task(), EC2, []],
    ['networkConfiguration without awsvpcConfiguration', service({networkConfiguration: {}}), fargateTask(), FARGATE, ['missing-field networkConfiguration.awsvpcConfiguration']],
  ])('%s', (_name, svc, task, context, expected) => {
    const cleaned = JSON.parse(JSON.stringify(svc)) as JsonObject;
    expect(codes(validateServiceDefinition(cleaned, task, context))).toEqual(expected);
  });

  test('environment issues have the environment as source', () => {
    const [issue] = validateServiceDefinition(service(), fargateTask(), {launchType: 'FARGATE', environmentName: 'prod'});
    expect(issue).toMatchObject({source: 'environment', severity: 'error', message: expect.stringContaining('Environment "prod" has no network settings')});
  });
});

describe('service discovery (the seed\'s rules)', () => {
  const bridgeTask = (): JsonObject => ec2Task();
  const registry = (entry: JsonObject): JsonObject => ({serviceName: 'web', launchType: 'EC2', desiredCount: 1, serviceRegistries: [{registryArn: REGISTRY, ...entry}]});
  const srv = (types: string[]): Readonly<Record<string, readonly string[]>> => ({[REGISTRY]: types});
  const name = 'library_nginx_stable-perl';
  const awsvpcTask = (): JsonObject => withContainer(fargateTask(), {name});

  test.each<[string, JsonObject, JsonObject, ValidationContext, string[]]>([
    // awsvpc + SRV: either containerName and containerPort, or port — never both.
    ['awsvpc SRV containerName + containerPort', registry({containerName: name, containerPort: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])}, []],
    ['awsvpc SRV port alone', registry({port: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A', 'SRV'])}, []],
    ['awsvpc SRV both', registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0].port']],
    ['awsvpc SRV neither', registry({}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0]']],
    ['awsvpc SRV containerName alone', registry({containerName: name}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0].containerPort']],
    // bridge/host + SRV: containerName and containerPort required.
    ['bridge SRV containerName + containerPort', registry({containerName: name, containerPort: 80}), bridgeTask(), {...EC2, discoveryRecordTypes: srv(['SRV'])}, []],
    ['bridge SRV port only', registry({port: 80}), bridgeTask(), {...EC2, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0].containerName', 'discovery-port-ignored serviceRegistries[0].port']],
    ['host SRV containerPort missing', registry({containerName: name}), {...bridgeTask(), networkMode: 'host'}, {...EC2, discoveryRecordTypes: srv(['SRV'])}, ['discovery-params serviceRegistries[0].containerPort']],
    ['bridge with A records only', registry({containerName: name, containerPort: 80}), bridgeTask(), {...EC2, discoveryRecordTypes: srv(['A'])}, ['discovery-record-type serviceRegistries[0].registryArn']],
    // awsvpc + A only: nothing needed; port is ignored.
    ['awsvpc A nothing', registry({}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A'])}, []],
    ['awsvpc A port', registry({port: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A'])}, ['discovery-port-ignored serviceRegistries[0].port']],
    ['awsvpc A containerName + containerPort', registry({containerName: name, containerPort: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['A'])}, []],
    // Unknown record types: only what is certain is an error.
    ['awsvpc unknown containerName + containerPort', registry({containerName: name, containerPort: 8080}), awsvpcTask(), FARGATE, []],
    ['awsvpc unknown port', registry({port: 8080}), awsvpcTask(), FARGATE, []],
    ['awsvpc unknown both', registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), FARGATE, ['discovery-params serviceRegistries[0].port']],
    ['bridge unknown port only', registry({port: 80}), bridgeTask(), EC2, ['discovery-params serviceRegistries[0].containerName', 'discovery-port-ignored serviceRegistries[0].port']],
    // containerName must name a container; containerPort one of its portMappings.
    ['an unknown container', registry({containerName: 'nginx', containerPort: 80}), bridgeTask(), EC2, ['discovery-container serviceRegistries[0].containerName']],
    ['a port the container does not map', registry({containerName: name, containerPort: 8080}), bridgeTask(), EC2, ['discovery-container-port serviceRegistries[0].containerPort']],
    ['containerPort as a string', registry({containerName: name, containerPort: '80'}), bridgeTask(), EC2, ['wrong-type serviceRegistries[0].containerPort']],
    ['a port out of range', registry({port: 70000}), awsvpcTask(), FARGATE, ['port-range serviceRegistries[0].port']],
    // registryArn.
    ['the seed\'s first example ARN (an 8-digit account)', registry({registryArn: 'arn:aws:servicediscovery:us-east-1:00000000:service/srv-jwyz7x4igkxckqno', containerName: name, containerPort: 80}), bridgeTask(), EC2, ['arn-format serviceRegistries[0].registryArn']],
    ['a namespace ARN', registry({registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc', containerName: name, containerPort: 80}), bridgeTask(), EC2, ['arn-format serviceRegistries[0].registryArn']],
    ['no registryArn', {serviceRegistries: [{containerName: name, containerPort: 80}]}, bridgeTask(), EC2, ['missing-field serviceRegistries[0].registryArn']],
    ['two registries', {serviceRegistries: [{registryArn: REGISTRY, containerName: name, containerPort: 80}, {registryArn: REGISTRY, containerName: name, containerPort: 80}]}, bridgeTask(), EC2, ['discovery-multiple serviceRegistries']],
    ['serviceRegistries is an object', {serviceRegistries: {registryArn: REGISTRY}}, bridgeTask(), EC2, ['wrong-type serviceRegistries']],
  ])('%s', (_name, svc, task, context, expected) => {
    expect(codes(validateServiceDefinition(svc, task, context))).toEqual(expected);
  });

  test('when the record types are unknown, the uncertain rules are warnings', () => {
    const issues = validateServiceDefinition(registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), FARGATE);
    expect(issues).toEqual([expect.objectContaining({severity: 'warning', message: expect.stringContaining('its record types were not read')})]);
    const known = validateServiceDefinition(registry({containerName: name, containerPort: 8080, port: 8080}), awsvpcTask(), {...FARGATE, discoveryRecordTypes: srv(['SRV'])});
    expect(known[0]?.severity).toBe('error');
  });

  test('the unknown container message lists the containers', () => {
    const [issue] = validateServiceDefinition(registry({containerName: 'nginx', containerPort: 80}), bridgeTask(), EC2);
    expect(issue?.message).toBe(`containerName "nginx" is not a container of the container specification (containers: ${name})`);
  });

  test('load balancers follow the same container rules', () => {
    const svc = {loadBalancers: [{targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1', containerName: name, containerPort: 81}]};
    expect(codes(validateServiceDefinition(svc, bridgeTask(), EC2))).toEqual(['load-balancer-container-port loadBalancers[0].containerPort']);
  });
});

describe('ARN formats', () => {
  test.each<[ArnKind, string, boolean]>([
    ['iamRole', ROLE, true],
    ['iamRole', 'arn:aws:iam::123456789012:role/service-role/my.role@x', true],
    ['iamRole', 'arn:aws-cn:iam::123456789012:role/r', true],
    ['iamRole', 'arn:aws:iam::123456789012:user/r', false],
    ['iamRole', 'arn:aws:iam::12345678901:role/r', false],
    ['iamRole', `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, false],
    ['iamRole', 'ecsTaskExecutionRole', false],
    ['secretsManagerSecret', SECRET, true],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:us-gov-west-1:123456789012:secret:a/b/c', true],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:us-east-1:123456789012:parameter:x', false],
    ['secretsManagerSecret', 'arn:aws:secretsmanager:region:aws_account_id:secret:secret_name', false],
    ['cloudMapService', REGISTRY, true],
    ['cloudMapService', 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-', false],
    ['cloudMapService', 'arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-x', false],
    ['kmsKey', KEY, true],
    ['kmsKey', 'arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab', true],
    ['kmsKey', 'arn:aws:kms:us-east-1:123456789012:alias/my-key', false],
    ['kmsKey', '1234abcd-12ab-34cd-56ef-1234567890ab', false],
    ['ssmParameter', 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db', true],
  ])('%s %s → %s', (kind, value, valid) => {
    expect(isArn(kind, value)).toBe(valid);
  });

  test('registry auth: the secret and the key', () => {
    expect(validateRegistryAuth({credentialsSecretArn: SECRET, kmsKeyArn: KEY})).toEqual([]);
    expect(validateRegistryAuth(undefined)).toEqual([]);
    expect(codes(validateRegistryAuth({credentialsSecretArn: 'secret', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/x'}))).toEqual([
      'arn-format service.registryAuth.credentialsSecretArn',
      'arn-format service.registryAuth.kmsKeyArn',
    ]);
  });
});

describe('profile parts', () => {
  test.each<[string, {host: string; image: string}, string | undefined, string[]]>([
    ['the seed\'s artifact', {host: 'registry.hub.docker.com', image: 'library/nginx'}, 'stable-perl', []],
    ['an implicit Docker Hub image', {host: '', image: 'nginx'}, '1.27', []],
    ['no tag', {host: '', image: 'nginx'}, undefined, []],
    ['a digest', {host: 'ghcr.io', image: 'a/b'}, `sha256:${'a'.repeat(64)}`, []],
    ['an upper-case image', {host: '', image: 'Nginx'}, '1', ['image-reference service.artifact.image']],
    ['a bad tag', {host: '', image: 'nginx'}, 'a:b', ['image-reference service.artifact.tag']],
    ['a bad host', {host: 'bad host', image: 'nginx'}, '1', ['image-reference service.artifact.host']],
    ['a host inside the image path', {host: '', image: 'ghcr.io/a'}, '1', ['image-reference service.artifact.host']],
  ])('artifact: %s', (_name, artifact, tag, expected) => {
    expect(codes(validateArtifact({registry: 'registry', ...artifact}, tag))).toEqual(expected);
  });

  test('environment: role ARN, subnet and security group ids, override names', () => {
    const environment: Environment = {
      name: 'prod',
      region: 'us-east-1',
      cluster: 'c',
      launchType: 'FARGATE',
      executionRoleArn: 'role',
      network: {subnets: ['subnet-0123456789abcdef0', 'subnet-x'], securityGroups: ['default'], assignPublicIp: false},
      overrides: {'bad name': '1', good: '2'},
    };
    expect(codes(validateEnvironment(environment))).toEqual([
      'arn-format executionRoleArn',
      'invalid-value network.subnets[1]',
      'invalid-value network.securityGroups[0]',
      'invalid-variable-name overrides["bad name"]',
    ]);
    expect(validateEnvironment({...environment, executionRoleArn: ROLE, network: NETWORK, overrides: {}})).toEqual([]);
    expect(validateEnvironment({...environment, executionRoleArn: ROLE, network: NETWORK, overrides: {}}).every((issue) => issue.source === 'environment')).toBe(true);
  });

  test('variables: names', () => {
    expect(codes(validateVariables({containerPort: '1', 'log.level': 'x', _ok: '', '9x': ''}))).toEqual(['invalid-variable-name ["log.level"]', 'invalid-variable-name ["9x"]']);
  });
});
