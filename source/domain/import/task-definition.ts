/** Import of a task definition (describe-task-definition output, wrapped or bare): see import/common.ts for the rule. */
import type {Issue} from '../issues.js';
import {hasErrors} from '../issues.js';
import type {JsonObject, JsonValue} from '../json.js';
import {isJsonObject} from '../json.js';
import type {ArtifactSource, LaunchType, RegistryAuth} from '../model.js';
import {getMember, joinPath, parseJsonText, stringifyJsonText} from '../json-text.js';
import {deriveContainerName, parseImageReference} from '../image.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME, EXECUTION_ROLE} from '../placeholders.js';
import {cloneJson} from '../json-values.js';
import {regionFromArn} from '../aws-names.js';
import {isReservedTag, toRegisterTaskDefinitionInput} from '../normalise/registrable-input.js';
import {ecsTaskDefinitionIssues} from '../validate/ecs/document.js';
import {type Replacement, escapeLiteralPlaceholders, issue, located, str} from './common.js';

export interface TaskDefinitionImportOptions {
  /** The artifact's container, by name. Default: the first essential container with port mappings, else the first. */
  container?: string;
  /** The environment takes the task's execution role (`executionRoleArn` → `${EXECUTION_ROLE}`). Default true. */
  environmentTakesRole?: boolean;
  /**
   * Container names referred to from outside the task definition (a service's load balancers): the artifact's
   * container keeps a literal name when its name is one of them.
   */
  externalReferences?: readonly string[];
}

export interface ImportedTaskDefinition {
  ok: true;
  /** The container specification: pretty JSON text with placeholders. */
  containerSpecJson: string;
  /** The artifact source, with the imported tag (or digest). */
  artifact: ArtifactSource;
  /** The artifact container's name as imported. */
  artifactContainer: string;
  /** True when that name became `${CONTAINER_NAME}`. */
  containerNamePlaceholder: boolean;
  launchType: LaunchType;
  /** The execution role the environment takes (when it does). */
  executionRoleArn?: string;
  /** From the artifact container's repositoryCredentials. */
  registryAuth?: RegistryAuth;
  /** From the taskDefinitionArn, when there is one. */
  region?: string;
  /** The registrable input (read-only fields and nulls stripped, describe's `tags` added), without placeholders. */
  taskDefinition: JsonObject;
  replacements: Replacement[];
  /** Paths of what was stripped (read-only fields, nulls). */
  stripped: string[];
  /** Warnings and notes (never errors: an import with errors is `ok: false`). */
  issues: Issue[];
}

export type TaskDefinitionImportResult = ImportedTaskDefinition | {ok: false; issues: Issue[]};

// ---------------------------------------------------------------------------------------------------
// Task definitions
// ---------------------------------------------------------------------------------------------------

/** The task definition in a describe-task-definition output (wrapped or bare), with its wrapper's tags. */
function unwrapTaskDefinition(value: JsonValue): {taskDefinition?: JsonObject; tags?: JsonValue[]; issues: Issue[]} {
  if (Array.isArray(value) && value.length > 0 && value.every((item) => isJsonObject(item) && getMember(item, 'image') !== undefined)) {
    return {
      issues: [
        issue(
          'error',
          'import-shape',
          '',
          'This is a list of container definitions (as Terraform\'s container_definitions or --container-definitions hold them), not a task definition: put it in {"family": "NAME", "containerDefinitions": [...]} with the task\'s other settings',
        ),
      ],
    };
  }
  if (!isJsonObject(value))
    return {issues: [issue('error', 'import-shape', '', 'Expected a JSON object: the output of aws ecs describe-task-definition, or a task definition')]};
  const wrapped = getMember(value, 'taskDefinition');
  if (isJsonObject(wrapped)) {
    const tags = getMember(value, 'tags');
    return Array.isArray(tags) && tags.length > 0 ? {taskDefinition: wrapped, tags, issues: []} : {taskDefinition: wrapped, issues: []};
  }
  if (Array.isArray(getMember(value, 'containerDefinitions'))) return {taskDefinition: value, issues: []};
  if (Array.isArray(getMember(value, 'services'))) {
    return {
      issues: [
        issue(
          'error',
          'import-shape',
          'services',
          'This is the output of describe-services, not a task definition',
          'Import it as the service, and paste the task definition here',
        ),
      ],
    };
  }
  return {
    issues: [
      issue(
        'error',
        'import-shape',
        '',
        'No task definition found: expected {"taskDefinition": {...}} or an object with containerDefinitions',
        'Paste the output of aws ecs describe-task-definition --task-definition NAME',
      ),
    ],
  };
}

