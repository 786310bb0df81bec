/**
 * The formats of the profile's fields (names, image references, AWS ids and ARNs, timestamps), checked
 * without a clock.
 */

/** Config variable names (`${serviceVariable.NAME}`). */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
export const DISPLAY_NAME = /^\S(?:.{0,253}\S)?$/;
export const ENVIRONMENT_NAME = /^\S(?:.{0,62}\S)?$/;
export const REGISTRY_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?$/;
export const IMAGE_PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
export const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const IMAGE_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
/** A tag pinned to its digest (`1.4@sha256:…`, deploy --pin-digest): the tag, then the digest it resolved to. */
export const isPinnedTag = (text: string): boolean => {
  const at = text.indexOf('@');
  return at > 0 && IMAGE_TAG.test(text.slice(0, at)) && IMAGE_DIGEST.test(text.slice(at + 1));
};
export const CONTAINER_NAME = /^(?:[A-Za-z0-9_-]|\$\{[^{}\s]+\})+$/;
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/;
export const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
export const SUBNET_ID = /^subnet-[0-9a-zA-Z]+$/;
export const SECURITY_GROUP_ID = /^sg-[0-9a-zA-Z]+$/;
export const ROLE_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/;
export const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[\w/+=.@-]+$/;
export const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[A-Za-z0-9-]+$/;
export const SERVICE_DEPLOYMENT_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:service-deployment\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]+$/;
export const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[0-9]+$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO-8601 date-time with a zone (`2025-03-01T10:00:00.000Z`), checked without a clock. */
export function isIsoTimestamp(text: string): boolean {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  const zoneHour = match[7] === undefined ? 0 : Number(match[7]);
  const zoneMinute = match[8] === undefined ? 0 : Number(match[8]);
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay && hour < 24 && minute < 60 && second < 60 && zoneHour < 24 && zoneMinute < 60;
}
