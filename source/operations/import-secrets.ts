/**
 * Plaintext secrets found by an import, and what the person decides for each: move it to AWS Secrets Manager, or
 * keep it as plain text because it is not a secret (recorded in the profile, so that the credential scan accepts
 * it). Shared by `ecs-wizard import` (flags, or the choice screen in a terminal) and the browser's import screen.
 *
 * Moving creates (or gives a new version to) one secret per profile environment with a JSON key per variable — why
 * one per environment and not one per variable: domain/import/plaintext-secrets.ts — rewrites each variable into a
 * `secrets` entry, and sets the environment's `secretsArn` override to the secret's ARN. The execution role then
 * needs `secretsmanager:GetSecretValue` on the secret (and `kms:Decrypt` on a customer key): put with --apply-iam,
 * printed with the aws CLI command otherwise, as the private-registry step of `init` does.
 *
 * A secret value goes to Secrets Manager and nowhere else: not into the profile, a message, an error or the screen
 * (which show `shown`, masked).
 */
import {findPlaintextSecrets, planSecretMove, secretNameFor, secretsVariable, type PlaintextSecret} from '../domain/import/plaintext-secrets.js';
import type {JsonObject} from '../domain/json.js';
import {parseJsonText} from '../domain/json-text.js';
import {isJsonObject} from '../domain/json.js';
import type {Environment, Profile} from '../domain/model.js';
import {containerSecretsPolicy, containerSecretsPolicyName} from '../domain/policy.js';
import {InputError} from '../errors.js';
import type {IamPort} from '../ports/iam.js';
import type {SecretsPort} from '../ports/secrets.js';
import type {ImportPlan} from './import.js';
import {compactJson, putRolePolicyCommand} from './wizard/execution-role.js';
import {kmsArnOf} from './wizard/questions/auth-secret.js';

export type SecretDecision = 'move' | 'keep';

/** What the flags say: `--move-secrets` (every suspect not kept), `--keep-plaintext NAME…`. */
export interface SecretFlags {
  move: boolean;
  keep: readonly string[];
}

export const MOVE_FLAG = '--move-secrets';
export const KEEP_FLAG = '--keep-plaintext NAME';

/** The variables of the planned profile's container specification that look like plaintext secrets. */
export function plaintextSecretsOf(plan: ImportPlan): PlaintextSecret[] {
  const service = plan.profile?.service;
  if (service === undefined || service.containerSpec.mode !== 'json') return [];
  return findPlaintextSecrets(service.containerSpec.json, service.plaintextVariables ?? []);
}

/** The suspects' names, each once, in order. */
export const suspectNames = (suspects: readonly PlaintextSecret[]): string[] => [...new Set(suspects.map((suspect) => suspect.name))];

/** Why a name can never stay plain text (its value is a credential by its shape), if it cannot. */
export const mustMove = (suspects: readonly PlaintextSecret[], name: string): string | undefined =>
  suspects.find((suspect) => suspect.name === name && suspect.mustMove !== undefined)?.mustMove;

/** One line per suspect: `mysql MYSQL_ROOT_PASSWORD = (masked)  (containerDefinitions[1].environment[0]: its name)`. */
export const suspectLine = (suspect: PlaintextSecret): string =>
  `${suspect.container} ${suspect.name} = ${suspect.shown}  (${suspect.path}: ${suspect.reason}${suspect.mustMove === undefined ? '' : '; it cannot stay plain text'})`;

/** The decisions the flags make, the names they leave open, and what is wrong with them. */
export function decisionsFromFlags(
  suspects: readonly PlaintextSecret[],
  flags: SecretFlags,
): {decisions: Map<string, SecretDecision>; undecided: string[]; problems: string[]} {
  const names = suspectNames(suspects);
  const problems: string[] = [];
  const decisions = new Map<string, SecretDecision>();
  for (const name of flags.keep) {
    const never = mustMove(suspects, name);
    if (!names.includes(name)) {
      problems.push(
        `--keep-plaintext ${name}: no environment variable ${name} looks like a secret${names.length === 0 ? '' : ` (those that do: ${names.join(', ')})`}`,
      );
    } else if (never !== undefined) {
      problems.push(`--keep-plaintext ${name}: its value looks like ${never}, which is never kept in a profile: move it (${MOVE_FLAG}) or remove it`);
    } else decisions.set(name, 'keep');
  }
  const undecided: string[] = [];
  for (const name of names) {
    if (decisions.has(name)) continue;
    if (flags.move) decisions.set(name, 'move');
    else undecided.push(name);
  }
  return {decisions, undecided, problems};
}

