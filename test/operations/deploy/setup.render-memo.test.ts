import {describe, expect, it} from 'vitest';
import {createSimulatedEcs} from '../../../source/adapters/simulator/simulated-ecs.js';
import {RenderMemo, renderedRequest, type RenderInput} from '../../../source/domain/render.js';
import {planDeploy} from '../../../source/operations/deploy/plan.js';
import {simulationRequest, type RunInputs} from '../../../source/operations/deploy/setup.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {fargateJsonProfile} from '../../helpers/profile-fixtures.js';

/** Freezes a value tree, so that any step writing to a shared rendering throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

describe("diff --simulate's steps share one rendering (the simulator's seed, then the plan)", () => {
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  const run: RunInputs = {profile, environment, tag: '2.0.0', overrides: {}, simulate: {scenario: 'success', speed: 1}};
  const planRequest = {profile, environment, tag: '2.0.0', overrides: run.overrides};
  const plan = (memo?: RenderMemo) =>
    planDeploy(
      {ecs: createSimulatedEcs({clock: new FakeClock({autoAdvance: true}), region: 'us-east-1', clusters: [environment.cluster]})},
      memo === undefined ? planRequest : {...planRequest, renderMemo: memo},
    );

  it('the plan renders nothing the seed rendered, writes nothing into it, and is the plan made without sharing', async () => {
    const memo = new RenderMemo();
    const seed = simulationRequest({...run, renderMemo: memo});
    expect(seed).toEqual(simulationRequest(run));
    // What the seed kept for the run's own tag is what the plan is made of: frozen, it must still plan.
    const input: RenderInput = {profile, environment: environment.name, tag: '2.0.0', overrides: run.overrides};
    const kept = renderedRequest(input, memo)!;
    deepFreeze(kept);
    let renderedAgain = false;
    const get = memo.get.bind(memo);
    memo.get = (key, make) =>
      get(key, () => {
        renderedAgain = true;
        return make();
      });
    const shared = await plan(memo);
    expect(renderedAgain).toBe(false);
    expect(shared.taskDefinition).toBe(kept.request.task.taskDefinition);
    const alone = await plan();
    expect(shared).toEqual(alone);
  });
});
