/**
 * `ecs-wizard verify PROFILE …` — the pre-flight checks only, nothing changes: exit 0 when none failed (warnings
 * allowed), 1 when one failed, 2 when the profile does not render.
 */
import {EXIT} from '../errors.js';
import {runChecks, type CheckFindings, type CheckResult} from '../operations/deploy/checks.js';
import {planDeploy} from '../operations/deploy/plan.js';
import {profileAndEnvironment, runPorts} from '../operations/deploy/setup.js';
import {checkLines, planHeader} from '../report/plan-text.js';
import {parseDeployOptions, runInputsOf, runTag} from './deploy-options.js';
import {runContext} from './run-context.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const parsed = parseDeployOptions(context.options);
  const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, parsed.env);
  const pinned = await runTag(context.root, parsed, profile, context.env);
  const options = pinned === undefined ? parsed : {...parsed, tag: pinned};
  const ports = await runPorts(context.root, runInputsOf(options, {profile, environment}));
  const plan = await planDeploy(
    {ecs: ports.ecs, ...(ports.scaling === undefined ? {} : {scaling: ports.scaling})},
    {profile, environment, ...(options.tag === undefined ? {} : {tag: options.tag}), overrides: options.overrides},
  );
  const output = runContext(context, {screen: false});
  const json = output.reporter === 'json';
  const color = output.color;
  if (!json) context.io.stdout.write(`${planHeader(plan, {color}).join('\n')}\n\n`);
  const findings: CheckFindings = {discoveryRecordTypes: {}};
  const results: CheckResult[] = [];
  const password = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
  for await (const result of runChecks(ports.checks, plan, findings, password === undefined || password === '' ? {} : {registryPassword: password})) {
    results.push(result);
    if (!json) context.io.stdout.write(`${checkLines([result], {color}).join('\n')}\n`);
  }
  const failed = results.filter((result) => result.status === 'fail');
  const warned = results.filter((result) => result.status === 'warn');
  if (json) {
    context.io.stdout.write(
      `${JSON.stringify(
        {
          profile: profile.name,
          environment: environment.name,
          ok: failed.length === 0,
          simulated: ports.simulation !== undefined,
          ...(findings.digest === undefined ? {} : {digest: findings.digest}),
          checks: results.map(({remedy, ...result}) => ({...result, ...(remedy === undefined ? {} : {remedy: remedy.label})})),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    context.io.stdout.write(
      `\n${failed.length > 0 ? `${failed.length} check${failed.length === 1 ? '' : 's'} failed` : 'All checks passed'}${warned.length > 0 ? `, ${warned.length} warning${warned.length === 1 ? '' : 's'}` : ''}.\n`,
    );
  }
  return failed.length > 0 ? EXIT.failed : EXIT.ok;
}
