/**
 * Pre-flight checks of a deploy plan: what must exist in AWS for the tasks to start, checked before anything
 * changes. Each check answers ok / warn / fail with a specific message and, for a failure, one concrete hint:
 *
 * - cluster: exists (or will be created — said so);
 * - network: subnets and security groups are given for awsvpc (and exist, in one VPC, when EC2 can be asked);
 * - execution-role / task-role: exist and trust ecs-tasks.amazonaws.com;
 * - image: the tag exists in its registry (unknown when the registry cannot be asked: a warning with the reason);
 * - platform: the image is built for the platform the task runs on (platform-check.ts);
 * - registry-credentials / secret NAME: the secret exists and the execution role may call
 *   secretsmanager:GetSecretValue on it (and kms:Decrypt on its customer key) — permission-checks.ts, where what
 *   the role may do is decided (IAM's policy simulator, else the role's own policy documents);
 * - service-discovery: each Cloud Map service exists and its record types fit the serviceRegistries parameters;
 * - log-group: each awslogs group exists (a missing one can be created: the check carries a remedy);
 * - ecr-pull / log-write: the execution role may pull the task's ECR images and write to its log groups
 *   (permission-checks.ts; only for images in ECR, only for awslogs);
 * - service-update: the service can be updated in place (a change that needs a replacement blocks);
 * - load-balancer, traffic-role, lifecycle-hook, alarms: the deployment's wiring (load-balancer-checks.ts).
 * - deployment-controller: a CODE_DEPLOY or EXTERNAL service cannot be deployed through UpdateService (strategy-checks.ts).
 *
 * A check that cannot be made (access denied, throttled) is a warning saying so; an unreachable endpoint or
 * missing credentials end the run (AwsError): check-result.ts. Reading the rendered task definition: rendered-task.ts.
 */
import {ECS_TASKS_PRINCIPAL} from '../../domain/policy.js';
import {effectiveNetworkMode} from '../../domain/network-mode.js';
import {clusterNameFromArn} from '../../domain/aws-names.js';
import {isJsonObject} from '../../domain/json.js';
import type {CheckPorts} from '../../ports/deploy.js';
import type {IamPort} from '../../ports/iam.js';
import type {NetworkPort} from '../../ports/network.js';
import type {RegistryPort} from '../../ports/registry.js';
import {guarded, type CheckResult} from './check-result.js';
import {executionRoleChecks, secretChecks} from './permission-checks.js';
import {loadBalancerChecks} from './load-balancer-checks.js';
import {platformCheck} from './platform-check.js';
import {renderDeployInputs, type DeployPlan} from './plan.js';
import {capacityCheck, scalingCheck} from './capacity-check.js';
import {awslogsGroups, str} from './rendered-task.js';
import {controllerCheck} from './strategy-checks.js';

export type {CheckResult, Remedy} from './check-result.js';
export {secretArnOf} from './rendered-task.js';

export interface CheckOptions {
  /** Password for the artifact's registry user (ECS_WIZARD_REGISTRY_PASSWORD); never stored. */
  registryPassword?: string;
  signal?: AbortSignal;
}

