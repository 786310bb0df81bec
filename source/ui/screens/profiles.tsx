import React, {useReducer} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {TextInput} from '../components/text-input.js';
import {exportProfile} from '../../domain/profile-schema/export-file.js';
import {importProfileText, renameProfile, requireProfile} from '../../operations/profiles.js';
import type {UserFilesPort} from '../../ports/files.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import {artifactLabel, lastRunLabel} from '../../report/profile-text.js';
import {Frame} from '../components/frame.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import {BACK, NAVIGATE, type KeyHint} from '../keys.js';
import {initialProfilesScreen, isTyping, profilesReducer, visibleWindow, type ProfilesMode} from '../profiles-state.js';
import {errorText, type ProfilesState} from '../use-profiles.js';

const ROWS = 12;

const BROWSE_KEYS: KeyHint[] = [
  NAVIGATE,
  {keys: 'enter', label: 'details'},
  {keys: 'r', label: 'rename'},
  {keys: 'e', label: 'export'},
  {keys: 'i', label: 'import'},
  {keys: 'x', label: 'remove'},
  BACK,
];
const TYPING_KEYS: KeyHint[] = [
  {keys: 'enter', label: 'confirm'},
  {keys: 'esc', label: 'cancel'},
];
const CONFIRM_KEYS: KeyHint[] = [
  {keys: 'y', label: 'remove'},
  {keys: 'n/esc', label: 'keep'},
];

export const profilesHelp: ScreenHelp = {
  title: 'Manage profiles',
  text: [
    'Profiles are saved on this machine (ECS_WIZARD_CONFIG_DIR relocates them). They hold ARNs and settings, never credentials.',
    'Export writes a plain JSON file your team can commit and share; import validates such a file before saving it.',
    'Every action here is also a command: ecs-wizard profiles list|show|rm|rename|export|import.',
  ],
  keys: BROWSE_KEYS,
};

function keysFor(mode: ProfilesMode): KeyHint[] {
  if (mode.kind === 'browse') return BROWSE_KEYS;
  return mode.kind === 'confirm-remove' ? CONFIRM_KEYS : TYPING_KEYS;
}

