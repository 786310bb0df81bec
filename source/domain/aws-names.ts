/**
 * Names of AWS resources: what they look like (ARN formats, ECS names) and what is read out of them (a
 * cluster's name, an ARN's region, a task definition's family and revision, a task's id, the ECS
 * service-linked role). Pure.
 */

/** ARN formats checked before anything is sent to AWS. */
export const ARN_KINDS = ['iamRole', 'secretsManagerSecret', 'secretsManagerValue', 'cloudMapService', 'kmsKey', 'ssmParameter'] as const;
export type ArnKind = (typeof ARN_KINDS)[number];

const PARTITION = 'aws(?:-cn|-us-gov|-iso|-iso-[a-z])?';
const REGION = '[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]';
const ACCOUNT = '[0-9]{12}';

const PATTERNS: Record<ArnKind, RegExp> = {
  iamRole: new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`),
  secretsManagerSecret: new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]{1,512}$`),
  // A container secret's valueFrom may name a JSON key, a version stage and a version id: `…:secret:NAME:KEY::`.
  secretsManagerValue: new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]{1,512}(?::[^:\\s]*:[^:\\s]*:[^:\\s]*)?$`),
  cloudMapService: new RegExp(`^arn:${PARTITION}:servicediscovery:${REGION}:${ACCOUNT}:service/srv-[a-z0-9]{1,64}$`),
  kmsKey: new RegExp(`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$`),
  ssmParameter: new RegExp(`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/[\\w/.-]{1,2048}$`),
};

/** What each ARN looks like, for messages. */
export const ARN_EXAMPLES: Record<ArnKind, string> = {
  iamRole: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  secretsManagerSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-credentials-AbCdEf',
  secretsManagerValue: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf:DB_PASSWORD::',
  cloudMapService: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno',
  kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  ssmParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/password',
};

export const ARN_DESCRIPTIONS: Record<ArnKind, string> = {
  iamRole: 'an IAM role ARN',
  secretsManagerSecret: 'a Secrets Manager secret ARN',
  secretsManagerValue: 'a Secrets Manager secret ARN (optionally :json-key:version-stage:version-id)',
  cloudMapService: 'a Cloud Map service ARN',
  kmsKey: 'a KMS key ARN',
  ssmParameter: 'an SSM parameter ARN',
};

export function isArn(kind: ArnKind, value: unknown): value is string {
  return typeof value === 'string' && PATTERNS[kind].test(value);
}

/** ECS container names (and task families): letters, digits, `_` and `-`, 1 to 255 characters. */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

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
