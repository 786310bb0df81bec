/**
 * The platform check of verify and deploy: the image's platforms (its index, else its config: the registry's
 * describeTags) against the platform the task runs on (runtimePlatform; Fargate's default linux/amd64; on EC2 the
 * cluster's container instances' `ecs.cpu-architecture`). A mismatch fails with the fix named — the task would
 * otherwise die with `exec format error` after minutes of waiting. What cannot be read (the registry unreachable,
 * an EC2 cluster without instances) is a warning saying so, never a failure.
 */
import {isJsonObject} from '../../domain/json.js';
import {comparePlatforms, taskPlatform, type TaskPlatform} from '../../domain/platforms.js';
import type {CheckPorts} from '../../ports/deploy.js';
import {RegistryError} from '../../ports/registry.js';
import type {CheckResult} from './check-result.js';
import type {DeployPlan} from './plan.js';

const hasCpuArchitecture = (plan: DeployPlan): boolean =>
  isJsonObject(plan.taskDefinition['runtimePlatform']) && typeof plan.taskDefinition['runtimePlatform']['cpuArchitecture'] === 'string';

/** The platform the plan's tasks run on, reading the cluster's instances on EC2 when the task does not say. */
export async function planPlatform(ports: Pick<CheckPorts, 'instanceArchitectures'>, plan: DeployPlan): Promise<TaskPlatform | undefined> {
  let architectures: string[] = [];
  if (plan.environment.launchType !== 'FARGATE' && !hasCpuArchitecture(plan) && ports.instanceArchitectures !== undefined && plan.clusterExists) {
    try {
      architectures = await ports.instanceArchitectures(plan.cluster);
    } catch {
      architectures = [];
    }
  }
  return taskPlatform(plan.taskDefinition, plan.environment.launchType, architectures);
}

export async function platformCheck(
  ports: Pick<CheckPorts, 'registry' | 'instanceArchitectures'>,
  plan: DeployPlan,
  options: {registryPassword?: string; signal?: AbortSignal} = {},
): Promise<CheckResult[]> {
  const task = await planPlatform(ports, plan);
  if (task === undefined) {
    return [
      {
        name: 'platform',
        status: 'warn',
        message: `not checked: the task names no runtimePlatform.cpuArchitecture and the architecture of cluster ${plan.cluster}'s container instances could not be read`,
        hint: 'set runtimePlatform.cpuArchitecture (X86_64 or ARM64) in the container specification to have it checked',
      },
    ];
  }
  let platforms: string[] | undefined;
  try {
    const [found] = await ports.registry.describeTags(plan.profile.service.artifact, [plan.tag], {
      ...(options.registryPassword === undefined ? {} : {password: options.registryPassword}),
      ...(options.signal === undefined ? {} : {signal: options.signal}),
    });
    // A tag that is not there: the image check says so.
    if (found === undefined) return [];
    platforms = found.platforms;
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    const reason = error instanceof RegistryError || error instanceof Error ? error.message : String(error);
    return [
      {
        name: 'platform',
        status: 'warn',
        message: `could not read the platforms of ${plan.image}: ${reason}`,
        hint: `the task runs on ${task.platform}; make sure the image is built for it`,
      },
    ];
  }
  if (platforms === undefined || platforms.length === 0) {
    return [
      {
        name: 'platform',
        status: 'warn',
        message: `the registry does not say which platforms ${plan.image} is built for; the task runs on ${task.platform} (${task.source})`,
      },
    ];
  }
  const verdict = comparePlatforms(platforms, task);
  if (verdict.status === 'ok')
    return [{name: 'platform', status: 'ok', message: `${plan.image} is built for ${platforms.join(', ')}; the task runs on ${task.platform}`}];
  return [
    {
      name: 'platform',
      status: 'fail',
      message: `${plan.image} is built for ${platforms.join(', ')} only, but the task runs on ${task.platform} (${task.source}): it would stop with "exec format error"`,
      hint: verdict.fix,
    },
  ];
}
