/**
 * The wizard's state: answers, the steps visited (the current one last), what the flags gave, the overlays.
 * A pure reducer: the views dispatch answers, it decides the next step (skipping what a rule or a flag
 * answers, which collapses to its `Label: value` line), Esc goes back one step keeping every answer.
 */
import {answeredByApplication} from '../../operations/wizard/application-environments.js';
import {answeredByServer} from '../../operations/wizard/application-servers.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import {refKey, sameRef, type StepContext, type StepRef, type Submission} from '../../operations/wizard/question.js';
import {ENVIRONMENT_SECTION, QUESTIONS, questionById} from '../../operations/wizard/question-list.js';

export interface HistoryEntry {
  ref: StepRef;
  /** Set when the step was answered without asking: by a rule, or by a flag (the line says which). */
  auto?: string;
}

export type Overlay = 'none' | 'help' | 'quit' | 'change';

export interface WizardState {
  answers: WizardAnswers;
  /** Answers that shape the flow but are not saved in the profile (e.g. how discovery is chosen). */
  choices: Record<string, string>;
  /** Steps answered by `init` flags: refKey → the flag. */
  given: Record<string, string>;
  /** Steps answered at least once (refKeys). */
  done: string[];
  history: HistoryEntry[];
  /** Registry password: in memory only, never in the answers, the draft or the profile. */
  password?: string;
  passwordFromEnv: boolean;
  overlay: Overlay;
  /** After "change an answer" from the review: come back to the review once everything holds again. */
  returnToReview: boolean;
  /** Esc on the first step: the screen asks (or leaves). */
  leaving: boolean;
  /** A line shown under the question once (e.g. what an import replaced). */
  notice?: string;
}

export type WizardAction =
  | {type: 'submit'; ref: StepRef; submission: Submission}
  | {type: 'back'}
  | {type: 'stay'}
  | {type: 'change'; ref: StepRef}
  | {type: 'overlay'; overlay: Overlay}
  | {type: 'toggle-help'};

export interface WizardInit {
  answers?: WizardAnswers;
  choices?: Record<string, string>;
  given?: Record<string, string>;
  done?: string[];
  password?: string;
  passwordFromEnv?: boolean;
  /** Walk over everything already answered (resuming a draft): stop at the first unanswered step. */
  resume?: boolean;
}

export function contextOf(state: Pick<WizardState, 'answers' | 'choices' | 'password' | 'passwordFromEnv'>, ref: StepRef | undefined): StepContext {
  return {
    answers: state.answers,
    choices: state.choices,
    env: ref?.env ?? 0,
    hasPassword: state.password !== undefined && state.password !== '',
    passwordFromEnv: state.passwordFromEnv,
  };
}

/** The steps that apply to the answers, in order (environment steps once per environment). */
export function flowOf(state: Pick<WizardState, 'answers' | 'choices' | 'password' | 'passwordFromEnv'>): StepRef[] {
  const refs: StepRef[] = [];
  const applies = (ref: StepRef): boolean =>
    !(ref.env !== undefined && answeredByApplication(ref.id, state.choices, ref.env)) &&
    !(ref.env === undefined && answeredByServer(ref.id, state.choices)) &&
    (questionById(ref.id).applies?.(contextOf(state, ref)) ?? true);
  const before = QUESTIONS.filter((step) => !step.perEnv && step.section < ENVIRONMENT_SECTION);
  const perEnv = QUESTIONS.filter((step) => step.perEnv);
  const after = QUESTIONS.filter((step) => !step.perEnv && step.section >= ENVIRONMENT_SECTION);
  for (const step of before) if (applies({id: step.id})) refs.push({id: step.id});
  for (let env = 0; ; env += 1) {
    for (const step of perEnv) if (applies({id: step.id, env})) refs.push({id: step.id, env});
    if (state.choices[`env-more#${env}`] !== 'yes' || env > 50) break;
  }
  for (const step of after) if (applies({id: step.id})) refs.push({id: step.id});
  return refs;
}

export const currentRef = (state: WizardState): StepRef => state.history.at(-1)?.ref ?? {id: QUESTIONS[0]!.id};

/** The position of a step in the canonical order (steps before the environments, each environment's, after). */
function orderOf(ref: StepRef): [number, number, number] {
  const index = QUESTIONS.findIndex((step) => step.id === ref.id);
  const step = QUESTIONS[index]!;
  const phase = step.perEnv ? 1 : step.section < ENVIRONMENT_SECTION ? 0 : 2;
  return [phase, ref.env ?? 0, index];
}

const after = (a: StepRef, b: StepRef): boolean => {
  const [x, y] = [orderOf(a), orderOf(b)];
  return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
};

/** The step after `current` in the flow (`current` itself may no longer apply: its answer changed the flow). */
function nextInFlow(flow: readonly StepRef[], current: StepRef | undefined): StepRef | undefined {
  if (current === undefined) return flow[0];
  const index = flow.findIndex((ref) => sameRef(ref, current));
  if (index >= 0) return flow[index + 1];
  return flow.find((ref) => after(ref, current));
}

