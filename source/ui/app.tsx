import React, {Suspense, lazy, useCallback, useEffect, useReducer, useState} from 'react';
import {Box, useApp, useInput} from 'ink';
import {Text} from './components/text.js';
import type {CompositionRoot} from '../ports/root.js';
import {HelpOverlay, type ScreenHelp} from './components/help-overlay.js';
import {currentScreen, initialNavigation, navigationReducer, type Screen} from './navigation.js';
import {Home, homeHelp} from './screens/home.js';
import {runProfileHelp} from './screens/run-profile-help.js';
import {useProfiles} from './use-profiles.js';
import {wizardHelp} from './wizard/wizard-help.js';

/**
 * Every screen but the home screen loads on first use (React.lazy): the home screen's first frame loads only what
 * it draws. A lazily loaded screen's help joins HELP when its module arrives (it is on screen only after that).
 */
const HELP: Partial<Record<Screen['name'], ScreenHelp>> = {home: homeHelp, 'run-profile': runProfileHelp, wizard: wizardHelp};
const LOADING_HELP: ScreenHelp = {title: 'Loading', text: ['This screen is loading.'], keys: []};

const once = <T,>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};
const taskDefinitionScreens = once(() =>
  import('./screens/browser-task-definitions.js').then((module) => {
    Object.assign(HELP, {'browse-families': module.familiesHelp, 'browse-revisions': module.revisionsHelp, 'browse-revision': module.revisionHelp});
    return module;
  }),
);
const serviceScreens = once(() =>
  import('./screens/browser-services.js').then((module) => {
    Object.assign(HELP, {'browse-clusters': module.clustersHelp, 'browse-services': module.servicesHelp, 'browse-service': module.serviceHelp});
    return module;
  }),
);
const profileScreens = once(() =>
  Promise.all([import('./screens/profiles.js'), import('./screens/profile-detail.js')]).then(([list, detail]) => {
    Object.assign(HELP, {profiles: list.profilesHelp, profile: detail.profileDetailHelp});
    return {...list, ...detail};
  }),
);
const importScreen = once(() =>
  import('./screens/browser-import.js').then((module) => {
    HELP['browse-import'] = module.importHelp;
    return module;
  }),
);

const WizardFromRoot = lazy(() => import('./wizard/wizard-app.js').then((module) => ({default: module.WizardFromRoot})));
const RunProfile = lazy(() => import('./screens/run-profile.js').then((module) => ({default: module.RunProfile})));
const RunApp = lazy(() => import('./screens/run-app.js').then((module) => ({default: module.RunApp})));
const BrowseFamilies = lazy(() => taskDefinitionScreens().then((module) => ({default: module.BrowseFamilies})));
const BrowseRevisions = lazy(() => taskDefinitionScreens().then((module) => ({default: module.BrowseRevisions})));
const BrowseRevision = lazy(() => taskDefinitionScreens().then((module) => ({default: module.BrowseRevision})));
const BrowseClusters = lazy(() => serviceScreens().then((module) => ({default: module.BrowseClusters})));
const BrowseServices = lazy(() => serviceScreens().then((module) => ({default: module.BrowseServices})));
const BrowseService = lazy(() => serviceScreens().then((module) => ({default: module.BrowseService})));
const BrowseImport = lazy(() => importScreen().then((module) => ({default: module.BrowseImport})));
const Profiles = lazy(() => profileScreens().then((module) => ({default: module.Profiles})));
const ProfileDetail = lazy(() => profileScreens().then((module) => ({default: module.ProfileDetail})));

/**
 * The interactive program: a stack of screens, the `?` overlay and the keys every screen shares
 * (q quits unless a text field has the keyboard; Ctrl-C always quits).
 */
