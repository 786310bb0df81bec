import {describe, expect, test} from 'vitest';
import {QUESTIONS, SECTIONS, questionById} from '../../../source/operations/wizard/question-list.js';

describe('the questions', () => {
  test('each has its own id, and is found by it', () => {
    const ids = QUESTIONS.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(questionById(id).id).toBe(id);
    expect(() => questionById('nope')).toThrow('no wizard question "nope"');
  });

  test('they are listed section by section, the environment questions together', () => {
    const sections = QUESTIONS.map((question) => question.section);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(Math.max(...sections)).toBe(SECTIONS.length - 1);
    expect(QUESTIONS.filter((question) => question.perEnv).every((question) => SECTIONS[question.section] === 'Environment')).toBe(true);
  });

  test('every flag is declared by one question only, with its help', () => {
    const flags = QUESTIONS.flatMap((question) => (question.flags ?? []).map((flag) => flag.name));
    expect(new Set(flags).size).toBe(flags.length);
    for (const question of QUESTIONS) for (const flag of question.flags ?? []) expect(flag.description).not.toBe('');
  });

  test("a question with flags lands them (fromFlags), and every question has the seed's help", () => {
    for (const question of QUESTIONS) {
      if ((question.flags ?? []).length > 0) expect(question.fromFlags, question.id).toBeTypeOf('function');
      expect(question.help.length, question.id).toBeGreaterThan(0);
    }
  });
});
