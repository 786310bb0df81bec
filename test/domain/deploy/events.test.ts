import {describe, expect, test} from 'vitest';
import {OUTCOME_EXIT_CODES} from '../../../source/domain/deploy/events.js';
import {RUN_OUTCOMES} from '../../../source/domain/model.js';
import {EXIT} from '../../../source/errors.js';

describe('deploy events', () => {
  test('exit codes match EXIT', () => {
    expect(RUN_OUTCOMES.map((outcome) => OUTCOME_EXIT_CODES[outcome])).toEqual([
      EXIT.ok,
      EXIT.failed,
      EXIT.rolledBack,
      EXIT.timedOut,
      EXIT.detached,
      EXIT.detached,
    ]);
  });
});
