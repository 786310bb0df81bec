/**
 * The line editor behind every text field (components/text-input.tsx), as pure functions: what a key sent by the
 * terminal means (decodeKey, lineKeys) and what it does to the line (editLine). It follows readline's emacs keys:
 *
 *   ←/→  Ctrl-B/Ctrl-F           a character left / right
 *   Home/End  Ctrl-A/Ctrl-E      start / end of the line
 *   Alt-B/Alt-F  Ctrl-←/Ctrl-→   a word left / right
 *   Backspace (Ctrl-H)           delete the character before the cursor
 *   Delete  Ctrl-D               delete the character under the cursor
 *   Ctrl-U / Ctrl-K              kill to the start / to the end of the line
 *   Ctrl-W                       kill the previous whitespace-delimited word
 *   Alt-Backspace / Alt-D        kill the previous / next word (letters and digits)
 *   Ctrl-Y                       yank (put back) the last killed text
 *   Enter                        submit
 *
 * Why our own decoding: Ink's useInput names both Backspace (DEL, 0x7f) and Delete (ESC [ 3 ~) `key.delete`, and
 * hands a chunk of several keys without an escape sequence (`\x7f\x7f\x7f`, a paste with a Ctrl-U in it) to the
 * handler as one "text" input — which a text field then inserts. Here a chunk is split into keys first
 * (terminal-input.ts splitKeys, as the terminal sent them), and each key is decoded from its own bytes.
 *
 * The cursor is an index into the string (UTF-16 units) that never stops inside a surrogate pair.
 */
import {splitKeys} from '../terminal-input.js';

export interface LineState {
  value: string;
  cursor: number;
  /** The text the last kill removed (Ctrl-Y puts it back). */
  killed: string;
}

/** The keys that are not text. */
export type LineCommand =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'backspace'
  | 'delete'
  | 'kill-start'
  | 'kill-end'
  | 'kill-word-back'
  | 'kill-alnum-back'
  | 'kill-alnum-forward'
  | 'yank'
  | 'submit';

export type LineKey = {kind: 'insert'; text: string} | {kind: LineCommand};

export type LineKeyKind = LineKey['kind'];

export const initialLine = (value: string): LineState => ({value, cursor: value.length, killed: ''});

const ESC = '\u001B';

/** Ctrl + a letter, by the control character the terminal sends. */
const CONTROL: Readonly<Record<string, LineKey>> = {
  '\u0001': {kind: 'home'}, // Ctrl-A
  '\u0002': {kind: 'left'}, // Ctrl-B
  '\u0004': {kind: 'delete'}, // Ctrl-D
  '\u0005': {kind: 'end'}, // Ctrl-E
  '\u0006': {kind: 'right'}, // Ctrl-F
  '\b': {kind: 'backspace'}, // Ctrl-H (some terminals send it for Backspace)
  '\u000B': {kind: 'kill-end'}, // Ctrl-K
  '\u0015': {kind: 'kill-start'}, // Ctrl-U
  '\u0017': {kind: 'kill-word-back'}, // Ctrl-W
  '\u0019': {kind: 'yank'}, // Ctrl-Y
  '\u007F': {kind: 'backspace'}, // Backspace (DEL)
  '\r': {kind: 'submit'},
  '\n': {kind: 'submit'},
};

/** Alt (meta) + a character: ESC then the character. */
const META: Readonly<Record<string, LineKey>> = {
  '\u007F': {kind: 'kill-alnum-back'}, // Alt-Backspace
  '\b': {kind: 'kill-alnum-back'},
  b: {kind: 'word-left'},
  B: {kind: 'word-left'},
  f: {kind: 'word-right'},
  F: {kind: 'word-right'},
  d: {kind: 'kill-alnum-forward'},
  D: {kind: 'kill-alnum-forward'},
};

/** CSI / SS3 keys by their final byte (letters) or number (`~`). */
const BY_FINAL: Readonly<Record<string, LineCommand>> = {C: 'right', D: 'left', H: 'home', F: 'end'};
const BY_NUMBER: Readonly<Record<string, LineCommand>> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete'};

/** A printable character (not a C0 or C1 control, not DEL). */
const isPrintable = (character: string): boolean => {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f);
};

