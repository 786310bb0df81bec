import React, {useCallback, useEffect, useReducer, useState} from 'react';
import {Box, useApp, useInput} from 'ink';
import type {CompositionRoot} from '../composition.js';
import {HelpOverlay, type ScreenHelp} from './components/help-overlay.js';
import {currentScreen, initialNavigation, navigationReducer, type Screen} from './navigation.js';
import {Home, homeHelp} from './screens/home.js';
import {ProfileDetail, profileDetailHelp} from './screens/profile-detail.js';
import {Profiles, profilesHelp} from './screens/profiles.js';
import {useProfiles} from './use-profiles.js';

const HELP: Record<Screen['name'], ScreenHelp> = {home: homeHelp, profiles: profilesHelp, profile: profileDetailHelp};

/**
 * The interactive program: a stack of screens, the `?` overlay and the keys every screen shares
 * (q quits unless a text field has the keyboard; Ctrl-C always quits).
 */
export function App({root, initial, onQuit}: {root: CompositionRoot; initial: Screen; onQuit?: () => void}) {
  const {exit} = useApp();
  const [navigation, dispatch] = useReducer(navigationReducer, initial, initialNavigation);
  const [typing, setTyping] = useState(false);
  const getStore = useCallback(() => root.profileStore(), [root]);
  const profiles = useProfiles(getStore);
  const screen = currentScreen(navigation);

  useInput((input, key) => {
    if (key.ctrl && input === 'c') dispatch({type: 'quit'});
    else if (typing) return;
    else if (input === '?') dispatch({type: 'toggle-help'});
    else if (input === 'q') dispatch({type: 'quit'});
    else if (key.escape && navigation.helpOpen) dispatch({type: 'back'});
  });

  // Exit from an effect once the quit state has rendered (stack notes: never from a timer in a handler).
  useEffect(() => {
    if (!navigation.quitting) return;
    onQuit?.();
    exit();
  }, [navigation.quitting, exit, onQuit]);

  const back = () => dispatch({type: 'back'});
  const top = navigation.stack.length - 1;
  // Every screen in the stack stays mounted (hidden below the top one), so going back finds it as it was left.
  const renderScreen = (entry: Screen, active: boolean) => {
    switch (entry.name) {
      case 'home':
        return (
          <Home
            version={root.version}
            profiles={profiles}
            active={active}
            onChoose={(choice) => (choice === 'quit' ? dispatch({type: 'quit'}) : dispatch({type: 'push', screen: {name: choice}}))}
          />
        );
      case 'profiles':
        return (
          <Profiles
            store={getStore}
            profiles={profiles}
            active={active}
            onOpen={(name) => dispatch({type: 'push', screen: {name: 'profile', profile: name}})}
            onBack={back}
            onTypingChange={setTyping}
          />
        );
      case 'profile':
        return <ProfileDetail name={entry.profile} profiles={profiles} active={active} onBack={back} />;
    }
  };
  return (
    <Box flexDirection="column">
      {navigation.helpOpen ? <HelpOverlay help={HELP[screen.name]} /> : null}
      {navigation.stack.map((entry, index) => {
        const visible = index === top && !navigation.helpOpen;
        return (
          <Box key={`${index}:${entry.name}`} display={visible ? 'flex' : 'none'} flexDirection="column">
            {renderScreen(entry, visible && !navigation.quitting)}
          </Box>
        );
      })}
    </Box>
  );
}
