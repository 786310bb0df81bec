/** 5. CANARY: how long the canary share runs before the rest of production traffic follows. */
import {formatMinutes, parseMinutes, STRATEGY_DEFAULTS} from '../../../domain/deployment-strategy.js';
import {strategyValueQuestion} from '../strategy-answers.js';

export const canaryBakeTime = strategyValueQuestion({
  id: 'canary-bake-time',
  label: 'Canary bake time',
  prompt: 'Canary bake time (before the rest of the traffic follows; 3m, 1h, 90s)',
  help: ['How long the canary share of production traffic runs on the new revision before ECS moves the rest. 0 to 1440 minutes.'],
  applies: (strategy) => strategy.strategy === 'CANARY',
  belongsTo: 'CANARY',
  flag: 'canary-bake-time',
  value: 'DURATION',
  description: 'CANARY: wait before moving the rest, e.g. 3m (default 3m)',
  parse: parseMinutes,
  get: (strategy) => strategy.canary?.bakeTimeInMinutes,
  set: (strategy, minutes) => ({canary: {percent: strategy.canary?.percent ?? STRATEGY_DEFAULTS.canaryPercent, bakeTimeInMinutes: minutes}}),
  show: formatMinutes,
  fallback: STRATEGY_DEFAULTS.canaryBakeTimeInMinutes,
});
