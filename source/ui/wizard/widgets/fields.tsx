/**
 * The wizard's input widgets — thin views over pure state (picker-state.ts, list-state.ts): a select, a text
 * field (masked for passwords, with an optional asynchronous check), a filter-as-you-type picker that also
 * takes typed values (single or multiple choice), and a NAME=VALUE list editor.
 *
 * Each widget takes the keys only while `active`; `?` opens the step's help (on an empty text field: a
 * non-empty one takes `?` as text).
 */
import React, {useEffect, useReducer, useState} from 'react';
import {Box, useInput} from 'ink';
import {TextInput} from '../../components/text-input.js';
import type {Checked} from '../../../operations/wizard/answer-checks.js';
import type {AsyncCheck, ListEntry} from '../../../operations/wizard/question.js';
import type {Listing} from '../../../operations/wizard/services.js';
import {Text} from '../../components/text.js';
import {Row} from './choice-row.js';
import {initialPicker, pickerReducer, pickerRows, windowOf, type PickerItem} from './picker-state.js';
import {initialList, listReducer} from './list-state.js';

const ROWS = 8;

export function Question({label, hint}: {label: string; hint?: string}) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text color="cyan">{'? '}</Text>
        <Text bold>{label}</Text>
      </Text>
      {hint ? (
        <Box marginLeft={2}>
          <Text dimColor>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** A message with a mark before it; a long one wraps under its text, not under the mark. */
function Marked({mark, color, message}: {mark: string; color: string; message: string}) {
  return (
    <Box marginLeft={2}>
      <Box flexShrink={0}>
        <Text color={color}>{mark}</Text>
      </Box>
      <Text color={color}>{message}</Text>
    </Box>
  );
}

export function Problem({message}: {message?: string}) {
  if (!message) return null;
  return <Marked mark="✖ " color="red" message={message} />;
}

export function Note({message, tone = 'dim'}: {message?: string; tone?: 'dim' | 'warn' | 'ok'}) {
  if (!message) return null;
  if (tone === 'warn') return <Marked mark="⚠ " color="yellow" message={message} />;
  if (tone === 'ok') return <Marked mark="✔ " color="green" message={message} />;
  return (
    <Box marginLeft={2}>
      <Text dimColor>{message}</Text>
    </Box>
  );
}

/** One choice out of a few: ↑↓ (or j/k) and Enter. */
export function SelectField(props: {
  label: string;
  hint?: string;
  options: PickerItem[];
  initial?: string;
  active: boolean;
  onSubmit: (value: string) => void;
  onHelp: () => void;
  children?: React.ReactNode;
}) {
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      props.options.findIndex((option) => option.value === props.initial),
    ),
  );
  const [error, setError] = useState<string>();
  const count = props.options.length;
  const labelWidth = Math.min(32, Math.max(0, ...props.options.map((option) => option.label.length)));
  const {start, end} = windowOf(count, index, ROWS);
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') {
        setIndex((current) => (current - 1 + count) % count);
        setError(undefined);
      } else if (key.downArrow || input === 'j') {
        setIndex((current) => (current + 1) % count);
        setError(undefined);
      } else if (input === '?') props.onHelp();
      else if (key.return) {
        const option = props.options[index];
        if (option === undefined) return;
        if (option.disabled) setError(option.disabled);
        else props.onSubmit(option.value);
      }
    },
    {isActive: props.active},
  );
  return (
    <Box flexDirection="column">
      <Question label={props.label} hint={props.hint} />
      {props.children}
      <Box flexDirection="column" marginLeft={2}>
        {start > 0 ? (
          <Text dimColor>
            {'  ↑ '}
            {start}
            {' more'}
          </Text>
        ) : null}
        {props.options.slice(start, end).map((option, offset) => (
          <Row key={option.value} row={{kind: 'item', item: option}} highlighted={start + offset === index} labelWidth={labelWidth} wrap />
        ))}
        {end < count ? (
          <Text dimColor>
            {'  ↓ '}
            {count - end}
            {' more'}
          </Text>
        ) : null}
      </Box>
      <Problem message={error} />
    </Box>
  );
}

