/**
 * Advanced JSON in the person's editor: choose where to start (a template, pasted describe output, the current
 * JSON), the editor opens ($VISUAL/$EDITOR; without one, a file to edit by hand), and on return the text is
 * checked: a syntax error or a rule violation is shown with its line/column, and the editor can be opened
 * again with the text kept.
 */
import React, {useEffect, useState} from 'react';
import {Box} from 'ink';
import type {Issue} from '../../../domain/issues.js';
import {formatIssueLocation, hasErrors} from '../../../domain/issues.js';
import type {EditorCheck, EditorStart} from '../../../operations/wizard/question.js';
import type {EditorPort} from '../../../ports/editor.js';
import {Text} from '../../components/text.js';
import {Note, Problem, Question, SelectField, TextField} from './fields.js';
import type {PickerItem} from './picker-state.js';

type Phase =
  | {kind: 'choose'}
  | {kind: 'opening'; text: string; start: string}
  | {kind: 'manual'; path: string; start: string; text: string}
  | {kind: 'result'; start: string; checked: EditorCheck; failed?: string};

const MAX_ISSUES = 6;

export function IssueList({issues, max = MAX_ISSUES}: {issues: readonly Issue[]; max?: number}) {
  const sorted = [...issues].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return (
    <Box flexDirection="column" marginLeft={2}>
      {sorted.slice(0, max).map((issue, index) => (
        <Text key={index} color={issue.severity === 'error' ? 'red' : 'yellow'} wrap="wrap">
          {issue.severity === 'error' ? '✖' : '⚠'} {formatIssueLocation(issue)}
          {': '}
          {issue.message}
          {issue.fix ? (
            <Text dimColor>
              {' — '}
              {issue.fix}
            </Text>
          ) : null}
        </Text>
      ))}
      {sorted.length > max ? (
        <Text dimColor>
          {'  … and '}
          {sorted.length - max}
          {' more'}
        </Text>
      ) : null}
    </Box>
  );
}

export function EditorField(props: {
  label: string;
  hint?: string;
  what: string;
  starts: EditorStart[];
  initialStart?: string;
  /** Open the editor at once with this start (no choice shown first). */
  autoStart?: string;
  editor: EditorPort;
  check: (text: string, start: string) => EditorCheck;
  active: boolean;
  onAccept: (checked: EditorCheck, start: string) => void;
  onHelp: () => void;
}) {
  const [phase, setPhase] = useState<Phase>({kind: 'choose'});
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (props.autoStart !== undefined) choose(props.autoStart);
  }, []);

  useEffect(() => {
    if (phase.kind !== 'opening') return;
    const editor = props.editor;
    if (editor.describe() === undefined) {
      editor.prepareFile(phase.text).then(
        (path) => setPhase({kind: 'manual', path, start: phase.start, text: phase.text}),
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
      return;
    }
    // Let the "Opening…" frame reach the terminal before the editor takes it over.
    const timer = setTimeout(() => {
      const result = editor.edit(phase.text);
      if (result.kind === 'failed') {
        setPhase({kind: 'result', start: phase.start, checked: props.check(result.text, phase.start), failed: result.reason});
      } else {
        setPhase({kind: 'result', start: phase.start, checked: props.check(result.text, phase.start)});
      }
    }, 30);
    return () => clearTimeout(timer);
  }, [phase]);

  const open = (start: string, text: string) => {
    setError(undefined);
    setPhase({kind: 'opening', text, start});
  };
  const choose = (value: string) => {
    const start = props.starts.find((option) => option.value === value);
    if (start === undefined) return;
    Promise.resolve(start.text()).then(
      (text) => open(value, text),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  if (phase.kind === 'choose') {
    return (
      <SelectField
        label={props.label}
        hint={props.hint}
        options={props.starts}
        initial={props.initialStart}
        active={props.active}
        onSubmit={choose}
        onHelp={props.onHelp}
      >
        <Problem message={error} />
      </SelectField>
    );
  }
  if (phase.kind === 'opening') {
    return (
      <Box flexDirection="column">
        <Question label={props.label} />
        <Note message={`Opening ${props.editor.describe() ?? 'the editor'} on the ${props.what}… save and quit the editor to come back.`} />
        <Problem message={error} />
      </Box>
    );
  }
  if (phase.kind === 'manual') {
    return (
      <TextField
        label={props.label}
        hint={`No editor found ($VISUAL and $EDITOR are not set, and neither nano nor vi is installed). Edit this file in any editor, save it, then press Enter (or type the path of another file):`}
        initial={phase.path}
        active={props.active}
        validate={(text) => (text.trim() === '' ? {ok: false, message: 'Give the path of the file'} : {ok: true, value: text.trim()})}
        check={{
          progress: 'Reading the file…',
          run: async (path) => {
            try {
              const text = await props.editor.readFile(path);
              setPhase({kind: 'result', start: phase.start, checked: props.check(text, phase.start)});
              return {ok: true};
            } catch (failure) {
              return {ok: false, message: failure instanceof Error ? failure.message : String(failure)};
            }
          },
        }}
        onSubmit={() => undefined}
        onHelp={props.onHelp}
      />
    );
  }
  const {checked} = phase;
  const blocked = hasErrors(checked.issues) || (phase.failed !== undefined && checked.text.trim() === '');
  const errors = checked.issues.filter((issue) => issue.severity === 'error').length;
  const options: PickerItem[] = blocked
    ? [
        {value: 'reopen', label: 'Re-open the editor', detail: 'your text is kept'},
        {value: 'restart', label: 'Start again', detail: 'choose a starting point'},
      ]
    : [
        {value: 'accept', label: `Use this ${props.what}`},
        {value: 'reopen', label: 'Re-open the editor', detail: 'your text is kept'},
        {value: 'restart', label: 'Start again', detail: 'choose a starting point'},
      ];
  return (
    <SelectField
      key={`result-${checked.text.length}-${errors}`}
      label={props.label}
      options={options}
      active={props.active}
      onSubmit={(value) => {
        if (value === 'accept') props.onAccept(checked, phase.start);
        else if (value === 'reopen') open(phase.start, checked.text);
        else setPhase({kind: 'choose'});
      }}
      onHelp={props.onHelp}
    >
      {phase.failed ? <Note tone="warn" message={phase.failed} /> : null}
      {errors > 0 ? (
        <Box marginLeft={2}>
          <Text color="red" bold>
            {errors}
            {' problem'}
            {errors === 1 ? '' : 's'}
            {' to fix in the '}
            {props.what}:
          </Text>
        </Box>
      ) : checked.text.trim() === '' ? (
        <Problem message={`The ${props.what} is empty`} />
      ) : (
        <Note tone="ok" message={`The ${props.what} is valid${checked.summary ? `: ${checked.summary}` : ''}`} />
      )}
      <IssueList issues={checked.issues} />
      {checked.notes.map((note, index) => (
        <Note key={index} message={note} />
      ))}
    </SelectField>
  );
}
