/**
 * The store document (schema 4) `{schemaVersion, applications: {[name]: Application}, profiles: {[name]:
 * StoredProfile}}`: an empty one, one holding given applications and profiles, its validation at the current version,
 * and its reading at any known version (older ones migrated: schema 3 and before held `{schemaVersion, profiles:
 * {[name]: Profile}}`, each profile with its environments in full; application-migration.ts makes applications of
 * them).
 */
import type {Issue} from '../issues.js';
import {joinPath} from '../json-text.js';
import {PROFILE_NAME_PATTERN} from '../model.js';
import type {Profile} from '../model.js';
import {storedProfileOf, type Application, type StoredProfile} from '../applications.js';
import {checkApplication, checkStoredProfile} from './application.js';
import {applicationsOfProfiles} from './application-migration.js';
import {Checker, checkObject} from './checker.js';
import {scanDocumentCredentials} from './credential-scan.js';
import {STORE_MIGRATIONS} from './migrations.js';
import {checkProfile, compareProfileNames, profileNameIssues} from './profile.js';
import type {Raw} from './raw-values.js';
import {describe, isRecord, own} from './raw-values.js';
import {CURRENT_SCHEMA_VERSION, newerVersionIssue, SCHEMA_ISSUE} from './schema.js';

export interface StoreDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Keyed by application name (equal to each application's `name`), sorted by name. */
  applications: Record<string, Application>;
  /** Keyed by profile name (equal to each profile's `name`), sorted by name. */
  profiles: Record<string, StoredProfile>;
}

/** The last schema whose store held whole profiles, without applications. */
export const PROFILES_ONLY_SCHEMA_VERSION = 3;

export interface StoreDocumentValidation {
  document?: StoreDocument;
  issues: Issue[];
}

export interface StoreDocumentMigration extends StoreDocumentValidation {
  /** The schema version the document was read at (CURRENT_SCHEMA_VERSION when nothing was migrated). */
  fromVersion?: number;
  /** What the migration to applications did that a person should know (environments kept apart under new names). */
  notes?: string[];
}

export const emptyStoreDocument = (): StoreDocument => ({schemaVersion: CURRENT_SCHEMA_VERSION, applications: {}, profiles: {}});

/** A store document holding `applications` and `profiles`, each keyed and sorted by name. */
export function storeDocumentOf(applications: Iterable<Application>, profiles: Iterable<StoredProfile>): StoreDocument {
  const sortedApplications = [...applications].sort((a, b) => compareProfileNames(a.name, b.name));
  const sorted = [...profiles].sort((a, b) => compareProfileNames(a.name, b.name));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    applications: Object.fromEntries(sortedApplications.map((application) => [application.name, application])),
    profiles: Object.fromEntries(sorted.map((profile) => [profile.name, profile])),
  };
}

/** A store document holding whole profiles: their applications made of the environments they name (as the migration does). */
export function storeDocumentOfProfiles(profiles: Iterable<Profile>): StoreDocument {
  const migrated = applicationsOfProfiles([...profiles]);
  return storeDocumentOf(migrated.applications, migrated.profiles);
}

/** Validates a store document at the CURRENT schema version (see `migrateStoreDocument` for older ones). */
export function validateStoreDocument(value: unknown): StoreDocumentValidation {
  const checker = new Checker('profile');
  const version = isRecord(value) ? own(value, 'schemaVersion') : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) {
    return {issues: [newerVersionIssue(checker.source, 'schemaVersion', version, 'the profile store')]};
  }
  scanDocumentCredentials(checker, value, '');
  const object = checkObject(checker, value, '', 'the profile store', ['schemaVersion', 'applications', 'profiles']);
  if (object === undefined) return {issues: checker.issues};
  if (version === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'schemaVersion', 'schemaVersion is missing');
  } else if (version !== CURRENT_SCHEMA_VERSION) {
    checker.add(SCHEMA_ISSUE.version, 'schemaVersion', `schemaVersion must be ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`);
  }
  const applications = new Map<string, Application>();
  const rawApplications = own(object, 'applications');
  if (rawApplications === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'applications', 'applications is missing');
  } else if (!isRecord(rawApplications)) {
    checker.add(SCHEMA_ISSUE.type, 'applications', `applications must be an object of name → application; got ${describe(rawApplications)}`);
  } else {
    for (const name of Object.keys(rawApplications)) {
      const path = joinPath('applications', name);
      if (checker.isCredentialPath(path)) continue;
      applications.set(name, checkApplication(checker, rawApplications[name], path, name));
    }
  }
  const rawProfiles = own(object, 'profiles');
  const profiles: StoredProfile[] = [];
  if (rawProfiles === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'profiles', 'profiles is missing');
  } else if (!isRecord(rawProfiles)) {
    checker.add(SCHEMA_ISSUE.type, 'profiles', `profiles must be an object of name → profile; got ${describe(rawProfiles)}`);
  } else {
    for (const name of Object.keys(rawProfiles)) {
      const path = joinPath('profiles', name);
      if (checker.isCredentialPath(path)) continue;
      if (!PROFILE_NAME_PATTERN.test(name)) checker.issues.push(...profileNameIssues(name, path, checker.source));
      const profile = checkStoredProfile(checker, rawProfiles[name], path, applications);
      const rawName = isRecord(rawProfiles[name]) ? own(rawProfiles[name], 'name') : undefined;
      if (typeof rawName === 'string' && rawName !== name) {
        checker.add(SCHEMA_ISSUE.nameMismatch, joinPath(path, 'name'), `name is "${rawName}" but the profile is stored under "${name}"`, {
          fix: 'make the two names equal',
        });
      }
      profiles.push(storedProfileOf(profile));
    }
  }
  return checker.hasErrors ? {issues: checker.issues} : {document: storeDocumentOf(applications.values(), profiles), issues: checker.issues};
}

