/**
 * `ecs-wizard init`'s flags, derived from the wizard's questions (operations/wizard/question-list.ts): each
 * question declares its flags and lands them in the answers (Question.fromFlags), checked with the same
 * functions its prompt uses; a flag given answers its question, which the Ink wizard then skips. This module
 * runs the questions over the flags, names the flag to supply for each missing answer, and derives the option
 * table (init-options.ts is generated from it, so that `--help` and the other commands start without loading
 * the wizard).
 */
import type {ArtifactServer} from '../domain/artifact-servers.js';
import {createFlagDraft, type FlagFile, type FlagProblem, type FlagValues, type ProvisionerSource} from '../operations/wizard/flag-draft.js';
import type {AnswerField, WizardProblem} from '../operations/wizard/profile.js';
import type {FlagSpec} from '../operations/wizard/question.js';
import {QUESTIONS} from '../operations/wizard/question-list.js';
import type {WizardAnswers} from '../domain/wizard-answers.js';
import type {OptionSpec, OptionValues} from './spec.js';

/** The options of `init` itself (not answers to a question). */
export const INIT_COMMAND_OPTIONS: Record<string, OptionSpec> = {
  yes: {type: 'boolean', short: 'y', description: 'no questions: use the flags and defaults, or fail listing what is missing'},
  force: {type: 'boolean', description: 'replace a saved profile of the same name'},
};

/** The flags of the questions, in the order `init --help` lists them. */
export function questionFlags(): FlagSpec[] {
  const flags = QUESTIONS.flatMap((question) => question.flags ?? []);
  const rank = (flag: FlagSpec): number => (flag.listed === 'first' ? 0 : flag.listed === 'last' ? 2 : 1);
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

/** The option table of `init`: every question's flags, then init's own. */
export function initOptionTable(): Record<string, OptionSpec> {
  const table: Record<string, OptionSpec> = {};
  for (const flag of questionFlags()) {
    table[flag.name] = {
      type: flag.type,
      ...(flag.multiple ? {multiple: true} : {}),
      ...(flag.short === undefined ? {} : {short: flag.short}),
      ...(flag.value === undefined ? {} : {value: flag.value}),
      description: flag.description,
    };
  }
  return {...table, ...INIT_COMMAND_OPTIONS};
}

/** The flags whose file init reads and hands to its question. */
export const fileFlags = (): string[] =>
  questionFlags()
    .filter((flag) => flag.readsFile)
    .map((flag) => flag.name);

/** The flag to supply for each answer, in messages. */
export const FLAG_OF: Record<AnswerField, string> = Object.assign({}, ...QUESTIONS.map((question) => question.fields ?? {})) as Record<AnswerField, string>;

export interface FlagAnswers {
  answers: WizardAnswers;
  /** Steps the flags answer: refKey → the flag (the wizard skips them). */
  given: Record<string, string>;
  choices: Record<string, string>;
  problems: FlagProblem[];
  /** Notes to print (what an import replaced, what a default was). */
  notes: string[];
  /** --image was an ECR repository name (not a URI): its URI is looked up in ECR. */
  ecrRepositoryName?: string;
  /** --cfn-stack / --tf-state per environment index. */
  provisioners: Array<ProvisionerSource | undefined>;
  flags: {yes: boolean; force: boolean; applyIam: boolean; createRole: boolean};
}

/** The files named by the flags that read one (fileFlags), read: flag name → path and text. */
export type FlagFiles = Record<string, FlagFile>;

/** A flag was given (a value, a true boolean, at least one of a repeatable one). */
const isGiven = (value: OptionValues[string]): boolean => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);

/** Which flags were given (for init's decision to open the wizard with them). */
export const givenFlagNames = (options: OptionValues): string[] =>
  Object.entries(options)
    .filter(([, value]) => isGiven(value))
    .map(([name]) => name);

/** Reads every flag; problems name the flag and say how to write it. `interactive`: missing answers are asked later. */
export function answersFromFlags(
  options: OptionValues,
  files: FlagFiles,
  context: {defaultRegion?: string; interactive: boolean; artifactServers?: ReadonlyArray<ArtifactServer & {services: string[]}>},
): FlagAnswers {
  const values: FlagValues = options;
  const environmentFlags = QUESTIONS.some((question) => question.perEnv && (question.flags ?? []).some((flag) => isGiven(values[flag.name])));
  const draft = createFlagDraft(values, files, {...context, environmentFlags});
  for (const question of QUESTIONS) question.fromFlags?.(draft);
  return {
    answers: draft.answers,
    given: draft.given,
    choices: draft.choices,
    problems: draft.problems,
    notes: draft.notes,
    ...(draft.ecrRepositoryName === undefined ? {} : {ecrRepositoryName: draft.ecrRepositoryName}),
    provisioners: draft.provisioners,
    flags: {yes: options.yes === true, force: options.force === true, applyIam: draft.iam.applyIam, createRole: draft.iam.createRole},
  };
}

/** `--flag: message` lines for the problems of an assembled profile and the flags. */
export function problemLines(flagProblems: readonly FlagProblem[], wizardProblems: readonly WizardProblem[], environmentNames: readonly string[]): string[] {
  const lines = flagProblems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.flag}: ${problem.message}`);
  for (const problem of wizardProblems) {
    if (problem.severity !== 'error') continue;
    const where = problem.environment === undefined ? '' : ` (environment ${environmentNames[problem.environment] || problem.environment + 1})`;
    lines.push(`${FLAG_OF[problem.field]}: ${problem.message}${where}${problem.fix ? ` (${problem.fix})` : ''}`);
  }
  return [...new Set(lines)];
}

const literal = (text: string): string =>
  text.includes("'") && !text.includes('"') ? JSON.stringify(text) : `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (name: string): string => (/^[a-z]+$/.test(name) ? name : literal(name));

/** The text of init-options.ts: the option table, written out (kept in step by test/commands/init-options.test.ts). */
export function initOptionsModule(): string {
  const entries = Object.entries(initOptionTable()).map(([name, spec]) => {
    const fields = [
      `type: ${literal(spec.type)}`,
      ...(spec.multiple ? ['multiple: true'] : []),
      ...(spec.short === undefined ? [] : [`short: ${literal(spec.short)}`]),
      ...(spec.value === undefined ? [] : [`value: ${literal(spec.value)}`]),
      `description: ${literal(spec.description)}`,
    ];
    return `  ${key(name)}: {${fields.join(', ')}},`;
  });
  return [
    '/**',
    " * The options of `ecs-wizard init` — GENERATED from the wizard's questions (each declares its own flags, in",
    ' * source/operations/wizard/questions/) by commands/init-flags.ts: do not edit. registry.ts imports this table',
    " * for --help and argument parsing, so that no command loads the wizard to start. After changing a question's",
    ' * flags: npx vitest run --project unit test/commands/init-options.test.ts -u',
    ' *',
    ' * Per-environment flags (--region, --cluster, --subnets, --security-groups, --execution-role, --cfn-stack,',
    ' * --tf-state) are given once for all environments, or once per --env, in the same order.',
    ' */',
    "import type {OptionSpec} from './spec.js';",
    '',
    'export const INIT_OPTIONS: Record<string, OptionSpec> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