/** Without a terminal and without a decision: exit 2 naming every open variable and both flags. */
export function undecidedError(label: string, suspects: readonly PlaintextSecret[], undecided: readonly string[]): InputError {
  const open = suspects.filter((suspect) => undecided.includes(suspect.name));
  const count =
    undecided.length === 1 ? '1 environment variable looks like a plaintext secret' : `${undecided.length} environment variables look like plaintext secrets`;
  return new InputError(
    `cannot import ${label}: ${count} (${undecided.join(', ')}):\n${open.map((suspect) => `  ${suspectLine(suspect)}`).join('\n')}`,
    `pass ${MOVE_FLAG} to move them to AWS Secrets Manager (one secret for the environment, a JSON key per variable), or ${KEEP_FLAG} for each one that is not a secret (repeatable)`,
  );
}

/** A secret that moved variables went to, for one environment. */
export interface MovedSecret {
  environment: string;
  arn: string;
  name: string;
  kmsKeyArn?: string;
  /** False when the secret existed and got a new version. */
  created: boolean;
  variables: string[];
  /** The config variable (an override of the environment) that holds the secret's ARN. */
  variable: string;
}

export interface SecretMoveResult {
  plan: ImportPlan;
  secrets: MovedSecret[];
  kept: string[];
}

export interface SecretMoveOptions {
  /** Secrets Manager in an environment's region; needed only when a variable moves. */
  secrets?: (region: string) => Promise<SecretsPort>;
  /** The secret's name (a profile with one environment); default `ecs-wizard/<profile>/<environment>`. */
  secretName?: string;
  /** A customer KMS key for a secret that is created. */
  kmsKeyArn?: string;
  /** What was imported, for the secret's description. */
  label: string;
}

/**
 * Applies the decisions to the plan's profile: kept names join `service.plaintextVariables`; moved ones go to one
 * secret per environment (created, or a new version of it when it exists) and become `secrets` entries.
 */
export async function applySecretDecisions(
  plan: ImportPlan,
  decisions: ReadonlyMap<string, SecretDecision>,
  options: SecretMoveOptions,
): Promise<SecretMoveResult> {
  const profile = plan.profile;
  if (profile === undefined || profile.service.containerSpec.mode !== 'json') return {plan, secrets: [], kept: []};
  const kept = [...decisions].filter(([, decision]) => decision === 'keep').map(([name]) => name);
  const moving = new Set([...decisions].filter(([, decision]) => decision === 'move').map(([name]) => name));
  const plaintextVariables = [...new Set([...(profile.service.plaintextVariables ?? []), ...kept])].sort();
  let service = {...profile.service, ...(plaintextVariables.length === 0 ? {} : {plaintextVariables})};
  if (moving.size === 0 || options.secrets === undefined) return {plan: {...plan, profile: {...profile, service}}, secrets: [], kept};

  const taken = [...Object.keys(profile.service.variables), ...profile.environments.flatMap((environment) => Object.keys(environment.overrides))];
  const variable = secretsVariable(taken);
  const move = planSecretMove(profile.service.containerSpec.json, moving, variable);
  const moved: MovedSecret[] = [];
  const environments: Environment[] = [];
  for (const environment of profile.environments) {
    const name = options.secretName !== undefined && profile.environments.length === 1 ? options.secretName : secretNameFor(profile.name, environment.name);
    const secret = await writeSecret(await options.secrets(environment.region), name, move.secretString, {
      ...options,
      profile: profile.name,
      environment: environment.name,
    });
    moved.push({environment: environment.name, ...secret, variables: [...moving], variable});
    environments.push({...environment, overrides: {...environment.overrides, [variable]: secret.arn}});
  }
  service = {...service, containerSpec: {mode: 'json', json: move.containerSpecJson}};
  const replacements = [
    ...plan.replacements,
    ...move.moved.map((item) => ({
      path: item.path,
      from: `${item.name}=${item.shown}`,
      to: `secrets valueFrom ${item.valueFrom}`,
      document: 'task definition' as const,
    })),
  ];
  return {plan: {...plan, profile: {...profile, service, environments}, replacements}, secrets: moved, kept};
}