/** Default artifact container: the first essential one with port mappings, else the first. */
function pickContainer(containers: readonly JsonValue[], wanted: string | undefined): {index: number; issues: Issue[]} {
  const names = containers.map((container) => (isJsonObject(container) ? str(getMember(container, 'name')) : undefined));
  if (wanted !== undefined) {
    const index = names.indexOf(wanted);
    if (index !== -1) return {index, issues: []};
    const known = names.filter((name): name is string => name !== undefined);
    return {
      index: -1,
      issues: [
        issue(
          'error',
          'import-container',
          'containerDefinitions',
          `The task definition has no container "${wanted}"${known.length === 0 ? '' : ` (containers: ${known.join(', ')})`}`,
          known.length === 0 ? undefined : `Choose one of: ${known.join(', ')}`,
        ),
      ],
    };
  }
  const serving = containers.findIndex((container) => {
    if (!isJsonObject(container)) return false;
    const mappings = getMember(container, 'portMappings');
    return getMember(container, 'essential') !== false && Array.isArray(mappings) && mappings.length > 0;
  });
  return {index: serving === -1 ? 0 : serving, issues: []};
}

/** Container names the task itself refers to: dependsOn, volumesFrom, links, proxyConfiguration. */
function internalReferences(task: JsonObject): Set<string> {
  const names = new Set<string>();
  const containers = getMember(task, 'containerDefinitions');
  for (const container of Array.isArray(containers) ? containers : []) {
    if (!isJsonObject(container)) continue;
    for (const [list, key] of [
      ['dependsOn', 'containerName'],
      ['volumesFrom', 'sourceContainer'],
    ] as const) {
      const items = getMember(container, list);
      for (const item of Array.isArray(items) ? items : []) {
        const name = isJsonObject(item) ? str(getMember(item, key)) : undefined;
        if (name !== undefined) names.add(name);
      }
    }
    const links = getMember(container, 'links');
    for (const link of Array.isArray(links) ? links : []) if (typeof link === 'string') names.add(link.split(':')[0] ?? link);
  }
  const proxy = getMember(task, 'proxyConfiguration');
  const proxyName = isJsonObject(proxy) ? str(getMember(proxy, 'containerName')) : undefined;
  if (proxyName !== undefined) names.add(proxyName);
  return names;
}

function launchTypeOf(task: JsonObject, issues: Issue[]): LaunchType {
  const compat = getMember(task, 'requiresCompatibilities');
  const list = Array.isArray(compat) ? compat.filter((item): item is string => typeof item === 'string') : [];
  if (list.includes('FARGATE')) {
    if (list.includes('EC2'))
      issues.push(
        issue(
          'info',
          'import-launch-type',
          'requiresCompatibilities',
          'The task definition is compatible with both EC2 and FARGATE: the environment uses FARGATE',
          "Change the environment's launch type to EC2 if the service runs on EC2",
        ),
      );
    return 'FARGATE';
  }
  if (list.includes('MANAGED_INSTANCES') && !list.includes('EC2')) {
    issues.push(
      issue(
        'warning',
        'import-launch-type',
        'requiresCompatibilities',
        "The task definition runs on Amazon ECS Managed Instances: its service places tasks with the cluster's Managed Instances capacity provider (the environment uses EC2 with that capacity provider strategy), which only the service says",
        'Import the service that runs it too (--from-file of its describe-services output, or --cluster C --service S): until the environment has the strategy, the profile does not render',
      ),
    );
    return 'EC2';
  }
  const other = list.filter((item) => item !== 'EC2');
  if (other.length > 0)
    issues.push(
      issue(
        'warning',
        'import-launch-type',
        'requiresCompatibilities',
        `${other.join(', ')} is not a launch type this tool deploys to: the environment uses EC2`,
      ),
    );
  return 'EC2';
}

