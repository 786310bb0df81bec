/**
 * Pure state of the browser screens (families, revisions, clusters, services, the region picker) and of
 * the import form. No React, no AWS: the screens dispatch actions and render what these return.
 *
 * A list is loaded one page at a time. `wantsPage` says when the next page is due: before the first one,
 * and when the selection comes within one window of the end of what matches the filter (so a filter that
 * matches little keeps loading until it fills the window or the list is complete). Only the rows of the
 * window are drawn (`windowRows`), so 5,000 loaded rows cost what 20 do; moving is O(1), filtering O(n).
 */

export interface LoadError {
  message: string;
  hint?: string;
  /** AwsError's kind (throttled, access-denied, credentials, …), when known. */
  kind?: string;
}

export interface ListState<T> {
  items: T[];
  /** Indexes into `items` of the rows that match the filter (every row when it is empty). */
  matches: number[];
  filter: string;
  /** The filter line has the keyboard. */
  filtering: boolean;
  /** Index into `matches`. */
  selected: number;
  /** The first row of the window (index into `matches`). */
  offset: number;
  /** Rows in the window. */
  height: number;
  /** The token of the next page; undefined before the first page and after the last. */
  nextToken?: string;
  /** Every page is loaded. */
  complete: boolean;
  loading: boolean;
  pagesLoaded: number;
  error?: LoadError;
  /** Bumped by `reset`: answers to requests made before it are dropped. */
  generation: number;
}

export type ListAction<T> =
  | {type: 'request'}
  | {type: 'loaded'; generation: number; token: string | undefined; items: T[]; nextToken?: string}
  | {type: 'failed'; generation: number; error: LoadError}
  | {type: 'retry'}
  | {type: 'reset'}
  | {type: 'move'; delta: number}
  | {type: 'first'}
  | {type: 'last'}
  | {type: 'page'; direction: 1 | -1}
  | {type: 'resize'; height: number}
  | {type: 'filter-start'}
  | {type: 'filter-set'; text: string}
  | {type: 'filter-stop'}
  | {type: 'filter-clear'}
  /** Replace loaded rows by key (details that arrive later: a revision's image). */
  | {type: 'patch'; items: T[]};

export interface ListBehaviour<T> {
  /** Does the row match the (trimmed, non-empty) filter? */
  match(item: T, query: string): boolean;
  /** A row's identity (for `patch` and to keep the selection when the filter changes). */
  key(item: T): string;
}

export function initialList<T>(height: number, items?: T[]): ListState<T> {
  const loaded = items !== undefined;
  return {
    items: items ?? [],
    matches: (items ?? []).map((_, index) => index),
    filter: '',
    filtering: false,
    selected: 0,
    offset: 0,
    height: Math.max(1, height),
    complete: loaded,
    loading: false,
    pagesLoaded: loaded ? 1 : 0,
    generation: 0,
  };
}

/** The rows that match the filter (by index), for `items` from `from` on. */
function matching<T>(items: readonly T[], filter: string, behaviour: ListBehaviour<T>, from = 0): number[] {
  const query = filter.trim().toLowerCase();
  const result: number[] = [];
  for (let index = from; index < items.length; index += 1) {
    if (query === '' || behaviour.match(items[index] as T, query)) result.push(index);
  }
  return result;
}

/** Clamps the selection and moves the window only as far as needed to show it. */
function place<T>(state: ListState<T>, selected: number): ListState<T> {
  const count = state.matches.length;
  const clamped = count === 0 ? 0 : Math.min(count - 1, Math.max(0, selected));
  let offset = state.offset;
  if (clamped < offset) offset = clamped;
  else if (clamped >= offset + state.height) offset = clamped - state.height + 1;
  offset = Math.max(0, Math.min(offset, Math.max(0, count - state.height)));
  return clamped === state.selected && offset === state.offset ? state : {...state, selected: clamped, offset};
}

