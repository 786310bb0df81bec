/**
 * Task definitions and services as they run in production today (test/fixtures/real-task-definitions/ and
 * real-services/, sources in their SOURCES.md): console and CLI describe output, register inputs from public
 * repositories, and documentation examples for the fields ECS added lately. Each is imported as
 * `ecs-wizard import --from-file` does (fileSource → planImport, the plaintext-secret decision as
 * `--keep-plaintext` makes it, the profile validated as the store validates it) and rendered as `ecs-wizard render`
 * prints it. What must hold:
 *
 * - nothing a real task definition legitimately has is refused; the few refused below are invalid for ECS itself,
 *   and the message names the field and says why;
 * - the rendered RegisterTaskDefinition input is the original's registrable part, every field (the describe-only
 *   fields and AWS's own `aws:` tags left out) — computed here from the API reference, not from source/;
 * - diffing it against the revision as ECS describes it shows no change;
 * - a plaintext secret is named, never shown.
 */
import {describe, expect, test} from 'vitest';
import {diffPlan} from '../../source/domain/diff.js';
import type {JsonObject, JsonValue} from '../../source/domain/json.js';
import {validateProfile} from '../../source/domain/profile-schema/profile.js';
import {renderDeployInputs} from '../../source/operations/deploy/plan.js';
import {decisionsFromFlags, plaintextSecretsOf, suspectLine} from '../../source/operations/import-secrets.js';
import {fileSource, planImport, suggestNames, type ImportPlan} from '../../source/operations/import.js';
import {createInput, jsonFiles, read, REAL_SERVICES as SERVICES, REAL_TASKS as TASKS, registerInputOf as registerInput, taskOf} from '../helpers/corpus.js';

const NOW = '2026-02-01T00:00:00.000Z';

// ---------------------------------------------------------------------------------------------------
// The registrable input, from the API reference (TaskDefinition vs RegisterTaskDefinitionRequest).
// ---------------------------------------------------------------------------------------------------

// The registrable input (registerInputOf, taskOf) is computed in ../helpers/corpus.ts, from the API reference.

/**
 * What DescribeTaskDefinition shows for a RegisterTaskDefinition input: the read-only fields, and the API's defaults
 * filled in (as the AWS CLI's register-task-definition example shows for sleep360, and the console's describe output
 * for the rest): per container cpu 0, essential, empty environment / mountPoints / volumesFrom / portMappings /
 * systemControls, each port mapping's protocol and host port (0 under bridge: dynamic); the task's volumes and
 * placement constraints; a task role named by its short name as its ARN; task sizes in the API's units.
 */
