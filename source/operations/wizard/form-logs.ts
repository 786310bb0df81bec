/**
 * The simplified form's default log configuration (domain/container-logs.ts), decided in one place for both ways a
 * new profile is made: `init`'s form flags (questions/container-mode.ts: the region of --region, else the
 * configured one) and the Ink wizard (questions/container-logs.ts: asked once the first environment's region is
 * known). Both give the same `logConfiguration` for the same service and region. Pure.
 */
import {defaultFormLogs} from '../../domain/container-logs.js';
import type {FormLogConfiguration} from '../../domain/model.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import {formJson} from './container-spec.js';

/**
 * Set (in the Ink wizard) when init's form flags built the task definition as Advanced JSON (Fargate, or a private
 * registry on EC2): the form is kept with it, so that the logs can be chosen once the region is known.
 */
export const FORM_JSON_CHOICE = 'container-json-from-form';

/** The default for the service's container in `region`; undefined while the service or the region is not known. */
export const formLogsDefault = (answers: WizardAnswers, region: string | undefined): FormLogConfiguration | undefined =>
  answers.serviceName === undefined || region === undefined ? undefined : defaultFormLogs(answers.serviceName, region);

/** The region the logs go to: the first environment's (the one a new profile is made for). */
export const firstRegion = (answers: WizardAnswers): string | undefined => answers.environments?.[0]?.region;

/** `CloudWatch Logs /ecs/api (us-east-1), stream prefix ecs`. */
export const describeFormLogs = (logs: FormLogConfiguration): string => `CloudWatch Logs ${logs.group} (${logs.region}), stream prefix ${logs.streamPrefix}`;

export const sameFormLogs = (a: FormLogConfiguration, b: FormLogConfiguration | undefined): boolean =>
  b !== undefined && a.group === b.group && a.region === b.region && a.streamPrefix === b.streamPrefix;

/**
 * The Advanced JSON is still exactly what init's form flags built from the form (with or without its logs): the
 * tool's own text, not the person's. Once edited into anything else it is theirs, and nothing is added to it.
 */
export function jsonFromForm(answers: WizardAnswers, choices: Readonly<Record<string, string>>): boolean {
  const {containerForm: form, launchType, containerJson} = answers;
  if (choices[FORM_JSON_CHOICE] === undefined || answers.containerMode !== 'json' || form === undefined || launchType === undefined) return false;
  return containerJson === formJson(answers, form, launchType);
}

/**
 * The answers with the form's container logging as `logs` (undefined: no log configuration); Advanced JSON the
 * form flags built (jsonFromForm) is built again from the form with them.
 */
export function withFormLogs(answers: WizardAnswers, logs: FormLogConfiguration | undefined, choices: Readonly<Record<string, string>> = {}): WizardAnswers {
  const fromForm = jsonFromForm(answers, choices);
  const {logConfiguration: _previous, ...rest} = answers.containerForm ?? {ports: [], environment: []};
  const form = logs === undefined ? rest : {...rest, logConfiguration: logs};
  const next = {...answers, containerForm: form};
  return fromForm && answers.launchType !== undefined ? {...next, containerJson: formJson(next, form, answers.launchType)} : next;
}
