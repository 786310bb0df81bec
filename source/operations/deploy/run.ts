/**
 * The deploy use case: plan → pre-flight checks → (confirmation) → apply → watch, as ONE DeployEvent stream that
 * always ends with exactly one `done` (errors of the plan, the checks or the apply become a failed step and a
 * `done` carrying the error's exit code). The run is recorded in the profile before `done` is yielded.
 *
 * Renderers (the Ink deploy screen, plain lines, NDJSON) only read the stream, and clean the text from AWS it carries
 * raw; the screen drives the two keys through a DeployControl (control.ts): detach and roll back now.
 */
import type {DeployEvent, DeployStepName, DeployStepStatus} from '../../domain/deploy/events.js';
import {taskDefinitionLabel} from '../../domain/aws-names.js';
import type {Environment, Profile, RunOutcome, RunRecord} from '../../domain/model.js';
import {CliError} from '../../errors.js';
import type {Clock} from '../../ports/clock.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {DeployPorts} from '../../ports/deploy.js';
import {applyPlan, type ApplyResult} from './apply.js';
import {applyRemedy, blockingFailures, runChecks, type CheckFindings, type CheckResult, type Remedy} from './checks.js';
import type {DeployControl} from './control.js';
import {countingEcs} from './counting.js';
import {issueLines, planDeploy, planSummary, type DeployPlan} from './plan.js';
import {recordRun} from './run-record.js';
import {logsCommandFor, watchDeployment} from './watch.js';
import {applyScaling} from './scaling.js';

/** What the person confirms: the plan, the checks, and the fixes the deploy would apply. */
export interface DeployReview {
  plan: DeployPlan;
  checks: CheckResult[];
  remedies: Remedy[];
  /** Failed checks the deploy goes past because of --force. */
  forced: CheckResult[];
}

