/**
 * A one-line text field that edits like readline (line-editor.ts: ←/→, Home/End, Ctrl-A/E, Backspace/Delete,
 * Ctrl-U/K/W, Alt-Backspace, Ctrl-Y, paste), drawn through the sanitising Text. Same props as ink-text-input's
 * TextInput, which it replaces: the value is the parent's (controlled), the cursor is the field's own.
 *
 * It reads the keys as the terminal sent them — Ink's stdin event (`useStdin().internal_eventEmitter`, which
 * Ink's own useInput reads) — rather than useInput's (input, key) pair: useInput cannot tell Backspace from
 * Delete, and hands a chunk without an escape sequence ("\x7f\x7f\x7f", a paste with a Ctrl-U in it) over as text.
 * Several keys in one event are edited in order against the field's latest line, not a stale render's.
 *
 * The cursor goes to the end when the value is changed from outside (a remembered answer put in, a reset);
 * an edit the parent does not take (it keeps its value, e.g. `?` that opens the help) leaves the value as it is.
 */
import React, {useEffect, useReducer, useRef} from 'react';
import {useStdin} from 'ink';
import {Text} from './text.js';
import {editLine, lineKeys, type LineKeyKind, type LineState} from './line-editor.js';

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter (the field's value). */
  onSubmit?: (value: string) => void;
  /** Takes keys only while focused (default true). */
  focus?: boolean;
  /** Shown instead of each character (a password). */
  mask?: string;
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
  showCursor?: boolean;
  /** Line keys the screen keeps for itself (a list's Home/End): the field ignores them. */
  reserved?: readonly LineKeyKind[];
}

export function TextInput({value, onChange, onSubmit, focus = true, mask, placeholder = '', showCursor = true, reserved}: TextInputProps) {
  const {internal_eventEmitter: events, setRawMode} = useStdin();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  /** The line as the field knows it; `prop` is the value of the last render, to tell outside changes from ours. */
  const line = useRef<LineState & {prop: string}>({value, cursor: value.length, killed: '', prop: value});
  const latest = useRef({onChange, onSubmit, reserved});
  latest.current = {onChange, onSubmit, reserved};
  if (value !== line.current.prop) {
    if (value !== line.current.value) line.current.cursor = value.length;
    line.current.prop = value;
  }
  line.current.value = value;

  useEffect(() => {
    if (!focus) return undefined;
    setRawMode(true);
    return () => setRawMode(false);
  }, [focus, setRawMode]);

  useEffect(() => {
    if (!focus) return undefined;
    const settle = (state: LineState): void => {
      const changed = state.value !== line.current.value;
      line.current.cursor = state.cursor;
      line.current.killed = state.killed;
      if (changed) {
        // Set first: the parent re-renders this field inside onChange, with the new value as its own.
        line.current.value = state.value;
        latest.current.onChange(state.value);
      }
      rerender();
    };
    const onInput = (data: string): void => {
      const keys = lineKeys(data).filter((key) => !(latest.current.reserved ?? []).includes(key.kind));
      if (keys.length === 0) return;
      let state: LineState = {value: line.current.value, cursor: line.current.cursor, killed: line.current.killed};
      for (const key of keys) {
        if (key.kind === 'submit') {
          settle(state);
          latest.current.onSubmit?.(state.value);
          state = {value: line.current.value, cursor: line.current.cursor, killed: line.current.killed};
        } else state = editLine(state, key);
      }
      settle(state);
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
    };
  }, [focus, events]);

  const cursorShown = focus && showCursor;
  if (value === '' && placeholder !== '') {
    return cursorShown ? (
      <Text>
        <Text inverse>{placeholder.slice(0, 1)}</Text>
        <Text color="gray">{placeholder.slice(1)}</Text>
      </Text>
    ) : (
      <Text color="gray">{placeholder}</Text>
    );
  }
  const characters = Array.from(value, (character) => mask ?? character);
  if (!cursorShown) return <Text>{characters.join('')}</Text>;
  const at = Array.from(value.slice(0, Math.min(line.current.cursor, value.length))).length;
  return (
    <Text>
      {characters.slice(0, at).join('')}
      <Text inverse>{characters[at] ?? ' '}</Text>
      {characters.slice(at + 1).join('')}
    </Text>
  );
}
