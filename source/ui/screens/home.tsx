import React from 'react';
import {Box, useStdout} from 'ink';
import {SelectInput} from '../components/select-input.js';
import {Text} from '../components/text.js';
import {Frame} from '../components/frame.js';
import {wrapText} from '../components/wrap.js';
import {NAVIGATE, SELECT} from '../keys.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import type {ProfilesState} from '../use-profiles.js';
import {HomeTree} from './home-tree.js';
import type {Profile} from '../../domain/model.js';
import {HOME_ITEMS, HOME_READING, HOME_TAGLINE, HOME_TITLE, type HomeChoice} from './home-menu.js';

/** `, in 2 applications` (the tree below names them). */
const treeTitle = (profiles: readonly Profile[]): string => {
  const count = new Set(profiles.map((profile) => profile.application)).size;
  return `, in ${count} application${count === 1 ? '' : 's'}`;
};

/** The tree's rows: what the terminal leaves beside the menu, its description and the frame (at least 2). */
const treeRows = (rows: number | undefined): number => Math.max(2, Math.min(12, (rows !== undefined && rows > 0 ? rows : 24) - 18));

export type {HomeChoice};

const ITEMS = HOME_ITEMS;

export const homeHelp: ScreenHelp = {
  title: 'Home',
  text: [
    'ecs-wizard takes you from nothing to a running Amazon ECS service, and brings you back to re-run it.',
    'A profile holds one application, one service (its Docker image, container and service specifications, config variables) and the environments it deploys to.',
    'Profiles are saved on this machine. They hold ARNs, never credentials: AWS access comes from your usual credential chain (AWS_PROFILE, SSO, environment variables).',
  ],
  keys: [NAVIGATE, SELECT],
};

export function Home(props: {version: string; profiles: ProfilesState; active: boolean; onChoose: (choice: HomeChoice) => void}) {
  const {profiles} = props;
  const [highlighted, setHighlighted] = React.useState<HomeChoice>(ITEMS[0]!.value);
  const description = ITEMS.find((item) => item.value === highlighted)?.description ?? '';
  // As many rows as the longest description takes at this width, so that the footer stays put while moving.
  const {stdout} = useStdout();
  const columns = stdout.columns > 0 ? stdout.columns : 80;
  const descriptionRows = Math.max(...ITEMS.map((item) => wrapText(item.description, columns).length));
  return (
    <Frame title={HOME_TITLE} subtitle={`v${props.version}`} keys={[NAVIGATE, SELECT]}>
      <Text>{HOME_TAGLINE}</Text>
      <Box marginBottom={1}>
        {profiles.error ? (
          <Text color="red">{profiles.error}</Text>
        ) : profiles.profiles === undefined ? (
          <Text dimColor>{HOME_READING}</Text>
        ) : (
          <Box flexDirection="column">
            <Text dimColor>
              {profiles.profiles.length === 0
                ? 'No saved profiles yet.'
                : `${profiles.profiles.length} saved profile${profiles.profiles.length === 1 ? '' : 's'}${treeTitle(profiles.profiles)}.`}
            </Text>
            <HomeTree profiles={profiles.profiles} rows={treeRows(stdout.rows)} {...(profiles.lastRuns === undefined ? {} : {lastRuns: profiles.lastRuns})} />
          </Box>
        )}
      </Box>
      <SelectInput
        items={ITEMS.map(({label, value}) => ({key: value, label, value}))}
        isFocused={props.active}
        onHighlight={(item) => setHighlighted(item.value)}
        onSelect={(item) => props.onChoose(item.value)}
      />
      <Box marginTop={1} height={descriptionRows}>
        <Text dimColor>{description}</Text>
      </Box>
    </Frame>
  );
}
