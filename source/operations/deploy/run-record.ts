/**
 * The profile's record of its runs: a deploy or rollback records its run (tag, revision, times, outcome, simulated
 * or not); a later `watch` settles a run that was left detached. A deployed, non-simulated run makes its tag the
 * profile's current tag.
 */
import {MAX_RUNS, type Profile, type RunOutcome, type RunRecord} from '../../domain/model.js';
import {SERVICE_DEPLOYMENT_ARN} from '../../domain/profile-schema/formats.js';
import type {Clock} from '../../ports/clock.js';
import type {ProfileStore} from '../../ports/profile-store.js';

/**
 * Records a run in the profile (re-read from the store first: it may have changed meanwhile), keeping the last
 * MAX_RUNS. A deployed, non-simulated run also makes its tag the profile's current tag (the default of --tag),
 * unless `updateTag` is false (a rollback to a revision whose tag is not known). Returns false when the profile is gone.
 */
export async function recordRun(
  store: ProfileStore,
  profileName: string,
  given: RunRecord,
  clock: Clock,
  options: {updateTag?: boolean} = {},
): Promise<boolean> {
  // An ARN of a shape the profile schema does not know (an endpoint of its own) is left out, never a reason to lose the run.
  const {serviceDeploymentArn, ...rest} = given;
  const run: RunRecord = serviceDeploymentArn !== undefined && SERVICE_DEPLOYMENT_ARN.test(serviceDeploymentArn) ? given : rest;
  const profile = await store.get(profileName);
  if (profile === undefined) return false;
  const now = new Date(clock.now()).toISOString();
  const updateTag = options.updateTag !== false && run.outcome === 'deployed' && run.simulated !== true && run.tag !== '';
  const updated: Profile = {
    ...profile,
    service: updateTag ? {...profile.service, artifact: {...profile.service.artifact, tag: run.tag}} : profile.service,
    runs: [...profile.runs, run].slice(-MAX_RUNS),
    updatedAt: now,
  };
  await store.save(updated, {overwrite: true});
  return true;
}

/**
 * Settles the newest run of `environment` that ran `taskDefinitionArn` and was left `detached` (a deploy that
 * exited early), with the outcome a later watch saw. Returns false when there is none.
 */
export async function settleDetachedRun(
  store: ProfileStore,
  profileName: string,
  settled: {environment: string; taskDefinitionArn: string; outcome: RunOutcome; finishedAt: string; serviceDeploymentArn?: string},
): Promise<boolean> {
  const profile = await store.get(profileName);
  if (profile === undefined) return false;
  const index = profile.runs.findLastIndex(
    (run) => run.environment === settled.environment && run.taskDefinitionArn === settled.taskDefinitionArn && run.outcome === 'detached',
  );
  if (index === -1 || settled.outcome === 'detached' || settled.outcome === 'interrupted') return false;
  const run = profile.runs[index]!;
  // The record the watch judged names the run's deployment, when the run did not know it yet.
  const arn =
    run.serviceDeploymentArn ??
    (settled.serviceDeploymentArn !== undefined && SERVICE_DEPLOYMENT_ARN.test(settled.serviceDeploymentArn) ? settled.serviceDeploymentArn : undefined);
  const runs = profile.runs.map((item, i) =>
    i === index ? {...item, outcome: settled.outcome, finishedAt: settled.finishedAt, ...(arn === undefined ? {} : {serviceDeploymentArn: arn})} : item,
  );
  const updateTag = settled.outcome === 'deployed' && run.simulated !== true && run.tag !== '';
  await store.save(
    {
      ...profile,
      service: updateTag ? {...profile.service, artifact: {...profile.service.artifact, tag: run.tag}} : profile.service,
      runs,
      updatedAt: settled.finishedAt,
    },
    {overwrite: true},
  );
  return true;
}
