/** 5. CloudWatch alarms that fail a deployment and roll it back (deploymentConfiguration.alarms), any strategy. */
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Alarm} from '../../../ports/alarms.js';
import type {Choice, Question} from '../question.js';
import {listRegion, strategyOf, withStrategy} from '../strategy-answers.js';
import type {WizardServices} from '../services.js';

/** CloudWatch alarm names: 1–255 characters, no control characters. */
export function parseAlarmNames(text: string): Checked<string[]> {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (name.length > 255 || /[\u0000-\u001f]/.test(name)) return bad(`"${name.slice(0, 40)}" is not a CloudWatch alarm name (1 to 255 printable characters)`);
  }
  return ok([...new Set(names)]);
}

/** The row that answers "no alarms" (a multi picker needs one row chosen). */
const NO_ALARMS: Choice = {value: '(none)', label: 'None', detail: 'no rollback alarms (chosen, it clears the others)'};

const alarmChoice = (alarm: Alarm): Choice => ({
  value: alarm.name,
  label: alarm.name,
  detail: [alarm.state, alarm.namespace === undefined ? undefined : `${alarm.namespace}${alarm.metricName === undefined ? '' : ` ${alarm.metricName}`}`]
    .filter((part): part is string => part !== undefined)
    .join(' · '),
});

const namesText = (names: Checked<string[]>): Checked<string> => (names.ok ? ok(names.value.join(', ')) : names);

/**
 * The chosen alarms checked against CloudWatch in `region`, where it can be reached: one that does not exist there is
 * refused (a typed name may be wrong, or in another region). Unreachable: a note, and `verify` checks them again.
 */
export async function checkAlarmNames(
  services: Pick<WizardServices, 'existingAlarms'>,
  values: readonly string[],
  region: string | undefined,
): Promise<{ok: true; note?: string} | {ok: false; message: string}> {
  const names = values.filter((value) => value !== NO_ALARMS.value);
  if (names.length === 0 || services.existingAlarms === undefined) return {ok: true};
  const found = await services.existingAlarms(names, region);
  if (found.status === 'unknown') return {ok: true, note: `Could not check the alarms (${found.reason}); verify checks them`};
  const existing = found.status === 'found' ? found.value.map((alarm) => alarm.name) : [];
  const missing = names.filter((name) => !existing.includes(name));
  if (missing.length === 0) return {ok: true};
  return {
    ok: false,
    message: `No CloudWatch alarm ${missing.join(', ')} in ${region ?? 'the default region'}: check the name${missing.length === 1 ? '' : 's'}`,
  };
}

export const deploymentAlarms: Question = {
  id: 'deployment-alarms',
  section: 4,
  label: 'Rollback alarms',
  summary: (ctx) => {
    const alarms = strategyOf(ctx.answers).alarms;
    return alarms.length === 0 ? 'none' : alarms.join(', ');
  },
  help: [
    "CloudWatch alarms ECS watches during the deployment (and its bake time): one going to ALARM fails the deployment and rolls it back. E.g. an alarm on the target group's 5xx count or on latency.",
  ],
  prompt: ({ctx: {answers}, services}) => {
    const region = listRegion(answers, services.defaultRegion());
    const {listAlarms} = services;
    return {
      kind: 'picker',
      multi: true,
      label: 'CloudWatch alarms that roll the deployment back (none is fine)',
      hint: 'Space selects; Enter takes the selection. An alarm not listed: type its name (several: comma-separated); Enter takes it with the ones selected.',
      what: `CloudWatch alarms in ${region ?? 'the default region'}`,
      load: async () => {
        if (listAlarms === undefined) return {ok: false, reason: 'CloudWatch alarms cannot be listed here'};
        const listing = await listAlarms(region);
        return listing.ok ? {ok: true, items: listing.items.map(alarmChoice)} : listing;
      },
      extra: () => [NO_ALARMS],
      free: {validate: (text) => namesText(parseAlarmNames(text)), hint: 'alarm names, comma-separated'},
      parseMany: parseAlarmNames,
      check: {progress: 'Checking the alarms (cloudwatch:DescribeAlarms)…', run: (values) => checkAlarmNames(services, values, region)},
      initialSelected: strategyOf(answers).alarms,
      submit: (values) => ({answers: withStrategy(answers, {alarms: values.includes(NO_ALARMS.value) ? [] : [...new Set(values)]})}),
    };
  },
  flags: [{name: 'alarm', type: 'string', multiple: true, value: 'NAME', description: 'a CloudWatch alarm that rolls the deployment back (repeat for more)'}],
  fromFlags(draft) {
    const given = draft.values('alarm');
    if (given.length === 0) return;
    const names = given.flatMap((text) => draft.take('alarm', text, parseAlarmNames) ?? []);
    draft.answers = withStrategy(draft.answers, {alarms: [...new Set(names)]});
    draft.given['deployment-alarms'] = '--alarm';
  },
};
