/** 5. CANARY: the share of production traffic the new revision gets first. */
import {CANARY_PERCENT_RANGE, parsePercent, STRATEGY_DEFAULTS} from '../../../domain/deployment-strategy.js';
import {strategyValueQuestion} from '../strategy-answers.js';

export const canaryPercent = strategyValueQuestion({
  id: 'canary-percent',
  label: 'Canary percent',
  prompt: 'Canary: share of production traffic the new revision gets first (0.1–100 %)',
  help: ['A CANARY deployment moves this share of production traffic to the new revision, waits the canary bake time, then moves the rest.'],
  applies: (strategy) => strategy.strategy === 'CANARY',
  belongsTo: 'CANARY',
  flag: 'canary-percent',
  value: 'PERCENT',
  description: 'CANARY: share of production traffic moved first (default 10)',
  parse: (text, what) => parsePercent(text, what, CANARY_PERCENT_RANGE),
  get: (strategy) => strategy.canary?.percent,
  set: (strategy, percent) => ({canary: {percent, bakeTimeInMinutes: strategy.canary?.bakeTimeInMinutes ?? STRATEGY_DEFAULTS.canaryBakeTimeInMinutes}}),
  show: (percent) => `${percent}%`,
  fallback: STRATEGY_DEFAULTS.canaryPercent,
});
