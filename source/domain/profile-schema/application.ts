/**
 * The applications section of a store document (schema 4): `{[name]: {name, environments: [...]}}`, each environment
 * the application's part of one (APPLICATION_ENVIRONMENT_FIELDS, checked as a profile's environment is) and an
 * optional note; and the resolution of a stored profile's environments against its application, checked as a whole
 * profile (profile.ts) so that every rule a profile obeys holds for what render, deploy and diff will read.
 */
import {APPLICATION_ENVIRONMENT_FIELDS, definitionOf, type Application, type ApplicationEnvironment} from '../applications.js';
import {joinPath} from '../json-text.js';
import type {Profile} from '../model.js';
import {checkAppRuns} from './app-runs.js';
import {checkArray, checkObject, checkString, type Checker} from './checker.js';
import {checkArtifactServers, resolveStoredArtifact} from './artifact-server.js';
import {checkEnvironment} from './environment.js';
import {DISPLAY_NAME} from './formats.js';
import {checkProfile} from './profile.js';
import type {Raw} from './raw-values.js';
import {isRecord, own} from './raw-values.js';
import {SCHEMA_ISSUE} from './schema.js';

const APPLICATION_KEYS = ['name', 'environments', 'runs', 'artifactServers'] as const;
const APPLICATION_ENVIRONMENT_KEYS = ['name', ...APPLICATION_ENVIRONMENT_FIELDS, 'note'] as const;

function checkApplicationEnvironment(checker: Checker, value: unknown, path: string): ApplicationEnvironment {
  const object = checkObject(checker, value, path, "an application's environment", APPLICATION_ENVIRONMENT_KEYS);
  const note = checkString(checker, object, 'note', path, {optional: true, max: 2000});
  const {note: _note, ...fields} = object ?? {};
  // The same rules as a profile's environment (its overrides are each service's own: none here).
  const environment = checkEnvironment(checker, object === undefined ? value : {...fields, overrides: {}}, path);
  return {...definitionOf(environment), ...(note === undefined ? {} : {note})};
}

export function checkApplication(checker: Checker, value: unknown, path: string, key: string): Application {
  const object = checkObject(checker, value, path, 'an application', APPLICATION_KEYS);
  const name =
    checkString(checker, object, 'name', path, {pattern: DISPLAY_NAME, format: 'a name of 1 to 255 characters without leading or trailing spaces'}) ?? '';
  if (object !== undefined && typeof own(object, 'name') === 'string' && name !== key) {
    checker.add(SCHEMA_ISSUE.nameMismatch, joinPath(path, 'name'), `name is "${name}" but the application is stored under "${key}"`, {
      fix: 'make the two names equal',
    });
  }
  const environmentsPath = joinPath(path, 'environments');
  const environments = checkArray(checker, object, 'environments', path).map((item, index) =>
    checkApplicationEnvironment(checker, item, joinPath(environmentsPath, index)),
  );
  const seen = new Map<string, number>();
  environments.forEach((environment, index) => {
    const first = seen.get(environment.name);
    if (first === undefined) seen.set(environment.name, index);
    else
      checker.add(
        SCHEMA_ISSUE.duplicate,
        joinPath(joinPath(environmentsPath, index), 'name'),
        `the environment name "${environment.name}" is already used by environments[${first}]`,
      );
  });
  const runs = checkAppRuns(checker, object, path);
  const artifactServers = checkArtifactServers(checker, object, path);
  return {name: key, environments, ...(runs === undefined ? {} : {runs}), ...(artifactServers === undefined ? {} : {artifactServers})};
}

/**
 * A stored profile (raw) checked as the profile it stands for: each environment it names is looked up in its
 * application and resolved, then the whole is checked as a profile. A name the application lacks, an application
 * not in the store, or an application's field written in the profile's own part is an issue at the profile's path.
 */
export function checkStoredProfile(checker: Checker, value: unknown, path: string, applications: ReadonlyMap<string, Application>): Profile {
  if (!isRecord(value)) return checkProfile(checker, value, path);
  const applicationName = own(value, 'application');
  const application = typeof applicationName === 'string' ? applications.get(applicationName) : undefined;
  if (typeof applicationName === 'string' && application === undefined) {
    checker.add(SCHEMA_ISSUE.value, joinPath(path, 'application'), `the application "${applicationName}" is not in the store's applications`, {
      fix: 'add the application (with its environments) under "applications", or name one that is there',
    });
  }
  const uses = own(value, 'environments');
  if (!Array.isArray(uses) || application === undefined)
    return checkProfile(checker, application === undefined ? value : {...value, ...resolveStoredArtifact(checker, value, path, application)}, path);
  const resolved = uses.map((use: unknown, index) => {
    if (!isRecord(use)) return use;
    const usePath = joinPath(joinPath(path, 'environments'), index);
    for (const field of APPLICATION_ENVIRONMENT_FIELDS) {
      if (own(use, field) !== undefined) {
        checker.add(SCHEMA_ISSUE.unknownKey, joinPath(usePath, field), `${field} belongs to the application's environment, not to a service's use of it`, {
          fix: `set it on the environment with: ecs-wizard env edit ${JSON.stringify(application.name)} ${JSON.stringify(String(own(use, 'name')))}`,
        });
      }
    }
    const name = own(use, 'name');
    const definition = typeof name === 'string' ? application.environments.find((candidate) => candidate.name === name) : undefined;
    if (typeof name === 'string' && definition === undefined) {
      const names = application.environments.map((environment) => environment.name);
      checker.add(
        SCHEMA_ISSUE.value,
        joinPath(usePath, 'name'),
        `the application "${application.name}" has no environment "${name}"${names.length === 0 ? '' : ` (it has: ${names.join(', ')})`}`,
      );
      return use;
    }
    if (definition === undefined) return use;
    const {name: _name, note: _note, ...shared} = definition;
    const own_: Raw = {...use};
    for (const field of APPLICATION_ENVIRONMENT_FIELDS) delete own_[field];
    return {...own_, ...shared};
  });
  return checkProfile(checker, {...value, environments: resolved, ...resolveStoredArtifact(checker, value, path, application)}, path);
}
