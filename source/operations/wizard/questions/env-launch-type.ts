/** 9. The environment's launch type: always the service's (answered by that rule, never asked). */
import {envOf, patchEnvironment, type Question} from '../question.js';

export const envLaunchType: Question = {
  id: 'env-launch-type',
  section: 8,
  perEnv: true,
  label: 'Launch type',
  auto: (ctx) => ({
    update: (answers) => patchEnvironment(answers, ctx.env, {launchType: envOf(ctx).launchType ?? answers.launchType}),
    summary: `${envOf(ctx).launchType ?? ctx.answers.launchType ?? ''} (the service's)`,
  }),
  summary: (ctx) => envOf(ctx).launchType ?? ctx.answers.launchType ?? '',
  help: ['The environment runs the service with the launch type chosen for its container specification.'],
};
