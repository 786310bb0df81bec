/** A CLI run against the rollout simulator as ECS and fake check ports, without a terminal (plain output). */
import {PassThrough, Readable} from 'node:stream';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {createSimulatedEcs, type SimulatedEcs} from '../../source/adapters/simulator/simulated-ecs.js';
import {main} from '../../source/cli.js';
import type {SimulationScenario} from '../../source/ports/simulation.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {testRoot} from '../helpers/fake-root.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {fakeCheckPorts, healthyCheckState, recordingEcs, type FakeCheckState} from '../operations/deploy/fakes.js';

export interface World {
  store: MemoryProfileStore;
  ecs: SimulatedEcs & {recorded: Array<{method: string; args: unknown[]}>; failOn: Map<string, Error>};
  state: FakeCheckState;
  clock: FakeClock;
}

/** `records: false`: ECS without its service deployment records (as moto), so the watch judges from DescribeServices. */
export async function world(options: {seed?: boolean; scenario?: SimulationScenario; records?: boolean} = {}): Promise<World> {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = recordingEcs(
    createSimulatedEcs({
      clock,
      region: 'us-east-1',
      clusters: ['web-staging'],
      ...(options.scenario === undefined ? {} : {scenario: options.scenario}),
      ...(options.records === false ? {serviceDeployments: false} : {}),
    }),
  );
  if (options.seed !== false) ecs.seedService({cluster: 'web-staging', serviceName: 'web-api', family: 'web-api', desiredCount: 2, launchType: 'FARGATE'});
  ecs.recorded.length = 0;
  const store = new MemoryProfileStore();
  await store.save(fargateJsonProfile({runs: []}));
  await store.save(ec2FormProfile());
  return {store, ecs, state: healthyCheckState(), clock};
}

/** `ecs-wizard …` without a terminal (plain output), against the simulator as ECS and fake check ports. */
export async function cli(argv: string[], w: World) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({
    argv,
    env: {CI: 'true'},
    io: {stdin: Readable.from([]), stdout, stderr},
    createRoot: () => testRoot({store: w.store, ecs: w.ecs, checks: fakeCheckPorts(w.state), clock: w.clock}),
  });
  return {code, out, err};
}
