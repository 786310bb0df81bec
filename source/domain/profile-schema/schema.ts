/**
 * The stored schema of profiles: its version, its issue codes and the refusal of newer versions.
 *
 * - A store document is `{schemaVersion: 4, applications: {[name]: Application}, profiles: {[name]: StoredProfile}}`
 *   (store-document.ts): an application owns its environments, a stored profile names them (applications.ts).
 *   Schema 3 → 4 turns whole profiles into applications (application-migration.ts).
 * - Schema version 1 (the earlier shape): `service.containerSpec` was the advanced JSON text itself (a
 *   string), `service.launchType` did not exist and environments had `variables` instead of `overrides`
 *   (migrations.ts).
 * - Schema version 2 is version 3 without the optional `service.adopted`, `service.artifact.implicitLatest`,
 *   `service.containerName`, `service.plaintextVariables` and `environments[].provisioner` (an imported live
 *   service; an image imported without a tag; a stable container name; variables declared not secret; the stack or
 *   state file an environment was filled from, for `env refresh`): a version-2 document is a valid version-3
 *   document, migrated by changing its version only. Older ecs-wizards refuse version 3 ("upgrade") instead of
 *   failing on an unknown key.
 * - An export file (a profile a team commits and shares) is `{"ecsWizardProfile": 3, "profile": {...}}`;
 *   its `runs` are left out by default and default to `[]` on import (export-file.ts).
 *
 * Decisions:
 * - Unknown keys are errors naming the key (with a "did you mean" when one is close): a typo must not
 *   be dropped silently. Forward compatibility goes through `schemaVersion`: a newer writer bumps it, and
 *   a newer version is refused with "upgrade ecs-wizard" — never downgraded or reset.
 * - Credentials are never stored (credentials.ts, credential-scan.ts).
 *
 * Each section of a profile is checked in its own module: service.ts, environment.ts, runs.ts and
 * profile.ts (the profile as a whole). Pure: no fs, no clock, no environment (test/architecture/domain-purity.test.ts).
 */
import type {Issue, IssueSource} from '../issues.js';

export const CURRENT_SCHEMA_VERSION = 4;
/** The version of a profile's own shape (an export file's `ecsWizardProfile`): a profile with its environments in full. */
export const PROFILE_SCHEMA_VERSION = 3;
/** The key that marks an export file and holds its schema version. */
export const EXPORT_FORMAT_KEY = 'ecsWizardProfile';

/** Issue codes of this module. */
export const SCHEMA_ISSUE = {
  type: 'schema-type',
  required: 'schema-required',
  unknownKey: 'schema-unknown-key',
  value: 'schema-value',
  duplicate: 'schema-duplicate',
  profileName: 'profile-name',
  nameMismatch: 'profile-name-mismatch',
  credentialKey: 'credential-key',
  credentialValue: 'credential-value',
  version: 'schema-version',
  newerVersion: 'schema-version-newer',
  jsonSyntax: 'json-syntax',
} as const;

export function newerVersionIssue(source: IssueSource, path: string, version: number, what: string, understood: number = CURRENT_SCHEMA_VERSION): Issue {
  return {
    code: SCHEMA_ISSUE.newerVersion,
    severity: 'error',
    source,
    path,
    message: `${what} has schema version ${version}, newer than this ecs-wizard understands (${understood}); upgrade ecs-wizard to read it`,
    fix: 'upgrade ecs-wizard (the file is left as it is)',
  };
}
