/**
 * What the browser's list screens share: the paged-list hook (loads the next page when the reducer says it is
 * due), the list view (filter line, the window of rows, a status line with a spinner or the error and its
 * retry key), the region picker and the header's region / AWS profile.
 */
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, useInput, useStdout} from 'ink';
import {Text} from '../components/text.js';
import {TextInput} from '../components/text-input.js';
import type {LineKeyKind} from '../components/line-editor.js';
import type {CompositionRoot} from '../../ports/root.js';
import {AwsError, CliError} from '../../errors.js';
import type {Page} from '../../ports/ecs.js';
import {
  initialList,
  listReducer,
  listStatus,
  pickedRegion,
  REGIONS,
  regionBehaviour,
  wantsPage,
  windowRows,
  type ListAction,
  type ListBehaviour,
  type ListState,
  type LoadError,
} from '../browser-state.js';
import {Spinner} from '../components/spinner.js';
import type {KeyHint} from '../keys.js';

/** What every browser screen gets from the app. */
export interface BrowserProps {
  root: CompositionRoot;
  active: boolean;
  onBack: () => void;
  onTypingChange: (typing: boolean) => void;
}

/** Any failure → what the screen shows in place (message, hint, kind). */
export function loadError(error: unknown): LoadError {
  if (error instanceof AwsError) return {message: error.message, ...(error.hint === undefined ? {} : {hint: error.hint}), kind: error.kind};
  if (error instanceof CliError) return {message: error.message, ...(error.hint === undefined ? {} : {hint: error.hint})};
  return {message: error instanceof Error ? error.message : String(error)};
}

/** Terminal rows (24 when unknown, as in tests). */
export function useTerminalRows(): number {
  const {stdout} = useStdout();
  return stdout.rows > 0 ? stdout.rows : 24;
}

/** Rows left for a list when `reserved` rows are taken by the frame, header lines and footer. */
export const listHeight = (rows: number, reserved: number): number => Math.max(3, rows - reserved);

/**
 * A list read page by page: `fetchPage(nextToken)` is called when the reducer says a page is due (first page,
 * selection near the end, filter short of a window). The latest `fetchPage` is used (region or status changes
 * take effect after a `reset`).
 */
export function usePagedList<T>(behaviour: ListBehaviour<T>, fetchPage: (nextToken: string | undefined) => Promise<Page<T>>, height: number) {
  const reducer = useMemo(() => listReducer(behaviour), [behaviour]);
  const [state, dispatch] = useReducer(reducer, height, (rows) => initialList<T>(rows));
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const due = wantsPage(state);
  useEffect(() => {
    if (!due) return;
    const {generation, nextToken} = state;
    dispatch({type: 'request'});
    fetchRef.current(nextToken).then(
      (page) =>
        dispatch({type: 'loaded', generation, token: nextToken, items: page.items, ...(page.nextToken === undefined ? {} : {nextToken: page.nextToken})}),
      (error: unknown) => dispatch({type: 'failed', generation, error: loadError(error)}),
    );
  }, [due, state.generation, state.nextToken]);
  useEffect(() => {
    if (height !== state.height) dispatch({type: 'resize', height});
  }, [height]);
  return [state, dispatch] as const;
}

/**
 * The keys every list takes. Returns true when the key was a list key (moving, filtering); the screen
 * handles the rest (Enter, its letters).
 */
export function handleListKey<T>(
  state: ListState<T>,
  dispatch: (action: ListAction<T>) => void,
  input: string,
  key: {upArrow: boolean; downArrow: boolean; pageUp: boolean; pageDown: boolean; escape: boolean; home?: boolean; end?: boolean; return: boolean},
): boolean {
  if (key.upArrow) dispatch({type: 'move', delta: -1});
  else if (key.downArrow) dispatch({type: 'move', delta: 1});
  else if (key.pageUp) dispatch({type: 'page', direction: -1});
  else if (key.pageDown) dispatch({type: 'page', direction: 1});
  else if (key.home === true) dispatch({type: 'first'});
  else if (key.end === true) dispatch({type: 'last'});
  else if (state.filtering) {
    // The filter line has the letters; Esc closes it and clears the filter, Enter keeps it.
    if (key.escape) dispatch({type: 'filter-clear'});
    else return false;
  } else if (input === 'j') dispatch({type: 'move', delta: 1});
  else if (input === 'k') dispatch({type: 'move', delta: -1});
  else if (input === 'g') dispatch({type: 'first'});
  else if (input === 'G') dispatch({type: 'last'});
  else if (input === '/') dispatch({type: 'filter-start'});
  else if (key.escape && state.filter !== '') dispatch({type: 'filter-clear'});
  else return false;
  return true;
}

export const FILTER_KEYS: KeyHint[] = [
  {keys: '↑↓', label: 'move'},
  {keys: 'enter', label: 'open'},
  {keys: 'esc', label: 'clear filter'},
];

/** Home and End move in a list (handleListKey), also while its filter line has the letters. */
const LIST_KEYS: readonly LineKeyKind[] = ['home', 'end'];