/** A typed answer, checked on Enter (the message says what is wrong, in place). */
export function TextField<T>(props: {
  label: string;
  hint?: string;
  initial?: string;
  placeholder?: string;
  /** A default shown dimmed in the empty field; Enter on the empty field takes it (typing replaces it). */
  suggestion?: string;
  mask?: boolean;
  active: boolean;
  validate: (text: string) => Checked<T>;
  check?: AsyncCheck<T>;
  onSubmit: (value: T, note?: string) => void;
  onHelp: () => void;
  children?: React.ReactNode;
}) {
  const [value, setValue] = useState(props.initial ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const submit = (typed: string) => {
    if (busy) return;
    const text = typed === '' && props.suggestion !== undefined ? props.suggestion : typed;
    const checked = props.validate(text);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    if (props.check === undefined) {
      props.onSubmit(checked.value, checked.note);
      return;
    }
    setBusy(props.check.progress);
    props.check.run(checked.value).then(
      (result) => {
        setBusy(undefined);
        if (result.ok) props.onSubmit(result.value ?? checked.value, result.note ?? checked.note);
        else setError(result.message);
      },
      (failure: unknown) => {
        setBusy(undefined);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };
  return (
    <Box flexDirection="column">
      <Question label={props.label} hint={props.hint} />
      {props.children}
      <Box marginLeft={2}>
        <Text color="cyan">{'› '}</Text>
        <TextInput
          value={value}
          placeholder={props.suggestion === undefined ? props.placeholder : `${props.suggestion} (Enter takes it)`}
          mask={props.mask ? '•' : undefined}
          focus={props.active && busy === undefined}
          onChange={(next) => {
            if (value === '' && next === '?') {
              props.onHelp();
              return;
            }
            setValue(next);
            setError(undefined);
          }}
          onSubmit={submit}
        />
      </Box>
      {busy ? <Note message={busy} /> : null}
      <Problem message={error} />
    </Box>
  );
}

/**
 * A list to pick from, filtered as you type; what is typed can be used as is when `free` allows it (the
 * list could not be read, or the value is not in it). `multi`: space toggles, Enter takes the chosen ones.
 */
export function PickerField(props: {
  label: string;
  hint?: string;
  /** What is listed, for messages: "clusters in us-east-1". */
  what: string;
  load?: () => Promise<Listing<PickerItem>>;
  items?: PickerItem[];
  /** Rows always shown first (e.g. "Create ecsTaskExecutionRole"). */
  extra?: PickerItem[];
  /** Free entry: the typed text is checked with this. */
  free?: {validate: (text: string) => Checked<string>; hint: string};
  initial?: string;
  initialSelected?: string[];
  multi?: boolean;
  /** For multi: typed text (e.g. "subnet-1, subnet-2") is parsed with this. */
  parseMany?: (text: string) => Checked<string[]>;
  /** Checked after choosing (e.g. that a typed ARN exists); the message is shown in place. */
  check?: AsyncCheck<string[]>;
  active: boolean;
  onSubmit: (values: string[], note?: string) => void;
  onHelp: () => void;
  children?: React.ReactNode;
}) {
  const [listing, setListing] = useState<Listing<PickerItem> | undefined>(props.load ? undefined : {ok: true, items: props.items ?? []});
  useEffect(() => {
    if (!props.load) return;
    let cancelled = false;
    props.load().then(
      (result) => !cancelled && setListing(result),
      (error: unknown) => !cancelled && setListing({ok: false, reason: error instanceof Error ? error.message : String(error)}),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const items = [...(props.extra ?? []), ...(listing?.ok ? listing.items : [])];
  const [state, dispatch] = useReducer(pickerReducer, undefined, () => initialPicker({selected: props.initialSelected ?? []}));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const rows = pickerRows(items, state.query, props.free !== undefined);
  const done = (values: string[], note?: string) => {
    if (props.check === undefined) {
      props.onSubmit(values, note);
      return;
    }
    setBusy(props.check.progress);
    props.check.run(values).then(
      (result) => {
        setBusy(undefined);
        if (result.ok) props.onSubmit(result.value ?? values, result.note ?? note);
        else setError(result.message);
      },
      (failure: unknown) => {
        setBusy(undefined);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };
  // Once the list arrives, highlight the previous answer.
  const [placed, setPlaced] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  useEffect(() => {
    if (placed || listing === undefined) return;
    setPlaced(true);
    const at = rows.findIndex((row) => row.kind === 'item' && row.item.value === props.initial);
    if (at > 0) dispatch({type: 'to', index: at});
    else if (at < 0 && props.initial && !props.multi && props.free) {
      dispatch({type: 'query', query: props.initial});
      // A new input, so that its cursor starts at the end of the text put in it.
      setInputKey((key) => key + 1);
    }
  }, [listing]);

  useInput(
    (_input, key) => {
      if (key.upArrow) dispatch({type: 'move', delta: -1, count: rows.length});
      else if (key.downArrow) dispatch({type: 'move', delta: 1, count: rows.length});
      else if (key.pageUp) dispatch({type: 'move', delta: -ROWS, count: rows.length});
      else if (key.pageDown) dispatch({type: 'move', delta: ROWS, count: rows.length});
    },
    {isActive: props.active},
  );

  const submit = () => {
    if (busy) return;
    if (listing === undefined && state.query.trim() === '') {
      // Enter before the list arrives keeps the previous answer (when there is one).
      const highlighted = rows[Math.min(state.index, rows.length - 1)];
      if (props.multi && (props.initialSelected ?? []).length > 0) done(props.initialSelected!);
      // A row shown before the list (e.g. "None") is known: it can be taken at once.
      else if (props.multi && state.selected.length === 0 && highlighted?.kind === 'item' && !highlighted.item.disabled) done([highlighted.item.value]);
      else if (!props.multi && props.initial !== undefined) {
        const extra = props.extra?.some((item) => item.value === props.initial) ?? false;
        const checked = props.free && !extra ? props.free.validate(props.initial) : ({ok: true, value: props.initial} as const);
        if (checked.ok) done([checked.value]);
        else setError(checked.message);
      } else setError(`Still listing ${props.what}: one moment${props.free ? `, or type ${props.free.hint}` : ''}`);
      return;
    }
    const row = rows[Math.min(state.index, rows.length - 1)];
    if (props.multi) {
      const typedText = state.query.trim();
      // Typed text that matches nothing listed (the highlighted row is the typed one) is taken with the selection:
      // listed and typed entries in one answer.
      if (state.selected.length > 0 && typedText !== '' && row !== undefined && row.kind !== 'item' && props.parseMany) {
        const parsed = props.parseMany(typedText);
        if (parsed.ok) done([...new Set([...state.selected, ...parsed.value])], parsed.note);
        else setError(parsed.message);
        return;
      }
      if (state.selected.length > 0) {
        done(state.selected);
        return;
      }
      if (row?.kind === 'item' && !row.item.disabled) {
        done([row.item.value]);
        return;
      }
      const typed = state.query.trim();
      if (typed !== '' && props.parseMany) {
        const parsed = props.parseMany(typed);
        if (parsed.ok) done(parsed.value, parsed.note);
        else setError(parsed.message);
        return;
      }
      setError(`Choose at least one (space selects)${props.free ? ', or type them' : ''}`);
      return;
    }
    if (row === undefined) {
      setError(props.free ? `Type ${props.free.hint}` : 'Nothing matches: change the filter');
      return;
    }
    if (row.kind === 'item') {
      if (row.item.disabled) setError(row.item.disabled);
      else done([row.item.value]);
      return;
    }
    const checked = props.free!.validate(row.value);
    if (checked.ok) done([checked.value], checked.note);
    else setError(checked.message);
  };

  const {start, end} = windowOf(rows.length, state.index, ROWS);
  const labelWidth = Math.min(32, Math.max(0, ...rows.slice(start, end).map((row) => (row.kind === 'item' ? row.item.label.length : 0))));
  const status =
    listing === undefined
      ? `Listing ${props.what}…`
      : !listing.ok
        ? `Cannot list ${props.what}: ${listing.reason}`
        : listing.items.length === 0
          ? `No ${props.what} found.`
          : undefined;
  const typeHint = props.free ? ` Type ${props.free.hint}.` : '';
  return (
    <Box flexDirection="column">
      <Question label={props.label} hint={props.hint} />
      {props.children}
      <Box marginLeft={2}>
        <Text color="cyan">{'› '}</Text>
        <TextInput
          key={inputKey}
          value={state.query}
          placeholder={
            listing !== undefined && !listing.ok ? (props.free ? 'type here' : '') : props.multi ? 'type to filter, space to select' : 'type to filter'
          }
          focus={props.active && busy === undefined}
          onChange={(next) => {
            if (state.query === '' && next === '?') {
              props.onHelp();
              return;
            }
            if (props.multi && next === `${state.query} `) {
              const row = rows[state.index];
              if (row?.kind === 'item' && !row.item.disabled) dispatch({type: 'toggle', value: row.item.value});
              return;
            }
            setError(undefined);
            dispatch({type: 'query', query: next});
          }}
          onSubmit={submit}
        />
      </Box>
      {status ? (
        <Note
          message={`${status}${/[.…:]$/.test(status) ? '' : '.'}${listing !== undefined ? typeHint : ''}`}
          tone={listing !== undefined && !listing.ok ? 'warn' : 'dim'}
        />
      ) : null}
      <Box flexDirection="column" marginLeft={2}>
        {start > 0 ? (
          <Text dimColor>
            {'  ↑ '}
            {start}
            {' more'}
          </Text>
        ) : null}
        {rows.slice(start, end).map((row, offset) => (
          <Row
            key={row.kind === 'free' ? '\u0000free' : row.item.value}
            row={row}
            highlighted={start + offset === state.index}
            selected={row.kind === 'item' && state.selected.includes(row.item.value)}
            multi={props.multi}
            labelWidth={labelWidth}
          />
        ))}
        {end < rows.length ? (
          <Text dimColor>
            {'  ↓ '}
            {rows.length - end}
            {' more'}
          </Text>
        ) : null}
      </Box>
      {props.multi && state.selected.length > 0 ? <Note message={`chosen: ${state.selected.join(', ')}`} /> : null}
      {busy ? <Note message={busy} /> : null}
      <Problem message={error} />
    </Box>
  );
}

/** NAME=VALUE entries: type one and Enter to add; Enter on an empty line when done; ↑ then x removes one. */
export function ListField(props: {
  label: string;
  hint?: string;
  initial: ListEntry[];
  parse: (text: string) => Checked<{name: string; value: string}>;
  /** Checked when done: a message blocks once (Enter again goes on). */
  onDone?: (entries: ListEntry[]) => string | undefined;
  active: boolean;
  onSubmit: (entries: ListEntry[]) => void;
  onHelp: () => void;
  children?: React.ReactNode;
}) {
  const [state, dispatch] = useReducer(listReducer, props.initial, initialList);
  const [warned, setWarned] = useState<string>();
  useInput(
    (input, key) => {
      if (key.upArrow) dispatch({type: 'up'});
      else if (key.downArrow) dispatch({type: 'down'});
      else if (state.focus >= 0 && (input === 'x' || key.delete || key.backspace)) dispatch({type: 'remove'});
      else if (state.focus >= 0 && input === '?') props.onHelp();
      else if (state.focus >= 0 && key.return) dispatch({type: 'down'});
    },
    {isActive: props.active},
  );
  const submit = (text: string) => {
    if (text.trim() === '') {
      const message = props.onDone?.(state.entries);
      if (message !== undefined && warned !== message) {
        setWarned(message);
        return;
      }
      props.onSubmit(state.entries);
      return;
    }
    const parsed = props.parse(text);
    if (parsed.ok) {
      dispatch({type: 'add', entry: {name: parsed.value.name, value: parsed.value.value}});
      setWarned(undefined);
    } else dispatch({type: 'error', message: parsed.message});
  };
  return (
    <Box flexDirection="column">
      <Question label={props.label} hint={props.hint} />
      {props.children}
      <Box flexDirection="column" marginLeft={2}>
        {state.entries.length === 0 ? <Text dimColor>{'  (none yet)'}</Text> : null}
        {state.entries.map((entry, index) => (
          <Text key={entry.name} color={state.focus === index ? 'cyan' : undefined}>
            {state.focus === index ? '❯ ' : '  '}
            {entry.name}={entry.value}
            {entry.offered ? <Text dimColor>{'  (offered)'}</Text> : null}
          </Text>
        ))}
      </Box>
      <Box marginLeft={2}>
        <Text color="cyan">{'+ '}</Text>
        <TextInput
          value={state.input}
          placeholder="NAME=VALUE, or Enter when done"
          focus={props.active && state.focus === -1}
          onChange={(next) => {
            if (state.input === '' && next === '?') {
              props.onHelp();
              return;
            }
            dispatch({type: 'input', value: next});
          }}
          onSubmit={submit}
        />
      </Box>
      <Problem message={state.error} />
      {warned ? <Note tone="warn" message={`${warned} — press Enter again to go on anyway`} /> : null}
    </Box>
  );
}
