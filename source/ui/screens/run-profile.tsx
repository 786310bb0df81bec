/**
 * Home → "Run a saved profile": pick the profile → the environment (skipped when there is one) → the tag (listed from
 * the registry when it answers; otherwise typed, saying why) → where (AWS, or the rollout simulator) → then the deploy
 * screen: plan with its diff, the checks, the y/n confirmation, and the rollout. Each answered question collapses to
 * one line `Label: value`. Every step has a flag on `ecs-wizard deploy` (--env, --tag, --simulate).
 */
import React, {useEffect, useMemo, useReducer, useState} from 'react';
import {Box, useInput} from 'ink';
import {SelectInput} from '../components/select-input.js';
import {Text} from '../components/text.js';
import {TextInput} from '../components/text-input.js';
import {SIMULATION_SCENARIOS} from '../../ports/simulation.js';
import type {CompositionRoot} from '../../ports/root.js';
import type {DeployView} from '../../domain/deploy/view.js';
import type {Environment, Profile} from '../../domain/model.js';
import {tagSummary} from '../../domain/tag-text.js';
import {pinnedDetail, pinnedLabel, pinnedReference} from '../../domain/pinned-tag.js';
import {DeployControl} from '../../operations/deploy/control.js';
import {DEFAULT_NO_PROGRESS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS} from '../../operations/deploy/defaults.js';
import {deployHooks, type StreamHooks} from '../../operations/deploy/hooks.js';
import {deploy} from '../../operations/deploy/run.js';
import {runPorts, watchCommandFor} from '../../operations/deploy/setup.js';
import type {RegistryTag} from '../../ports/registry.js';
import {Frame} from '../components/frame.js';
import {BACK, NAVIGATE, SELECT, type KeyHint} from '../keys.js';
import type {ProfilesState} from '../use-profiles.js';
import {DeployScreen} from './deploy.js';

// ---------------------------------------------------------------------------------------------------------------
// The flow, as a pure reducer

export type RunTarget = {kind: 'aws'} | {kind: 'simulate'; scenario: string};

export type TagChoices = {status: 'loading'} | {status: 'listed'; tags: RegistryTag[]; newestFirst: boolean} | {status: 'unavailable'; reason: string};

export type RunStep = 'profile' | 'environment' | 'tag' | 'target' | 'deploy';

export interface RunState {
  step: RunStep;
  profile?: string;
  environment?: string;
  tag?: string;
  target?: RunTarget;
  tags: TagChoices;
  /** The tag being typed (when typing). */
  typing: boolean;
  typed: string;
  /** The profile has one environment (its question is skipped). */
  singleEnvironment: boolean;
  /** Bumped on each deploy start (the deploy screen's key). */
  run: number;
}

export type RunAction =
  | {type: 'profile'; name: string; environments: string[]}
  | {type: 'environment'; name: string}
  | {type: 'tags'; tags: TagChoices; /** The typed tag's starting value (the profile's current tag). */ initial?: string}
  | {type: 'type-tag'; initial: string}
  | {type: 'edit-tag'; value: string}
  | {type: 'tag'; tag: string}
  | {type: 'target'; target: RunTarget}
  | {type: 'back'};

export const initialRunState: RunState = {step: 'profile', tags: {status: 'loading'}, typing: false, typed: '', singleEnvironment: false, run: 0};

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'profile': {
      const only = action.environments.length === 1 ? action.environments[0] : undefined;
      return {
        ...initialRunState,
        run: state.run,
        profile: action.name,
        singleEnvironment: only !== undefined,
        ...(only === undefined ? {step: 'environment'} : {step: 'tag', environment: only}),
      };
    }
    case 'environment':
      return {...state, environment: action.name, step: 'tag', tags: {status: 'loading'}, typing: false};
    case 'tags':
      return {...state, tags: action.tags, ...(action.tags.status === 'unavailable' ? {typing: true, typed: action.initial ?? ''} : {})};
    case 'type-tag':
      return {...state, typing: true, typed: action.initial};
    case 'edit-tag':
      return {...state, typed: action.value};
    case 'tag':
      return {...state, tag: action.tag, typing: false, step: 'target'};
    case 'target':
      return {...state, target: action.target, step: 'deploy', run: state.run + 1};
    case 'back':
      switch (state.step) {
        case 'profile':
          return state;
        case 'environment':
          return {...initialRunState, run: state.run};
        case 'tag':
          if (state.typing && state.tags.status === 'listed') return {...state, typing: false};
          if (state.singleEnvironment) return {...initialRunState, run: state.run};
          return {...state, step: 'environment', environment: undefined, tags: {status: 'loading'}, typing: false, typed: ''};
        case 'target':
          return {...state, step: 'tag', tag: undefined};
        case 'deploy':
          return {...state, step: 'target', target: undefined};
      }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The screen