export async function writeSecret(
  port: SecretsPort,
  name: string,
  secretString: string,
  options: SecretMoveOptions & {profile: string; environment: string},
): Promise<{arn: string; name: string; kmsKeyArn?: string; created: boolean}> {
  const existing = await port.describeSecret(name);
  if (existing !== undefined) {
    if (existing.deletedAt !== undefined) {
      throw new InputError(
        `the secret ${name} is scheduled for deletion (${existing.deletedAt}): nothing was imported`,
        `restore it (aws secretsmanager restore-secret --secret-id ${existing.arn}), or name another secret with --secret-name`,
      );
    }
    await port.putSecretValue(existing.arn, secretString);
    const key = kmsArnOf(existing.arn, existing.kmsKeyId);
    return {arn: existing.arn, name: existing.name || name, ...(key === undefined ? {} : {kmsKeyArn: key}), created: false};
  }
  const created = await port.createSecret({
    name,
    secretString,
    description: `Environment variables moved out of plain text by ecs-wizard import (${options.label})`,
    ...(options.kmsKeyArn === undefined ? {} : {kmsKeyId: options.kmsKeyArn}),
    tags: {'ecs-wizard:profile': options.profile, 'ecs-wizard:environment': options.environment},
  });
  return {arn: created.arn, name: created.name || name, ...(options.kmsKeyArn === undefined ? {} : {kmsKeyArn: options.kmsKeyArn}), created: true};
}

/** The execution role an environment's tasks read secrets with: the environment's, or one written in the specification. */
export function executionRoleOf(profile: Profile, environment: string): string | undefined {
  // A literal ARN in the specification overrides the environment's role (the seed's private-repo case).
  const spec = profile.service.containerSpec.mode === 'json' ? parseJsonText(profile.service.containerSpec.json, 'containerSpec').value : undefined;
  const written = isJsonObject(spec) ? spec['executionRoleArn'] : undefined;
  if (typeof written === 'string' && !written.includes('${')) return written;
  return profile.environments.find((candidate) => candidate.name === environment)?.executionRoleArn;
}

/** The inline policy one environment's execution role needs for its moved secret. */
export interface SecretPolicy {
  environment: string;
  role?: string;
  policyName: string;
  policy: JsonObject;
}

export function secretPolicies(profile: Profile, moved: readonly MovedSecret[]): SecretPolicy[] {
  return moved.map((secret) => {
    const role = executionRoleOf(profile, secret.environment);
    return {
      environment: secret.environment,
      ...(role === undefined ? {} : {role}),
      policyName: containerSecretsPolicyName(profile.name, secret.environment),
      policy: containerSecretsPolicy({arn: secret.arn, ...(secret.kmsKeyArn === undefined ? {} : {kmsKeyArn: secret.kmsKeyArn})}),
    };
  });
}

/**
 * Puts each policy on its role with `apply` (--apply-iam); otherwise, or without a role, says what the role needs
 * and the aws CLI command that adds it. Returns the lines to show.
 */
export async function applySecretPolicies(policies: readonly SecretPolicy[], options: {apply: boolean; iam?: () => Promise<IamPort>}): Promise<string[]> {
  const lines: string[] = [];
  for (const {environment, role, policyName, policy} of policies) {
    const actions = `secretsmanager:GetSecretValue${JSON.stringify(policy).includes('kms:Decrypt') ? ', kms:Decrypt' : ''}`;
    if (role === undefined) {
      lines.push(
        `environment ${environment}: the task definition has no execution role, which ECS needs to read secrets: set one (executionRoleArn, or the environment's role) and give it this inline policy (${policyName}):\n${compactJson(policy)}`,
      );
    } else if (options.apply && options.iam !== undefined) {
      await (await options.iam()).putRolePolicy(role, policyName, policy);
      lines.push(`put the inline policy ${policyName} on ${role} (${actions})`);
    } else {
      lines.push(
        `IAM not changed (no --apply-iam). The execution role of ${environment} needs this inline policy:\n${compactJson(policy)}\n` +
          `  add it with --apply-iam, or: ${putRolePolicyCommand(role.split('/').pop() ?? role, policyName, policy)}`,
      );
    }
  }
  return lines;
}

/** What moving and keeping did, as lines for the person (no value, only masked ones). */
export function secretReport(result: SecretMoveResult): string[] {
  const lines: string[] = [];
  for (const secret of result.secrets) {
    lines.push(
      `Moved ${secret.variables.join(', ')} to AWS Secrets Manager: ${secret.arn} (${secret.created ? 'created' : 'a new version of the existing secret'}; a JSON key per variable), the override ${secret.variable} of environment ${secret.environment}`,
    );
  }
  if (result.kept.length > 0) lines.push(`Kept as plain text (declared not secrets): ${result.kept.join(', ')}`);
  return lines;
}
