import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
// Ink's own key parser (not exported by the package): what Ink makes of a key.
import parseKeypress from '../../../node_modules/ink/build/parse-keypress.js';
import {decodeKey, editLine, initialLine, lineKeys, type LineKey, type LineState} from '../../../source/ui/components/line-editor.js';

const ESC = '\u001B';

/** The line after typing `input` (one chunk) into a field holding `value` with the cursor at `cursor`. */
function typed(value: string, cursor: number, input: string, killed = ''): LineState {
  return lineKeys(input).reduce(editLine, {value, cursor, killed});
}

/** `value` with a `|` where the cursor is. */
const show = (state: LineState): string => `${state.value.slice(0, state.cursor)}|${state.value.slice(state.cursor)}`;

describe('lineKeys: a chunk from the terminal as line keys', () => {
  test.each<[string, string, LineKey[]]>([
    ['a Backspace burst (a held key, or keys that arrived together)', '\u007F\u007F\u007F', [{kind: 'backspace'}, {kind: 'backspace'}, {kind: 'backspace'}]],
    ['Ctrl-H is Backspace too', '\b', [{kind: 'backspace'}]],
    ['Ctrl-U, Ctrl-K, Ctrl-W, Ctrl-Y', '\u0015\u000B\u0017\u0019', [{kind: 'kill-start'}, {kind: 'kill-end'}, {kind: 'kill-word-back'}, {kind: 'yank'}]],
    [
      'Ctrl-A / Ctrl-E / Ctrl-B / Ctrl-F / Ctrl-D',
      '\u0001\u0005\u0002\u0006\u0004',
      [{kind: 'home'}, {kind: 'end'}, {kind: 'left'}, {kind: 'right'}, {kind: 'delete'}],
    ],
    [
      'Home and End, every way terminals send them',
      `${ESC}[H${ESC}OH${ESC}[1~${ESC}[7~${ESC}[F${ESC}OF${ESC}[4~${ESC}[8~`,
      [{kind: 'home'}, {kind: 'home'}, {kind: 'home'}, {kind: 'home'}, {kind: 'end'}, {kind: 'end'}, {kind: 'end'}, {kind: 'end'}],
    ],
    ['Delete is not Backspace', `${ESC}[3~\u007F`, [{kind: 'delete'}, {kind: 'backspace'}]],
    [
      'Alt-Backspace (ESC DEL), Alt-B, Alt-F, Alt-D',
      `${ESC}\u007F${ESC}b${ESC}f${ESC}d`,
      [{kind: 'kill-alnum-back'}, {kind: 'word-left'}, {kind: 'word-right'}, {kind: 'kill-alnum-forward'}],
    ],
    [
      'arrows; with Ctrl or Alt (or ESC ESC) a word at a time',
      `${ESC}[D${ESC}[C${ESC}[1;5D${ESC}[1;3C${ESC}${ESC}[D`,
      [{kind: 'left'}, {kind: 'right'}, {kind: 'word-left'}, {kind: 'word-right'}, {kind: 'word-left'}],
    ],
    [
      'a paste is one insert, around the keys in it',
      `web${ESC}[Dapi\u007F!\r`,
      [{kind: 'insert', text: 'web'}, {kind: 'left'}, {kind: 'insert', text: 'api'}, {kind: 'backspace'}, {kind: 'insert', text: '!'}, {kind: 'submit'}],
    ],
    ['keys that are not line keys are left out: Esc, ↑↓, PgUp, Tab, Ctrl-C', `${ESC}[A${ESC}[B${ESC}[5~\t\u0003x${ESC}`, [{kind: 'insert', text: 'x'}]],
  ])('%s', (_name, input, keys) => {
    expect(lineKeys(input)).toEqual(keys);
  });

  test('Ink names Backspace (DEL) and Delete alike, and takes a DEL burst or Ctrl-U for text: why the field decodes keys itself', () => {
    expect(parseKeypress('\u007F').name).toBe('delete');
    expect(parseKeypress(`${ESC}[3~`).name).toBe('delete');
    expect(decodeKey('\u007F')).toEqual({kind: 'backspace'});
    expect(decodeKey(`${ESC}[3~`)).toEqual({kind: 'delete'});
    expect(parseKeypress('\u007F\u007F\u007F').name).toBe('');
    expect(lineKeys('\u007F\u007F\u007F')).toHaveLength(3);
    expect(parseKeypress('\u0015')).toMatchObject({name: 'u', ctrl: true});
    expect(decodeKey('\u0015')).toEqual({kind: 'kill-start'});
  });
});