export interface DeployRequest {
  profile: Profile;
  environment: Environment;
  tag?: string;
  overrides?: Record<string, string>;
  force: boolean;
  wait: boolean;
  timeoutMs: number;
  noProgressTimeoutMs: number;
  registryPassword?: string;
  /** --remove-auto-scaling: deregister the service's scalable target after the rollout. */
  removeAutoScaling?: boolean;
  /** Called once the plan and the checks are known (to print the diff). */
  onReview?: (review: DeployReview) => void | Promise<void>;
  /** Asked before anything changes; absent = go on (--yes). */
  confirm?: (review: DeployReview) => Promise<boolean>;
  control?: DeployControl;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const exitCodeOf = (error: unknown): number => (error instanceof CliError ? error.exitCode : 1);

/** The deploy: plan, checks, apply, watch. */
export async function* deploy(ports: DeployPorts & {clock: Clock; store: ProfileStore}, request: DeployRequest): AsyncGenerator<DeployEvent, void, undefined> {
  const {clock, store} = ports;
  const counted = countingEcs(ports.ecs);
  const ecs = counted.ecs;
  const startedAt = clock.now();
  const control = request.control;
  const step = (name: DeployStepName, status: DeployStepStatus, message: string): DeployEvent => ({type: 'step', at: clock.now(), name, status, message});
  const done = (outcome: RunOutcome, reason: string, exitCode: number): DeployEvent => ({
    type: 'done',
    at: clock.now(),
    outcome,
    reason,
    exitCode,
    elapsedMs: clock.now() - startedAt,
    apiCalls: counted.calls(),
  });
  const simulated = ports.simulation !== undefined;
  const run: RunRecord = {
    environment: request.environment.name,
    tag: request.tag ?? request.profile.service.artifact.tag ?? '',
    startedAt: new Date(startedAt).toISOString(),
    outcome: 'failed',
    ...(simulated ? {simulated: true} : {}),
  };
  async function* record(outcome: RunOutcome, at: number): AsyncGenerator<DeployEvent, void, undefined> {
    try {
      await recordRun(store, request.profile.name, {...run, outcome, finishedAt: new Date(at).toISOString()}, clock);
    } catch (error) {
      yield {type: 'warning', at: clock.now(), message: `the run was not recorded in the profile: ${errorMessage(error)}`};
    }
  }

  // 1. Plan.
  yield step(
    'plan',
    'started',
    `rendering ${request.profile.name} for ${request.environment.name} and reading what runs in ${request.environment.region}${simulated ? ' (simulated)' : ''}`,
  );
  let plan: DeployPlan;
  try {
    plan = await planDeploy(
      {ecs, ...(ports.scaling === undefined ? {} : {scaling: ports.scaling})},
      {
        profile: request.profile,
        environment: request.environment,
        ...(request.removeAutoScaling === true ? {removeAutoScaling: true} : {}),
        ...(request.tag === undefined ? {} : {tag: request.tag}),
        ...(request.overrides === undefined ? {} : {overrides: request.overrides}),
      },
    );
  } catch (error) {
    const [first, ...details] = errorMessage(error).split('\n');
    yield step('plan', 'failed', first ?? '');
    for (const detail of details) yield {type: 'warning', at: clock.now(), message: detail.trim()};
    yield done('failed', first ?? 'the plan failed', exitCodeOf(error));
    return;
  }
  run.tag = plan.tag;
  yield step('plan', 'done', planSummary(plan));
  for (const line of issueLines(plan.issues.filter((issue) => issue.severity === 'warning'))) yield {type: 'warning', at: clock.now(), message: line};

  // 2. Pre-flight checks.
  yield step('checks', 'started', simulated ? 'pre-flight checks (simulated run: AWS resources are not checked)' : 'pre-flight checks');
  const results: CheckResult[] = [];
  const findings: CheckFindings = {discoveryRecordTypes: {}};
  try {
    for await (const result of runChecks(ports.checks, plan, findings, {
      ...(request.registryPassword === undefined ? {} : {registryPassword: request.registryPassword}),
      ...(control === undefined ? {} : {signal: control.signal}),
    })) {
      results.push(result);
      yield {
        type: 'check',
        at: clock.now(),
        name: result.name,
        status: result.status,
        message: result.message,
        ...(result.hint === undefined ? {} : {hint: result.hint}),
      };
    }
  } catch (error) {
    yield step('checks', 'failed', errorMessage(error));
    yield done('failed', errorMessage(error), exitCodeOf(error));
    return;
  }
  if (findings.digest !== undefined) run.digest = findings.digest;
  const blocking = blockingFailures(results, {applyRemedies: true});
  const warnings = results.filter((result) => result.status === 'warn').length;
  if (blocking.length > 0 && !request.force) {
    const names = blocking.map((result) => result.name).join(', ');
    yield step('checks', 'failed', `${blocking.length} check${blocking.length === 1 ? '' : 's'} failed (${names}): nothing was changed`);
    yield done(
      'failed',
      `pre-flight check${blocking.length === 1 ? '' : 's'} failed: ${blocking.map((result) => result.message).join('; ')} (deploy with --force to go on anyway)`,
      1,
    );
    return;
  }
  yield step(
    'checks',
    'done',
    blocking.length > 0
      ? `${blocking.length} check${blocking.length === 1 ? '' : 's'} failed; going on because of --force`
      : warnings > 0
        ? `passed with ${warnings} warning${warnings === 1 ? '' : 's'}`
        : 'all passed',
  );

  // 3. Confirmation.
  const review: DeployReview = {
    plan,
    checks: results,
    remedies: results.filter((result) => result.status === 'fail' && result.remedy !== undefined).map((result) => result.remedy!),
    forced: blocking,
  };
  await request.onReview?.(review);
  if (request.confirm !== undefined && !(await request.confirm(review))) {
    yield done('interrupted', 'cancelled at the confirmation: nothing was changed', 5);
    return;
  }

  if (control?.signal.aborted) {
    yield done('interrupted', 'stopped before any change: nothing was changed', 5);
    return;
  }

  // 4. Apply: remedies first (a missing log group), then the task definition and the service.
  if (ports.checks !== undefined) {
    for (const result of results) {
      if (result.status !== 'fail' || result.remedy === undefined) continue;
      try {
        const fixed = await applyRemedy(ports.checks, result);
        yield {type: 'check', at: clock.now(), name: fixed.name, status: fixed.status, message: fixed.message};
      } catch (error) {
        yield {type: 'check', at: clock.now(), name: result.name, status: 'fail', message: `could not ${result.remedy.label}: ${errorMessage(error)}`};
      }
    }
  }
  const progress: {taskDefinitionArn?: string; revision?: number} = {};
  let applied: ApplyResult;
  try {
    applied = yield* applyPlan({ecs, clock}, plan, progress);
  } catch (error) {
    if (progress.taskDefinitionArn !== undefined) {
      run.taskDefinitionArn = progress.taskDefinitionArn;
      if (progress.revision !== undefined) run.revision = progress.revision;
      yield* record('failed', clock.now());
    }
    yield done('failed', errorMessage(error), exitCodeOf(error));
    return;
  }
  run.taskDefinitionArn = applied.taskDefinitionArn;
  if (applied.revision !== undefined) run.revision = applied.revision;
  // ECS's own id of this deployment, kept with the run: a later `watch` judges exactly this one.
  if (applied.serviceDeploymentArn !== undefined) run.serviceDeploymentArn = applied.serviceDeploymentArn;
  control?.arm({
    ecs,
    cluster: plan.cluster,
    serviceName: plan.serviceName,
    ...(applied.previousTaskDefinitionArn === undefined || applied.previousTaskDefinitionArn === applied.taskDefinitionArn
      ? {}
      : {previousTaskDefinitionArn: applied.previousTaskDefinitionArn}),
  });

  // Auto scaling goes after the service update: after the rollout succeeded, or now when not waiting for it.
  const scalingInput = {cluster: plan.cluster, serviceName: plan.serviceName, service: plan.service, scaling: plan.scaling};
  if (!request.wait) {
    const scaled = yield* applyScaling({...(ports.scaling === undefined ? {} : {scaling: ports.scaling}), clock}, scalingInput);
    yield* record('detached', clock.now());
    const started = `deployment of ${taskDefinitionLabel(applied.taskDefinitionArn)} started; not waiting (--no-wait)`;
    if (scaled?.ok === false) yield done('detached', `${started}; ${scaled.message}`, 1);
    else yield done('detached', started, 0);
    return;
  }

  // 5. Watch.
  for await (const event of watchDeployment({
    ecs,
    clock,
    cluster: plan.cluster,
    service: plan.serviceName,
    taskDefinitionArn: applied.taskDefinitionArn,
    ...(applied.deploymentId === undefined ? {} : {deploymentId: applied.deploymentId}),
    ...(applied.previousTaskDefinitionArn === undefined || applied.previousTaskDefinitionArn === applied.taskDefinitionArn
      ? {}
      : {previousTaskDefinitionArn: applied.previousTaskDefinitionArn}),
    ...(applied.priorDeploymentIds === undefined ? {} : {priorDeploymentIds: applied.priorDeploymentIds}),
    ...(applied.serviceDeploymentArn === undefined ? {} : {serviceDeploymentArn: applied.serviceDeploymentArn}),
    ...(applied.requestedAt === undefined ? {} : {since: applied.requestedAt}),
    timeoutMs: request.timeoutMs,
    noProgressTimeoutMs: request.noProgressTimeoutMs,
    ...(control === undefined ? {} : {signal: control.signal}),
    ...(ports.simulation === undefined ? {} : {simulated: true, scenario: ports.simulation.scenario}),
    ...(ports.logs === undefined ? {} : {logs: ports.logs}),
    ...(simulated ? {} : {logsCommand: logsCommandFor(request.profile.name, request.environment.name)}),
  })) {
    // Where CreateService / UpdateService named none, the record the watch judged is ours.
    if (event.type === 'service-deployment' && run.serviceDeploymentArn === undefined) run.serviceDeploymentArn = event.arn;
    if (event.type === 'done') {
      yield* record(event.outcome, event.at);
      const scalingChanges = plan.scaling.plan.action === 'apply' || plan.scaling.plan.action === 'remove';
      if (event.outcome === 'deployed') {
        // The rollout succeeded; a scaling failure now does not undo it, and the end says both (exit 1).
        const scaled = yield* applyScaling({...(ports.scaling === undefined ? {} : {scaling: ports.scaling}), clock}, scalingInput);
        if (scaled?.ok === false) {
          yield {...event, at: clock.now(), reason: `${event.reason}; but ${scaled.message}`, exitCode: 1, apiCalls: counted.calls()};
          continue;
        }
      } else if (scalingChanges) {
        yield step('scaling', 'skipped', 'auto scaling not changed: the rollout did not succeed');
      }
      // The watch counts its own calls; the run's summary counts all of them.
      yield {...event, apiCalls: counted.calls()};
    } else yield event;
  }
}