/** After the filter changed: keep the selected row if it still matches, else the first match. */
function refilter<T>(state: ListState<T>, filter: string, behaviour: ListBehaviour<T>): ListState<T> {
  const current = selectedItem(state);
  const matches = matching(state.items, filter, behaviour);
  let selected = 0;
  if (current !== undefined) {
    const key = behaviour.key(current);
    const found = matches.findIndex((index) => behaviour.key(state.items[index] as T) === key);
    if (found !== -1) selected = found;
  }
  return place({...state, filter, matches, offset: 0}, selected);
}

export function listReducer<T>(behaviour: ListBehaviour<T>): (state: ListState<T>, action: ListAction<T>) => ListState<T> {
  return (state, action) => {
    switch (action.type) {
      case 'request':
        return state.loading ? state : {...state, loading: true, error: undefined};
      case 'loaded': {
        // A late answer from before a reset, or a page already taken: drop it.
        if (action.generation !== state.generation || action.token !== state.nextToken || state.complete) return state;
        const items = [...state.items, ...action.items];
        const matches = [...state.matches, ...matching(items, state.filter, behaviour, state.items.length)];
        const next: ListState<T> = {
          ...state,
          items,
          matches,
          loading: false,
          error: undefined,
          pagesLoaded: state.pagesLoaded + 1,
          nextToken: action.nextToken,
          complete: action.nextToken === undefined,
        };
        return place(next, state.selected);
      }
      case 'failed':
        return action.generation !== state.generation ? state : {...state, loading: false, error: action.error};
      case 'retry':
        return state.error === undefined ? state : {...state, error: undefined};
      case 'reset':
        return {...initialList<T>(state.height), filter: state.filter, filtering: state.filtering, generation: state.generation + 1};
      case 'move':
        return place(state, state.selected + action.delta);
      case 'first':
        return place(state, 0);
      case 'last':
        return place(state, state.matches.length - 1);
      case 'page':
        return place(state, state.selected + action.direction * Math.max(1, state.height - 1));
      case 'resize': {
        const height = Math.max(1, action.height);
        return height === state.height ? state : place({...state, height}, state.selected);
      }
      case 'filter-start':
        return state.filtering ? state : {...state, filtering: true};
      case 'filter-set':
        return action.text === state.filter ? state : refilter(state, action.text, behaviour);
      case 'filter-stop':
        return state.filtering ? {...state, filtering: false} : state;
      case 'filter-clear':
        return refilter({...state, filtering: false}, '', behaviour);
      case 'patch': {
        if (action.items.length === 0) return state;
        const byKey = new Map(action.items.map((item) => [behaviour.key(item), item]));
        let changed = false;
        const items = state.items.map((item) => {
          const patched = byKey.get(behaviour.key(item));
          if (patched === undefined || patched === item) return item;
          changed = true;
          return patched;
        });
        if (!changed) return state;
        const next = {...state, items};
        // Details can make rows match (or stop matching) the filter.
        return state.filter.trim() === '' ? next : refilter(next, state.filter, behaviour);
      }
    }
  };
}

export const selectedItem = <T>(state: ListState<T>): T | undefined => {
  const index = state.matches[state.selected];
  return index === undefined ? undefined : state.items[index];
};

/** The rows to draw: `start` is the index (into matches) of the first. */
export function windowRows<T>(state: ListState<T>): {start: number; rows: T[]} {
  const end = Math.min(state.matches.length, state.offset + state.height);
  const rows: T[] = [];
  for (let index = state.offset; index < end; index += 1) rows.push(state.items[state.matches[index] as number] as T);
  return {start: state.offset, rows};
}

/**
 * Is the next page due? Before the first page; and while the selection is within one window of the end of
 * the matching rows. Never while a page loads, after an error (until `retry`), or once complete.
 */
export function wantsPage<T>(state: ListState<T>): boolean {
  if (state.loading || state.error !== undefined || state.complete) return false;
  if (state.pagesLoaded === 0) return true;
  return state.matches.length - state.selected <= state.height;
}

/** `3 of 120 matching · 1,200 loaded, more on scroll` — what the status line says about the list. */
export function listStatus<T>(state: ListState<T>, noun: string): string {
  const loaded = state.items.length.toLocaleString('en-US');
  const total = state.complete ? `${loaded} ${noun}` : `${loaded} ${noun} loaded, more below`;
  if (state.filter.trim() === '') return total;
  return `${state.matches.length.toLocaleString('en-US')} matching "${state.filter.trim()}" · ${total}`;
}

