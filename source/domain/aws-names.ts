/**
 * Names of AWS resources and what is read out of them: a task definition's family and revision, a task's id.
 * Pure.
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
