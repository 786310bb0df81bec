/** 5. The bake time of a BLUE_GREEN, LINEAR or CANARY deployment: both revisions run this long once production traffic moved. */
import {formatMinutes, parseMinutes, shiftsTraffic, STRATEGY_DEFAULTS} from '../../../domain/deployment-strategy.js';
import {strategyValueQuestion} from '../strategy-answers.js';

export const bakeTime = strategyValueQuestion({
  id: 'bake-time',
  label: 'Bake time',
  prompt: 'Bake time (both revisions run this long after production traffic moved; 5m, 1h, 90s)',
  help: [
    'After all production traffic reached the new revision, ECS keeps the old one running for the bake time: an alarm or a hook failing then rolls back at once, by moving traffic back. Then it stops the old revision (CLEAN_UP). 0 to 1440 minutes.',
  ],
  applies: (strategy) => shiftsTraffic(strategy.strategy),
  belongsTo: 'BLUE_GREEN, LINEAR or CANARY',
  flag: 'bake-time',
  value: 'DURATION',
  description: 'BLUE_GREEN/LINEAR/CANARY: bake time after traffic moved, e.g. 5m, 1h (default 5m)',
  parse: parseMinutes,
  get: (strategy) => strategy.bakeTimeInMinutes,
  set: (_strategy, minutes) => ({bakeTimeInMinutes: minutes}),
  show: formatMinutes,
  fallback: STRATEGY_DEFAULTS.bakeTimeInMinutes,
});