/** What the checks learnt on the way (for the run record and the re-render). */
export interface CheckFindings {
  /** The image's digest, when the registry gave it. */
  digest?: string;
  discoveryRecordTypes: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

const trustHint = (role: string): string =>
  `add to the trust policy of ${role} a statement {"Effect":"Allow","Principal":{"Service":"${ECS_TASKS_PRINCIPAL}"},"Action":"sts:AssumeRole"} (aws iam update-assume-role-policy --role-name ${role} …)`;

async function roleCheck(iam: IamPort, name: 'execution-role' | 'task-role', arn: string): Promise<CheckResult> {
  const label = name === 'execution-role' ? 'execution role' : 'task role';
  const role = await iam.getRole(arn);
  if (role === undefined) {
    return {
      name,
      status: 'fail',
      message: `the ${label} ${arn} does not exist`,
      hint:
        name === 'execution-role'
          ? `create it (trusting ${ECS_TASKS_PRINCIPAL}, with the AmazonECSTaskExecutionRolePolicy managed policy) or set the environment's execution role to an existing one`
          : `create it (trusting ${ECS_TASKS_PRINCIPAL}) or remove taskRoleArn from the container specification`,
    };
  }
  if (!role.trustsEcsTasks)
    return {
      name,
      status: 'fail',
      message: `the ${label} ${role.name} does not trust ${ECS_TASKS_PRINCIPAL}: tasks cannot assume it`,
      hint: trustHint(role.name),
    };
  return {name, status: 'ok', message: `${role.name} exists and trusts ${ECS_TASKS_PRINCIPAL}`};
}

async function discoveryChecks(ports: CheckPorts, plan: DeployPlan, findings: CheckFindings): Promise<CheckResult[]> {
  const registries = Array.isArray(plan.service['serviceRegistries']) ? plan.service['serviceRegistries'].filter(isJsonObject) : [];
  const results: CheckResult[] = [];
  const found: Array<{arn: string; label: string}> = [];
  for (const registry of registries) {
    const arn = str(registry['registryArn']);
    if (arn === undefined) continue;
    results.push(
      ...(await guarded('service-discovery', `Cloud Map service ${arn}`, async () => {
        const service = await ports.discovery.getService(arn);
        if (service === undefined) {
          return {
            name: 'service-discovery',
            status: 'fail',
            message: `the Cloud Map service ${arn} does not exist`,
            hint: 'create it in Cloud Map (aws servicediscovery create-service) in the same region, or fix registryArn',
          };
        }
        findings.discoveryRecordTypes[arn] = service.recordTypes;
        found.push({arn, label: `${service.name} (${service.recordTypes.length === 0 ? 'no DNS records' : service.recordTypes.join(', ')})`});
        return [];
      })),
    );
  }
  if (found.length === 0) return results;
  // Re-render with the record types: the domain decides which of containerName/containerPort/port fit.
  let issues: Array<{message: string; fix?: string; severity: string; path: string}> = [];
  try {
    issues = renderDeployInputs({
      profile: plan.profile,
      environment: plan.environment,
      tag: plan.tag,
      discoveryRecordTypes: findings.discoveryRecordTypes,
    }).issues;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [...results, {name: 'service-discovery', status: 'fail', message: message.split('\n').slice(1).join('; ').trim() || message}];
  }
  const registryIssues = issues.filter((issue) => issue.path.startsWith('serviceRegistries') && issue.severity !== 'info');
  if (registryIssues.length > 0) {
    const first = registryIssues[0]!;
    return [...results, {name: 'service-discovery', status: 'warn', message: first.message, ...(first.fix === undefined ? {} : {hint: first.fix})}];
  }
  return [
    ...results,
    {name: 'service-discovery', status: 'ok', message: `${found.map((item) => item.label).join(', ')} exists; serviceRegistries fit its records`},
  ];
}

async function logGroupChecks(ports: CheckPorts, plan: DeployPlan): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const {group, region, createGroup} of awslogsGroups(plan.taskDefinition, plan.region)) {
    results.push(
      ...(await guarded('log-group', `log group ${group}`, async () => {
        const logs = await ports.logs(region);
        if (await logs.logGroupExists(group)) return {name: 'log-group', status: 'ok', message: `log group ${group} exists (${region})`};
        if (createGroup) {
          return {
            name: 'log-group',
            status: 'warn',
            message: `log group ${group} does not exist; ECS creates it at the first start (awslogs-create-group)`,
            hint: 'the execution role needs logs:CreateLogGroup for that',
          };
        }
        return {
          name: 'log-group',
          status: 'fail',
          message: `log group ${group} does not exist (${region}): the tasks could not start their log driver`,
          hint: `deploy with --yes (or confirm) to create it, or: aws logs create-log-group --log-group-name ${group} --region ${region}`,
          remedy: {kind: 'create-log-group', logGroup: group, region, label: `create log group ${group} (${region})`},
        };
      })),
    );
  }
  return results;
}

