/** Which screen is showing, as a stack: Esc pops, Enter on a menu pushes. Pure. */
export type Screen = {name: 'home'} | {name: 'profiles'} | {name: 'profile'; profile: string};

export interface NavigationState {
  stack: Screen[];
  helpOpen: boolean;
  quitting: boolean;
}

export type NavigationAction =
  | {type: 'push'; screen: Screen}
  | {type: 'back'}
  | {type: 'replace'; screen: Screen}
  | {type: 'toggle-help'}
  | {type: 'quit'};

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
