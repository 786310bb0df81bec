/**
 * The network mode a task definition runs with. Read by render (a service's networkConfiguration), by the
 * validation of task definitions and services, and by the pre-flight checks.
 */
import type {JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {getMember} from './json-text.js';
import type {LaunchType, NetworkMode} from './model.js';

/** The network mode a task runs with: its `networkMode`, else ECS's default (bridge on EC2, awsvpc on Fargate). */
export function effectiveNetworkMode(task: JsonValue | undefined, launchType: LaunchType): NetworkMode | 'none' | undefined {
  const mode = isJsonObject(task) ? getMember(task, 'networkMode') : undefined;
  if (mode === undefined) return launchType === 'FARGATE' ? 'awsvpc' : 'bridge';
  return mode === 'awsvpc' || mode === 'bridge' || mode === 'host' || mode === 'none' ? mode : undefined;
}