export {runProfileHelp} from './run-profile-help.js';

const MAX_TAGS = 15;

/** The profile's current tag first, then the registry's (newest first when it knows). */
export function tagItems(
  current: string | undefined,
  tags: RegistryTag[],
  newestFirst: boolean,
  now: number = Date.now(),
): Array<{key: string; label: string; value: string}> {
  const items: Array<{key: string; label: string; value: string}> = [];
  if (current !== undefined && current !== '') items.push({key: `current:${current}`, label: `${current}  (current)`, value: current});
  const ordered = newestFirst ? tags : [...tags].reverse();
  for (const tag of ordered) {
    if (tag.tag === current) continue;
    if (items.length >= MAX_TAGS) break;
    // The date, the digest it points to now and the platforms, as far as the registry says.
    const summary = tagSummary(tag, now);
    items.push({key: tag.tag, label: `${tag.tag}${summary === '' ? '' : `  (${summary})`}`, value: tag.tag});
  }
  items.push({key: '\u0000type', label: 'Type another tag…', value: '\u0000type'});
  return items;
}

/** The highlighted row pinned to the digest its tag points to now (`p`), when the registry gave one. */
export function pinChoice(value: string | undefined, tags: readonly RegistryTag[]): {reference: string; tag: RegistryTag} | undefined {
  const tag = tags.find((candidate) => candidate.tag === value);
  const reference = tag === undefined ? undefined : pinnedReference(tag);
  return tag === undefined || reference === undefined ? undefined : {reference, tag};
}

function Answered({label, value}: {label: string; value: string}) {
  return (
    <Text>
      <Text dimColor>{label}: </Text>
      <Text>{value}</Text>
    </Text>
  );
}

export interface RunProfileProps {
  root: CompositionRoot;
  profiles: ProfilesState;
  active: boolean;
  /** Whether the deploy screen colours what it pre-renders (the plan). */
  color: boolean;
  onBack: () => void;
  onTypingChange: (typing: boolean) => void;
  /** While a deploy runs on this screen, Ctrl-C belongs to it (detach), not to the app (quit). */
  onDeployingChange?: (deploying: boolean) => void;
}