export function Profiles(props: {
  store: () => Promise<ProfileStore>;
  files: UserFilesPort;
  profiles: ProfilesState;
  active: boolean;
  onOpen: (name: string) => void;
  onBack: () => void;
  onTypingChange: (typing: boolean) => void;
}) {
  const [state, dispatch] = useReducer(profilesReducer, initialProfilesScreen);
  const list = props.profiles.profiles ?? [];
  const current = list[Math.min(state.selected, list.length - 1)];
  const typing = isTyping(state.mode);

  React.useEffect(() => props.onTypingChange(typing), [typing]);

  const run = async (action: () => Promise<string>, select?: (names: string[]) => number | undefined) => {
    dispatch({type: 'busy'});
    try {
      const text = await action();
      const names = (await (await props.store()).list()).map((p) => p.name);
      props.profiles.reload();
      dispatch({type: 'done', text, select: select?.(names)});
    } catch (error) {
      const {error: message, hint} = errorText(error);
      dispatch({type: 'failed', text: hint ? `${message} — ${hint}` : message});
    }
  };

  const submit = () => {
    const {mode} = state;
    if (mode.kind === 'rename') {
      const to = mode.value.trim();
      void run(
        async () => {
          await renameProfile(await props.store(), mode.name, to);
          return `Renamed '${mode.name}' to '${to}'.`;
        },
        (names) => names.indexOf(to),
      );
    } else if (mode.kind === 'export') {
      const path = mode.value.trim();
      void run(async () => {
        const store = await props.store();
        await props.files.write(path, exportProfile(await requireProfile(store, mode.name)), {overwrite: false});
        return `Wrote '${mode.name}' to ${path}.`;
      });
    } else if (mode.kind === 'import') {
      const path = mode.value.trim();
      void run(async () => {
        const text = await props.files.read(path, process.stdin);
        const profile = await importProfileText(await props.store(), text, {source: path});
        return `Imported '${profile.name}'.`;
      });
    }
  };

  useInput(
    (input, key) => {
      if (state.busy) return;
      const {mode} = state;
      if (mode.kind === 'confirm-remove') {
        if (input === 'y' || input === 'Y') {
          void run(
            async () => {
              await (await props.store()).remove(mode.name);
              return `Removed '${mode.name}'.`;
            },
            (names) => Math.min(state.selected, Math.max(0, names.length - 1)),
          );
        } else if (input === 'n' || input === 'N' || key.escape) {
          dispatch({type: 'cancel'});
        }
        return;
      }
      if (typing) {
        if (key.escape) dispatch({type: 'cancel'});
        return;
      }
      if (key.upArrow || input === 'k') dispatch({type: 'move', delta: -1, count: list.length});
      else if (key.downArrow || input === 'j') dispatch({type: 'move', delta: 1, count: list.length});
      else if (key.pageUp) dispatch({type: 'move', delta: -ROWS, count: list.length});
      else if (key.pageDown) dispatch({type: 'move', delta: ROWS, count: list.length});
      else if (key.escape) props.onBack();
      else if (input === 'i') dispatch({type: 'start', mode: {kind: 'import', value: ''}});
      else if (current) {
        if (key.return) props.onOpen(current.name);
        else if (input === 'r') dispatch({type: 'start', mode: {kind: 'rename', name: current.name, value: current.name}});
        else if (input === 'e') dispatch({type: 'start', mode: {kind: 'export', name: current.name, value: `${current.name}.ecs-wizard.json`}});
        else if (input === 'x' || key.delete) dispatch({type: 'start', mode: {kind: 'confirm-remove', name: current.name}});
      }
    },
    {isActive: props.active},
  );

  const {start, end} = visibleWindow(list.length, state.selected, ROWS);
  return (
    <Frame title="manage profiles" subtitle={props.profiles.profiles ? `${list.length} saved` : undefined} keys={keysFor(state.mode)} capturing={typing}>
      {props.profiles.error ? (
        <Box flexDirection="column">
          <Text color="red">{props.profiles.error}</Text>
          {props.profiles.hint ? <Text dimColor>{props.profiles.hint}</Text> : null}
        </Box>
      ) : props.profiles.profiles === undefined ? (
        <Text dimColor>Reading saved profiles…</Text>
      ) : list.length === 0 ? (
        <Text dimColor>No profiles saved yet. Press i to import one from a file.</Text>
      ) : (
        <Box flexDirection="column">
          {start > 0 ? (
            <Text dimColor>
              {'  ↑ '}
              {start}
              {' more'}
            </Text>
          ) : null}
          {list.slice(start, end).map((profile, offset) => {
            const selected = start + offset === state.selected;
            return (
              <Text key={profile.name} color={selected ? 'cyan' : undefined} wrap="truncate-end">
                {selected ? '❯ ' : '  '}
                <Text bold={selected}>{profile.name}</Text>
                <Text dimColor>
                  {'  '}
                  {`${profile.application} / ${profile.service.name} · ${artifactLabel(profile)} · ${lastRunLabel(profile)}`}
                </Text>
              </Text>
            );
          })}
          {end < list.length ? (
            <Text dimColor>
              {'  ↓ '}
              {list.length - end}
              {' more'}
            </Text>
          ) : null}
        </Box>
      )}
      <ModeLine mode={state.mode} busy={state.busy} onChange={(value) => dispatch({type: 'edit', value})} onSubmit={submit} />
      {state.message ? <Text color={state.message.tone === 'error' ? 'red' : 'green'}>{state.message.text}</Text> : null}
    </Frame>
  );
}

function ModeLine(props: {mode: ProfilesMode; busy: boolean; onChange: (value: string) => void; onSubmit: () => void}) {
  const {mode} = props;
  if (mode.kind === 'browse') return null;
  if (mode.kind === 'confirm-remove') {
    return (
      <Box marginTop={1}>
        <Text color="yellow">Remove profile '{mode.name}'? This cannot be undone. (y/n)</Text>
      </Box>
    );
  }
  const label = mode.kind === 'rename' ? `New name for '${mode.name}': ` : mode.kind === 'export' ? `Export '${mode.name}' to file: ` : 'Import from file: ';
  return (
    <Box marginTop={1}>
      <Text>{label}</Text>
      <TextInput value={mode.value} onChange={props.onChange} onSubmit={props.onSubmit} focus={!props.busy} />
    </Box>
  );
}
