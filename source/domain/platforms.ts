/**
 * Image platforms (`linux/amd64`, `linux/arm64/v8`) and the platform a task runs on, and whether an image can run
 * there. Pure.
 *
 * - An image's platforms come from its manifest list / OCI index (one per manifest; attestation manifests, whose
 *   platform is `unknown/unknown`, are not platforms), else from its image config (`os`, `architecture`, `variant`).
 * - A task's platform: `runtimePlatform.cpuArchitecture` (X86_64 → amd64, ARM64 → arm64) and
 *   `operatingSystemFamily` (LINUX, WINDOWS_* → windows). Without `cpuArchitecture`, Fargate runs linux/amd64;
 *   on EC2 it is the cluster's container instances' architecture (attribute `ecs.cpu-architecture`), when known.
 */
import {isJsonObject, type JsonObject} from './json.js';

/** `os/architecture[/variant]` as Docker writes platforms, e.g. `linux/arm64/v8`. */
export function formatPlatform(platform: {os?: unknown; architecture?: unknown; variant?: unknown}): string | undefined {
  const os = typeof platform.os === 'string' ? platform.os.trim().toLowerCase() : '';
  const architecture = typeof platform.architecture === 'string' ? platform.architecture.trim().toLowerCase() : '';
  if (os === '' || architecture === '' || os === 'unknown' || architecture === 'unknown') return undefined;
  const variant = typeof platform.variant === 'string' && platform.variant.trim() !== '' ? `/${platform.variant.trim().toLowerCase()}` : '';
  return `${os}/${architecture}${variant}`;
}

/** The platforms of an index's or manifest list's `manifests[]` (distinct, in their order; attestations left out). */
export function indexPlatforms(index: JsonObject): string[] {
  const manifests = Array.isArray(index['manifests']) ? index['manifests'].filter(isJsonObject) : [];
  const platforms: string[] = [];
  for (const manifest of manifests) {
    const platform = isJsonObject(manifest['platform']) ? manifest['platform'] : undefined;
    const formatted = platform === undefined ? undefined : formatPlatform(platform);
    if (formatted !== undefined && !platforms.includes(formatted)) platforms.push(formatted);
  }
  return platforms;
}

/** The OS and CPU a task runs on, and what decided it. */
export interface TaskPlatform {
  /** `linux/amd64`, `linux/arm64`, `windows/amd64`. */
  platform: string;
  /** Where it comes from, for the message: `runtimePlatform.cpuArchitecture ARM64`, `the Fargate default (X86_64)`. */
  source: string;
}

const ARCHITECTURES: Record<string, string> = {X86_64: 'amd64', ARM64: 'arm64', x86_64: 'amd64', arm64: 'arm64', aarch64: 'arm64', amd64: 'amd64'};

/**
 * The platform the task will run on, or undefined when it cannot be known (EC2 without runtimePlatform and no
 * container instance architecture read). `instanceArchitectures`: the cluster's container instances'
 * `ecs.cpu-architecture` values (EC2); one architecture only counts (a mixed cluster places by constraint).
 */
export function taskPlatform(taskDefinition: JsonObject, launchType: string, instanceArchitectures: readonly string[] = []): TaskPlatform | undefined {
  const runtime = isJsonObject(taskDefinition['runtimePlatform']) ? taskDefinition['runtimePlatform'] : {};
  const family = typeof runtime['operatingSystemFamily'] === 'string' ? runtime['operatingSystemFamily'] : 'LINUX';
  const os = family.toUpperCase().startsWith('WINDOWS') ? 'windows' : 'linux';
  const cpu = typeof runtime['cpuArchitecture'] === 'string' ? runtime['cpuArchitecture'] : undefined;
  if (cpu !== undefined && ARCHITECTURES[cpu] !== undefined) return {platform: `${os}/${ARCHITECTURES[cpu]}`, source: `runtimePlatform.cpuArchitecture ${cpu}`};
  if (launchType === 'FARGATE') return {platform: `${os}/amd64`, source: 'the Fargate default, runtimePlatform.cpuArchitecture X86_64'};
  const known = [...new Set(instanceArchitectures.map((value) => ARCHITECTURES[value]).filter((value): value is string => value !== undefined))];
  if (known.length === 1)
    return {platform: `${os}/${known[0]}`, source: `the cluster's container instances (ecs.cpu-architecture ${instanceArchitectures[0]})`};
  return undefined;
}

/** `linux/arm64/v8` runs where `linux/arm64` is asked; the variant does not decide. */
const baseOf = (platform: string): string => platform.split('/').slice(0, 2).join('/');

export type PlatformVerdict =
  | {status: 'ok'; platform: string}
  /** The image has no build for the task's platform. */
  | {status: 'mismatch'; platform: string; imagePlatforms: string[]; fix: string};

/** Can an image with these platforms run on `task`? */
export function comparePlatforms(imagePlatforms: readonly string[], task: TaskPlatform): PlatformVerdict {
  if (imagePlatforms.some((platform) => baseOf(platform) === task.platform)) return {status: 'ok', platform: task.platform};
  const arm = imagePlatforms.some((platform) => baseOf(platform) === 'linux/arm64');
  const amd = imagePlatforms.some((platform) => baseOf(platform) === 'linux/amd64');
  const fix =
    task.platform === 'linux/amd64' && arm
      ? 'set runtimePlatform.cpuArchitecture to ARM64 in the container specification (Fargate and Graviton instances run arm64), or pick a tag built for linux/amd64'
      : task.platform === 'linux/arm64' && amd
        ? 'set runtimePlatform.cpuArchitecture to X86_64 in the container specification, or pick a tag built for linux/arm64'
        : `pick a tag built for ${task.platform}`;
  return {status: 'mismatch', platform: task.platform, imagePlatforms: [...imagePlatforms], fix};
}