function asEcsDescribes(input: JsonObject): JsonObject {
  const networkMode = (input['networkMode'] as string | undefined) ?? 'bridge';
  const units = (value: JsonValue | undefined, perUnit: RegExp): JsonValue | undefined => {
    const match = typeof value === 'string' ? perUnit.exec(value.trim()) : null;
    return match === null ? value : String(Math.round(Number(match[1]) * 1024));
  };
  const containers = (input['containerDefinitions'] as JsonObject[]).map((container) => ({
    cpu: 0,
    essential: true,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
    ...container,
    portMappings: ((container['portMappings'] as JsonObject[] | undefined) ?? []).map((mapping) => ({
      protocol: 'tcp',
      ...(mapping['containerPortRange'] !== undefined ? {} : {hostPort: networkMode === 'bridge' ? 0 : (mapping['containerPort'] as number)}),
      ...mapping,
    })),
  }));
  const described: JsonObject = {
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${String(input['family'])}:3`,
    volumes: [],
    placementConstraints: [],
    ...input,
    containerDefinitions: containers,
    revision: 3,
    status: 'ACTIVE',
    requiresAttributes: [{name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18'}],
    compatibilities: ['EC2'],
    registeredAt: '2026-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:iam::123456789012:user/jdoe',
  };
  const taskRole = input['taskRoleArn'];
  if (typeof taskRole === 'string' && !taskRole.startsWith('arn:')) described['taskRoleArn'] = `arn:aws:iam::123456789012:role/${taskRole}`;
  if (input['cpu'] !== undefined) described['cpu'] = units(input['cpu'], /^([0-9]*\.?[0-9]+)\s*vcpu$/i)!;
  if (input['memory'] !== undefined) described['memory'] = units(input['memory'], /^([0-9]*\.?[0-9]+)\s*gb$/i)!;
  return described;
}

/** The revision as DescribeTaskDefinition (with --include TAGS) shows it. */
function described(fixture: JsonObject): JsonObject {
  const {task, tags} = taskOf(fixture);
  return {...task, tags};
}

// ---------------------------------------------------------------------------------------------------
// import --from-file [--keep-plaintext NAME…] → render
// ---------------------------------------------------------------------------------------------------

function importFiles(files: Array<{name: string; text: string}>, family: string, serviceName?: string): ImportPlan {
  const {source} = fileSource(files);
  const names = suggestNames(serviceName === undefined ? {family} : {serviceName, family});
  return planImport(source!, {names, now: NOW, region: 'us-east-1'});
}

/** `--keep-plaintext NAME…`: the names recorded in the profile, as the command records them. */
function keepPlaintext(plan: ImportPlan, keep: readonly string[]): ImportPlan {
  const {decisions, undecided, problems} = decisionsFromFlags(plaintextSecretsOf(plan), {move: false, keep});
  expect({undecided, problems}).toEqual({undecided: [], problems: []});
  if (decisions.size === 0) return plan;
  const profile = plan.profile!;
  return {...plan, profile: {...profile, service: {...profile.service, plaintextVariables: [...decisions.keys()]}}};
}

function renderImported(plan: ImportPlan): {taskDefinition: JsonObject; service: JsonObject} {
  expect(plan.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const saved = validateProfile(plan.profile!);
  expect(saved.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const profile = saved.profile!;
  const inputs = renderDeployInputs({profile, environment: profile.environments[0]!, allowIncompleteService: true});
  return {taskDefinition: inputs.taskDefinition, service: inputs.service};
}

const familyOf = (fixture: JsonObject): string => String(taskOf(fixture).task['family']);

/**
 * Variables that look like plaintext secrets, as published: each fixture's suspects, by name. The import names
 * them (masked) and stops until each is moved or kept; here they are kept, as `--keep-plaintext NAME` keeps them.
 */
const PLAINTEXT: Record<string, string[]> = {
  'cdk-stack-digest-plaintext-jwt.json': ['JWT_SECRET'],
  'cli-typeorm-plaintext-password.json': ['TYPEORM_PASSWORD'],
};

/**
 * Refused, each for a reason ECS refuses it too (RegisterTaskDefinition or RunTask), with the message that names
 * the field. `at`: where — import (nothing saved) or render (the profile is saved, and render says what to fix).
 */
const REFUSED: Record<string, {at: 'import' | 'save' | 'render'; messages: string[]}> = {
  // ECS: "the host port must either be left blank or set to the same value as the container port" under awsvpc.
  'kibana-awsvpc-host-port-differs.json': {
    at: 'import',
    messages: ['Under the awsvpc network mode hostPort must equal containerPort (5601) or be left out, found 80'],
  },
  // The ECS guide's tutorial mounts "fsx-windows-dir" but names its volume "fsx-windows-vol": ECS refuses a
  // mount point whose sourceVolume is no volume of the task.
  'fsx-windows-tutorial-volume-name-typo.json': {
    at: 'import',
    messages: [
      'sourceVolume "fsx-windows-dir" is not a volume of this task definition (volumes: fsx-windows-vol)',
      'sourceVolume "fsx-windows-dir" is not a volume of this task definition (volumes: fsx-windows-vol)',
    ],
  },
  // ecspresso's test fixture names an App Mesh proxy container the task does not have.
  'ecspresso-appmesh-proxy-ephemeral-storage.json': {
    at: 'import',
    messages: ['The App Mesh proxy (proxyConfiguration) names "envoy", which is not a container of this task definition (containers: katsubushi)'],
  },
  // awslogs on Fargate needs the execution role (ECS: "Fargate requires task definition to have execution role
  // ARN to support log driver awslogs").
  'wildfly-fargate-null-ulimits.json': {at: 'render', messages: ['Fargate tasks need a task execution role (to pull the image and write logs)']},
  // A log driver's key as a plain option (Datadog's FireLens guide writes "apikey" so): a profile never holds it, and
  // the fix says where ECS takes it from instead (logConfiguration.secretOptions).
  'firelens-datadog-apikey-in-options.json': {
    at: 'save',
    messages: [
      'json: "apikey" at containerDefinitions[1].logConfiguration.options.apikey looks like a credential; credentials are never stored in a profile: use a Secrets Manager ARN instead (AWS access comes from the AWS credential chain)',
    ],
  },
  // The ECS guide's ecs-exec example names its roles: the task role's short name is fine (RegisterTaskDefinition:
  // "the short name or full ARN"), and so is its ".25 vcpu" / ".5 gb". ECS takes a name in executionRoleArn too and
  // fills in the account (an ECS maintainer, aws-actions/amazon-ecs-render-task-definition#19), but the profile's
  // environment keeps the execution role as an ARN, which the pre-flight checks read the account from: refused at
  // import, saying so and how to give the ARN.
  'ecs-exec-docs-role-names-fractional-vcpu.json': {
    at: 'import',
    messages: [
      `executionRoleArn is the role's name "ecsTaskExecutionRole", not its ARN: ECS takes a name and fills in the account when it registers the task definition, but a profile keeps the environment's execution role as an ARN`,
    ],
  },
  // Amazon ECS Managed Instances: its service places tasks with the cluster's Managed Instances capacity provider,
  // which only the service says (imported with it, below: managed-instances-capacity-provider.json). ECS refuses a
  // MANAGED_INSTANCES-only task on the EC2 launch type too.
  'managed-instances-awsvpc.json': {
    at: 'render',
    messages: [
      `The task definition runs on Amazon ECS Managed Instances (requiresCompatibilities MANAGED_INSTANCES): its service places tasks with the cluster's Managed Instances capacity provider, and the environment "production" has no capacity provider strategy`,
    ],
  },
};

