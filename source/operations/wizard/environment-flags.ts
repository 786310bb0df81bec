/**
 * How `init`'s per-environment flags (--region, --cluster, --subnets, …) reach the environments: there is one
 * environment per --env (at least one), and each per-environment flag is given once for all of them, or once
 * per --env in the same order. Used by the environment questions' fromFlags. Pure.
 */
import type {EnvironmentAnswers} from '../../domain/wizard-answers.js';
import {parseIds} from './answer-checks.js';
import type {FlagDraft} from './flag-draft.js';

/** The flag that names the environments (its values give their number and order). */
export const ENVIRONMENT_FLAG = 'env';

/** The environment names the flags give, in order. */
export const environmentNames = (draft: FlagDraft): string[] => draft.values(ENVIRONMENT_FLAG);

/** The value of a per-environment flag for each environment (a problem when given neither once nor once per --env). */
export function perEnvironment(draft: FlagDraft, flag: string): Array<string | undefined> {
  const names = environmentNames(draft);
  const values = draft.values(flag);
  if (values.length > 1 && values.length !== Math.max(1, names.length)) {
    draft.fail(
      `--${flag}`,
      `given ${values.length} times for ${names.length} environment${names.length === 1 ? '' : 's'}: give it once (for all) or once per --env, in the same order`,
    );
  }
  return Array.from({length: Math.max(1, names.length)}, (_, index) => (values.length > 1 ? values[index] : values[0]));
}

/**
 * The environments the flags make (created on first use): one per --env, when an environment flag was given
 * or nothing will be asked. Undefined: the environments are asked in the wizard.
 */
export function flagEnvironments(draft: FlagDraft): EnvironmentAnswers[] | undefined {
  if (draft.answers.environments === undefined) {
    if (!draft.environmentFlags && draft.interactive) return undefined;
    const count = Math.max(1, environmentNames(draft).length);
    draft.answers = {...draft.answers, environments: Array.from({length: count}, (): EnvironmentAnswers => ({}))};
  }
  return draft.answers.environments;
}

/**
 * A per-environment list of resource ids (`--subnets a,b`, `--security-groups sg-1`): checked, set on each
 * environment by `set`, and marked as given for that environment's `question`.
 */
export function idsFromFlags(
  draft: FlagDraft,
  options: {flag: string; kind: 'subnet' | 'sg'; question: string; set: (environment: EnvironmentAnswers, ids: string[]) => void},
): void {
  const values = perEnvironment(draft, options.flag);
  flagEnvironments(draft)?.forEach((environment, index) => {
    const text = values[index];
    if (text === undefined) return;
    const checked = parseIds(text, options.kind);
    if (checked.ok) {
      options.set(environment, checked.value);
      draft.given[`${options.question}#${index}`] = `--${options.flag}`;
    } else draft.fail(`--${options.flag}`, checked.message);
  });
}