describe('editLine: readline keys', () => {
  test.each<[string, string, number, string, string]>([
    ['insert at the cursor', 'wbapi', 1, 'e', 'we|bapi'],
    ['a paste at the cursor', 'web', 3, '-api', 'web-api|'],
    ['three Backspaces in one chunk delete three characters', 'web-api', 7, '\u007F\u007F\u007F', 'web-|'],
    ['Backspace at the start does nothing', 'web', 0, '\u007F', '|web'],
    ['Delete removes the character under the cursor', 'web', 1, `${ESC}[3~`, 'w|b'],
    ['Delete at the end does nothing', 'web', 3, `${ESC}[3~`, 'web|'],
    ['Ctrl-U kills to the start', 'web api', 4, '\u0015', '|api'],
    ['Ctrl-U then typing replaces the line', 'srv-123', 7, '\u0015srv-9', 'srv-9|'],
    ['Ctrl-K kills to the end', 'web api', 3, '\u000B', 'web|'],
    ['Ctrl-W kills the previous word, spaces first', 'deploy web api  ', 16, '\u0017', 'deploy web |'],
    ['Ctrl-W takes a whole ARN (only whitespace ends a word)', 'role arn:aws:iam::1:role/x', 26, '\u0017', 'role |'],
    ['Alt-Backspace stops at punctuation', 'arn:aws:iam::1:role/ecs-task', 28, `${ESC}\u007F`, 'arn:aws:iam::1:role/ecs-|'],
    ['Alt-Backspace twice', 'arn:aws:iam::1:role/ecs-task', 28, `${ESC}\u007F${ESC}\u007F`, 'arn:aws:iam::1:role/|'],
    ['Alt-D kills the next word', 'web-api', 0, `${ESC}d`, '|-api'],
    ['Home / End / Ctrl-A / Ctrl-E', 'web', 1, `${ESC}[H`, '|web'],
    ['End', 'web', 1, `${ESC}[F`, 'web|'],
    ['Ctrl-A then typing', 'api', 3, '\u0001web-', 'web-|api'],
    ['Ctrl-E', 'web', 0, '\u0005', 'web|'],
    ['← and → stop at the ends', 'ab', 0, `${ESC}[D${ESC}[C${ESC}[C${ESC}[C`, 'ab|'],
    ['Alt-B / Alt-F move by words', 'my web-api', 10, `${ESC}b${ESC}b`, 'my |web-api'],
    ['Ctrl-→ moves to the end of the next word', 'my web-api', 0, `${ESC}[1;5C${ESC}[1;5C`, 'my web|-api'],
    ['a surrogate pair is one character', 'a😀b', 3, '\u007F', 'a|b'],
    ['← over a surrogate pair', 'a😀', 3, `${ESC}[D`, 'a|😀'],
    ['Ctrl-Y puts back what Ctrl-U killed', 'web api', 4, '\u0015\u0005\u0019', 'apiweb |'],
  ])('%s', (_name, value, cursor, input, expected) => {
    expect(show(typed(value, cursor, input))).toBe(expected);
  });

  test('a cursor past the end (the value was replaced) is taken as the end', () => {
    expect(show(editLine({value: 'ab', cursor: 9, killed: ''}, {kind: 'insert', text: 'c'}))).toBe('abc|');
  });

  test('initialLine: the cursor at the end', () => {
    expect(initialLine('web')).toEqual({value: 'web', cursor: 3, killed: ''});
  });

  test('property: the cursor stays in the line and never splits a surrogate pair', () => {
    const key = fc.constantFrom(
      '\u007F',
      `${ESC}[3~`,
      `${ESC}[D`,
      `${ESC}[C`,
      '\u0001',
      '\u0005',
      '\u0015',
      '\u000B',
      '\u0017',
      `${ESC}\u007F`,
      `${ESC}b`,
      `${ESC}f`,
      `${ESC}d`,
      '\u0019',
      'a',
      ' ',
      '😀',
      'é',
      '-',
    );
    fc.assert(
      fc.property(fc.array(key, {maxLength: 40}), (keys) => {
        let state = initialLine('');
        for (const input of keys) {
          state = typed(state.value, state.cursor, input, state.killed);
          expect(state.cursor).toBeGreaterThanOrEqual(0);
          expect(state.cursor).toBeLessThanOrEqual(state.value.length);
          const code = state.value.charCodeAt(state.cursor);
          expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
        }
      }),
    );
  });
});
