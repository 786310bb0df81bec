import {formatIssueLocation, type Issue} from '../domain/issues.js';
import {PROFILE_NAME_PATTERN, type Profile} from '../domain/model.js';
import {InputError} from '../errors.js';
import type {ProfileStore} from '../ports/profile-store.js';

/** Use cases of "manage profiles", shared by the `profiles …` commands and the interactive screen. */

export function issuesText(issues: readonly Issue[]): string {
  return issues.map((issue) => `  ${issue.severity}: ${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`).join('\n');
}

export function checkProfileName(name: string, what: string): void {
  if (!PROFILE_NAME_PATTERN.test(name)) {
    throw new InputError(`${what} '${name}' is not a valid profile name`, 'use letters, digits, - and _ (up to 64, starting with a letter or digit)');
  }
}

export async function requireProfile(store: ProfileStore, name: string): Promise<Profile> {
  const profile = await store.get(name);
  if (!profile) {
    const names = (await store.list()).map((p) => p.name);
    throw new InputError(`no profile named '${name}'`, names.length > 0 ? `saved profiles: ${names.join(', ')}` : 'no profiles are saved yet');
  }
  return profile;
}

/**
 * Validates an exported profile file's text (its schema, then its specifications as `import` checks them) and
 * saves it. Refuses to replace an existing profile unless `force`; `as` saves it under another name.
 */
export async function importProfileText(store: ProfileStore, text: string, options: {source: string; as?: string; force?: boolean}): Promise<Profile> {
  // The export file's checks (schema, credential scan) load only to import one: reading a profile does not need them.
  const {parseProfileExport} = await import('../domain/profile-schema/export-file.js');
  const parsed = parseProfileExport(text);
  let issues = parsed.issues;
  const profile = parsed.profile;
  if (profile !== undefined) {
    // The specifications by the rules every door applies (syntax, placeholders, ECS's rules of each document),
    // loaded here only: listing or showing profiles does not need the validator.
    const {serviceSpecIssues} = await import('../domain/spec-lint.js');
    const {profileSecretValueIssues} = await import('../domain/profile-schema/secret-values-scan.js');
    issues = [...issues, ...serviceSpecIssues(profile.service), ...profileSecretValueIssues(profile)];
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!profile || errors.length > 0) {
    throw new InputError(`${options.source} is not a valid ecs-wizard profile:\n${issuesText(errors.length > 0 ? errors : issues)}`, 'nothing was saved');
  }
  if (options.as !== undefined) checkProfileName(options.as, 'the new name');
  const imported: Profile = options.as === undefined ? profile : {...profile, name: options.as};
  if (options.force !== true && (await store.get(imported.name))) {
    throw new InputError(`a profile named '${imported.name}' exists`, 'pass --force to replace it, or --as NAME to import it under another name');
  }
  await store.save(imported, {overwrite: options.force === true});
  return imported;
}

export async function renameProfile(store: ProfileStore, from: string, to: string): Promise<void> {
  checkProfileName(to, 'the new name');
  await requireProfile(store, from);
  if (from !== to && (await store.get(to))) throw new InputError(`a profile named '${to}' exists`);
  await store.rename(from, to);
}