const taskFiles = jsonFiles(TASKS);

describe('real task definitions: import --from-file → render gives back the registrable input, every field', () => {
  test('the corpus: at least 25 task definitions, nearly all of them adopted', () => {
    expect(taskFiles.length).toBeGreaterThanOrEqual(25);
    expect(taskFiles.filter((file) => REFUSED[file] === undefined).length).toBeGreaterThanOrEqual(20);
  });

  test.each(taskFiles.filter((file) => REFUSED[file] === undefined))('%s', (file) => {
    const {text, value} = read(TASKS, file);
    const plan = keepPlaintext(importFiles([{name: file, text}], familyOf(value)), PLAINTEXT[file] ?? []);
    const rendered = renderImported(plan);
    expect(rendered.taskDefinition).toEqual(registerInput(value));
    expect(
      diffPlan({taskDefinition: {desired: rendered.taskDefinition, current: described(value)}, service: {desired: {}, current: {}}}).taskDefinition.changes,
    ).toEqual([]);
    // And against the revision ECS registers from it, as DescribeTaskDefinition shows it (its defaults filled in).
    const registered = asEcsDescribes(registerInput(value));
    expect(
      diffPlan({taskDefinition: {desired: rendered.taskDefinition, current: registered}, service: {desired: {}, current: {}}}).taskDefinition.changes,
    ).toEqual([]);
  });

  test('as written and as ECS describes it: a task role by name and ".25 vcpu" / ".5 gb" are the same revision', () => {
    // ECS registers the ecs-exec example's short task role name and fractional sizes as the role's ARN and "256" /
    // "512" (DescribeTaskDefinition): the profile keeps them as written, and the diff sees no change.
    const {text, value} = read(TASKS, 'ecs-exec-docs-task-role-name.json');
    const rendered = renderImported(importFiles([{name: 'ecs-exec-docs-task-role-name.json', text}], familyOf(value)));
    expect(rendered.taskDefinition).toMatchObject({taskRoleArn: 'ecsTaskRole', cpu: '.25 vcpu', memory: '.5 gb'});
    const registered = {...value, taskRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskRole', cpu: '256', memory: '512', revision: 1, status: 'ACTIVE'};
    expect(
      diffPlan({taskDefinition: {desired: rendered.taskDefinition, current: registered}, service: {desired: {}, current: {}}}).taskDefinition.changes,
    ).toEqual([]);
  });

  test.each(Object.entries(REFUSED))('refused: %s', (file, {at, messages}) => {
    const {text, value} = read(TASKS, file);
    const plan = importFiles([{name: file, text}], familyOf(value));
    if (at === 'import') {
      expect(plan.profile).toBeUndefined();
      expect(plan.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message)).toEqual(messages);
      return;
    }
    expect(plan.profile).toBeDefined();
    if (at === 'save') {
      expect(
        validateProfile(plan.profile!)
          .issues.filter((issue) => issue.severity === 'error')
          .map((issue) => issue.message),
      ).toEqual(messages);
      return;
    }
    for (const message of messages) {
      expect(() => renderDeployInputs({profile: plan.profile!, environment: plan.profile!.environments[0]!, allowIncompleteService: true})).toThrow(message);
    }
  });

  test.each(Object.entries(PLAINTEXT))('plaintext secrets named, never shown: %s', (file, names) => {
    const {text, value} = read(TASKS, file);
    const plan = importFiles([{name: file, text}], familyOf(value));
    const suspects = plaintextSecretsOf(plan);
    expect(suspects.map((suspect) => suspect.name)).toEqual(names);
    const values = taskOf(value).task['containerDefinitions']!.valueOf() as JsonObject[];
    const secretValues = values.flatMap((container) =>
      ((container['environment'] ?? []) as JsonObject[]).filter((pair) => names.includes(String(pair['name']))).map((pair) => String(pair['value'])),
    );
    for (const line of suspects.map(suspectLine)) for (const secret of secretValues) expect(line).not.toContain(secret);
    // Without a decision the import stops (exit 2 naming them); a profile is saved only once each is decided.
    expect(decisionsFromFlags(suspects, {move: false, keep: []}).undecided).toEqual(names);
  });
});

