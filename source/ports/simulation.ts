/** What a simulated deploy (`--simulate[=SCENARIO]`) asks of the rollout simulator. */
import type {JsonObject} from '../domain/json.js';

/** The scenarios the rollout simulator plays (adapters/simulator/scenarios.ts scripts and describes each). */
export const SIMULATION_SCENARIOS = [
  'success',
  'crash-loop',
  'image-pull-failure',
  'slow-start',
  'throttling',
  'replaced',
  'hook-fails',
  'alarm-fires',
] as const;
export type SimulationScenario = (typeof SIMULATION_SCENARIOS)[number];

/** What a bare `--simulate` plays. */
export const DEFAULT_SIMULATION_SCENARIO: SimulationScenario = 'success';

export const isSimulationScenario = (value: string): value is SimulationScenario => (SIMULATION_SCENARIOS as readonly string[]).includes(value);

export interface SeedServiceOptions {
  cluster?: string;
  serviceName: string;
  /** Task definition family (default: the service name). */
  family?: string;
  /** Image of the single container (default `public.ecr.aws/nginx/nginx:1.27`). */
  image?: string;
  desiredCount?: number;
  launchType?: 'FARGATE' | 'EC2';
  /** How many revisions to register (≥ 1); the service runs the last one, COMPLETED. */
  revisions?: number;
  /** Also start a deployment of one more revision, faring per the scenario (for `watch` demos). */
  rollout?: boolean;
  /**
   * The RegisterTaskDefinition input the service runs (e.g. the profile rendered with an earlier tag), so that
   * a simulated deploy meets a service shaped like its own. Default: a one-container Fargate task.
   */
  taskDefinition?: JsonObject;
  /** The CreateService input it was created with (cluster, name, task definition and count are set here). */
  service?: JsonObject;
}

/** What `--simulate[=SCENARIO]` asks for; `seed` pre-creates the profile's service in the simulator. */
export interface SimulationRequest {
  scenario: string;
  speed: number;
  seed?: SeedServiceOptions;
}
