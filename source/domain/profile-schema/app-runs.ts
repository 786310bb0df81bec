/**
 * The optional `runs` of an application in the store (schema 4): the records of its whole-application runs
 * (deploy/app-run-record.ts). A store without them is valid; they hold names, times, outcomes and reasons only.
 */
import {APP_RUN_SERVICE_STATES, type AppRunRecord, type AppRunService} from '../deploy/app-run-types.js';
import {joinPath} from '../json-text.js';
import {RUN_OUTCOMES} from '../model.js';
import {checkArray, checkBoolean, checkEnum, checkInteger, checkObject, checkString, type Checker} from './checker.js';
import {DISPLAY_NAME, ENVIRONMENT_NAME, SERVICE_NAME} from './formats.js';
import {TIMESTAMP_RULE} from './runs.js';
import type {Raw} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';
import {own} from './raw-values.js';

const RECORD_KEYS = ['id', 'environment', 'startedAt', 'finishedAt', 'outcome', 'exitCode', 'reason', 'simulated', 'order', 'services', 'resume', 'settledAt'];
const SERVICE_KEYS = ['service', 'profile', 'state', 'outcome', 'exitCode', 'tag', 'taskDefinitionArn', 'revision', 'reason', 'changed'];
const TEXT = {optional: true, max: 2000, allowEmpty: true};

function optionalOutcome(checker: Checker, object: Raw | undefined, path: string): AppRunRecord['outcome'] {
  return object === undefined || own(object, 'outcome') === undefined ? undefined : checkEnum(checker, object, 'outcome', path, RUN_OUTCOMES);
}

const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

function checkService(checker: Checker, value: unknown, path: string): AppRunService {
  const object = checkObject(checker, value, path, "a service of an application's run", SERVICE_KEYS);
  return compact({
    service: checkString(checker, object, 'service', path, {pattern: SERVICE_NAME, format: 'a service name'}) ?? '',
    profile: checkString(checker, object, 'profile', path, {max: 255}) ?? '',
    state: checkEnum(checker, object, 'state', path, APP_RUN_SERVICE_STATES),
    outcome: optionalOutcome(checker, object, path),
    exitCode: checkInteger(checker, object, 'exitCode', path, {min: 0, max: 255, optional: true}),
    tag: checkString(checker, object, 'tag', path, {optional: true, max: 300}),
    taskDefinitionArn: checkString(checker, object, 'taskDefinitionArn', path, {optional: true, max: 2048}),
    revision: checkInteger(checker, object, 'revision', path, {min: 1, max: 1_000_000_000, optional: true}),
    reason: checkString(checker, object, 'reason', path, TEXT),
    changed: checkBoolean(checker, object, 'changed', path, true),
  });
}

function checkRecord(checker: Checker, value: unknown, path: string): AppRunRecord {
  const object = checkObject(checker, value, path, "an application's run", RECORD_KEYS);
  const orderPath = joinPath(path, 'order');
  const servicesPath = joinPath(path, 'services');
  return compact({
    id: checkString(checker, object, 'id', path, {pattern: DISPLAY_NAME, format: 'an id', max: 100}) ?? '',
    environment: checkString(checker, object, 'environment', path, {pattern: ENVIRONMENT_NAME, format: 'an environment name'}) ?? '',
    startedAt: checkString(checker, object, 'startedAt', path, TIMESTAMP_RULE) ?? '',
    finishedAt: checkString(checker, object, 'finishedAt', path, {...TIMESTAMP_RULE, optional: true}),
    outcome: optionalOutcome(checker, object, path),
    exitCode: checkInteger(checker, object, 'exitCode', path, {min: 0, max: 255, optional: true}),
    reason: checkString(checker, object, 'reason', path, TEXT),
    simulated: checkBoolean(checker, object, 'simulated', path, true),
    order: checkArray(checker, object, 'order', path).map((item, index) => {
      if (typeof item !== 'string' || !SERVICE_NAME.test(item))
        checker.add(SCHEMA_ISSUE.type, joinPath(orderPath, index), `order[${index}] must be a service name`);
      return String(item);
    }),
    services: checkArray(checker, object, 'services', path).map((item, index) => checkService(checker, item, joinPath(servicesPath, index))),
    resume: checkString(checker, object, 'resume', path, {optional: true, max: 2000}),
    settledAt: checkString(checker, object, 'settledAt', path, {...TIMESTAMP_RULE, optional: true}),
  });
}

/** An application's `runs` (absent: none). */
export function checkAppRuns(checker: Checker, object: Raw | undefined, path: string): AppRunRecord[] | undefined {
  if (object === undefined || own(object, 'runs') === undefined) return undefined;
  const runsPath = joinPath(path, 'runs');
  return checkArray(checker, object, 'runs', path).map((item, index) => checkRecord(checker, item, joinPath(runsPath, index)));
}
