/**
 * Rules of a rendered RegisterTaskDefinition input (the container specification, placeholders replaced) in its
 * environment: first ECS's own rules of the document (ecs/document.ts: the field table, then the rules between
 * fields), then what depends on where it runs and on this tool — launch type compatibility (and Fargate's shape
 * when only the environment says Fargate), the task size's units, roles (Fargate: the execution role), and each
 * container's memory on EC2, host ports in the network mode the environment gives a task that names none, and
 * the execution role that private registry credentials and secrets need.
 */
import type {Issue} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {JsonText} from '../json-text.js';
import {joinPath, locateIssues} from '../json-text.js';
import type {NetworkMode} from '../model.js';
import {isFargateProvider} from '../capacity.js';
import {parseCpuUnits, parseMemoryMiB} from '../fargate.js';
import {effectiveNetworkMode} from '../network-mode.js';
import {EXECUTION_ROLE} from '../placeholders.js';
import type {ValidationContext} from './context.js';
import {checkEcsTaskDefinition} from './ecs/document.js';
import {checkFargateNetworkMode, checkFargateTaskSize, checkHostPort} from './ecs/task-definition-rules.js';
import {checkArn, member, pending, Report, typeName} from './report.js';

/** An IAM role's name (IAM: up to 64 of letters, digits and `+=,.@_-`). */
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Rules of a rendered RegisterTaskDefinition input. `parsed` (the spec's text) adds line/column. */
export function validateTaskDefinition(task: JsonValue | undefined, context: ValidationContext, parsed?: Pick<JsonText, 'positions'>): Issue[] {
  const report = new Report('containerSpec');
  if (!isJsonObject(task)) {
    if (task !== undefined) report.error('wrong-type', '', `The container specification must be a JSON object (a task definition), found ${typeName(task)}`);
    return locateIssues(report.issues, parsed);
  }
  if (member(task, 'containerDefinitions') === undefined && isJsonObject(member(task, 'taskDefinition'))) {
    report.error(
      'task-definition-wrapper',
      'taskDefinition',
      'This is the output of describe-task-definition: the task definition is the object inside "taskDefinition"',
      'Import it (ecs-wizard import), or paste only the object inside "taskDefinition"',
    );
    return locateIssues(report.issues, parsed);
  }
  const fargate = context.launchType === 'FARGATE';
  // ECS's own rules of the document: every field by the table, then the rules between fields.
  checkEcsTaskDefinition(report, task);

  // Launch type compatibility with the environment (the document's own FARGATE shape is an ECS rule above).
  const mode = effectiveNetworkMode(task, context.launchType);
  const compat = member(task, 'requiresCompatibilities');
  const onlyByEnvironment = fargate && !(Array.isArray(compat) && compat.includes('FARGATE'));
  const why = 'the environment runs on Fargate';
  if (onlyByEnvironment) checkFargateNetworkMode(report, task, why);
  if (Array.isArray(compat)) {
    if (fargate && !compat.includes('FARGATE')) {
      report.error(
        'launch-type-compatibility',
        'requiresCompatibilities',
        'The environment runs on Fargate but the task definition does not require FARGATE compatibility',
        'Write "requiresCompatibilities": ["FARGATE"]',
      );
    } else if (!fargate && compat.length > 0 && !compat.includes('EC2')) {
      checkNotEc2(report, compat, context);
    }
  } else if (fargate && compat === undefined) {
    report.error(
      'launch-type-compatibility',
      'requiresCompatibilities',
      'Fargate tasks must declare FARGATE compatibility',
      'Add "requiresCompatibilities": ["FARGATE"]',
    );
  }
  if (onlyByEnvironment) checkFargateTaskSize(report, task, why);

  // Task size: strings such as "256" or "1 vCPU" (or numbers, which render writes as strings).
  const taskMemory = member(task, 'memory');
  checkTaskSize(report, member(task, 'cpu'), 'cpu', parseCpuUnits, '"256" or "0.25 vCPU"');
  checkTaskSize(report, taskMemory, 'memory', parseMemoryMiB, '"512" or "0.5 GB"');

  // Roles.
  const executionRole = member(task, 'executionRoleArn');
  checkArn(report, executionRole, 'executionRoleArn', ['iamRole'], 'executionRoleArn');
  // RegisterTaskDefinition takes "the short name or full ARN" of the task role (API reference: taskRoleArn).
  const taskRole = member(task, 'taskRoleArn');
  if (!(typeof taskRole === 'string' && IAM_ROLE_NAME.test(taskRole))) checkArn(report, taskRole, 'taskRoleArn', ['iamRole'], 'taskRoleArn');
  const hasExecutionRole = typeof executionRole === 'string' && executionRole !== '';
  if (fargate && !hasExecutionRole) {
    report.error(
      'execution-role-required',
      'executionRoleArn',
      'Fargate tasks need a task execution role (to pull the image and write logs)',
      `Write "executionRoleArn": "${EXECUTION_ROLE}"`,
    );
  }

  // Containers.
  const containers = member(task, 'containerDefinitions');
  const defaultMode = member(task, 'networkMode') === undefined ? mode : undefined;
  (Array.isArray(containers) ? containers : []).forEach((container, index) => {
    if (!isJsonObject(container)) return;
    checkContainer(report, container, joinPath('containerDefinitions', index), {
      fargate,
      defaultMode,
      hasTaskMemory: taskMemory !== undefined,
      hasExecutionRole,
    });
  });
  return locateIssues(report.issues, parsed);
}

/**
 * A task definition on the EC2 side that does not list EC2. Amazon ECS Managed Instances: a task definition that
 * requires MANAGED_INSTANCES runs on instances ECS manages, which a service reaches through the cluster's Managed
 * Instances capacity provider (API reference, launchType: "If you want to use Amazon ECS Managed Instances, you must
 * use the capacityProviderStrategy request parameter and omit the launchType request parameter") — so it renders
 * where the service has a strategy of the cluster's own providers (ECS judges whether a named provider is a Managed
 * Instances one), and is refused, saying so, where it has none.
 */
function checkNotEc2(report: Report, compat: readonly JsonValue[], context: ValidationContext): void {
  const providers = context.capacityProviders ?? [];
  if (compat.includes('MANAGED_INSTANCES')) {
    if (providers.some((name) => !isFargateProvider(name))) return;
    const environment = `the environment${context.environmentName === undefined ? '' : ` "${context.environmentName}"`}`;
    report.error(
      'launch-type-compatibility',
      'requiresCompatibilities',
      `The task definition runs on Amazon ECS Managed Instances (requiresCompatibilities MANAGED_INSTANCES): its service places tasks with the cluster's Managed Instances capacity provider, and ${environment} ${providers.length === 0 ? 'has no capacity provider strategy' : `places tasks with ${providers.join(' and ')} only`}`,
      'Import the service that runs it (import --cluster C --service S, or --from-file of its describe-services output), or give the environment a capacityProviderStrategy naming the Managed Instances capacity provider (profiles export, edit, profiles import --force)',
    );
    return;
  }
  report.error(
    'launch-type-compatibility',
    'requiresCompatibilities',
    'The environment runs on EC2 but the task definition does not list EC2 in requiresCompatibilities',
    'Add "EC2" to requiresCompatibilities',
  );
}

function checkTaskSize(
  report: Report,
  value: JsonValue | undefined,
  key: 'cpu' | 'memory',
  parse: (value: unknown) => number | undefined,
  example: string,
): number | undefined {
  if (value === undefined || pending(value)) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    report.error('wrong-type', key, `Task-level ${key} must be a string such as ${example}, found ${typeName(value)}`);
    return undefined;
  }
  const parsed = parse(value);
  if (parsed === undefined) report.error('invalid-value', key, `Task-level ${key} ${JSON.stringify(value)} is not a valid amount; write it like ${example}`);
  return parsed;
}

