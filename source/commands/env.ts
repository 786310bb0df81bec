/**
 * `ecs-wizard env refresh PROFILE [--env E]`: read the environment's provisioner outputs (CloudFormation stack or
 * Terraform state) again, show what changed, save it. Exit 0 changed or unchanged, 2 bad input, 1 a read failure or
 * a change another writer made meanwhile (nothing saved: run it again).
 */
import {EXIT} from '../errors.js';
import {refreshEnvironment} from '../operations/environment-refresh.js';
import {refreshJson, refreshLines} from '../report/env-refresh-text.js';
import {breakingError} from '../report/environment-impact-text.js';
import {createStyle} from '../report/style.js';
import type {CommandContext} from './spec.js';

export async function refresh(context: CommandContext): Promise<number> {
  const {root} = context;
  const environment = typeof context.options.env === 'string' ? context.options.env : undefined;
  const result = await refreshEnvironment(
    {
      store: await root.profileStore(),
      cloudFormation: (region) => root.cloudFormation(region),
      terraform: root.terraformState(),
      now: () => new Date(root.clock.now()).toISOString(),
    },
    {profile: context.positionals[0]!, ...(environment === undefined ? {} : {environment}), force: context.options.force === true},
  );
  if (result.refused === true) throw breakingError(`the values read for environment ${result.environment} (profile ${result.profile})`, result.impacts ?? []);
  if (context.globals.json) context.io.stdout.write(refreshJson(result));
  else
    context.io.stdout.write(
      `${refreshLines(result, createStyle(context.globals.color && Boolean(context.io.stdout.isTTY)), context.io.stdout.columns ?? 100).join('\n')}\n`,
    );
  return result.conflict === true ? EXIT.failed : EXIT.ok;
}
