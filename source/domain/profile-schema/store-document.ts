/**
 * The store document `{schemaVersion, profiles: {[name]: Profile}}`: an empty one, one holding given profiles,
 * its validation at the current version, and its reading at any known version (older ones migrated).
 */
import type {Issue} from '../issues.js';
import {joinPath} from '../json-text.js';
import {PROFILE_NAME_PATTERN} from '../model.js';
import type {Profile} from '../model.js';
import {Checker, checkObject} from './checker.js';
import {scanDocumentCredentials} from './credential-scan.js';
import {STORE_MIGRATIONS} from './migrations.js';
import {checkProfile, compareProfileNames, profileNameIssues} from './profile.js';
import type {Raw} from './raw-values.js';
import {describe, isRecord, own} from './raw-values.js';
import {CURRENT_SCHEMA_VERSION, newerVersionIssue, SCHEMA_ISSUE} from './schema.js';

export interface StoreDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Keyed by profile name (equal to each profile's `name`), sorted by name. */
  profiles: Record<string, Profile>;
}

export interface StoreDocumentValidation {
  document?: StoreDocument;
  issues: Issue[];
}

export interface StoreDocumentMigration extends StoreDocumentValidation {
  /** The schema version the document was read at (CURRENT_SCHEMA_VERSION when nothing was migrated). */
  fromVersion?: number;
}

export const emptyStoreDocument = (): StoreDocument => ({schemaVersion: CURRENT_SCHEMA_VERSION, profiles: {}});

/** A store document holding `profiles`, keyed and sorted by name. */
export function storeDocumentOf(profiles: Iterable<Profile>): StoreDocument {
  const sorted = [...profiles].sort((a, b) => compareProfileNames(a.name, b.name));
  return {schemaVersion: CURRENT_SCHEMA_VERSION, profiles: Object.fromEntries(sorted.map((profile) => [profile.name, profile]))};
}

/** Validates a store document at the CURRENT schema version (see `migrateStoreDocument` for older ones). */
export function validateStoreDocument(value: unknown): StoreDocumentValidation {
  const checker = new Checker('profile');
  const version = isRecord(value) ? own(value, 'schemaVersion') : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) {
    // Never judged by this version's rules: only "upgrade".
    return {issues: [newerVersionIssue(checker.source, 'schemaVersion', version, 'the profile store')]};
  }
  scanDocumentCredentials(checker, value, '');
  const object = checkObject(checker, value, '', 'the profile store', ['schemaVersion', 'profiles']);
  if (object === undefined) return {issues: checker.issues};
  if (version === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'schemaVersion', 'schemaVersion is missing');
  } else if (version !== CURRENT_SCHEMA_VERSION) {
    checker.add(SCHEMA_ISSUE.version, 'schemaVersion', `schemaVersion must be ${CURRENT_SCHEMA_VERSION}; got ${describe(version)}`);
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
  return checker.hasErrors ? {issues: checker.issues} : {document: storeDocumentOf(profiles), issues: checker.issues};
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
  let document: Raw = value;
  for (let step = version; step < CURRENT_SCHEMA_VERSION; step += 1) {
    const migrate = STORE_MIGRATIONS[step];
    if (migrate !== undefined) document = migrate(document);
  }
  return {...validateStoreDocument(document), fromVersion: version};
}
