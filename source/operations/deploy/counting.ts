/**
 * A run's ECS port that counts the calls made through it (plan, apply, watch, the control's roll-back key): the run's
 * summary says how many ECS API calls it made, whichever way it ended (--no-wait, a refusal, a rollback).
 */
import type {EcsPort} from '../../ports/ecs.js';

export function countingEcs<P extends EcsPort>(port: P): {ecs: P; calls: () => number} {
  let calls = 0;
  const ecs = new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        calls += 1;
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {ecs, calls: () => calls};
}