interface ProfilesOnlyDocument {
  profiles: Profile[];
}

/** Validates a schema-3 store document (whole profiles, no applications): what the migration to applications reads. */
function validateProfilesOnlyDocument(value: unknown): {document?: ProfilesOnlyDocument; issues: Issue[]} {
  const checker = new Checker('profile');
  const version = isRecord(value) ? own(value, 'schemaVersion') : undefined;
  scanDocumentCredentials(checker, value, '');
  const object = checkObject(checker, value, '', 'the profile store', ['schemaVersion', 'profiles']);
  if (object === undefined) return {issues: checker.issues};
  if (version !== PROFILES_ONLY_SCHEMA_VERSION) {
    checker.add(SCHEMA_ISSUE.version, 'schemaVersion', `schemaVersion must be ${PROFILES_ONLY_SCHEMA_VERSION}; got ${describe(version)}`);
  }
  const rawProfiles = own(object, 'profiles');
  const profiles: Profile[] = [];
  if (rawProfiles === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'profiles', 'profiles is missing');
  } else if (!isRecord(rawProfiles)) {
    checker.add(SCHEMA_ISSUE.type, 'profiles', `profiles must be an object of name → profile; got ${describe(rawProfiles)}`);
  } else {
    for (const name of Object.keys(rawProfiles)) {
      const path = joinPath('profiles', name);
      if (checker.isCredentialPath(path)) continue;
      if (!PROFILE_NAME_PATTERN.test(name)) checker.issues.push(...profileNameIssues(name, path, checker.source));
      const profile = checkProfile(checker, rawProfiles[name], path);
      const rawName = isRecord(rawProfiles[name]) ? own(rawProfiles[name], 'name') : undefined;
      if (typeof rawName === 'string' && rawName !== name) {
        checker.add(SCHEMA_ISSUE.nameMismatch, joinPath(path, 'name'), `name is "${rawName}" but the profile is stored under "${name}"`, {
          fix: 'make the two names equal',
        });
      }
      profiles.push(profile);
    }
  }
  return checker.hasErrors ? {issues: checker.issues} : {document: {profiles}, issues: checker.issues};
}

/**
 * Reads a store document at any known schema version: migrates older ones in order (in memory) and
 * validates the result. A newer version is refused (`schema-version-newer`), never downgraded. An empty
 * object (`{}`) is not an empty store but a file that lost its content (or never was a store): an issue, so
 * that the file is kept aside rather than silently taken for "no profiles" and overwritten. (A missing file is
 * the empty store; that is the adapter's to tell.)
 */
export function migrateStoreDocument(value: unknown): StoreDocumentMigration {
  if (isRecord(value) && Object.keys(value).length === 0) {
    return {
      issues: [
        {
          code: SCHEMA_ISSUE.required,
          severity: 'error',
          source: 'profile',
          path: '',
          message: 'the file holds an empty JSON object ({}), not a profile store: schemaVersion and profiles are missing',
        },
      ],
    };
  }
  if (!isRecord(value) || !Object.hasOwn(value, 'schemaVersion')) return validateStoreDocument(value);
  const version = own(value, 'schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      issues: [
        {
          code: SCHEMA_ISSUE.version,
          severity: 'error',
          source: 'profile',
          path: 'schemaVersion',
          message: `schemaVersion must be a whole number from 1 to ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`,
        },
      ],
    };
  }
  if (version > CURRENT_SCHEMA_VERSION) return {fromVersion: version, issues: [newerVersionIssue('profile', 'schemaVersion', version, 'the profile store')]};
  if (version === CURRENT_SCHEMA_VERSION) return {...validateStoreDocument(value), fromVersion: version};
  let document: Raw = value;
  for (let step = version; step < PROFILES_ONLY_SCHEMA_VERSION; step += 1) {
    const migrate = STORE_MIGRATIONS[step];
    if (migrate !== undefined) document = migrate(document);
  }
  // Schema 3 → 4: the whole profiles, validated by the rules they were written under, become applications.
  const old = validateProfilesOnlyDocument(document);
  if (old.document === undefined) return {issues: old.issues, fromVersion: version};
  const migrated = applicationsOfProfiles(old.document.profiles);
  return {
    document: storeDocumentOf(migrated.applications, migrated.profiles),
    issues: old.issues,
    fromVersion: version,
    ...(migrated.notes.length === 0 ? {} : {notes: migrated.notes}),
  };
}