export function RunProfile(props: RunProfileProps) {
  const {root, profiles} = props;
  const [state, dispatch] = useReducer(runReducer, initialRunState);
  const [finished, setFinished] = useState<DeployView | undefined>();
  const list = profiles.profiles ?? [];
  const profile: Profile | undefined = list.find((candidate) => candidate.name === state.profile);
  const environment: Environment | undefined = profile?.environments.find((candidate) => candidate.name === state.environment);
  const deploying = state.step === 'deploy' && finished === undefined;
  // One control per deploy run (the screen's r / d keys act on it).
  const control = useMemo(() => new DeployControl(), [state.run]);
  // The tag row highlighted (undefined: the first), for `p` (pin it to its digest).
  const [highlighted, setHighlighted] = useState<string>();
  useEffect(() => setHighlighted(undefined), [state.tags]);
  const tagRows =
    profile !== undefined && state.tags.status === 'listed'
      ? tagItems(profile.service.artifact.tag, state.tags.tags, state.tags.newestFirst, root.clock.now())
      : [];
  const pin =
    state.step === 'tag' && !state.typing && state.tags.status === 'listed' ? pinChoice(highlighted ?? tagRows[0]?.value, state.tags.tags) : undefined;

  // While a text field or the deploy has the keyboard, the app's letter keys (q, ?) stay off.
  useEffect(() => props.onTypingChange(state.typing || deploying), [state.typing, deploying]);
  useEffect(() => props.onDeployingChange?.(deploying), [deploying]);

  // The registry's tags, once the environment is known.
  useEffect(() => {
    if (state.step !== 'tag' || profile === undefined || state.tags.status !== 'loading') return undefined;
    let cancelled = false;
    root
      .registry()
      // Newest first with dates, digests and platforms; Docker Hub and ECR read no more than the visible tags.
      .then((registry) => registry.datedTags(profile.service.artifact, {limit: MAX_TAGS}))
      .then(
        (listed) =>
          !cancelled &&
          dispatch({
            type: 'tags',
            tags:
              listed.tags.length === 0
                ? {status: 'unavailable', reason: 'the registry lists no tags for this image'}
                : {status: 'listed', tags: listed.tags, newestFirst: listed.newestFirst},
            initial: profile.service.artifact.tag ?? '',
          }),
        (error: unknown) =>
          !cancelled &&
          dispatch({
            type: 'tags',
            tags: {status: 'unavailable', reason: error instanceof Error ? error.message : String(error)},
            initial: profile.service.artifact.tag ?? '',
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [state.step, state.tags.status, profile, root]);

  useInput(
    (input, key) => {
      if (input === 'p' && pin !== undefined) {
        dispatch({type: 'tag', tag: pin.reference});
        return;
      }
      if (key.escape && !deploying) {
        if (state.step === 'profile') props.onBack();
        else if (finished !== undefined) {
          setFinished(undefined);
          dispatch({type: 'back'});
          props.onBack();
        } else dispatch({type: 'back'});
      }
    },
    {isActive: props.active},
  );

  const answered: React.ReactNode[] = [];
  if (state.profile !== undefined && state.step !== 'profile') answered.push(<Answered key="p" label="Profile" value={state.profile} />);
  if (state.environment !== undefined && (state.step === 'tag' || state.step === 'target' || state.step === 'deploy')) {
    answered.push(
      <Answered key="e" label="Environment" value={`${state.environment}${environment ? ` (${environment.region}, cluster ${environment.cluster})` : ''}`} />,
    );
  }
  if (state.tag !== undefined && (state.step === 'target' || state.step === 'deploy')) answered.push(<Answered key="t" label="Tag" value={state.tag} />);

  if (state.step === 'deploy' && profile !== undefined && environment !== undefined && state.tag !== undefined && state.target !== undefined) {
    const target = state.target;
    const tag = state.tag;
    const simulate = target.kind === 'simulate' ? {scenario: target.scenario, speed: 1} : undefined;
    const start = (hooks: StreamHooks) =>
      (async function* () {
        const ports = await runPorts(root, {profile, environment, tag, overrides: {}, ...(simulate === undefined ? {} : {simulate})});
        const store = await root.profileStore();
        yield* deploy(
          {...ports, clock: root.clock, store},
          {
            profile,
            environment,
            tag,
            force: false,
            wait: true,
            timeoutMs: DEFAULT_TIMEOUT_MS,
            noProgressTimeoutMs: DEFAULT_NO_PROGRESS_TIMEOUT_MS,
            control,
            ...deployHooks(hooks),
          },
        );
      })();
    return (
      <Box flexDirection="column">
        {answered}
        <DeployScreen
          key={state.run}
          clock={root.clock}
          title={`deploy ${profile.name} → ${environment.name}${target.kind === 'simulate' ? ' (simulated)' : ''}`}
          control={control}
          confirm
          color={props.color}
          {...(simulate === undefined ? {} : {simulation: simulate})}
          watchCommand={watchCommandFor(profile, environment)}
          start={start}
          active={props.active}
          finishedKeys={[{keys: 'esc', label: 'back to the home screen'}]}
          onFinished={(view) => {
            setFinished(view);
            profiles.reload();
          }}
        />
      </Box>
    );
  }

  let body: React.ReactNode;
  let keys: KeyHint[] = [NAVIGATE, SELECT, BACK];
  if (state.step === 'profile') {
    body =
      list.length === 0 ? (
        <Text dimColor>No saved profiles yet: create one with the setup wizard, or import one (Manage profiles → i).</Text>
      ) : (
        <Box flexDirection="column">
          <Text bold>Which profile?</Text>
          <SelectInput
            key="profile"
            items={list.map((item) => ({
              key: item.name,
              label: `${item.name}  (${item.service.name}, ${item.environments.map((env) => env.name).join(', ')})`,
              value: item.name,
            }))}
            isFocused={props.active}
            onSelect={(item) => {
              const chosen = list.find((candidate) => candidate.name === item.value);
              dispatch({type: 'profile', name: item.value, environments: chosen?.environments.map((env) => env.name) ?? []});
            }}
          />
        </Box>
      );
  } else if (state.step === 'environment' && profile !== undefined) {
    body = (
      <Box flexDirection="column">
        <Text bold>Which environment?</Text>
        <SelectInput
          key="environment"
          items={profile.environments.map((env) => ({
            key: env.name,
            label: `${env.name}  (${env.region}, cluster ${env.cluster}, ${env.launchType})`,
            value: env.name,
          }))}
          isFocused={props.active}
          onSelect={(item) => dispatch({type: 'environment', name: item.value})}
        />
      </Box>
    );
  } else if (state.step === 'tag' && profile !== undefined) {
    const current = profile.service.artifact.tag;
    const image = `${profile.service.artifact.host === '' ? '' : `${profile.service.artifact.host}/`}${profile.service.artifact.image}`;
    if (state.typing) {
      keys = [{keys: 'enter', label: 'use this tag'}, BACK];
      body = (
        <Box flexDirection="column">
          {state.tags.status === 'unavailable' ? (
            <Text color="yellow">
              Could not list the tags of {image}: {state.tags.reason}. Type the tag.
            </Text>
          ) : null}
          <Box>
            <Text bold>Tag of {image}: </Text>
            <TextInput
              value={state.typed}
              focus={props.active}
              onChange={(value) => dispatch({type: 'edit-tag', value})}
              onSubmit={(value) => value.trim() !== '' && dispatch({type: 'tag', tag: value.trim()})}
            />
          </Box>
        </Box>
      );
    } else if (state.tags.status === 'loading') {
      body = <Text dimColor>Listing the tags of {image}…</Text>;
    } else if (state.tags.status === 'listed') {
      if (pin !== undefined) keys = [NAVIGATE, SELECT, {keys: 'p', label: 'pin to its digest'}, BACK];
      body = (
        <Box flexDirection="column">
          <Text bold>Which tag of {image}?</Text>
          {/* A list of its own per step (key): the previous step's highlighted row is never shown here, not even for a frame. */}
          <SelectInput
            key="tag"
            items={tagRows}
            isFocused={props.active}
            onHighlight={(item) => setHighlighted(item.value)}
            onSelect={(item) => (item.value === '\u0000type' ? dispatch({type: 'type-tag', initial: current ?? ''}) : dispatch({type: 'tag', tag: item.value}))}
          />
          {pin === undefined ? null : (
            <Text dimColor>
              p: {pinnedLabel(pin.tag)} — {pinnedDetail(pin.tag)}
            </Text>
          )}
        </Box>
      );
    }
  } else if (state.step === 'target' && environment !== undefined) {
    const items = [
      {key: 'aws', label: `AWS (${environment.region}) — deploy for real`, value: 'aws'},
      ...SIMULATION_SCENARIOS.map((scenario) => ({key: scenario, label: `Simulate: ${scenario} — no AWS account, nothing changes`, value: scenario})),
    ];
    body = (
      <Box flexDirection="column">
        <Text bold>Where?</Text>
        <SelectInput
          key="target"
          items={items}
          isFocused={props.active}
          onSelect={(item) => dispatch({type: 'target', target: item.value === 'aws' ? {kind: 'aws'} : {kind: 'simulate', scenario: item.value}})}
        />
      </Box>
    );
  }
  return (
    <Frame title="run a saved profile" keys={keys} capturing={state.typing}>
      {answered.length > 0 ? (
        <Box flexDirection="column" marginBottom={1}>
          {answered}
        </Box>
      ) : null}
      {profiles.error ? <Text color="red">{profiles.error}</Text> : body}
    </Frame>
  );
}
