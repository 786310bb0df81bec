/**
 * Names of AWS resources and what is read out of them: a cluster's name, an ARN's region, a task definition's
 * family and revision, a task's id, the ECS service-linked role. Pure.
 */

/** `arn:aws:ecs:…:task-definition/web:7` → {family: 'web', revision: 7}; `web:7` works too. */
export function parseTaskDefinition(reference: string): {family: string; revision?: number} {
  const afterSlash = reference.includes('task-definition/') ? reference.slice(reference.indexOf('task-definition/') + 'task-definition/'.length) : reference;
  const match = /^(.*):(\d+)$/.exec(afterSlash);
  if (!match) return {family: afterSlash};
  return {family: match[1]!, revision: Number(match[2])};
}

/** `web:7` for a task definition ARN (short, for screens). */
export function taskDefinitionLabel(reference: string): string {
  const {family, revision} = parseTaskDefinition(reference);
  return revision === undefined ? family : `${family}:${revision}`;
}

/** The last part of a task ARN (`arn:aws:ecs:…:task/cluster/abc123` → `abc123`). */
export function shortTaskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/** `arn:aws:ecs:eu-west-1:123456789012:cluster/prod` → `prod`; a plain name is returned as is. */
export function clusterNameFromArn(clusterOrArn: string): string {
  const match = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:cluster\/(.+)$/.exec(clusterOrArn);
  return match?.[1] ?? clusterOrArn;
}

/** The region of any ARN (`arn:aws:ecs:eu-west-1:…` → `eu-west-1`), or undefined. */
export function regionFromArn(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:[^:]+:([a-z0-9-]+):/.exec(arn);
  return match?.[1];
}

/** `…:task-definition/web:12` → `web:12`; `web:12` and `web` are returned as they are. */
export function taskDefinitionRef(taskDefinitionOrArn: string): string {
  const match = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(taskDefinitionOrArn);
  return match?.[1] ?? taskDefinitionOrArn;
}

/** True for the ECS service-linked role, which ECS uses when no `role` is given. */
export const isServiceLinkedRole = (roleArn: string): boolean => /:role\/aws-service-role\//.test(roleArn) || /(^|\/)AWSServiceRoleForECS$/.test(roleArn);