// ---------------------------------------------------------------------------------------------------
// Scrolling a document (the JSON preview)
// ---------------------------------------------------------------------------------------------------

export interface ScrollState {
  offset: number;
  height: number;
  lines: number;
}

export type ScrollAction =
  {type: 'scroll'; delta: number} | {type: 'top'} | {type: 'bottom'} | {type: 'page'; direction: 1 | -1} | {type: 'resize'; height: number; lines: number};

export function scrollReducer(state: ScrollState, action: ScrollAction): ScrollState {
  const clamp = (offset: number, height = state.height, lines = state.lines): number => Math.max(0, Math.min(offset, Math.max(0, lines - height)));
  switch (action.type) {
    case 'scroll':
      return {...state, offset: clamp(state.offset + action.delta)};
    case 'top':
      return {...state, offset: 0};
    case 'bottom':
      return {...state, offset: clamp(state.lines)};
    case 'page':
      return {...state, offset: clamp(state.offset + action.direction * Math.max(1, state.height - 1))};
    case 'resize':
      return {offset: clamp(state.offset, action.height, action.lines), height: Math.max(1, action.height), lines: action.lines};
  }
}

// ---------------------------------------------------------------------------------------------------
// Regions (the region picker is a list with a filter)
// ---------------------------------------------------------------------------------------------------

/** Regions offered by the picker; any other valid code can be typed. */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
  'cn-north-1',
  'cn-northwest-1',
] as const;

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/;

export const regionBehaviour: ListBehaviour<string> = {match: (region, query) => region.includes(query), key: (region) => region};