// ---------------------------------------------------------------------------------------------------
// describe-services output, with the task definition it runs
// ---------------------------------------------------------------------------------------------------

/** Each service fixture and the task definition fixture it runs. */
const SERVICE_TASKS: Readonly<Record<string, string>> = {
  'cli-classic-elb-service-role.json': 'ecs-demo-classic-elb.json',
  'cli-container-handson-alb.json': 'cli-container-handson-fargate.json',
  'cli-describe-services-epoch-times.json': 'consul-server-host-network.json',
  'ecspresso-ci-capacity-providers-ebs.json': 'ecspresso-ci-fargate-ebs-two-containers.json',
  'managed-instances-capacity-provider.json': 'managed-instances-awsvpc.json',
};

describe('real services: import --from-file TASK --from-file SERVICE → render gives back the CreateService input, and no difference', () => {
  test('every service fixture is paired with its task definition', () => {
    expect(jsonFiles(SERVICES)).toEqual(Object.keys(SERVICE_TASKS));
  });

  test.each(Object.entries(SERVICE_TASKS))('%s (running %s)', (file, taskFile) => {
    const task = read(TASKS, taskFile);
    const service = read(SERVICES, file);
    const describedService = (service.value['services'] as JsonObject[])[0]!;
    const plan = importFiles(
      [
        {name: taskFile, text: task.text},
        {name: file, text: service.text},
      ],
      familyOf(task.value),
      String(describedService['serviceName']),
    );
    expect(plan.profile?.service.adopted).toBe(true);
    const rendered = renderImported(plan);
    expect(rendered.taskDefinition).toEqual(registerInput(task.value));
    // A service described with neither a launch type nor a capacity provider strategy (the AWS CLI's example) ran on
    // EC2, and the environment says so: CreateService gets "launchType": "EC2" (and the diff below is still empty).
    const input = createInput(describedService, familyOf(task.value));
    const placed = input['launchType'] !== undefined || input['capacityProviderStrategy'] !== undefined;
    // CreateService's role: "only if you're using a load balancer with your service and your task definition
    // doesn't use the awsvpc network mode" — a service role of its own (not the service-linked one) stays.
    const role = describedService['roleArn'];
    const ownRole =
      typeof role === 'string' &&
      !role.includes(':role/aws-service-role/') &&
      (describedService['loadBalancers'] as JsonValue[]).length > 0 &&
      describedService['networkConfiguration'] === undefined;
    expect(rendered.service).toEqual({...input, ...(placed ? {} : {launchType: 'EC2'}), ...(ownRole ? {role} : {})});
    const diff = diffPlan({
      taskDefinition: {desired: rendered.taskDefinition, current: described(task.value)},
      service: {desired: rendered.service, current: describedService},
    });
    expect([...diff.taskDefinition.changes, ...diff.service.changes]).toEqual([]);
  });
});
