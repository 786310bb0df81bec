/**
 * What a question of the setup wizard is. One module per question (questions/<id>.ts, listed in order by
 * question-list.ts) owns everything about it:
 * - its place in the flow: section, once per environment or not, when it applies, when a rule answers it
 *   without asking (`auto`), when its answer still holds (`valid`), the `Label: value` line it collapses to;
 * - the seed's help (the `?` overlay);
 * - how the Ink wizard asks it: a `prompt` of one of a few kinds (text, select, picker, list, editor, action),
 *   drawn by ui/wizard/prompts/ — or, for the few that need more, a bespoke view ui/wizard/views/<id>.tsx;
 * - its validation, and how an answer lands in the answers;
 * - its `init` flags (name, value, help text) and how they land in the answers (`fromFlags`): a flag given
 *   answers the question, which the Ink wizard then skips.
 *
 * React-free: `ecs-wizard init --yes` runs the flags path without loading Ink.
 */
import type {Issue} from '../../domain/issues.js';
import type {EnvironmentAnswers, WizardAnswers} from '../../domain/wizard-answers.js';
import type {Checked} from './answer-checks.js';
import type {FlagDraft} from './flag-draft.js';
import type {AnswerField} from './profile.js';
import type {Listing, WizardServices} from './services.js';

/** A step of the flow: a question, for one environment when it is asked per environment. */
export interface StepRef {
  id: string;
  /** The environment (index) of an environment step. */
  env?: number;
}

export const refKey = (ref: StepRef): string => (ref.env === undefined ? ref.id : `${ref.id}#${ref.env}`);
export const sameRef = (a: StepRef, b: StepRef): boolean => a.id === b.id && a.env === b.env;

/** What a question sees. `choices` holds the answers that shape the flow but are not part of the profile. */
export interface StepContext {
  answers: WizardAnswers;
  choices: Readonly<Record<string, string>>;
  /** The environment of an environment step (0 otherwise). */
  env: number;
  /** A registry password is known (typed, or from ECS_WIZARD_REGISTRY_PASSWORD). */
  hasPassword: boolean;
  /** Set when ECS_WIZARD_REGISTRY_PASSWORD holds the password. */
  passwordFromEnv: boolean;
}

export interface AutoAnswer {
  /** The answer the step gets (nothing when the answers already hold it). */
  update?: (answers: WizardAnswers) => WizardAnswers;
  choices?: Record<string, string>;
  summary: string;
}

/** What answering a question gives the flow (a prompt's `submit` returning nothing leaves the question as it is). */
export interface Submission {
  answers?: WizardAnswers;
  choices?: Record<string, string>;
  password?: string;
  notice?: string;
}

/** One row of a select or a picker. */
export interface Choice {
  value: string;
  label: string;
  /** Shown dimmed after the label (a description, a push date, record types…). */
  detail?: string;
  /** Why the row cannot be chosen (shown in place when Enter is pressed on it). */
  disabled?: string;
}

/** What a prompt may use while it is shown. */
export interface PromptContext {
  ctx: StepContext;
  services: WizardServices;
  /** The registry password (in memory only). */
  password?: string;
  /** A memory that lives as long as the question is shown (e.g. what an import gave, by the text it gave). */
  memo: Map<string, unknown>;
}

/** Checked after the answer is chosen (e.g. that a typed ARN exists); the message is shown in place. */
export interface AsyncCheck<T> {
  /** Shown while the check runs: "Checking the secret…". */
  progress: string;
  run(value: T): Promise<{ok: true; value?: T; note?: string} | {ok: false; message: string}>;
}

/** A line shown with a prompt, under its question: a note, or a JSON document (at most `max` lines). */
export type PromptLine = {note: string; tone?: 'dim' | 'warn'} | {json: string; max: number};

/** A typed answer, checked on Enter. */
export interface TextPrompt<T> {
  kind: 'text';
  label: string;
  hint?: string;
  initial?: string;
  placeholder?: string;
  /** A default shown dimmed in the empty field; Enter on the empty field takes it. */
  suggestion?: string;
  /** Typed characters are shown as • (a password). */
  mask?: boolean;
  validate(text: string): Checked<T>;
  check?: AsyncCheck<T>;
  submit(value: T, note?: string): Submission | undefined;
}

/** A text prompt (its value's type inferred from `validate`). */
export const textPrompt = <T>(prompt: Omit<TextPrompt<T>, 'kind'>): TextPrompt<T> => ({kind: 'text', ...prompt});

/** One choice out of a few. */
export interface SelectPrompt {
  kind: 'select';
  label: string;
  hint?: string;
  options: Choice[];
  initial?: string;
  submit: (value: string) => Submission | undefined;
}

/** A list read from AWS (or given), filtered as you type; a typed value is used as is when `free` allows it. */
export interface PickerPrompt {
  kind: 'picker';
  label: string;
  hint?: string;
  /** What is listed, for messages: "clusters in us-east-1". */
  what: string;
  load?: () => Promise<Listing<Choice>>;
  items?: Choice[];
  /** Rows always shown first (e.g. "Create ecsTaskExecutionRole"), from what was listed (undefined until then). */
  extra?: (listed: readonly Choice[] | undefined) => Choice[];
  free?: {validate: (text: string) => Checked<string>; hint: string};
  initial?: string;
  initialSelected?: string[];
  /** Several can be chosen (space selects). */
  multi?: boolean;
  /** For `multi`: typed text (e.g. "subnet-1, subnet-2") is parsed with this. */
  parseMany?: (text: string) => Checked<string[]>;
  check?: AsyncCheck<string[]>;
  /** `listed`: the rows that were listed (undefined when the list had not arrived or could not be read). */
  submit: (values: string[], note: string | undefined, listed: readonly Choice[] | undefined) => Submission | undefined;
}

