/** State of the "manage profiles" screen: which row is selected and which action is in progress. Pure. */
export type ProfilesMode =
  | {kind: 'browse'}
  | {kind: 'confirm-remove'; name: string}
  | {kind: 'rename'; name: string; value: string}
  | {kind: 'export'; name: string; value: string}
  | {kind: 'import'; value: string};

export interface ProfilesScreenState {
  selected: number;
  mode: ProfilesMode;
  busy: boolean;
  message?: {tone: 'info' | 'error'; text: string};
}

export type ProfilesAction =
  | {type: 'move'; delta: number; count: number}
  | {type: 'start'; mode: Exclude<ProfilesMode, {kind: 'browse'}>}
  | {type: 'edit'; value: string}
  | {type: 'cancel'}
  | {type: 'busy'}
  | {type: 'done'; text: string; select?: number}
  | {type: 'failed'; text: string};

export const initialProfilesScreen: ProfilesScreenState = {selected: 0, mode: {kind: 'browse'}, busy: false};

export const isTyping = (mode: ProfilesMode): boolean => mode.kind === 'rename' || mode.kind === 'export' || mode.kind === 'import';

export function profilesReducer(state: ProfilesScreenState, action: ProfilesAction): ProfilesScreenState {
  switch (action.type) {
    case 'move': {
      if (action.count === 0) return {...state, selected: 0};
      const selected = Math.min(action.count - 1, Math.max(0, state.selected + action.delta));
      return {...state, selected, message: undefined};
    }
    case 'start':
      return {...state, mode: action.mode, message: undefined};
    case 'edit':
      return 'value' in state.mode ? {...state, mode: {...state.mode, value: action.value}} : state;
    case 'cancel':
      return {...state, mode: {kind: 'browse'}, busy: false};
    case 'busy':
      return {...state, busy: true};
    case 'done':
      return {selected: action.select ?? state.selected, mode: {kind: 'browse'}, busy: false, message: {tone: 'info', text: action.text}};
    case 'failed':
      // Keep the mode (and what was typed) so the person can correct it.
      return {...state, busy: false, message: {tone: 'error', text: action.text}};
  }
}

/** The rows to draw so that the selected one is always visible. */
export function visibleWindow(count: number, selected: number, height: number): {start: number; end: number} {
  if (count <= height) return {start: 0, end: count};
  const start = Math.min(Math.max(0, selected - Math.floor(height / 2)), count - height);
  return {start, end: start + height};
}