/** The list: filter line, the window of rows (`❯` on the selected one), and the status line. */
export function ListView<T>(props: {
  state: ListState<T>;
  dispatch: (action: ListAction<T>) => void;
  active: boolean;
  noun: string;
  loadingLabel: string;
  emptyText: string;
  renderRow: (item: T, selected: boolean) => React.ReactNode;
}) {
  const {state, dispatch} = props;
  const {start, rows} = windowRows(state);
  const showFilter = state.filtering || state.filter !== '';
  return (
    <Box flexDirection="column">
      <Box height={1}>
        {showFilter ? (
          <Text>
            <Text color="cyan">/ </Text>
            {state.filtering ? (
              <TextInput value={state.filter} focus={props.active} reserved={LIST_KEYS} onChange={(text) => dispatch({type: 'filter-set', text})} />
            ) : (
              <Text>{state.filter}</Text>
            )}
          </Text>
        ) : (
          <Text dimColor>/ to filter</Text>
        )}
      </Box>
      <Box flexDirection="column" height={state.height}>
        {rows.map((item, index) => {
          const selected = start + index === state.selected;
          return (
            <Box key={start + index} height={1}>
              <Text color={selected ? 'cyan' : undefined} wrap="truncate-end">
                {selected ? '❯ ' : '  '}
                {props.renderRow(item, selected)}
              </Text>
            </Box>
          );
        })}
        {rows.length === 0 && !state.loading && state.error === undefined && state.complete ? (
          <Text dimColor>{state.filter.trim() === '' ? props.emptyText : `Nothing matches "${state.filter.trim()}".`}</Text>
        ) : null}
      </Box>
      <ListStatus state={state} noun={props.noun} loadingLabel={props.loadingLabel} />
    </Box>
  );
}

export function ListStatus<T>({state, noun, loadingLabel}: {state: ListState<T>; noun: string; loadingLabel: string}) {
  if (state.error !== undefined) return <ErrorLines error={state.error} />;
  if (state.loading) return <Spinner label={state.items.length === 0 ? loadingLabel : `${listStatus(state, noun)} · loading more…`} />;
  return <Text dimColor>{state.items.length === 0 && state.pagesLoaded === 0 ? ' ' : listStatus(state, noun)}</Text>;
}

/** An error in place: the message, its hint, and the retry key. */
export function ErrorLines({error}: {error: LoadError}) {
  return (
    <Box flexDirection="column">
      <Text color="red">{error.message}</Text>
      {error.hint === undefined ? null : <Text dimColor>{error.hint}</Text>}
      <Text dimColor>
        Press <Text bold>r</Text> to retry.
      </Text>
    </Box>
  );
}

/** `region eu-west-1 · AWS profile default`: where the browser is looking. */
export function awsSubtitle(root: CompositionRoot, region: string | undefined): string {
  const context = root.awsContext();
  return `region ${region ?? context.region ?? '(from AWS config)'} · AWS profile ${context.profile ?? 'default'}`;
}

/** Remembers the region a port answered from (the header shows it once known). */
export function useResolvedRegion(): [string | undefined, (region: string) => void] {
  const [region, setRegion] = React.useState<string | undefined>(undefined);
  return [region, (value) => setRegion((current) => (current === value ? current : value))];
}

/** Pick a region: the list filters as you type; Enter switches (a valid region code not in the list works too). */
export function RegionPicker(props: {current?: string; active: boolean; height: number; onPick: (region: string) => void; onCancel: () => void}) {
  const reducer = useMemo(() => listReducer(regionBehaviour), []);
  const [state, dispatch] = useReducer(reducer, props.height, (rows) => {
    const initial = {...initialList<string>(rows, [...REGIONS]), filtering: true};
    const at = props.current === undefined ? -1 : REGIONS.indexOf(props.current as (typeof REGIONS)[number]);
    return at === -1 ? initial : reducer(initial, {type: 'move', delta: at});
  });
  const pick = () => {
    const region = pickedRegion(state);
    if (region !== undefined) props.onPick(region);
  };
  useInput(
    (input, key) => {
      if (key.escape) props.onCancel();
      else if (key.upArrow) dispatch({type: 'move', delta: -1});
      else if (key.downArrow) dispatch({type: 'move', delta: 1});
      else if (key.pageUp) dispatch({type: 'page', direction: -1});
      else if (key.pageDown) dispatch({type: 'page', direction: 1});
    },
    {isActive: props.active},
  );
  const {start, rows} = windowRows(state);
  const typed = pickedRegion(state);
  return (
    <Box flexDirection="column">
      <Text>
        Switch to region: <TextInput value={state.filter} focus={props.active} onChange={(text) => dispatch({type: 'filter-set', text})} onSubmit={pick} />
      </Text>
      <Box flexDirection="column" height={state.height}>
        {rows.map((region, index) => (
          <Text key={region} color={start + index === state.selected ? 'cyan' : undefined}>
            {start + index === state.selected ? '❯ ' : '  '}
            {region}
            {region === props.current ? <Text dimColor> (current)</Text> : null}
          </Text>
        ))}
        {rows.length === 0 ? <Text dimColor>{typed === undefined ? 'Not a region code (e.g. eu-west-1).' : `Enter switches to ${typed}.`}</Text> : null}
      </Box>
    </Box>
  );
}

export const REGION_PICKER_KEYS: KeyHint[] = [
  {keys: '↑↓', label: 'move'},
  {keys: 'enter', label: 'switch'},
  {keys: 'esc', label: 'cancel'},
];

/** Reports the screen's typing state to the app while the screen is on top (q and ? are letters then). */
export function useTypingReport(active: boolean, typing: boolean, onTypingChange: (typing: boolean) => void): void {
  useEffect(() => {
    if (active) onTypingChange(typing);
  }, [active, typing]);
}