function networkCheck(plan: DeployPlan): CheckResult | undefined {
  if (effectiveNetworkMode(plan.taskDefinition, plan.environment.launchType) !== 'awsvpc') return undefined;
  const network = plan.environment.network;
  const subnets = network?.subnets.length ?? 0;
  const groups = network?.securityGroups.length ?? 0;
  if (subnets === 0 || groups === 0) {
    return {
      name: 'network',
      status: 'fail',
      message: `the task uses awsvpc but environment '${plan.environment.name}' has ${subnets === 0 ? 'no subnets' : ''}${subnets === 0 && groups === 0 ? ' and ' : ''}${groups === 0 ? 'no security groups' : ''}`,
      hint: `add them to the environment (ecs-wizard profiles show ${plan.profile.name} lists it)`,
    };
  }
  return {
    name: 'network',
    status: 'ok',
    message: `awsvpc: ${subnets} subnet${subnets === 1 ? '' : 's'}, ${groups} security group${groups === 1 ? '' : 's'}, public IP ${network?.assignPublicIp ? 'on' : 'off'}`,
  };
}

/** The environment's subnets and security groups exist (EC2), in one VPC. */
async function networkExistence(ec2: NetworkPort, plan: DeployPlan, given: CheckResult): Promise<CheckResult> {
  const network = plan.environment.network!;
  const subnets = await ec2.listSubnets();
  const groups = await ec2.listSecurityGroups();
  const missingSubnets = network.subnets.filter((id) => !subnets.some((subnet) => subnet.id === id));
  const missingGroups = network.securityGroups.filter((id) => !groups.some((group) => group.id === id));
  if (missingSubnets.length > 0 || missingGroups.length > 0) {
    const missing = [...missingSubnets.map((id) => `subnet ${id}`), ...missingGroups.map((id) => `security group ${id}`)];
    return {
      name: 'network',
      status: 'fail',
      message: `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in ${plan.region}`,
      hint: `fix environment '${plan.environment.name}' of the profile (subnets and security groups of ${plan.region})`,
    };
  }
  const vpcs = new Set(
    [
      ...network.subnets.map((id) => subnets.find((subnet) => subnet.id === id)?.vpcId),
      ...network.securityGroups.map((id) => groups.find((group) => group.id === id)?.vpcId),
    ].filter((vpc): vpc is string => vpc !== undefined),
  );
  if (vpcs.size > 1) {
    return {
      name: 'network',
      status: 'fail',
      message: `the subnets and security groups are in different VPCs (${[...vpcs].join(', ')})`,
      hint: 'use subnets and security groups of one VPC',
    };
  }
  return {...given, message: `${given.message}; they exist${vpcs.size === 1 ? ` (${[...vpcs][0]})` : ''}`};
}

function replaceCheck(plan: DeployPlan): CheckResult | undefined {
  if (plan.diff.service.impact !== 'replace') return undefined;
  const reasons = [
    ...new Set(
      plan.diff.service.changes
        .filter((change) => change.impact === 'replace')
        .map((change) => `${change.field.split('.')[0]}: ${change.reason ?? 'not updatable'}`),
    ),
  ];
  return {
    name: 'service-update',
    status: 'fail',
    message: `service ${plan.serviceName} cannot be updated in place (${reasons.join('; ')})`,
    hint: 'change the spec back, or delete the service and deploy again to create it; --force updates only what can be updated',
  };
}

async function imageCheck(registry: RegistryPort, plan: DeployPlan, findings: CheckFindings, options: CheckOptions): Promise<CheckResult> {
  const artifact = plan.profile.service.artifact;
  const tag = await registry.tagExists(artifact, plan.tag, {
    ...(options.registryPassword === undefined ? {} : {password: options.registryPassword}),
    ...(options.signal === undefined ? {} : {signal: options.signal}),
  });
  if (tag.status === 'exists') {
    if (tag.digest !== undefined) findings.digest = tag.digest;
    return {name: 'image', status: 'ok', message: `${plan.image} exists${tag.digest === undefined ? '' : ` (${tag.digest.slice(0, 19)}…)`}`};
  }
  if (tag.status === 'missing') {
    return {
      name: 'image',
      status: 'fail',
      message: `tag ${plan.tag} is not in ${artifact.host === '' ? '' : `${artifact.host}/`}${artifact.image}`,
      hint: 'push the image with that tag, or deploy an existing tag with --tag',
    };
  }
  const hint =
    tag.kind === 'auth-required' && artifact.username !== undefined && options.registryPassword === undefined
      ? `set ECS_WIZARD_REGISTRY_PASSWORD to the password of ${artifact.username} to let the check log in`
      : 'check the tag yourself; the deploy goes on without this check';
  return {name: 'image', status: 'warn', message: `could not check ${plan.image}: ${tag.reason}`, hint};
}

