/**
 * `import --from-copilot --move-secrets` / `--keep-plaintext NAME`: the Copilot manifests' `variables` that look
 * like plaintext secrets, decided as the task-definition import decides them (operations/import-secrets.ts): kept
 * as plain text when declared not secrets, else moved to AWS Secrets Manager — one secret per profile environment
 * (`ecs-wizard/<profile>/<environment>`, each with that environment's values), referred to by `valueFrom`. Without a
 * decision: asked in a terminal (the task-definition import's choice screen, one service at a time), else exit 2
 * naming the variables and both flags.
 *
 * Deciding rewrites the profiles (no value is left in them) and nothing else; the secrets are written only when the
 * migration is saved (`writeCopilotSecrets`), so a refused or declined migration creates none. A value goes to
 * Secrets Manager and nowhere else: never a message, an error, the report or a profile.
 */
import {copilotPlaintextSecrets, planCopilotSecretMove, type CopilotSecretMove} from '../domain/import/copilot/plaintext.js';
import type {CopilotMigration} from '../domain/import/copilot/build.js';
import type {Profile} from '../domain/model.js';
import {secretNameFor, type PlaintextSecret} from '../domain/import/plaintext-secrets.js';
import {InputError} from '../errors.js';
import type {SecretsPort} from '../ports/secrets.js';
import {decisionsFromFlags, undecidedError, writeSecret, type MovedSecret, type SecretDecision, type SecretFlags} from './import-secrets.js';

export interface PendingSecretMove {
  service: string;
  move: CopilotSecretMove;
}

export interface CopilotSecretDecisions {
  migration: CopilotMigration;
  /** The services whose variables move, each with its secrets still to write. */
  pending: PendingSecretMove[];
  /** service → the names kept as plain text. */
  kept: Record<string, string[]>;
}

/** Asks the person about one service's suspects (the choice screen); undefined: cancelled. */
export type AskSecrets = (
  service: string,
  choice: {suspects: readonly PlaintextSecret[]; initial: ReadonlyMap<string, SecretDecision>; destination: string},
) => Promise<Map<string, SecretDecision> | undefined>;

/**
 * The flags' decisions applied to every service's profile; what they leave open is asked (`ask`, in a terminal),
 * else exit 2 (InputError) naming the variables and the flags. Undefined when the person cancels.
 */
export async function decideCopilotSecrets(migration: CopilotMigration, flags: SecretFlags, ask?: AskSecrets): Promise<CopilotSecretDecisions | undefined> {
  const pending: PendingSecretMove[] = [];
  const kept: Record<string, string[]> = {};
  const problems: string[] = [];
  const suspectedAnywhere = new Set<string>();
  const services: CopilotMigration['services'] = [];
  for (const plan of migration.services) {
    const profile = plan.profile;
    const suspects = profile === undefined ? [] : copilotPlaintextSecrets(profile);
    for (const suspect of suspects) suspectedAnywhere.add(suspect.name);
    if (profile === undefined || suspects.length === 0) {
      services.push(plan);
      continue;
    }
    const here = decisionsFromFlags(suspects, {move: flags.move, keep: flags.keep.filter((name) => suspects.some((suspect) => suspect.name === name))});
    problems.push(...here.problems);
    let decisions: ReadonlyMap<string, SecretDecision> = here.decisions;
    if (here.undecided.length > 0) {
      if (ask === undefined) throw undecidedError(`the Copilot service ${plan.name}`, suspects, here.undecided);
      const chosen = await ask(plan.name, {suspects, initial: here.decisions, destination: destinationOf(profile)});
      if (chosen === undefined) return undefined;
      decisions = chosen;
    }
    const keep = [...decisions].filter(([, decision]) => decision === 'keep').map(([name]) => name);
    const moving = new Set([...decisions].filter(([, decision]) => decision === 'move').map(([name]) => name));
    let next = profile;
    if (keep.length > 0) {
      kept[plan.name] = keep;
      next = {...next, service: {...next.service, plaintextVariables: [...new Set([...(next.service.plaintextVariables ?? []), ...keep])].sort()}};
    }
    if (moving.size === 0) {
      services.push({...plan, profile: next});
      continue;
    }
    const move = planCopilotSecretMove(next, moving);
    pending.push({service: plan.name, move});
    services.push({...plan, profile: move.profile});
  }
  for (const name of flags.keep)
    if (!suspectedAnywhere.has(name)) problems.push(`--keep-plaintext ${name}: no variable ${name} of the Copilot services looks like a secret`);
  if (problems.length > 0) throw new InputError(`cannot import the Copilot workspace:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  return {migration: {...migration, services}, pending, kept};
}

/**
 * Writes each pending move's secrets (created, or a new version of one that exists) and sets each environment's
 * override to its ARN. Returns the migration to save and what was written (names and ARNs, never values).
 */
export async function writeCopilotSecrets(
  migration: CopilotMigration,
  pending: readonly PendingSecretMove[],
  options: {secrets: (region: string) => Promise<SecretsPort>; kmsKeyArn?: string; label: string},
): Promise<{migration: CopilotMigration; moved: Array<MovedSecret & {service: string}>}> {
  const moved: Array<MovedSecret & {service: string}> = [];
  const services = [];
  for (const plan of migration.services) {
    const move = pending.find((item) => item.service === plan.name)?.move;
    const profile = plan.profile;
    if (move === undefined || profile === undefined) {
      services.push(plan);
      continue;
    }
    const environments = [];
    for (const environment of profile.environments) {
      const name = secretNameFor(profile.name, environment.name);
      const secret = await writeSecret(await options.secrets(environment.region), name, move.secretStrings[environment.name] ?? '{}', {
        label: options.label,
        profile: profile.name,
        environment: environment.name,
        ...(options.kmsKeyArn === undefined ? {} : {kmsKeyArn: options.kmsKeyArn}),
      });
      moved.push({service: plan.name, environment: environment.name, ...secret, variables: move.moved, variable: move.variable});
      environments.push({...environment, overrides: {...environment.overrides, [move.variable]: secret.arn}});
    }
    services.push({...plan, profile: {...profile, environments}});
  }
  return {migration: {...migration, services}, moved};
}

/** Where the moved variables go, for the choice screen: the secret's name, or its pattern with several environments. */
const destinationOf = (profile: Profile): string =>
  profile.environments.length === 1
    ? secretNameFor(profile.name, profile.environments[0]!.name)
    : `${secretNameFor(profile.name, 'ENV')} for each environment ENV`;

/** One line per written secret (no value). */
export const movedSecretLines = (moved: ReadonlyArray<MovedSecret & {service: string}>): string[] =>
  moved.map(
    (secret) =>
      `Moved ${secret.variables.join(', ')} of ${secret.service} to AWS Secrets Manager: ${secret.arn} (${secret.created ? 'created' : 'a new version of the existing secret'}; a JSON key per variable), the override ${secret.variable} of environment ${secret.environment}`,
  );
