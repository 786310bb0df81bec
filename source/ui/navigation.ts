import type {TaskDefinitionStatus} from '../ports/ecs.js';

/** What the browser's import screen imports (`region` undefined: the default region). */
export type BrowseImportSource = {kind: 'revision'; reference: string; region?: string} | {kind: 'service'; cluster: string; service: string; region?: string};

/** Which screen is showing, as a stack: Esc pops, Enter on a menu pushes. Pure. */
export type Screen =
  | {name: 'home'}
  | {name: 'profiles'}
  | {name: 'profile'; profile: string}
  | {name: 'browse-families'}
  | {name: 'browse-revisions'; family: string; status: TaskDefinitionStatus; region?: string}
  | {name: 'browse-revision'; reference: string; region?: string}
  | {name: 'browse-clusters'}
  | {name: 'browse-services'; cluster: string; region?: string}
  | {name: 'browse-service'; cluster: string; service: string; region?: string}
  | {name: 'browse-import'; source: BrowseImportSource}
  | {name: 'run-profile'}
  | {name: 'run-app'}
  | {name: 'wizard'};

export interface NavigationState {
  stack: Screen[];
  helpOpen: boolean;
  quitting: boolean;
}

export type NavigationAction = {type: 'push'; screen: Screen} | {type: 'back'} | {type: 'replace'; screen: Screen} | {type: 'toggle-help'} | {type: 'quit'};

export const initialNavigation = (screen: Screen): NavigationState => ({stack: [screen], helpOpen: false, quitting: false});

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'push':
      return {...state, stack: [...state.stack, action.screen], helpOpen: false};
    case 'replace':
      return {...state, stack: [...state.stack.slice(0, -1), action.screen]};
    case 'back':
      if (state.helpOpen) return {...state, helpOpen: false};
      return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1)} : state;
    case 'toggle-help':
      return {...state, helpOpen: !state.helpOpen};
    case 'quit':
      return {...state, quitting: true};
  }
}

export const currentScreen = (state: NavigationState): Screen => state.stack.at(-1)!;
