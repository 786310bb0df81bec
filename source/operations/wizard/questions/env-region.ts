/** 9. The environment's AWS region (--region; without a terminal, AWS_REGION). */
import {bad, ok, type Checked} from '../answer-checks.js';
import {flagEnvironments, perEnvironment} from '../environment-flags.js';
import {envOf, patchEnvironment, textPrompt, type Question} from '../question.js';

export function checkRegion(text: string): Checked<string> {
  const region = text.trim();
  if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/.test(region)) return bad(`"${region}" is not an AWS region: write it like us-east-1 or eu-west-1`);
  return ok(region);
}

export const envRegion: Question = {
  id: 'env-region',
  section: 8,
  perEnv: true,
  label: 'Region',
  summary: (ctx) => envOf(ctx).region ?? '',
  help: ['The AWS region of the cluster, e.g. us-east-1.'],
  prompt: ({ctx, services}) => {
    const env = envOf(ctx);
    const previous = ctx.env > 0 ? ctx.answers.environments?.[ctx.env - 1]?.region : undefined;
    return textPrompt({
      label: 'AWS region',
      initial: env.region,
      suggestion: env.region === undefined ? (previous ?? services.defaultRegion() ?? 'us-east-1') : undefined,
      validate: checkRegion,
      submit: (value) => ({answers: patchEnvironment(ctx.answers, ctx.env, {region: value})}),
    });
  },
  flags: [{name: 'region', type: 'string', multiple: true, value: 'R', description: "the environment's region (default: AWS_REGION)"}],
  fields: {'environment.region': '--region'},
  fromFlags(draft) {
    const regions = perEnvironment(draft, 'region');
    flagEnvironments(draft)?.forEach((environment, index) => {
      const region = regions[index] ?? (draft.interactive ? undefined : draft.defaultRegion);
      if (region === undefined) return;
      const checked = checkRegion(region);
      if (checked.ok) {
        environment.region = checked.value;
        draft.given[`env-region#${index}`] = regions[index] === undefined ? 'AWS_REGION' : '--region';
      } else draft.fail('--region', checked.message);
    });
  },
};