/** The checks that need no AWS (also what a simulated run checks). */
export function localChecks(plan: DeployPlan): CheckResult[] {
  const results: CheckResult[] = [];
  results.push(
    plan.clusterExists
      ? {name: 'cluster', status: 'ok', message: `cluster ${clusterNameFromArn(plan.cluster)} exists (${plan.region})`}
      : {name: 'cluster', status: 'warn', message: `cluster ${clusterNameFromArn(plan.cluster)} does not exist in ${plan.region}: the deploy creates it`},
  );
  const network = networkCheck(plan);
  if (network) results.push(network);
  const replace = replaceCheck(plan);
  if (replace) results.push(replace);
  const controller = controllerCheck(plan);
  if (controller) results.push(controller);
  const capacity = capacityCheck(plan);
  if (capacity) results.push(capacity);
  const scaling = scalingCheck(plan);
  if (scaling) results.push(scaling);
  return results;
}

/**
 * Runs every check, yielding each result as it is known. `ports` undefined (a simulated run): only the checks that
 * need no AWS, and one warning saying what was not checked.
 */
export async function* runChecks(
  ports: CheckPorts | undefined,
  plan: DeployPlan,
  findings: CheckFindings,
  options: CheckOptions = {},
): AsyncGenerator<CheckResult> {
  for (const result of localChecks(plan)) {
    if (result.name === 'network' && result.status === 'ok' && ports?.network !== undefined) {
      const network = ports.network;
      yield* await guarded('network', 'the subnets and security groups', () => networkExistence(network, plan, result));
    } else {
      yield result;
    }
  }
  if (ports === undefined) {
    yield {
      name: 'aws-resources',
      status: 'warn',
      message: 'simulated run: roles, image tag, secrets, Cloud Map and log groups are not checked (no AWS calls)',
      hint: 'run ecs-wizard verify without --simulate to check them against AWS',
    };
    return;
  }
  const task = plan.taskDefinition;
  const executionRole = str(task['executionRoleArn']);
  let executionRoleMissing = false;
  if (executionRole !== undefined) {
    const [result] = await guarded('execution-role', `role ${executionRole}`, () => roleCheck(ports.iam, 'execution-role', executionRole));
    executionRoleMissing = result!.status === 'fail' && result!.message.endsWith('does not exist');
    yield result!;
  }
  const taskRole = str(task['taskRoleArn']);
  if (taskRole !== undefined) yield* await guarded('task-role', `role ${taskRole}`, () => roleCheck(ports.iam, 'task-role', taskRole));

  if (options.signal?.aborted) return;
  yield* await guarded('image', plan.image, () => imageCheck(ports.registry, plan, findings, options));
  yield* await guarded('platform', `the platforms of ${plan.image}`, () => platformCheck(ports, plan, options));

  yield* await secretChecks(ports, plan, executionRoleMissing);
  yield* await discoveryChecks(ports, plan, findings);
  yield* await logGroupChecks(ports, plan);
  yield* await executionRoleChecks(ports, plan, executionRoleMissing);
  yield* await loadBalancerChecks(ports, plan);
}

/** Failed checks that block the deploy: every failure without a remedy (or with one that will not be applied). */
export function blockingFailures(results: readonly CheckResult[], options: {applyRemedies: boolean}): CheckResult[] {
  return results.filter((result) => result.status === 'fail' && (result.remedy === undefined || !options.applyRemedies));
}

/** Applies a remedy; returns the check as it now stands. */
export async function applyRemedy(ports: CheckPorts, check: CheckResult): Promise<CheckResult> {
  const remedy = check.remedy;
  if (remedy === undefined) return check;
  const logs = await ports.logs(remedy.region);
  await logs.createLogGroup(remedy.logGroup);
  return {name: check.name, status: 'ok', message: `created log group ${remedy.logGroup} (${remedy.region})`};
}
