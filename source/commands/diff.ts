/**
 * `ecs-wizard diff PROFILE …` — the plan: what exists (read from ECS, or the simulator) against what a deploy would
 * send, as the field-aware diff with its impact label. `--exit-code`: 0 no change, 1 changes, 2 error.
 */
import {CliError, EXIT} from '../errors.js';
import {RenderMemo} from '../domain/render.js';
import {planChanges, planDeploy} from '../operations/deploy/plan.js';
import {movedTag, movementLine} from '../operations/deploy/pin-digest.js';
import {sanitize} from '../report/sanitize.js';
import {profileAndEnvironment, runPorts} from '../operations/deploy/setup.js';
import {planJson, planText} from '../report/plan-text.js';
import {parseDeployOptions, runInputsOf, runTag} from './deploy-options.js';
import {runContext} from './run-context.js';
import type {CommandContext} from './spec.js';

export async function run(context: CommandContext): Promise<number> {
  const exitCodeMode = context.options['exit-code'] === true;
  try {
    const parsed = parseDeployOptions(context.options);
    const {profile, environment} = await profileAndEnvironment(context.root, context.positionals[0]!, parsed.env);
    const pinned = await runTag(context.root, parsed, profile, context.env);
    const options = pinned === undefined ? parsed : {...parsed, tag: pinned};
    // The simulator's seed and the plan render the same inputs: once, shared.
    const renderMemo = new RenderMemo();
    const ports = await runPorts(context.root, {...runInputsOf(options, {profile, environment}), renderMemo}, {checks: false});
    const plan = await planDeploy(
      {ecs: ports.ecs, ...(ports.scaling === undefined ? {} : {scaling: ports.scaling})},
      {
        profile,
        environment,
        ...(options.tag === undefined ? {} : {tag: options.tag}),
        overrides: options.overrides,
        ...(options.removeAutoScaling ? {removeAutoScaling: true} : {}),
        renderMemo,
      },
    );
    const output = runContext(context, {screen: false});
    // A pinned tag (tag@sha256:…): has its name moved since? (Not asked of a simulated run: it makes no outside calls.)
    const password = context.env.ECS_WIZARD_REGISTRY_PASSWORD;
    const movement =
      ports.simulation === undefined && plan.tag.includes('@')
        ? await movedTag(await context.root.registry(), profile.service.artifact, plan.tag, password === undefined ? {} : {password})
        : undefined;
    if (output.reporter === 'json') {
      context.io.stdout.write(`${JSON.stringify({...planJson(plan), ...(movement === undefined ? {} : {pinned: movement})}, null, 2)}\n`);
    } else {
      if (ports.simulation !== undefined) context.io.stdout.write(`SIMULATED (the rollout simulator's service, not AWS)\n`);
      context.io.stdout.write(`${planText(plan, {width: output.width, color: output.color})}\n`);
      if (movement !== undefined) context.io.stdout.write(`\n${sanitize(movementLine(movement, profile.name))}\n`);
    }
    const changes = planChanges(plan);
    return exitCodeMode && changes ? 1 : EXIT.ok;
  } catch (error) {
    // --exit-code: 1 means "changes", so every error is 2.
    if (exitCodeMode && error instanceof CliError && error.exitCode !== EXIT.usage) {
      throw new CliError(error.message, {exitCode: EXIT.usage, ...(error.hint === undefined ? {} : {hint: error.hint}), cause: error});
    }
    if (exitCodeMode && !(error instanceof CliError))
      throw new CliError(error instanceof Error ? error.message : String(error), {exitCode: EXIT.usage, cause: error});
    throw error;
  }
}
