/**
 * The benchmarks' profile stores, written as a person's store would be: `profiles.json` at today's schema, holding
 * `count` realistic profiles (the Fargate profile of the tests under other names) and, with `big`, the profile
 * `big`: 10 containers × 100 environment variables in advanced JSON, one environment `dev` (Fargate, awsvpc).
 * The document is made by the store's own rules (`StoreState.save` of each profile: validated, split into
 * applications that own their environments and profiles that name them) and serialised as conf writes it, so the
 * bench reads exactly what ecs-wizard writes. What ecs-wizard keeps beside the file (an index) it builds itself on
 * the first read, as it does for any store.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Profile} from '../source/domain/model.js';
import {StoreState} from '../source/adapters/store-state.js';
import {fargateJsonProfile} from '../test/helpers/profile-fixtures.js';

export const BIG_CONTAINERS = 10;
export const BIG_VARIABLES = 100;

/** The advanced JSON of the big profile: its first container is the artifact's. */
function bigContainerJson(): string {
  const containers = Array.from({length: BIG_CONTAINERS}, (_, c) => ({
    name: c === 0 ? '${CONTAINER_NAME}' : `sidecar-${c}`,
    image: c === 0 ? '${DOCKER_IMAGE_NAME}' : `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/sidecar-${c}:1.0.${c}`,
    essential: c === 0,
    portMappings: [{containerPort: 8000 + c, protocol: 'tcp'}],
    environment: Array.from({length: BIG_VARIABLES}, (_, v) => ({name: `VARIABLE_${String(v).padStart(3, '0')}`, value: `value-${c}-${v}`})),
  }));
  const definition = {
    family: 'big',
    executionRoleArn: '${EXECUTION_ROLE}',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    containerDefinitions: containers,
  };
  return JSON.stringify(definition, null, 2);
}

export function bigProfile(): Profile {
  const base = fargateJsonProfile();
  return {
    ...base,
    name: 'big',
    application: 'bench',
    service: {
      name: 'big',
      artifact: {registry: 'ecr', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com', image: 'team/big', tag: '1.0.0'},
      launchType: 'FARGATE',
      containerSpec: {mode: 'json', json: bigContainerJson()},
      serviceSpec: '{\n  "schedulingStrategy": "REPLICA"\n}',
      variables: {},
    },
    environments: [
      {
        name: 'dev',
        region: 'us-east-1',
        cluster: 'dev',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: false},
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        overrides: {},
      },
    ],
    runs: [],
  };
}

/** The profiles of a bench store: `count` ordinary ones (`app-000`, …) and, with `big`, the big one. */
export function benchProfiles(count: number, big: boolean): Profile[] {
  const profiles = Array.from({length: count}, (_, index) => {
    const name = `app-${String(index).padStart(3, '0')}`;
    return fargateJsonProfile({name, application: `team-${index % 7}`});
  });
  return big ? [bigProfile(), ...profiles] : profiles;
}

/** The store document holding `profiles`, as the profile store saves it (today's schema). */
export function benchDocument(profiles: readonly Profile[]): unknown {
  const state = new StoreState();
  for (const profile of profiles) state.save(profile, false);
  return state.document();
}

/** Writes `profiles.json` (today's schema, as ecs-wizard writes it) into `directory`. */
export function writeBenchStore(directory: string, count: number, big: boolean): void {
  mkdirSync(directory, {recursive: true, mode: 0o700});
  // conf-profile-store.ts's serialize: two-space JSON and a newline.
  writeFileSync(join(directory, 'profiles.json'), `${JSON.stringify(benchDocument(benchProfiles(count, big)), undefined, 2)}\n`, {mode: 0o600});
}
