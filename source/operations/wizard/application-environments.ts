/**
 * The application's environments in the setup: a service of an application uses the environments the application
 * already has (the guide defines an environment once, for every service). `init --env NAME` for an environment the
 * application has takes its values — a per-environment flag given as well changes the application's environment
 * (for every service that uses it: init says which) — and the wizard offers the application's environments before
 * asking for a new one (questions/env-existing.ts).
 */
import type {ApplicationEnvironment} from '../../domain/applications.js';
import type {EnvironmentAnswers, ProvisionerAnswer, WizardAnswers} from '../../domain/wizard-answers.js';
import type {ProvisionedField} from '../../domain/model.js';

/** An application environment with the profiles that use it. */
export type OfferedEnvironment = ApplicationEnvironment & {services: string[]};

/** The environment questions an application's environment answers (the wizard skips them when one is used). */
export const APPLICATION_ENVIRONMENT_STEPS = [
  'env-source',
  'env-cfn-stack',
  'env-tf-state',
  'env-name',
  'env-region',
  'env-cluster',
  'env-launch-type',
  'env-subnets',
  'env-security-groups',
  'env-public-ip',
  'env-role',
  'env-role-create',
] as const;

/** The choice that records which application environment an environment step uses (`env-existing#N`). */
export const EXISTING_CHOICE = 'env-existing';
/** The choice's value for "a new environment". */
export const NEW_ENVIRONMENT = '\0new';

/** The step each answer field belongs to, and the field's value in an application environment. */
const FIELDS: Array<[keyof EnvironmentAnswers, string, (environment: ApplicationEnvironment) => EnvironmentAnswers[keyof EnvironmentAnswers]]> = [
  ['region', 'env-region', (environment) => environment.region],
  ['cluster', 'env-cluster', (environment) => environment.cluster],
  ['launchType', 'env-launch-type', (environment) => environment.launchType],
  ['subnets', 'env-subnets', (environment) => environment.network?.subnets],
  ['securityGroups', 'env-security-groups', (environment) => environment.network?.securityGroups],
  ['assignPublicIp', 'env-public-ip', (environment) => environment.network?.assignPublicIp],
  ['executionRoleArn', 'env-role', (environment) => environment.executionRoleArn],
];

function provisionerAnswerOf(environment: ApplicationEnvironment): ProvisionerAnswer | undefined {
  const provisioner = environment.provisioner;
  if (provisioner === undefined) return undefined;
  const {outputs, ...source} = provisioner;
  const value = (field: ProvisionedField): string | string[] | undefined =>
    field === 'subnets' ? environment.network?.subnets : field === 'securityGroups' ? environment.network?.securityGroups : environment[field];
  const filled: ProvisionerAnswer['filled'] = {};
  for (const [field, output] of Object.entries(outputs) as Array<[ProvisionedField, string]>) {
    const current = value(field);
    if (current !== undefined) filled[field] = {output, value: current};
  }
  return {source, filled};
}

/** The answers of an environment that uses the application's `environment` (the service's overrides kept). */
export function answersOfEnvironment(environment: ApplicationEnvironment, current: EnvironmentAnswers = {}): EnvironmentAnswers {
  const answers: EnvironmentAnswers = {...(current.overrides === undefined ? {} : {overrides: current.overrides}), name: environment.name};
  for (const [field, , read] of FIELDS) {
    const value = read(environment);
    if (value !== undefined) (answers as Record<string, unknown>)[field] = structuredClone(value);
  }
  const provisioner = provisionerAnswerOf(environment);
  if (provisioner !== undefined) answers.provisioner = provisioner;
  answers.filledFrom = 'the application';
  return answers;
}

/** One line about an environment: `us-east-1 / web-staging (FARGATE)`. */
export const placementOf = (environment: ApplicationEnvironment): string => `${environment.region} / ${environment.cluster} (${environment.launchType})`;

/**
 * `init`'s flags for environments the application has: each field no flag gave is the application's (and its step
 * is answered, so that the wizard does not ask it). Returns the notes to print.
 */
export function fillFromApplication(
  parsed: {answers: WizardAnswers; given: Record<string, string>; choices: Record<string, string>},
  application: string,
  environments: readonly OfferedEnvironment[],
): string[] {
  const notes: string[] = [];
  parsed.answers.environments?.forEach((answers, index) => {
    const environment = environments.find((candidate) => candidate.name === answers.name);
    if (environment === undefined) return;
    const explicit = (step: string): boolean => parsed.given[`${step}#${index}`]?.startsWith('--') === true;
    const typed: string[] = [];
    for (const [field, step, read] of FIELDS) {
      if (explicit(step)) {
        typed.push(parsed.given[`${step}#${index}`]!);
        continue;
      }
      const value = read(environment);
      if (value === undefined) delete (answers as Record<string, unknown>)[field];
      else (answers as Record<string, unknown>)[field] = structuredClone(value);
      parsed.given[`${step}#${index}`] = `application ${application}`;
    }
    if (!explicit('env-source') && parsed.given[`env-source#${index}`] !== '--cfn-stack' && parsed.given[`env-source#${index}`] !== '--tf-state') {
      const provisioner = provisionerAnswerOf(environment);
      if (provisioner === undefined) delete answers.provisioner;
      else answers.provisioner = provisioner;
      answers.filledFrom = `application ${application}`;
      parsed.given[`env-source#${index}`] = `application ${application}`;
      parsed.choices[`env-source#${index}`] = 'typed';
    }
    parsed.choices[`${EXISTING_CHOICE}#${index}`] = environment.name;
    parsed.given[`${EXISTING_CHOICE}#${index}`] = `application ${application}`;
    const users = environment.services.length === 0 ? 'no service yet' : environment.services.join(', ');
    notes.push(
      `--env ${environment.name}: the application ${application}'s environment (${placementOf(environment)}; used by ${users})` +
        (typed.length === 0 ? '' : `; ${typed.join(', ')} given: saving changes it for every service that uses it`),
    );
  });
  return notes;
}

/** True when environment step `id` is answered by the application's environment this environment uses. */
export function answeredByApplication(id: string, choices: Readonly<Record<string, string>>, env: number): boolean {
  const chosen = choices[`${EXISTING_CHOICE}#${env}`];
  return chosen !== undefined && chosen !== NEW_ENVIRONMENT && (APPLICATION_ENVIRONMENT_STEPS as readonly string[]).includes(id);
}

/**
 * What saving these answers changes in the application's environments that other services use: each environment of
 * the answers whose values differ from the application's, with the fields and the services (one line each).
 */
export function sharedChanges(answers: WizardAnswers, environments: readonly OfferedEnvironment[], profileName?: string): string[] {
  const lines: string[] = [];
  for (const answer of answers.environments ?? []) {
    const environment = environments.find((candidate) => candidate.name === answer.name);
    if (environment === undefined) continue;
    const others = environment.services.filter((service) => service !== profileName);
    if (others.length === 0) continue;
    const changed = FIELDS.filter(([field, , read]) => {
      const value = answer[field] ?? (field === 'launchType' ? answers.launchType : field === 'executionRoleArn' ? answers.executionRoleArn : undefined);
      const shared = read(environment);
      return JSON.stringify(value ?? null) !== JSON.stringify(shared ?? null) && !(field === 'assignPublicIp' && !value && !shared);
    }).map(([field]) => field);
    if (changed.length > 0) {
      lines.push(`Saving changes the environment ${environment.name} (${changed.join(', ')}) for ${others.join(', ')} too: it is the application's`);
    }
  }
  return lines;
}