/**
 * Imports `aws ecs describe-task-definition` output (bare, `{"taskDefinition": …}`, or with `"tags"`).
 * Syntax errors come back as an issue with line and column.
 */
export function importTaskDefinition(text: string, options: TaskDefinitionImportOptions = {}): TaskDefinitionImportResult {
  const parsed = parseJsonText(text, 'import');
  if (parsed.value === undefined) return {ok: false, issues: parsed.issues};
  const wrapped = isJsonObject(parsed.value) && isJsonObject(getMember(parsed.value, 'taskDefinition'));
  return located(importTaskDefinitionValue(parsed.value, parsed.issues, options), parsed, wrapped ? 'taskDefinition' : '');
}

function importTaskDefinitionValue(value: JsonValue, syntaxIssues: readonly Issue[], options: TaskDefinitionImportOptions): TaskDefinitionImportResult {
  const issues: Issue[] = [...syntaxIssues];
  const unwrapped = unwrapTaskDefinition(value);
  if (unwrapped.taskDefinition === undefined) return {ok: false, issues: [...issues, ...unwrapped.issues]};

  const described = unwrapped.taskDefinition;
  const {value: registrable, stripped} = toRegisterTaskDefinitionInput(described);
  const tags = unwrapped.tags?.filter((tag) => !isReservedTag(tag));
  unwrapped.tags?.forEach((tag, index) => {
    if (isReservedTag(tag)) stripped.push(`tags[${index}] (reserved aws: tag)`);
  });
  if (tags !== undefined && tags.length > 0 && getMember(registrable, 'tags') === undefined) {
    registrable['tags'] = tags;
    issues.push(
      issue(
        'info',
        'import-tags',
        'tags',
        'The tags printed beside the task definition are kept in the container specification (RegisterTaskDefinition takes them)',
      ),
    );
  }
  const containers = getMember(registrable, 'containerDefinitions');
  if (!Array.isArray(containers) || containers.length === 0) {
    return {ok: false, issues: [...issues, issue('error', 'import-shape', 'containerDefinitions', 'The task definition has no containers')]};
  }
  // ECS's rules of what would be registered: a task definition ECS refuses (or that cannot run) is not imported.
  issues.push(...ecsTaskDefinitionIssues(registrable, {source: 'import'}));
  if (hasErrors(issues)) return {ok: false, issues};
  const picked = pickContainer(containers, options.container);
  if (picked.index === -1) return {ok: false, issues: [...issues, ...picked.issues]};
  const container = containers[picked.index];
  const containerPath = joinPath('containerDefinitions', picked.index);
  if (!isJsonObject(container)) return {ok: false, issues: [...issues, issue('error', 'import-shape', containerPath, 'The container is not a JSON object')]};
  const name = str(getMember(container, 'name'));
  const image = str(getMember(container, 'image'));
  if (name === undefined)
    return {ok: false, issues: [...issues, issue('error', 'import-container', joinPath(containerPath, 'name'), 'The artifact container has no name')]};
  if (image === undefined)
    return {ok: false, issues: [...issues, issue('error', 'import-image', joinPath(containerPath, 'image'), 'The artifact container has no image')]};
  const reference = parseImageReference(image);
  if (reference === undefined) {
    const already = image.includes('${');
    return {
      ok: false,
      issues: [
        ...issues,
        issue(
          'error',
          'import-image',
          joinPath(containerPath, 'image'),
          already
            ? `The image is already a placeholder (${image}): this is a container specification, not a described task definition`
            : `"${image}" is not an image reference`,
          already ? 'Use it as the container specification as it is' : undefined,
        ),
      ],
    };
  }
  // An image without a tag runs `latest`: the profile's tag is latest, written without it as it was imported.
  const artifact: ArtifactSource = {
    registry: reference.registry,
    host: reference.host,
    image: reference.image,
    ...(reference.tag === undefined ? {tag: 'latest', implicitLatest: true} : {tag: reference.tag}),
  };
  if (reference.tag === undefined) {
    issues.push(
      issue(
        'warning',
        'import-no-tag',
        joinPath(containerPath, 'image'),
        `"${image}" names no tag: Docker pulls "latest", whatever that is when a task starts. The profile's tag is latest, rendered as "${image}" as it runs`,
        'Deploy with --tag TAG to pin the image to a tag',
      ),
    );
  }

  // The spec: a copy of the registrable input with its literal `${` escaped, then the placeholders in.
  const replacements: Replacement[] = [];
  const spec = escapeLiteralPlaceholders(cloneJson(registrable), replacements, issues) as JsonObject;
  const specContainer = (getMember(spec, 'containerDefinitions') as JsonValue[])[picked.index] as JsonObject;
  specContainer['image'] = DOCKER_IMAGE_NAME;
  replacements.push({path: joinPath(containerPath, 'image'), from: image, to: DOCKER_IMAGE_NAME});

  const derived = deriveContainerName(artifact.image, artifact.tag);
  let containerNamePlaceholder = false;
  if (name === derived) {
    const referred = internalReferences(registrable).has(name) || (options.externalReferences ?? []).includes(name);
    if (referred) {
      issues.push(
        issue(
          'info',
          'import-container-name',
          joinPath(containerPath, 'name'),
          `The container's name "${name}" stays literal: other definitions refer to it by name`,
        ),
      );
    } else {
      specContainer['name'] = CONTAINER_NAME;
      replacements.push({path: joinPath(containerPath, 'name'), from: name, to: CONTAINER_NAME});
      containerNamePlaceholder = true;
    }
  } else {
    issues.push(
      issue(
        'info',
        'import-container-name',
        joinPath(containerPath, 'name'),
        `The container's name "${name}" stays literal (\${CONTAINER_NAME} would be "${derived}")`,
      ),
    );
  }

  const launchType = launchTypeOf(registrable, issues);
  const roleArn = str(getMember(registrable, 'executionRoleArn'));
  const takesRole = options.environmentTakesRole !== false;
  if (roleArn !== undefined && takesRole && !roleArn.startsWith('arn:')) {
    // RegisterTaskDefinition takes a role's name here and fills in the account (the ECS guide's ecs-exec example
    // writes one); a profile keeps the environment's execution role as an ARN, which its checks read the account from.
    issues.push(
      issue(
        'error',
        'import-execution-role',
        'executionRoleArn',
        `executionRoleArn is the role's name "${roleArn}", not its ARN: ECS takes a name and fills in the account when it registers the task definition, but a profile keeps the environment's execution role as an ARN`,
        `Write its ARN in the file ("executionRoleArn": "arn:aws:iam::ACCOUNT_ID:role/${roleArn}"), or import the revision ECS registered from it (import --task-definition FAMILY:REVISION, or its describe-task-definition output, where ECS shows the ARN)`,
      ),
    );
  } else if (roleArn !== undefined && takesRole) {
    spec['executionRoleArn'] = EXECUTION_ROLE;
    replacements.push({path: 'executionRoleArn', from: roleArn, to: EXECUTION_ROLE});
  } else if (roleArn === undefined && launchType === 'FARGATE') {
    issues.push(
      issue(
        'warning',
        'import-execution-role',
        'executionRoleArn',
        'The task definition has no execution role, which Fargate tasks need to pull private images, write logs and read secrets',
        'Set the environment\'s execution role and add "executionRoleArn": "${EXECUTION_ROLE}"',
      ),
    );
  }

  const credentials = getMember(container, 'repositoryCredentials');
  const secretArn = isJsonObject(credentials) ? str(getMember(credentials, 'credentialsParameter')) : undefined;
  const arn = str(getMember(described, 'taskDefinitionArn'));
  const region = arn === undefined ? undefined : regionFromArn(arn);

  return {
    ok: true,
    containerSpecJson: stringifyJsonText(spec),
    artifact,
    artifactContainer: name,
    containerNamePlaceholder,
    launchType,
    ...(roleArn !== undefined && takesRole ? {executionRoleArn: roleArn} : {}),
    ...(secretArn === undefined ? {} : {registryAuth: {credentialsSecretArn: secretArn}}),
    ...(region === undefined ? {} : {region}),
    taskDefinition: registrable,
    replacements,
    stripped,
    issues,
  };
}
