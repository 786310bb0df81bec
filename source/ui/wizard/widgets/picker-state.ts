/**
 * The state of the wizard's choosers (select, filter-as-you-type picker, multi-picker): pure.
 * A row is an item of the list, or the "use what you typed" row when free entry is allowed.
 */
import type {Choice} from '../../../operations/wizard/question.js';

/** A row of a select or a picker (a question's Choice). */
export type PickerItem = Choice;

export type PickerRow = {kind: 'item'; item: PickerItem} | {kind: 'free'; value: string};

export interface PickerState {
  query: string;
  /** Index in the visible rows. */
  index: number;
  /** Chosen values (multi-picker). */
  selected: string[];
}

export type PickerAction =
  | {type: 'query'; query: string}
  | {type: 'move'; delta: number; count: number}
  | {type: 'to'; index: number}
  | {type: 'toggle'; value: string}
  | {type: 'set-selected'; values: string[]};

export const initialPicker = (options: {index?: number; selected?: string[]; query?: string} = {}): PickerState => ({
  query: options.query ?? '',
  index: options.index ?? 0,
  selected: options.selected ?? [],
});

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'query':
      return {...state, query: action.query, index: 0};
    case 'move': {
      if (action.count === 0) return {...state, index: 0};
      const index = (state.index + action.delta + action.count) % action.count;
      return {...state, index};
    }
    case 'to':
      return {...state, index: action.index};
    case 'toggle':
      return {
        ...state,
        selected: state.selected.includes(action.value) ? state.selected.filter((value) => value !== action.value) : [...state.selected, action.value],
      };
    case 'set-selected':
      return {...state, selected: action.values};
  }
}

/** Items whose label, value or detail contains every word of the query (case-insensitive). */
export function filterItems(items: readonly PickerItem[], query: string): PickerItem[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = `${item.label} ${item.value} ${item.detail ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The visible rows: matching items, then "use what you typed" when free entry is allowed and nothing matches exactly. */
export function pickerRows(items: readonly PickerItem[], query: string, free: boolean): PickerRow[] {
  const rows: PickerRow[] = filterItems(items, query).map((item) => ({kind: 'item', item}));
  const typed = query.trim();
  if (free && typed !== '' && !items.some((item) => item.value === typed)) rows.push({kind: 'free', value: typed});
  return rows;
}

/** The rows to draw so that the highlighted one is visible. */
export function windowOf(count: number, index: number, height: number): {start: number; end: number} {
  if (count <= height) return {start: 0, end: count};
  const start = Math.min(Math.max(0, index - Math.floor(height / 2)), count - height);
  return {start, end: start + height};
}
