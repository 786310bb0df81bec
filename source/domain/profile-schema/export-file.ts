/**
 * Export files: a profile a team commits and shares, `{"ecsWizardProfile": 3, "profile": {...}}` — written
 * with `exportProfile`, read back (validated, migrated from older format versions) with `parseProfileExport`.
 */
import type {IssueSource} from '../issues.js';
import type {Profile} from '../model.js';
import {Checker, checkObject} from './checker.js';
import {scanDocumentCredentials} from './credential-scan.js';
import {parseJsonFile} from './json-file.js';
import {migrateProfileV1} from './migrations.js';
import type {ProfileValidation} from './profile.js';
import {checkProfile} from './profile.js';
import type {Raw} from './raw-values.js';
import {describe, isRecord, own} from './raw-values.js';
import {EXPORT_FORMAT_KEY, newerVersionIssue, PROFILE_SCHEMA_VERSION, SCHEMA_ISSUE} from './schema.js';

export interface ProfileImport extends ProfileValidation {
  /** The export format version the text was written at. */
  fromVersion?: number;
}

/**
 * The text of an export file: `{"ecsWizardProfile": 3, "profile": {...}}`, 2-space indented, with a
 * final newline. Run history is local and left out unless `includeRuns`.
 */
export function exportProfile(profile: Profile, options: {includeRuns?: boolean} = {}): string {
  const {runs, ...shared} = profile;
  const body = options.includeRuns === true ? {...shared, runs} : shared;
  return `${JSON.stringify({[EXPORT_FORMAT_KEY]: PROFILE_SCHEMA_VERSION, profile: body}, undefined, 2)}\n`;
}

/**
 * Parses and validates an export file's text. JSON syntax errors are located by line/column; an older
 * format version is migrated; a newer one is refused; a missing `runs` means none. Issue paths are
 * paths in the file (`profile.service.artifact.image`); the source is `import`.
 */
export function parseProfileExport(text: string): ProfileImport {
  const source: IssueSource = 'import';
  const parsed = parseJsonFile(text, source);
  if (parsed.issue !== undefined) return {issues: [parsed.issue]};
  const value = parsed.value;
  const shape = `{"${EXPORT_FORMAT_KEY}": ${PROFILE_SCHEMA_VERSION}, "profile": {...}}`;
  const fail = (code: string, path: string, message: string, fix?: string): ProfileImport => ({
    issues: [{code, severity: 'error', source, path, message, ...(fix === undefined ? {} : {fix})}],
  });
  if (!isRecord(value)) return fail(SCHEMA_ISSUE.type, '', `an exported profile is a JSON object ${shape}; got ${describe(value)}`);
  const version = own(value, EXPORT_FORMAT_KEY);
  if (version === undefined) {
    return fail(
      SCHEMA_ISSUE.required,
      EXPORT_FORMAT_KEY,
      `this is not an ecs-wizard profile export: "${EXPORT_FORMAT_KEY}" is missing`,
      `an export file looks like ${shape} (write one with \`ecs-wizard profiles export NAME FILE\`)`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      SCHEMA_ISSUE.version,
      EXPORT_FORMAT_KEY,
      `${EXPORT_FORMAT_KEY} must be a whole number from 1 to ${PROFILE_SCHEMA_VERSION}; got ${describe(version)}`,
    );
  }
  if (version > PROFILE_SCHEMA_VERSION)
    return {fromVersion: version, issues: [newerVersionIssue(source, EXPORT_FORMAT_KEY, version, 'this profile export', PROFILE_SCHEMA_VERSION)]};
  let profile = own(value, 'profile');
  if (version < 2) profile = migrateProfileV1(profile);
  if (isRecord(profile) && !Object.hasOwn(profile, 'runs')) profile = {...profile, runs: []};
  const document: Raw = {...value, profile};
  const checker = new Checker(source);
  scanDocumentCredentials(checker, document, '');
  checkObject(checker, document, '', 'the export file', [EXPORT_FORMAT_KEY, 'profile']);
  if (profile === undefined) {
    checker.add(SCHEMA_ISSUE.required, 'profile', 'profile is missing');
    return {fromVersion: version, issues: checker.issues};
  }
  const checked = checkProfile(checker, profile, 'profile');
  return checker.hasErrors ? {fromVersion: version, issues: checker.issues} : {profile: checked, fromVersion: version, issues: checker.issues};
}
