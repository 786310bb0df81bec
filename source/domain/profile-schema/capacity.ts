/**
 * The capacity sections of a profile: an environment's `capacityProviderStrategy` and the service's `autoScaling`
 * (their shapes; the rules across fields are capacity.ts's and auto-scaling.ts's, checked when rendering).
 */
import {joinPath} from '../json-text.js';
import {SCALING_METRICS} from '../model.js';
import type {AutoScaling, CapacityProviderItem, TargetTrackingPolicy} from '../model.js';
import {MAX_BASE, MAX_WEIGHT} from '../capacity.js';
import {MAX_TASK_COUNT} from '../auto-scaling.js';
import type {Checker} from './checker.js';
import {checkArray, checkBoolean, checkEnum, checkInteger, checkObject, checkString} from './checker.js';
import {own} from './raw-values.js';

const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Application Auto Scaling policy names: 1–256 characters, no colons. */
const POLICY_NAME = /^[^:]{1,256}$/;

export function checkCapacityStrategy(checker: Checker, value: unknown, path: string): CapacityProviderItem[] {
  if (!Array.isArray(value)) {
    checker.add('schema-type', path, 'capacityProviderStrategy must be a list of {"capacityProvider", "weight", "base"}');
    return [];
  }
  return value.map((entry, index) => {
    const itemPath = joinPath(path, index);
    const object = checkObject(checker, entry, itemPath, 'a capacity provider', ['capacityProvider', 'weight', 'base']);
    const capacityProvider =
      checkString(checker, object, 'capacityProvider', itemPath, {
        pattern: PROVIDER_NAME,
        format: 'a capacity provider name (FARGATE, FARGATE_SPOT or an Auto Scaling group provider)',
      }) ?? '';
    const weight = checkInteger(checker, object, 'weight', itemPath, {min: 0, max: MAX_WEIGHT}) ?? 0;
    const base = checkInteger(checker, object, 'base', itemPath, {min: 0, max: MAX_BASE, optional: true});
    return {capacityProvider, weight, ...(base === undefined ? {} : {base})};
  });
}

function checkPolicy(checker: Checker, value: unknown, path: string): TargetTrackingPolicy {
  const object = checkObject(checker, value, path, 'a scaling policy', ['metric', 'target', 'name', 'scaleInCooldown', 'scaleOutCooldown', 'disableScaleIn']);
  const metric = checkEnum(checker, object, 'metric', path, SCALING_METRICS);
  const target = checkInteger(checker, object, 'target', path, {min: 1, max: metric === 'requests' ? 1_000_000 : 100}) ?? 0;
  const name = checkString(checker, object, 'name', path, {optional: true, pattern: POLICY_NAME, format: 'a policy name (1–256 characters, no ":")'});
  const scaleInCooldown = checkInteger(checker, object, 'scaleInCooldown', path, {min: 0, max: 86_400, optional: true});
  const scaleOutCooldown = checkInteger(checker, object, 'scaleOutCooldown', path, {min: 0, max: 86_400, optional: true});
  const disableScaleIn =
    object === undefined || own(object, 'disableScaleIn') === undefined ? undefined : checkBoolean(checker, object, 'disableScaleIn', path, true);
  return {
    metric,
    target,
    ...(name === undefined ? {} : {name}),
    ...(scaleInCooldown === undefined ? {} : {scaleInCooldown}),
    ...(scaleOutCooldown === undefined ? {} : {scaleOutCooldown}),
    ...(disableScaleIn === undefined ? {} : {disableScaleIn}),
  };
}

export function checkAutoScaling(checker: Checker, value: unknown, path: string): AutoScaling {
  const object = checkObject(checker, value, path, 'autoScaling', ['minCount', 'maxCount', 'policies']);
  const minCount = checkInteger(checker, object, 'minCount', path, {min: 0, max: MAX_TASK_COUNT}) ?? 0;
  const maxCount = checkInteger(checker, object, 'maxCount', path, {min: 0, max: MAX_TASK_COUNT}) ?? 0;
  if (object !== undefined && minCount > maxCount)
    checker.add('schema-value', joinPath(path, 'minCount'), `minCount (${minCount}) is above maxCount (${maxCount})`);
  const policies = checkArray(checker, object, 'policies', path).map((entry, index) =>
    checkPolicy(checker, entry, joinPath(joinPath(path, 'policies'), index)),
  );
  return {minCount, maxCount, policies};
}
