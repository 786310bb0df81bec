/**
 * The state of the list editor (config variables, environment overrides, container environment): entries
 * `NAME=VALUE` added one per line, removed by moving up onto one and pressing x / delete. Pure.
 */
import type {ListEntry} from '../../../operations/wizard/question.js';

export interface ListState {
  entries: ListEntry[];
  input: string;
  /** -1: the input line has the focus; otherwise the highlighted entry. */
  focus: number;
  error?: string;
}

export type ListAction =
  {type: 'input'; value: string} | {type: 'add'; entry: ListEntry} | {type: 'error'; message: string} | {type: 'up'} | {type: 'down'} | {type: 'remove'};

export const initialList = (entries: ListEntry[]): ListState => ({entries, input: '', focus: -1});

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'input':
      return {...state, input: action.value, error: undefined};
    case 'add': {
      const entries = state.entries.filter((entry) => entry.name !== action.entry.name);
      const at = state.entries.findIndex((entry) => entry.name === action.entry.name);
      if (at >= 0) entries.splice(at, 0, action.entry);
      else entries.push(action.entry);
      return {...state, entries, input: '', error: undefined, focus: -1};
    }
    case 'error':
      return {...state, error: action.message};
    case 'up':
      if (state.entries.length === 0) return state;
      return {...state, focus: state.focus === -1 ? state.entries.length - 1 : Math.max(0, state.focus - 1), error: undefined};
    case 'down':
      if (state.focus === -1) return state;
      return {...state, focus: state.focus + 1 >= state.entries.length ? -1 : state.focus + 1};
    case 'remove': {
      if (state.focus < 0) return state;
      const entries = state.entries.filter((_, index) => index !== state.focus);
      return {...state, entries, focus: entries.length === 0 ? -1 : Math.min(state.focus, entries.length - 1)};
    }
  }
}
