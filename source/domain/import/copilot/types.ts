/**
 * The types the Copilot readers share (manifest.ts re-exports them): a value with its position, a note of the
 * report, and the `count` map's range and targets.
 */
import type {MappingStatus, Wire} from './mapping.js';
import type {Position} from './yaml.js';

export interface CopilotNote {
  at: Position;
  /** The manifest field, dotted (`count.range`, `environments.prod.http`). */
  field: string;
  status: MappingStatus | 'warning' | 'info';
  message: string;
  wire?: Wire;
  /** The environment the note is about, when it is about one. */
  environment?: string;
}

export interface Located<T> {
  value: T;
  at: Position;
}

/** One target of `count` (`cpu_percentage: 70`, or `{value: 70, cooldown: {in: 30s, out: 10s}}`). */
export interface ScalingTarget {
  value: number;
  at: Position;
  /** The dotted field, for notes (`environments.prod.count.requests`). */
  field: string;
  cooldownIn?: number;
  cooldownOut?: number;
}

/** `count` as a map (copilot-cli manifest.AdvancedCount): the range and the targets ecs-wizard can hold. */
export interface CopilotScaling {
  min: number;
  max: number;
  cpu?: ScalingTarget;
  memory?: ScalingTarget;
  requests?: ScalingTarget;
  /** `count.cooldown` (every target's, unless it has its own), seconds. */
  cooldownIn?: number;
  cooldownOut?: number;
}
