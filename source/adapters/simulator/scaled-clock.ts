import type {Clock} from '../../ports/clock.js';

/**
 * A clock that runs `speed` times faster than `base`: now() advances `speed` ms per real ms (from the moment it is
 * made) and sleep(ms) waits ms / speed. For `--simulate-speed N`, give the same scaled clock to the simulator (at
 * speed 1) and to the watch: the rollout, the watch's poll interval, back-off, rate limit and timeouts all run N×
 * faster and stay consistent with each other. (Passing `speed` to the simulator instead only shortens the rollout;
 * the watch then still polls every few real seconds.)
 */
export function scaleClock(base: Clock, speed: number): Clock {
  if (!(speed > 0) || speed === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + Math.round((base.now() - origin) * speed),
    sleep: (ms, signal) => base.sleep(ms / speed, signal),
  };
}