/** How a step would be answered without asking now (a flag, or a rule), if it would. */
function autoAnswer(state: WizardState, ref: StepRef): {state: WizardState; line: string} | undefined {
  const def = questionById(ref.id);
  const ctx = contextOf(state, ref);
  const flag = state.given[refKey(ref)];
  if (flag !== undefined && (def.valid?.(ctx) ?? true)) return {state, line: `${def.summary(ctx)} (${flag})`};
  const auto = def.auto?.(ctx);
  if (auto === undefined) return undefined;
  const answers = auto.update ? auto.update(state.answers) : state.answers;
  const choices = auto.choices ? {...state.choices, ...auto.choices} : state.choices;
  return {state: {...state, answers, choices}, line: auto.summary};
}

const isDone = (state: WizardState, ref: StepRef): boolean => state.done.includes(refKey(ref)) && (questionById(ref.id).valid?.(contextOf(state, ref)) ?? true);

/** Pushes the steps after the current one: those answered without asking, then the next question. */
function advance(state: WizardState): WizardState {
  let next = state;
  for (let guard = 0; guard < 500; guard += 1) {
    const ref = nextInFlow(flowOf(next), next.history.at(-1)?.ref);
    if (ref === undefined) return next;
    const auto = autoAnswer(next, ref);
    if (auto === undefined) return {...next, history: [...next.history, {ref}]};
    next = {...auto.state, history: [...auto.state.history, {ref, auto: auto.line}]};
  }
  return next;
}

/**
 * Walks the flow from the start over every step already answered (and still valid), stopping at the first
 * one that is not: resuming a draft, or coming back to the review after changing an answer.
 */
function rebuild(state: WizardState): WizardState {
  let next: WizardState = {...state, history: []};
  for (let guard = 0; guard < 500; guard += 1) {
    const ref = nextInFlow(flowOf(next), next.history.at(-1)?.ref);
    if (ref === undefined) return next;
    const auto = autoAnswer(next, ref);
    if (auto !== undefined) {
      next = {...auto.state, history: [...auto.state.history, {ref, auto: auto.line}]};
      continue;
    }
    next = {...next, history: [...next.history, {ref}]};
    if (ref.id === 'review') return {...next, returnToReview: false};
    if (!isDone(next, ref)) return next;
  }
  return next;
}

export function initialWizard(init: WizardInit = {}): WizardState {
  const state: WizardState = {
    answers: init.answers ?? {},
    choices: init.choices ?? {},
    given: init.given ?? {},
    done: init.done ?? [],
    history: [],
    passwordFromEnv: init.passwordFromEnv ?? false,
    overlay: 'none',
    returnToReview: false,
    leaving: false,
    ...(init.password === undefined ? {} : {password: init.password}),
  };
  return init.resume ? rebuild({...state, returnToReview: true}) : advance(state);
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'submit': {
      if (!sameRef(action.ref, currentRef(state))) return state;
      const {submission} = action;
      const key = refKey(action.ref);
      const submitted: WizardState = {
        ...state,
        answers: submission.answers ?? state.answers,
        choices: submission.choices ? {...state.choices, ...submission.choices} : state.choices,
        done: state.done.includes(key) ? state.done : [...state.done, key],
        leaving: false,
        notice: submission.notice,
        ...(submission.password === undefined ? {} : {password: submission.password}),
      };
      return submitted.returnToReview ? rebuild(submitted) : advance(submitted);
    }
    case 'back': {
      if (state.overlay !== 'none') return {...state, overlay: 'none'};
      const history = state.history.slice(0, -1);
      while (history.length > 0 && history.at(-1)?.auto !== undefined) history.pop();
      if (history.length === 0) return {...state, leaving: true};
      return {...state, history, notice: undefined, leaving: false};
    }
    case 'stay':
      return {...state, leaving: false, overlay: 'none'};
    case 'change': {
      const index = state.history.findIndex((entry) => sameRef(entry.ref, action.ref) && entry.auto === undefined);
      if (index < 0) return state;
      return {...state, history: state.history.slice(0, index + 1), overlay: 'none', returnToReview: true, notice: undefined};
    }
    case 'overlay':
      return {...state, overlay: action.overlay};
    case 'toggle-help':
      return {...state, overlay: state.overlay === 'help' ? 'none' : state.overlay === 'none' ? 'help' : state.overlay};
  }
}

export interface SummaryLine {
  ref: StepRef;
  label: string;
  value: string;
  auto: boolean;
}

/** The collapsed `Label: value` lines of the steps before the current one. */
export function summaryLines(state: WizardState): SummaryLine[] {
  return state.history.slice(0, -1).map((entry) => {
    const def = questionById(entry.ref.id);
    const env = entry.ref.env;
    const label = def.perEnv && env !== undefined && ((state.answers.environments?.length ?? 0) > 1 || env > 0) ? `${def.label} [${env + 1}]` : def.label;
    return {ref: entry.ref, label, value: entry.auto ?? def.summary(contextOf(state, entry.ref)), auto: entry.auto !== undefined};
  });
}

/** True once anything was answered (Ctrl-C then asks before discarding it). */
export const hasProgress = (state: WizardState): boolean => state.done.length > 0;
