/** 5. CloudWatch alarms that fail a deployment and roll it back (deploymentConfiguration.alarms), any strategy. */
import {bad, ok, type Checked} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';
import {strategyOf, withStrategy} from '../strategy-answers.js';

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
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'CloudWatch alarms that roll the deployment back (names, comma-separated; none is fine)',
      initial: strategyOf(answers).alarms.join(', '),
      validate: parseAlarmNames,
      submit: (value) => ({answers: withStrategy(answers, {alarms: value})}),
    }),
  flags: [{name: 'alarm', type: 'string', multiple: true, value: 'NAME', description: 'a CloudWatch alarm that rolls the deployment back (repeat for more)'}],
  fromFlags(draft) {
    const given = draft.values('alarm');
    if (given.length === 0) return;
    const names = given.flatMap((text) => draft.take('alarm', text, parseAlarmNames) ?? []);
    draft.answers = withStrategy(draft.answers, {alarms: [...new Set(names)]});
    draft.given['deployment-alarms'] = '--alarm';
  },
};
