/**
 * A profile as a whole: its name (and the order of names), its top-level fields, and the validation of a
 * profile given as any value — credentials scanned first, then each section checked (service.ts,
 * environment.ts, runs.ts).
 */
import type {Issue, IssueSource} from '../issues.js';
import {joinPath} from '../json-text.js';
import {PROFILE_NAME_PATTERN} from '../model.js';
import type {Profile} from '../model.js';
import {Checker, checkArray, checkObject, checkString, requirePresent} from './checker.js';
import {scanDocumentCredentials} from './credential-scan.js';
import {checkEnvironment} from './environment.js';
import {DISPLAY_NAME} from './formats.js';
import {describe, own} from './raw-values.js';
import {checkRun, TIMESTAMP_RULE} from './runs.js';
import {SCHEMA_ISSUE} from './schema.js';
import {checkService, STAND_IN_SERVICE} from './service.js';

export interface ProfileValidation {
  /** Present only when there is no error; a fresh copy in canonical key order. */
  profile?: Profile;
  issues: Issue[];
}

/** Names sorted case-insensitively, ties by code unit: a stable order for lists and files. */
export function compareProfileNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Issues for a profile name (empty when valid). */
export function profileNameIssues(name: unknown, path = 'name', source: IssueSource = 'profile'): Issue[] {
  if (typeof name === 'string' && PROFILE_NAME_PATTERN.test(name)) return [];
  return [
    {
      code: SCHEMA_ISSUE.profileName,
      severity: 'error',
      source,
      path,
      message: `${typeof name === 'string' ? `"${name}"` : describe(name)} is not a valid profile name: use 1 to 64 letters, digits, "-" or "_", starting with a letter or digit`,
    },
  ];
}

const PROFILE_KEYS = ['name', 'application', 'service', 'environments', 'runs', 'createdAt', 'updatedAt'] as const;
export function checkProfile(checker: Checker, value: unknown, path: string): Profile {
  const object = checkObject(checker, value, path, 'profile', PROFILE_KEYS);
  const namePath = joinPath(path, 'name');
  const rawName = object === undefined ? undefined : own(object, 'name');
  if (requirePresent(checker, object, 'name', path) && !checker.isCredentialPath(namePath))
    checker.issues.push(...profileNameIssues(rawName, namePath, checker.source));
  const name = typeof rawName === 'string' ? rawName : '';
  const application =
    checkString(checker, object, 'application', path, {pattern: DISPLAY_NAME, format: 'a name of 1 to 255 characters without leading or trailing spaces'}) ??
    '';
  const servicePath = joinPath(path, 'service');
  const service = requirePresent(checker, object, 'service', path) ? checkService(checker, own(object ?? {}, 'service'), servicePath) : STAND_IN_SERVICE;
  const environmentsPath = joinPath(path, 'environments');
  const environments = checkArray(checker, object, 'environments', path).map((item, index) =>
    checkEnvironment(checker, item, joinPath(environmentsPath, index)),
  );
  const seen = new Map<string, number>();
  environments.forEach((environment, index) => {
    if (environment.name === '') return;
    const first = seen.get(environment.name);
    if (first === undefined) seen.set(environment.name, index);
    else
      checker.add(
        SCHEMA_ISSUE.duplicate,
        joinPath(joinPath(environmentsPath, index), 'name'),
        `the environment name "${environment.name}" is already used by environments[${first}]`,
      );
  });
  const runsPath = joinPath(path, 'runs');
  const runs = checkArray(checker, object, 'runs', path).map((item, index) => checkRun(checker, item, joinPath(runsPath, index)));
  const createdAt = checkString(checker, object, 'createdAt', path, TIMESTAMP_RULE) ?? '';
  const updatedAt = checkString(checker, object, 'updatedAt', path, TIMESTAMP_RULE) ?? '';
  return {name, application, service, environments, runs, createdAt, updatedAt};
}

/**
 * Validates a profile (any value, e.g. parsed JSON). `path` prefixes issue paths (`profiles.web`),
 * `source` sets the issues' source.
 */
export function validateProfile(value: unknown, options: {path?: string; source?: IssueSource} = {}): ProfileValidation {
  const checker = new Checker(options.source ?? 'profile');
  const path = options.path ?? '';
  scanDocumentCredentials(checker, value, path);
  const profile = checkProfile(checker, value, path);
  return checker.hasErrors ? {issues: checker.issues} : {profile, issues: checker.issues};
}
