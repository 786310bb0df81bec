import {expect, test} from 'vitest';
import {QUESTIONS} from '../../../source/operations/wizard/question-list.js';
import {BESPOKE_VIEWS} from '../../../source/ui/wizard/question-view.js';

test('every question can be asked: a prompt, a bespoke view, or a rule that always answers it', () => {
  for (const question of QUESTIONS) {
    const drawn = question.prompt !== undefined || BESPOKE_VIEWS[question.id] !== undefined || question.auto !== undefined;
    expect(drawn, question.id).toBe(true);
  }
  for (const id of Object.keys(BESPOKE_VIEWS))
    expect(
      QUESTIONS.some((question) => question.id === id && question.prompt === undefined),
      id,
    ).toBe(true);
});