/** An escape sequence (CSI `ESC [ params final`, SS3 `ESC O final`, or ESC ESC + one of those) as a line key. */
function decodeEscape(sequence: string): LineKey | undefined {
  // ESC ESC [ D: the meta + arrow some terminals send for Alt-←/→.
  const meta = sequence.startsWith(`${ESC}${ESC}`);
  const body = meta ? sequence.slice(2) : sequence.slice(1);
  if (!meta && body.length === 1) return META[body];
  const match = /^(?:\[|O)([\d;]*)([A-Za-z~])$/.exec(body);
  if (match === null) return undefined;
  const [, parameters = '', final = ''] = match;
  const [first = '', modifier = ''] = parameters.split(';');
  const kind = final === '~' ? BY_NUMBER[first] : BY_FINAL[final];
  if (kind === undefined) return undefined;
  // With Ctrl (5) or Alt (3, 9) — or ESC ESC — an arrow moves a word.
  const byWord = meta || ['3', '5', '9'].includes(modifier);
  if (byWord && kind === 'left') return {kind: 'word-left'};
  if (byWord && kind === 'right') return {kind: 'word-right'};
  return {kind};
}

/** What one key, as the terminal sends it, does in a text field; undefined: not a line key (Esc, ↑, Tab…). */
export function decodeKey(sequence: string): LineKey | undefined {
  if (sequence === '') return undefined;
  if (sequence.startsWith(ESC)) return decodeEscape(sequence);
  const control = CONTROL[sequence];
  if (control !== undefined) return control;
  return Array.from(sequence).every(isPrintable) ? {kind: 'insert', text: sequence} : undefined;
}

/**
 * The line keys of one input event (one key, or a chunk of several: a burst, a paste), in order; runs of text are
 * one insert. Keys that are not line keys are left out.
 */
export function lineKeys(input: string): LineKey[] {
  const {keys, rest} = splitKeys(input);
  const out: LineKey[] = [];
  for (const sequence of rest === '' ? keys : [...keys, rest]) {
    const key = decodeKey(sequence);
    if (key === undefined) continue;
    const last = out.at(-1);
    if (key.kind === 'insert' && last?.kind === 'insert') out[out.length - 1] = {kind: 'insert', text: last.text + key.text};
    else out.push(key);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Editing

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The index one code point before `at`. */
function previous(value: string, at: number): number {
  if (at <= 0) return 0;
  return at >= 2 && isLowSurrogate(value.charCodeAt(at - 1)) && isHighSurrogate(value.charCodeAt(at - 2)) ? at - 2 : at - 1;
}

/** The index one code point after `at`. */
function next(value: string, at: number): number {
  if (at >= value.length) return value.length;
  return isHighSurrogate(value.charCodeAt(at)) && isLowSurrogate(value.charCodeAt(at + 1)) ? at + 2 : at + 1;
}

const WORD = /[\p{L}\p{N}]/u;
const isWordAt = (value: string, at: number): boolean => WORD.test(String.fromCodePoint(value.codePointAt(at) ?? 0x20));
const isSpaceAt = (value: string, at: number): boolean => /\s/.test(value[at] ?? '');

/** Back from `at` over characters that are not `inside`, then over those that are. */
function backOver(value: string, at: number, inside: (at: number) => boolean): number {
  let index = at;
  while (index > 0 && !inside(previous(value, index))) index = previous(value, index);
  while (index > 0 && inside(previous(value, index))) index = previous(value, index);
  return index;
}

/** Forward from `at` over characters that are not `inside`, then over those that are. */
function forwardOver(value: string, at: number, inside: (at: number) => boolean): number {
  let index = at;
  while (index < value.length && !inside(index)) index = next(value, index);
  while (index < value.length && inside(index)) index = next(value, index);
  return index;
}

const alnumStart = (value: string, at: number): number => backOver(value, at, (index) => isWordAt(value, index));
const alnumEnd = (value: string, at: number): number => forwardOver(value, at, (index) => isWordAt(value, index));
const wordStart = (value: string, at: number): number => backOver(value, at, (index) => !isSpaceAt(value, index));

/** Removes [from, to) and remembers it as killed (when something was removed). */
function kill(state: LineState, from: number, to: number): LineState {
  if (from >= to) return state;
  return {value: state.value.slice(0, from) + state.value.slice(to), cursor: from, killed: state.value.slice(from, to)};
}

/** Removes [from, to) without touching the kill buffer (Backspace, Delete). */
function remove(state: LineState, from: number, to: number): LineState {
  if (from >= to) return state;
  return {...state, value: state.value.slice(0, from) + state.value.slice(to), cursor: from};
}

function insert(state: LineState, text: string): LineState {
  if (text === '') return state;
  return {...state, value: state.value.slice(0, state.cursor) + text + state.value.slice(state.cursor), cursor: state.cursor + text.length};
}

/** The line after one key (submit changes nothing: the field submits its value). */
export function editLine(current: LineState, key: LineKey): LineState {
  const state = {...current, cursor: Math.max(0, Math.min(current.cursor, current.value.length))};
  const {value, cursor} = state;
  switch (key.kind) {
    case 'insert':
      return insert(state, key.text);
    case 'left':
      return {...state, cursor: previous(value, cursor)};
    case 'right':
      return {...state, cursor: next(value, cursor)};
    case 'home':
      return {...state, cursor: 0};
    case 'end':
      return {...state, cursor: value.length};
    case 'word-left':
      return {...state, cursor: alnumStart(value, cursor)};
    case 'word-right':
      return {...state, cursor: alnumEnd(value, cursor)};
    case 'backspace':
      return remove(state, previous(value, cursor), cursor);
    case 'delete':
      return remove(state, cursor, next(value, cursor));
    case 'kill-start':
      return kill(state, 0, cursor);
    case 'kill-end':
      return kill(state, cursor, value.length);
    case 'kill-word-back':
      return kill(state, wordStart(value, cursor), cursor);
    case 'kill-alnum-back':
      return kill(state, alnumStart(value, cursor), cursor);
    case 'kill-alnum-forward':
      return kill(state, cursor, alnumEnd(value, cursor));
    case 'yank':
      return insert(state, state.killed);
    case 'submit':
      return state;
  }
}