export interface ListEntry {
  name: string;
  value: string;
  /** Offered by the wizard (e.g. containerPort for service discovery), not typed. */
  offered?: boolean;
}

/** NAME=VALUE entries, one per line. */
export interface ListPrompt {
  kind: 'list';
  label: string;
  hint?: string;
  initial: ListEntry[];
  parse: (text: string) => Checked<{name: string; value: string}>;
  /** Checked when done: a message blocks once (Enter again goes on). */
  onDone?: (entries: ListEntry[]) => string | undefined;
  body?: PromptLine[];
  submit: (entries: ListEntry[]) => Submission | undefined;
}

/** Where the editor starts: a template, pasted output, the current JSON… */
export interface EditorStart extends Choice {
  /** The text the editor opens with. */
  text: () => Promise<string> | string;
}

/** A JSON text back from the editor, checked. */
export interface EditorCheck {
  /** The text to keep (an import may rewrite it). */
  text: string;
  issues: Issue[];
  notes: string[];
  /** One line describing a valid text: "1 container (${CONTAINER_NAME}), awsvpc". */
  summary?: string;
}

/** A JSON document written in the person's editor ($VISUAL/$EDITOR), checked on return. */
export interface EditorPrompt {
  kind: 'editor';
  label: string;
  hint?: string;
  /** What is edited, for messages: "task definition". */
  what: string;
  starts: EditorStart[];
  initialStart?: string;
  check: (text: string, start: string) => EditorCheck;
  accept: (checked: EditorCheck, start: string) => Submission | undefined;
}

/** What choosing an option of an action prompt does. */
export type ActionOutcome =
  | {kind: 'back'}
  | {kind: 'submit'; submission: Submission}
  /** Something that changes the world (IAM): `progress` is shown while it runs, `failure` says what went wrong. */
  | {kind: 'run'; progress: string; run: () => Promise<Submission>; failure: (reason: string) => string};

/** A yes/no about doing something, with what would be done shown under the question. */
export interface ActionPrompt {
  kind: 'action';
  label: string;
  options: Choice[];
  body?: PromptLine[];
  choose: (value: string) => ActionOutcome;
}

/** The question cannot be asked now (an earlier answer is missing): the message says so. */
export interface UnavailablePrompt {
  kind: 'unavailable';
  message: string;
}

/** How a question is asked. (A text prompt's value goes from its own `validate` back to its own `submit`.) */
export type Prompt = TextPrompt<unknown> | SelectPrompt | PickerPrompt | ListPrompt | EditorPrompt | ActionPrompt | UnavailablePrompt;

/** A flag of `ecs-wizard init` (the option table and `init --help` are derived from these). */
export interface FlagSpec {
  /** Without the dashes: `app` is `--app`. */
  name: string;
  type: 'string' | 'boolean';
  /** May be given several times. */
  multiple?: boolean;
  short?: string;
  /** The name of the value in help, e.g. `FILE`. */
  value?: string;
  description: string;
  /** `init` reads the file this flag names and hands its text to the question (FlagDraft.file). */
  readsFile?: boolean;
  /** Listed in `init --help` before every other flag (the profile's name), or after them (where values are filled from). */
  listed?: 'first' | 'last';
}

export interface Question {
  /** Unique; also the key of the step in `given`, `done` and the draft (`id#env` for environment steps). */
  id: string;
  /** Index in SECTIONS (question-list.ts). */
  section: number;
  /** Asked once per environment. */
  perEnv?: boolean;
  /** The collapsed line's label. */
  label: string;
  /** The seed's explanation (the `?` overlay). */
  help: readonly string[];
  applies?: (ctx: StepContext) => boolean;
  /** Answered without asking (a rule decides), with the line it collapses to. */
  auto?: (ctx: StepContext) => AutoAnswer | undefined;
  /** The answer still holds (e.g. the JSON still validates for the launch type). */
  valid?: (ctx: StepContext) => boolean;
  summary: (ctx: StepContext) => string;
  /** How the Ink wizard asks it; without one, ui/wizard/views has a view for this id (or it is never asked). */
  prompt?: (context: PromptContext) => Prompt;
  /** The `init` flags this question declares. */
  flags?: readonly FlagSpec[];
  /** The answer fields it gives, with the flag(s) to name when one is missing or wrong. */
  fields?: Partial<Record<AnswerField, string>>;
  /** Lands the flags in the answers (run for every question, in the order of the questions). */
  fromFlags?: (draft: FlagDraft) => void;
}

/** The environment answers of an environment step. */
export const envOf = (ctx: StepContext): EnvironmentAnswers => ctx.answers.environments?.[ctx.env] ?? {};

/** A flow choice of this step (`id`, or `id#env` for an environment step). */
export const choiceOf = (ctx: StepContext, id: string, perEnv = false): string | undefined => ctx.choices[perEnv ? `${id}#${ctx.env}` : id];

export function patchEnvironment(answers: WizardAnswers, index: number, patch: Partial<EnvironmentAnswers>): WizardAnswers {
  const environments = [...(answers.environments ?? [])];
  while (environments.length <= index) environments.push({});
  environments[index] = {...environments[index], ...patch};
  return {...answers, environments};
}
