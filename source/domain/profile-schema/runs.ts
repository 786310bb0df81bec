/**
 * The run history section of a profile: one record per deploy (environment, tag or digest, task definition,
 * times, outcome, and ECS's service deployment ARN when it gave one).
 */
import {RUN_OUTCOMES} from '../model.js';
import type {RunRecord} from '../model.js';
import type {Checker, StringRule} from './checker.js';
import {checkBoolean, checkEnum, checkInteger, checkObject, checkString} from './checker.js';
import {ENVIRONMENT_NAME, IMAGE_DIGEST, IMAGE_TAG, isIsoTimestamp, isPinnedTag, SERVICE_DEPLOYMENT_ARN, TASK_DEFINITION_ARN} from './formats.js';

const RUN_KEYS = [
  'environment',
  'tag',
  'digest',
  'taskDefinitionArn',
  'revision',
  'startedAt',
  'finishedAt',
  'outcome',
  'simulated',
  'serviceDeploymentArn',
] as const;
export const TIMESTAMP_RULE: StringRule = {check: isIsoTimestamp, format: 'an ISO-8601 date-time such as 2025-03-01T10:00:00.000Z'};
export function checkRun(checker: Checker, value: unknown, path: string): RunRecord {
  const object = checkObject(checker, value, path, 'a run', RUN_KEYS);
  const environment = checkString(checker, object, 'environment', path, {pattern: ENVIRONMENT_NAME, format: 'an environment name'}) ?? '';
  const tag =
    checkString(checker, object, 'tag', path, {
      check: (text) => IMAGE_TAG.test(text) || IMAGE_DIGEST.test(text) || isPinnedTag(text),
      format: 'an image tag or digest',
    }) ?? '';
  const digest = checkString(checker, object, 'digest', path, {optional: true, pattern: IMAGE_DIGEST, format: 'an image digest such as sha256:…'});
  const taskDefinitionArn = checkString(checker, object, 'taskDefinitionArn', path, {
    optional: true,
    pattern: TASK_DEFINITION_ARN,
    format: 'a task definition ARN (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION)',
  });
  const revision = checkInteger(checker, object, 'revision', path, {min: 1, max: 1_000_000_000, optional: true});
  const startedAt = checkString(checker, object, 'startedAt', path, TIMESTAMP_RULE) ?? '';
  const finishedAt = checkString(checker, object, 'finishedAt', path, {...TIMESTAMP_RULE, optional: true});
  const outcome = checkEnum(checker, object, 'outcome', path, RUN_OUTCOMES);
  const simulated = checkBoolean(checker, object, 'simulated', path, true);
  const serviceDeploymentArn = checkString(checker, object, 'serviceDeploymentArn', path, {
    optional: true,
    pattern: SERVICE_DEPLOYMENT_ARN,
    format: 'a service deployment ARN (arn:aws:ecs:REGION:ACCOUNT:service-deployment/CLUSTER/SERVICE/ID)',
  });
  return {
    environment,
    tag,
    ...(digest === undefined ? {} : {digest}),
    ...(taskDefinitionArn === undefined ? {} : {taskDefinitionArn}),
    ...(revision === undefined ? {} : {revision}),
    startedAt,
    ...(finishedAt === undefined ? {} : {finishedAt}),
    outcome,
    ...(simulated === undefined ? {} : {simulated}),
    ...(serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn}),
  };
}