export function App({
  root,
  initial,
  onQuit,
  color = true,
}: {
  root: CompositionRoot;
  initial: Screen;
  onQuit?: () => void;
  /** Whether the screens are coloured (the run context's decision). */ color?: boolean;
}) {
  const {exit} = useApp();
  const [navigation, dispatch] = useReducer(navigationReducer, initial, initialNavigation);
  const [typing, setTyping] = useState(false);
  // A deploy on screen owns Ctrl-C: there it detaches (the run is recorded as such) instead of quitting.
  const [deploying, setDeploying] = useState(false);
  const getStore = useCallback(() => root.profileStore(), [root]);
  const profiles = useProfiles(getStore);
  const screen = currentScreen(navigation);

  useInput((input, key) => {
    // The wizard takes every key itself: Ctrl-C there asks before discarding a half-done setup.
    if (screen.name === 'wizard') return;
    if (key.ctrl && input === 'c') {
      if (!(deploying && (screen.name === 'run-profile' || screen.name === 'run-app'))) dispatch({type: 'quit'});
    } else if (typing) return;
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
  const push = (next: Screen) => dispatch({type: 'push', screen: next});
  const importFrom = (source: Extract<Screen, {name: 'browse-import'}>['source']) => push({name: 'browse-import', source});
  const top = navigation.stack.length - 1;
  // What every browser screen gets (each adds `active` and its own callbacks).
  const browser = {root, onBack: back, onTypingChange: setTyping};
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
            files={root.files}
            profiles={profiles}
            active={active}
            onOpen={(name) => dispatch({type: 'push', screen: {name: 'profile', profile: name}})}
            onBack={back}
            onTypingChange={setTyping}
          />
        );
      case 'profile':
        return <ProfileDetail name={entry.profile} profiles={profiles} active={active} onBack={back} />;
      case 'browse-families':
        return (
          <BrowseFamilies
            {...browser}
            active={active}
            onOpen={(family, status, region) => push({name: 'browse-revisions', family, status, ...(region === undefined ? {} : {region})})}
            onImport={(reference, region) => importFrom({kind: 'revision', reference, ...(region === undefined ? {} : {region})})}
          />
        );
      case 'browse-revisions':
        return (
          <BrowseRevisions
            {...browser}
            active={active}
            family={entry.family}
            status={entry.status}
            region={entry.region}
            onOpen={(reference) => push({name: 'browse-revision', reference, ...(entry.region === undefined ? {} : {region: entry.region})})}
            onImport={(reference) => importFrom({kind: 'revision', reference, ...(entry.region === undefined ? {} : {region: entry.region})})}
          />
        );
      case 'browse-revision':
        return (
          <BrowseRevision
            {...browser}
            active={active}
            reference={entry.reference}
            region={entry.region}
            onImport={(reference) => importFrom({kind: 'revision', reference, ...(entry.region === undefined ? {} : {region: entry.region})})}
          />
        );
      case 'browse-clusters':
        return (
          <BrowseClusters
            {...browser}
            active={active}
            onOpen={(cluster, region) => push({name: 'browse-services', cluster, ...(region === undefined ? {} : {region})})}
          />
        );
      case 'browse-services':
        return (
          <BrowseServices
            {...browser}
            active={active}
            cluster={entry.cluster}
            region={entry.region}
            onOpen={(service) => push({name: 'browse-service', cluster: entry.cluster, service, ...(entry.region === undefined ? {} : {region: entry.region})})}
            onImport={(service) =>
              importFrom({kind: 'service', cluster: entry.cluster, service, ...(entry.region === undefined ? {} : {region: entry.region})})
            }
          />
        );
      case 'browse-service':
        return (
          <BrowseService
            {...browser}
            active={active}
            cluster={entry.cluster}
            service={entry.service}
            region={entry.region}
            onImport={() =>
              importFrom({kind: 'service', cluster: entry.cluster, service: entry.service, ...(entry.region === undefined ? {} : {region: entry.region})})
            }
            onTaskDefinition={(reference) => push({name: 'browse-revision', reference, ...(entry.region === undefined ? {} : {region: entry.region})})}
          />
        );
      case 'wizard':
        return (
          <WizardFromRoot
            root={root}
            active={active}
            onExit={(result) => {
              profiles.reload();
              if (result.kind === 'cancelled' && result.quit) dispatch({type: 'quit'});
              else if (result.kind === 'draft') dispatch({type: 'quit'});
              else back();
            }}
          />
        );
      case 'run-profile':
        return (
          <RunProfile root={root} profiles={profiles} active={active} color={color} onBack={back} onTypingChange={setTyping} onDeployingChange={setDeploying} />
        );
      case 'run-app':
        return <RunApp root={root} profiles={profiles} active={active} color={color} onBack={back} onDeployingChange={setDeploying} />;
      case 'browse-import':
        return (
          <BrowseImport
            {...browser}
            active={active}
            source={entry.source}
            onSaved={() => profiles.reload()}
            onOpenProfile={(profile) => push({name: 'profile', profile})}
          />
        );
    }
  };
  return (
    <Box flexDirection="column">
      {navigation.helpOpen ? <HelpOverlay help={HELP[screen.name] ?? LOADING_HELP} /> : null}
      {navigation.stack.map((entry, index) => {
        const visible = index === top && !navigation.helpOpen;
        return (
          <Box key={`${index}:${entry.name}`} display={visible ? 'flex' : 'none'} flexDirection="column">
            <Suspense fallback={<Text dimColor>Loading…</Text>}>{renderScreen(entry, visible && !navigation.quitting)}</Suspense>
          </Box>
        );
      })}
    </Box>
  );
}
