/**
 * The simplified form's default log configuration (domain/container-logs.ts), decided in one place for both ways a
 * new profile is made: `init`'s form flags (questions/container-mode.ts: the region of --region, else the
 * configured one) and the Ink wizard (questions/container-logs.ts: asked once the first environment's region is
 * known). Both give the same `logConfiguration` for the same service and region. Pure.
 */
import {defaultFormLogs} from '../../domain/container-logs.js';
import type {FormLogConfiguration} from '../../domain/model.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';

/** The default for the service's container in `region`; undefined while the service or the region is not known. */
export const formLogsDefault = (answers: WizardAnswers, region: string | undefined): FormLogConfiguration | undefined =>
  answers.serviceName === undefined || region === undefined ? undefined : defaultFormLogs(answers.serviceName, region);

/** The region the logs go to: the first environment's (the one a new profile is made for). */
export const firstRegion = (answers: WizardAnswers): string | undefined => answers.environments?.[0]?.region;

/** `CloudWatch Logs /ecs/api (us-east-1), stream prefix ecs`. */
export const describeFormLogs = (logs: FormLogConfiguration): string => `CloudWatch Logs ${logs.group} (${logs.region}), stream prefix ${logs.streamPrefix}`;

export const sameFormLogs = (a: FormLogConfiguration, b: FormLogConfiguration | undefined): boolean =>
  b !== undefined && a.group === b.group && a.region === b.region && a.streamPrefix === b.streamPrefix;

/** The answers with the form's container logging as `logs` (undefined: no log configuration). */
export function withFormLogs(answers: WizardAnswers, logs: FormLogConfiguration | undefined): WizardAnswers {
  const {logConfiguration: _previous, ...form} = answers.containerForm ?? {ports: [], environment: []};
  return {...answers, containerForm: logs === undefined ? form : {...form, logConfiguration: logs}};
}
