/**
 * The deployment strategy questions' shared parts (questions/deployment-strategy.ts and the questions after it:
 * bake time, canary, linear, lifecycle hooks, hook role, alarms): where the strategy answer lives
 * (`answers.deploymentStrategy`, else what the service specification says), and a factory for the small typed
 * questions that each set one field of it, with their `init` flag. Pure.
 */
import type {DeploymentStrategy} from '../../domain/deployment-strategy.js';
import {readDeploymentStrategy, shiftsTraffic} from '../../domain/deployment-strategy.js';
import type {Parsed} from '../../domain/deployment-strategy.js';
import {isJsonObject} from '../../domain/json.js';
import {parseJsonText} from '../../domain/json-text.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import {bad, ok, type Checked} from './answer-checks.js';
import {textPrompt, type Question, type StepContext} from './question.js';

/** The strategy answered, else the one the person's service specification holds, else ROLLING. */
export function strategyOf(answers: WizardAnswers): DeploymentStrategy {
  if (answers.deploymentStrategy !== undefined) return answers.deploymentStrategy;
  if (answers.serviceSpecJson !== undefined) {
    const parsed = parseJsonText(answers.serviceSpecJson, 'serviceSpec');
    if (isJsonObject(parsed.value)) return readDeploymentStrategy(parsed.value);
  }
  return {strategy: 'ROLLING', hooks: [], alarms: []};
}

export const withStrategy = (answers: WizardAnswers, patch: Partial<DeploymentStrategy>): WizardAnswers => ({
  ...answers,
  deploymentStrategy: {...strategyOf(answers), ...patch},
});

/** The answers' strategy shifts traffic (BLUE_GREEN, LINEAR, CANARY). */
export const shifting = (ctx: StepContext): boolean => shiftsTraffic(strategyOf(ctx.answers).strategy);

/**
 * The region the hook and alarm lists are read in: the environment being configured (the first with a region — a
 * profile being edited, a resumed draft), since ECS looks its alarms up in the service's region; else the
 * configured default (a new setup asks its environments later).
 */
export const listRegion = (answers: WizardAnswers, defaultRegion: string | undefined): string | undefined =>
  answers.environments?.find((environment) => environment.region !== undefined && environment.region !== '')?.region ?? defaultRegion;

export const checked = <T>(parsed: Parsed<T>): Checked<T> => (parsed.ok ? ok(parsed.value) : bad(parsed.message));

/** A typed question that sets one value of the strategy, with its flag (which needs the strategy it belongs to). */
export function strategyValueQuestion<T>(spec: {
  id: string;
  label: string;
  prompt: string;
  help: readonly string[];
  applies: (strategy: DeploymentStrategy) => boolean;
  /** Which strategy the flag belongs to, for the message when it is given with another: "CANARY". */
  belongsTo: string;
  flag: string;
  value: string;
  description: string;
  parse: (text: string, what: string) => Parsed<T>;
  get: (strategy: DeploymentStrategy) => T | undefined;
  set: (strategy: DeploymentStrategy, value: T) => Partial<DeploymentStrategy>;
  show: (value: T) => string;
  fallback: T;
}): Question {
  return {
    id: spec.id,
    section: 4,
    label: spec.label,
    applies: (ctx) => spec.applies(strategyOf(ctx.answers)),
    summary: (ctx) => spec.show(spec.get(strategyOf(ctx.answers)) ?? spec.fallback),
    help: spec.help,
    prompt: ({ctx: {answers}}) =>
      textPrompt({
        label: spec.prompt,
        initial: spec.show(spec.get(strategyOf(answers)) ?? spec.fallback),
        validate: (text) => checked(spec.parse(text, `The ${spec.label.toLowerCase()}`)),
        submit: (value) => ({answers: withStrategy(answers, spec.set(strategyOf(answers), value))}),
      }),
    flags: [{name: spec.flag, type: 'string', value: spec.value, description: spec.description}],
    fromFlags(draft) {
      const text = draft.value(spec.flag);
      if (text === undefined) return;
      const value = draft.take(spec.flag, text, (written) => checked(spec.parse(written, `--${spec.flag}`)));
      if (value === undefined) return;
      const current = strategyOf(draft.answers);
      if (!spec.applies(current)) {
        draft.fail(
          `--${spec.flag}`,
          `--${spec.flag} applies to the ${spec.belongsTo} deployment strategy; this service's is ${current.strategy} (give --deployment-strategy ${spec.belongsTo.split(',')[0]!.trim()})`,
        );
        return;
      }
      draft.answers = withStrategy(draft.answers, spec.set(current, value));
      draft.given[spec.id] = `--${spec.flag}`;
    },
  };
}
