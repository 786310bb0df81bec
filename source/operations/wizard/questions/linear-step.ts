/** 5. LINEAR: the share of production traffic moved at each step. */
import {LINEAR_STEP_RANGE, parsePercent, STRATEGY_DEFAULTS} from '../../../domain/deployment-strategy.js';
import {strategyValueQuestion} from '../strategy-answers.js';

export const linearStep = strategyValueQuestion({
  id: 'linear-step',
  label: 'Linear step',
  prompt: 'Linear: share of production traffic moved at each step (3–100 %)',
  help: ['A LINEAR deployment moves production traffic to the new revision in equal steps of this share, waiting the step bake time after each.'],
  applies: (strategy) => strategy.strategy === 'LINEAR',
  belongsTo: 'LINEAR',
  flag: 'linear-step-percent',
  value: 'PERCENT',
  description: 'LINEAR: share of production traffic per step (default 20)',
  parse: (text, what) => parsePercent(text, what, LINEAR_STEP_RANGE),
  get: (strategy) => strategy.linear?.stepPercent,
  set: (strategy, stepPercent) => ({
    linear: {stepPercent, stepBakeTimeInMinutes: strategy.linear?.stepBakeTimeInMinutes ?? STRATEGY_DEFAULTS.stepBakeTimeInMinutes},
  }),
  show: (percent) => `${percent}%`,
  fallback: STRATEGY_DEFAULTS.stepPercent,
});