interface ContainerChecks {
  fargate: boolean;
  /** The network mode of a task that names none (ECS's default for the launch type). */
  defaultMode: NetworkMode | 'none' | undefined;
  hasTaskMemory: boolean;
  hasExecutionRole: boolean;
}

function checkContainer(report: Report, container: JsonObject, path: string, checks: ContainerChecks): void {
  // Memory: on EC2 a container without task-level memory needs its own.
  if (!checks.fargate && !checks.hasTaskMemory && member(container, 'memory') === undefined && member(container, 'memoryReservation') === undefined) {
    report.error(
      'container-memory',
      joinPath(path, 'memory'),
      'On EC2 a container needs memory or memoryReservation when the task has no task-level memory',
      'Add "memoryReservation": 256 (a soft limit, MiB) or "memory" (a hard limit)',
    );
  }

  // Host ports in the network mode the environment gives a task that names none (a named one is ECS's rule).
  const mappings = member(container, 'portMappings');
  if (checks.defaultMode !== undefined) {
    (Array.isArray(mappings) ? mappings : []).forEach((mapping, index) => {
      if (isJsonObject(mapping) && checks.defaultMode !== undefined)
        checkHostPort(report, mapping, joinPath(joinPath(path, 'portMappings'), index), checks.defaultMode);
    });
  }

  // Private registry credentials and secrets need the execution role.
  const credentials = member(container, 'repositoryCredentials');
  if (isJsonObject(credentials)) {
    const credentialsPath = joinPath(path, 'repositoryCredentials');
    checkArn(
      report,
      member(credentials, 'credentialsParameter'),
      joinPath(credentialsPath, 'credentialsParameter'),
      ['secretsManagerSecret'],
      'credentialsParameter',
    );
    if (!checks.hasExecutionRole) {
      report.error(
        'execution-role-required',
        credentialsPath,
        'Private registry authentication needs a task execution role allowed to read the secret',
        `Write "executionRoleArn": "${EXECUTION_ROLE}" (or the role's ARN) at the top level`,
      );
    }
  }
  const secrets = member(container, 'secrets');
  const secretItems = (Array.isArray(secrets) ? secrets : []).flatMap((secret, index): [JsonObject, string][] =>
    isJsonObject(secret) ? [[secret, joinPath(joinPath(path, 'secrets'), index)]] : [],
  );
  for (const [secret, secretPath] of secretItems) {
    const valueFrom = member(secret, 'valueFrom');
    if (typeof valueFrom === 'string' && valueFrom.startsWith('arn:')) {
      checkArn(report, valueFrom, joinPath(secretPath, 'valueFrom'), ['secretsManagerValue', 'ssmParameter'], 'valueFrom');
    }
  }
  if (secretItems.length > 0 && !checks.hasExecutionRole) {
    report.error(
      'execution-role-required',
      joinPath(path, 'secrets'),
      'Secrets are read by the task execution role, and the task has none',
      `Write "executionRoleArn": "${EXECUTION_ROLE}" at the top level`,
    );
  }
}
