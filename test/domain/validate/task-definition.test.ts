import {describe, expect, test} from 'vitest';
import {parseJsonText} from '../../../source/domain/json-text.js';
import type {JsonObject, JsonValue} from '../../../source/domain/json.js';
import type {ValidationContext} from '../../../source/domain/validate/context.js';
import {validateServiceDefinition} from '../../../source/domain/validate/service-definition.js';
import {validateTaskDefinition} from '../../../source/domain/validate/task-definition.js';
import {codes, EC2, EC2_AWSVPC, ec2Task, FARGATE, fargateTask, SECRET, withContainer} from './rendered-documents.js';

describe('valid tasks have no issues', () => {
  test.each([
    ['Fargate', fargateTask(), FARGATE],
    ['EC2 bridge', ec2Task(), EC2],
    [
      'EC2 with task-level memory and no container memory',
      withContainer({...ec2Task(), memory: '512'}, {memoryReservation: null as unknown as JsonValue}),
      EC2,
    ],
    ['EC2 awsvpc', withContainer({...ec2Task(), networkMode: 'awsvpc'}, {portMappings: [{containerPort: 80, hostPort: 80}]}), EC2_AWSVPC],
    ['EC2 without networkMode (bridge by default)', {...ec2Task(), networkMode: undefined as unknown as JsonValue}, EC2],
    ['an empty requiresCompatibilities on EC2 (the seed prints [])', {...ec2Task(), requiresCompatibilities: []}, EC2],
    ['Fargate with "1 vCPU" / "2 GB"', {...fargateTask(), cpu: '1 vCPU', memory: '2 GB'}, FARGATE],
    ['Fargate with numeric cpu/memory', {...fargateTask(), cpu: 1024, memory: 8192}, FARGATE],
    // RegisterTaskDefinition: taskRoleArn is "the short name or full ARN of the IAM role" (the ECS guide's ecs-exec
    // example writes "ecsTaskRole"); task size ".25 vcpu" / ".5 gb" as that example writes it.
    ['a task role by its short name', {...fargateTask(), taskRoleArn: 'ecsTaskRole'}, FARGATE],
    ['Fargate with ".25 vcpu" / ".5 gb"', {...fargateTask(), cpu: '.25 vcpu', memory: '.5 gb'}, FARGATE],
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
    [
      'Fargate without cpu and memory',
      (({cpu: _c, memory: _m, ...rest}) => rest)(fargateTask()),
      FARGATE,
      ['fargate-task-size cpu', 'fargate-task-size memory'],
    ],
    ['Fargate invalid pair', {...fargateTask(), cpu: '256', memory: '4096'}, FARGATE, ['fargate-cpu-memory memory']],
    ['Fargate without an execution role', (({executionRoleArn: _e, ...rest}) => rest)(fargateTask()), FARGATE, ['execution-role-required executionRoleArn']],
    [
      'Fargate with an empty execution role',
      {...fargateTask(), executionRoleArn: ''},
      FARGATE,
      ['arn-format executionRoleArn', 'execution-role-required executionRoleArn'],
    ],
    ['Fargate requiring only EC2', {...fargateTask(), requiresCompatibilities: ['EC2']}, FARGATE, ['launch-type-compatibility requiresCompatibilities']],
    [
      'Fargate without requiresCompatibilities',
      (({requiresCompatibilities: _r, ...rest}) => rest)(fargateTask()),
      FARGATE,
      ['launch-type-compatibility requiresCompatibilities'],
    ],
    [
      // A FARGATE-only document must have Fargate's shape whatever the environment (ECS refuses it otherwise).
      'EC2 requiring only FARGATE',
      {...ec2Task(), requiresCompatibilities: ['FARGATE']},
      EC2,
      ['fargate-network-mode networkMode', 'fargate-task-size cpu', 'fargate-task-size memory', 'launch-type-compatibility requiresCompatibilities'],
    ],
    ['an unknown compatibility', {...ec2Task(), requiresCompatibilities: ['EC2', 'LAMBDA']}, EC2, ['invalid-value requiresCompatibilities[1]']],
    ['an unknown network mode', {...ec2Task(), networkMode: 'overlay'}, EC2, ['invalid-value networkMode']],
    ['an unreadable task cpu', {...ec2Task(), cpu: 'fast'}, EC2, ['invalid-value cpu']],
    ['a task memory of the wrong type', {...ec2Task(), memory: [512]}, EC2, ['wrong-type memory']],
    ['an illegal family', {...ec2Task(), family: 'my family'}, EC2, ['invalid-name family']],
    ['a task role that is not a role', {...ec2Task(), taskRoleArn: 'arn:aws:iam::123456789012:user/bob'}, EC2, ['arn-format taskRoleArn']],
    ['a task role name with a character IAM does not allow', {...ec2Task(), taskRoleArn: 'ecs task role'}, EC2, ['arn-format taskRoleArn']],
    [
      'an execution role with a short account',
      {...fargateTask(), executionRoleArn: 'arn:aws:iam::4XXX0225XX7:role/ecsTaskExecutionRole'},
      FARGATE,
      ['arn-format executionRoleArn'],
    ],

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
    [
      'memoryReservation above memory',
      withContainer(ec2Task(), {memory: 128, memoryReservation: 256}),
      EC2,
      ['memory-reservation containerDefinitions[0].memoryReservation'],
    ],
    ['memory as a string', withContainer(ec2Task(), {memory: '256'}), EC2, ['wrong-type containerDefinitions[0].memory']],
    ['memory zero', withContainer(ec2Task(), {memory: 0}), EC2, ['wrong-type containerDefinitions[0].memory']],
    ['cpu fractional', withContainer(ec2Task(), {cpu: 1.5}), EC2, ['wrong-type containerDefinitions[0].cpu']],

    // Ports.
    [
      'containerPort 0',
      withContainer(ec2Task(), {portMappings: [{containerPort: 0}]}),
      EC2,
      ['port-range containerDefinitions[0].portMappings[0].containerPort'],
    ],
    [
      'containerPort 65536',
      withContainer(ec2Task(), {portMappings: [{containerPort: 65536}]}),
      EC2,
      ['port-range containerDefinitions[0].portMappings[0].containerPort'],
    ],
    [
      'hostPort -1',
      withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: -1}]}),
      EC2,
      ['port-range containerDefinitions[0].portMappings[0].hostPort'],
    ],
    [
      'containerPort as a string',
      withContainer(ec2Task(), {portMappings: [{containerPort: '80'}]}),
      EC2,
      ['wrong-type containerDefinitions[0].portMappings[0].containerPort'],
    ],
    [
      'no containerPort',
      withContainer(ec2Task(), {portMappings: [{hostPort: 80}]}),
      EC2,
      ['missing-field containerDefinitions[0].portMappings[0].containerPort'],
    ],
    ['a containerPortRange instead', withContainer(ec2Task(), {portMappings: [{containerPortRange: '8000-8010'}]}), EC2, []],
    ['bridge hostPort 0 is dynamic', withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: 0}]}), EC2, []],
    ['bridge hostPort differs', withContainer(ec2Task(), {portMappings: [{containerPort: 80, hostPort: 8080}]}), EC2, []],
    [
      'awsvpc hostPort differs',
      withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 80}]}),
      FARGATE,
      ['host-port containerDefinitions[0].portMappings[0].hostPort'],
    ],
    [
      'awsvpc hostPort 0',
      withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 0}]}),
      FARGATE,
      ['host-port containerDefinitions[0].portMappings[0].hostPort'],
    ],
    ['awsvpc hostPort equal', withContainer(fargateTask(), {portMappings: [{containerPort: 8080, hostPort: 8080}]}), FARGATE, []],
    [
      'host mode hostPort differs',
      withContainer({...ec2Task(), networkMode: 'host'}, {portMappings: [{containerPort: 80, hostPort: 81}]}),
      EC2,
      ['host-port containerDefinitions[0].portMappings[0].hostPort'],
    ],
    [
      'a bad protocol',
      withContainer(ec2Task(), {portMappings: [{containerPort: 80, protocol: 'http'}]}),
      EC2,
      ['invalid-value containerDefinitions[0].portMappings[0].protocol'],
    ],
    ['portMappings is an object', withContainer(ec2Task(), {portMappings: {containerPort: 80}}), EC2, ['wrong-type containerDefinitions[0].portMappings']],
    ['a port mapping is a number', withContainer(ec2Task(), {portMappings: [80]}), EC2, ['wrong-type containerDefinitions[0].portMappings[0]']],

    // Private registry and secrets.
    ['repositoryCredentials on Fargate', withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: SECRET}}), FARGATE, []],
    [
      'repositoryCredentials without an execution role',
      withContainer(ec2Task(), {repositoryCredentials: {credentialsParameter: SECRET}}),
      EC2,
      ['execution-role-required containerDefinitions[0].repositoryCredentials'],
    ],
    [
      'repositoryCredentials with an SSM parameter',
      withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/x'}}),
      FARGATE,
      ['arn-format containerDefinitions[0].repositoryCredentials.credentialsParameter'],
    ],
    [
      "repositoryCredentials with the seed's template ARN",
      withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: 'arn:aws:secretsmanager:region:aws_account_id:secret:secret_name'}}),
      FARGATE,
      ['arn-format containerDefinitions[0].repositoryCredentials.credentialsParameter'],
    ],
    [
      'repositoryCredentials without credentialsParameter',
      withContainer(fargateTask(), {repositoryCredentials: {}}),
      FARGATE,
      ['missing-field containerDefinitions[0].repositoryCredentials.credentialsParameter'],
    ],
    [
      'repositoryCredentials as a string',
      withContainer(fargateTask(), {repositoryCredentials: SECRET}),
      FARGATE,
      ['wrong-type containerDefinitions[0].repositoryCredentials'],
    ],
    [
      'secrets without an execution role',
      withContainer(ec2Task(), {secrets: [{name: 'A', valueFrom: SECRET}]}),
      EC2,
      ['execution-role-required containerDefinitions[0].secrets'],
    ],
    [
      'a secret from a bad ARN',
      withContainer(fargateTask(), {secrets: [{name: 'A', valueFrom: 'arn:aws:s3:::bucket/key'}]}),
      FARGATE,
      ['arn-format containerDefinitions[0].secrets[0].valueFrom'],
    ],
    ['a secret from an SSM parameter name', withContainer(fargateTask(), {secrets: [{name: 'A', valueFrom: 'db-password'}]}), FARGATE, []],
    [
      "a secret's JSON key, version stage or version id (as the ECS guide writes them)",
      withContainer(fargateTask(), {
        secrets: [
          {name: 'A', valueFrom: `${SECRET}:username1::`},
          {name: 'B', valueFrom: `${SECRET}::AWSPREVIOUS:`},
          {name: 'C', valueFrom: `${SECRET}:::9d4cb84b-ad69-40c0-a0ab-cead3EXAMPLE`},
          {name: 'D', valueFrom: `${SECRET}:DB_PASSWORD::`},
          {name: 'E', valueFrom: `${SECRET}:B:AWSPREVIOUS:`},
        ],
      }),
      FARGATE,
      [],
    ],
    [
      'a secret reference with a selector too many',
      withContainer(fargateTask(), {secrets: [{name: 'A', valueFrom: `${SECRET}:a:b:c:d`}]}),
      FARGATE,
      ['arn-format containerDefinitions[0].secrets[0].valueFrom'],
    ],
    [
      'repositoryCredentials naming a JSON key',
      withContainer(fargateTask(), {repositoryCredentials: {credentialsParameter: `${SECRET}:DB_PASSWORD::`}}),
      FARGATE,
      ['arn-format containerDefinitions[0].repositoryCredentials.credentialsParameter'],
    ],

    // Unresolved placeholders are reported by the substitution, not again here.
    ['a pending containerPort', withContainer(fargateTask(), {portMappings: [{containerPort: '${serviceVariable.port}'}]}), FARGATE, []],
    ['a pending execution role', {...fargateTask(), executionRoleArn: '${EXECUTION_ROLE}'}, FARGATE, []],
    ['a pending container name counts as legal', withContainer(fargateTask(), {name: '${CONTAINER_NAME}'}), FARGATE, []],
  ])('%s', (_name, task, context, expected) => {
    expect(codes(validateTaskDefinition(task, context))).toEqual(expected);
  });

  test('container names must be unique', () => {
    const task = {
      ...fargateTask(),
      containerDefinitions: [
        {name: 'web', image: 'a'},
        {name: 'log', image: 'b'},
        {name: 'web', image: 'c'},
      ],
    };
    const issues = validateTaskDefinition(task, FARGATE);
    expect(codes(issues)).toEqual(['container-name-duplicate containerDefinitions[2].name']);
    expect(issues[0]?.message).toBe('Container name "web" is already used by containerDefinitions[0]');
  });

  test('EC2 containers need memory or memoryReservation when the task has no memory', () => {
    const task: JsonObject = {
      ...ec2Task(),
      containerDefinitions: [
        {name: 'a', image: 'x'},
        {name: 'b', image: 'y', memory: 64},
      ],
    };
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

describe('Amazon ECS Managed Instances: a MANAGED_INSTANCES task runs through its capacity provider', () => {
  // ECS Managed Instances (2025): a task definition requiring MANAGED_INSTANCES runs on instances ECS manages, which a
  // service reaches through the cluster's Managed Instances capacity provider (capacityProviderStrategy), on the
  // EC2 side of this tool's launch types. Which kind a provider is (Auto Scaling group or Managed Instances) only
  // ECS knows; a FARGATE provider never runs one.
  const managed = (): JsonObject => ({...ec2Task(), networkMode: 'awsvpc', requiresCompatibilities: ['MANAGED_INSTANCES'], cpu: '1024', memory: '3072'});
  const onAwsvpc = (task: JsonObject): JsonObject => withContainer(task, {portMappings: [{containerPort: 80, hostPort: 80}]});

  test("with a capacity provider strategy of the cluster's own providers: valid", () => {
    expect(validateTaskDefinition(onAwsvpc(managed()), {...EC2_AWSVPC, capacityProviders: ['checkout-mi']})).toEqual([]);
  });

  test('without one: refused, saying what the task needs rather than to change the task definition', () => {
    const issues = validateTaskDefinition(onAwsvpc(managed()), EC2_AWSVPC);
    expect(issues.map((item) => [item.code, item.path, item.message, item.fix])).toEqual([
      [
        'launch-type-compatibility',
        'requiresCompatibilities',
        'The task definition runs on Amazon ECS Managed Instances (requiresCompatibilities MANAGED_INSTANCES): its service places tasks with the cluster\'s Managed Instances capacity provider, and the environment "dev" has no capacity provider strategy',
        'Import the service that runs it (import --cluster C --service S, or --from-file of its describe-services output), or give the environment a capacityProviderStrategy naming the Managed Instances capacity provider (profiles export, edit, profiles import --force)',
      ],
    ]);
  });

  test('Fargate providers do not run it', () => {
    const issues = validateTaskDefinition(onAwsvpc(managed()), {...EC2_AWSVPC, capacityProviders: ['FARGATE']});
    expect(codes(issues)).toEqual(['launch-type-compatibility requiresCompatibilities']);
    expect(issues[0]?.message).toMatch(/and the environment "dev" places tasks with FARGATE only$/);
  });

  test('a task definition that requires neither EC2 nor MANAGED_INSTANCES is still refused with such providers', () => {
    expect(
      codes(validateTaskDefinition(onAwsvpc({...managed(), requiresCompatibilities: ['EXTERNAL']}), {...EC2_AWSVPC, capacityProviders: ['checkout-mi']})),
    ).toEqual(['launch-type-compatibility requiresCompatibilities']);
  });
});
