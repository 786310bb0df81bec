/** 5. LINEAR: the bake between two steps. */
import {formatMinutes, parseMinutes, STRATEGY_DEFAULTS} from '../../../domain/deployment-strategy.js';
import {strategyValueQuestion} from '../strategy-answers.js';

export const linearStepBakeTime = strategyValueQuestion({
  id: 'linear-step-bake-time',
  label: 'Linear step bake time',
  prompt: 'Linear step bake time (between two steps; 2m, 1h, 90s)',
  help: ['How long each step of production traffic runs before ECS moves the next. 0 to 1440 minutes.'],
  applies: (strategy) => strategy.strategy === 'LINEAR',
  belongsTo: 'LINEAR',
  flag: 'linear-step-bake-time',
  value: 'DURATION',
  description: 'LINEAR: wait between steps, e.g. 2m (default 2m)',
  parse: parseMinutes,
  get: (strategy) => strategy.linear?.stepBakeTimeInMinutes,
  set: (strategy, minutes) => ({linear: {stepPercent: strategy.linear?.stepPercent ?? STRATEGY_DEFAULTS.stepPercent, stepBakeTimeInMinutes: minutes}}),
  show: formatMinutes,
  fallback: STRATEGY_DEFAULTS.stepBakeTimeInMinutes,
});