/** The region the picker would switch to: the selected match, else the typed text when it is a region code. */
export function pickedRegion(state: ListState<string>): string | undefined {
  const selected = selectedItem(state);
  if (selected !== undefined) return selected;
  const typed = state.filter.trim();
  return REGION_PATTERN.test(typed) ? typed : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The import form
// ---------------------------------------------------------------------------------------------------

export type ImportMode = 'new' | 'replace';

export type ImportStep = 'loading' | 'failed' | 'mode' | 'container' | 'names' | 'target' | 'review' | 'saving' | 'saved';

export const NAME_FIELDS = ['application', 'service', 'environment', 'profile'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

export interface ImportFormState {
  step: ImportStep;
  /** A revision can be imported as a new profile or into an existing one; a service only as a new profile. */
  kind: 'revision' | 'service';
  mode: ImportMode;
  /** Index into MODES. */
  modeIndex: number;
  containers: string[];
  /** Index into `containers`. */
  container: number;
  names: Record<NameField, string>;
  /** Index into NAME_FIELDS. */
  field: number;
  /** Existing profile names (for `replace`). */
  profiles: string[];
  target: number;
  error?: LoadError;
  saved?: string;
}

export const IMPORT_MODES: ReadonlyArray<{mode: ImportMode; label: string}> = [
  {mode: 'new', label: 'Create a new profile'},
  {mode: 'replace', label: 'Replace the container specification of an existing profile'},
];

export type ImportFormAction =
  | {type: 'loaded'; containers: string[]; defaultContainer?: string; names: Record<NameField, string>; profiles: string[]}
  | {type: 'failed'; error: LoadError}
  | {type: 'retry'}
  | {type: 'move'; delta: number}
  | {type: 'next'}
  | {type: 'back'}
  | {type: 'edit'; value: string}
  | {type: 'field'; delta: number}
  | {type: 'saving'}
  | {type: 'saved'; profile: string}
  | {type: 'save-failed'; error: LoadError};

export function initialImportForm(kind: 'revision' | 'service'): ImportFormState {
  return {
    step: 'loading',
    kind,
    mode: 'new',
    modeIndex: 0,
    containers: [],
    container: 0,
    names: {application: '', service: '', environment: '', profile: ''},
    field: 0,
    profiles: [],
    target: 0,
  };
}

/** The steps of this form, in order. */
export function importSteps(state: ImportFormState): ImportStep[] {
  const steps: ImportStep[] = [];
  if (state.kind === 'revision') steps.push('mode');
  if (state.containers.length > 1) steps.push('container');
  steps.push(state.mode === 'replace' ? 'target' : 'names');
  steps.push('review');
  return steps;
}

/** Is a name step ready to go on? Every field filled in. */
export const namesComplete = (names: Record<NameField, string>): boolean => NAME_FIELDS.every((field) => names[field].trim() !== '');

export const isImportTyping = (state: ImportFormState): boolean => state.step === 'names';

export function importFormReducer(state: ImportFormState, action: ImportFormAction): ImportFormState {
  const steps = importSteps(state);
  const at = steps.indexOf(state.step);
  switch (action.type) {
    case 'loaded': {
      const container = action.defaultContainer === undefined ? 0 : Math.max(0, action.containers.indexOf(action.defaultContainer));
      const next = {...state, containers: action.containers, container, names: action.names, profiles: action.profiles, error: undefined};
      return {...next, step: importSteps(next)[0] ?? 'review'};
    }
    case 'failed':
      return {...state, step: 'failed', error: action.error};
    case 'retry':
      return state.step === 'failed' ? {...state, step: 'loading', error: undefined} : state;
    case 'move': {
      if (state.step === 'mode') return {...state, modeIndex: Math.min(IMPORT_MODES.length - 1, Math.max(0, state.modeIndex + action.delta))};
      if (state.step === 'container') return {...state, container: Math.min(state.containers.length - 1, Math.max(0, state.container + action.delta))};
      if (state.step === 'target') return {...state, target: Math.min(Math.max(0, state.profiles.length - 1), Math.max(0, state.target + action.delta))};
      if (state.step === 'names') return {...state, field: Math.min(NAME_FIELDS.length - 1, Math.max(0, state.field + action.delta))};
      return state;
    }
    case 'field':
      return state.step === 'names' ? {...state, field: (state.field + action.delta + NAME_FIELDS.length) % NAME_FIELDS.length} : state;
    case 'edit': {
      if (state.step !== 'names') return state;
      const field = NAME_FIELDS[state.field] ?? 'profile';
      return {...state, names: {...state.names, [field]: action.value}, error: undefined};
    }
    case 'next': {
      if (state.step === 'mode') {
        const mode = IMPORT_MODES[state.modeIndex]?.mode ?? 'new';
        if (mode === 'replace' && state.profiles.length === 0)
          return {...state, error: {message: 'There are no saved profiles to replace the container specification of.'}};
        const next = {...state, mode, error: undefined};
        const order = importSteps(next);
        return {...next, step: order[order.indexOf('mode') + 1] ?? 'review'};
      }
      if (state.step === 'names') {
        // Enter on a field moves to the next one; on the last, to the review once every field is filled.
        if (state.field < NAME_FIELDS.length - 1) return {...state, field: state.field + 1};
        if (!namesComplete(state.names)) {
          const empty = NAME_FIELDS.findIndex((field) => state.names[field].trim() === '');
          return {...state, field: empty, error: {message: `The ${NAME_FIELDS[empty]} name is empty.`}};
        }
      }
      if (state.step === 'container' || state.step === 'names' || state.step === 'target') {
        return {...state, step: steps[at + 1] ?? 'review', error: undefined};
      }
      return state;
    }
    case 'back': {
      if (state.step === 'saving') return state;
      if (state.step === 'saved' || state.step === 'loading' || state.step === 'failed' || at <= 0) return state;
      return {...state, step: steps[at - 1] ?? state.step, error: undefined};
    }
    case 'saving':
      return state.step === 'review' ? {...state, step: 'saving', error: undefined} : state;
    case 'saved':
      return {...state, step: 'saved', saved: action.profile, error: undefined};
    case 'save-failed':
      return {...state, step: 'review', error: action.error};
  }
}

/** Is this the first step (Esc leaves the form)? */
export function atFirstStep(state: ImportFormState): boolean {
  if (state.step === 'loading' || state.step === 'failed' || state.step === 'saved') return true;
  return importSteps(state).indexOf(state.step) <= 0;
}
