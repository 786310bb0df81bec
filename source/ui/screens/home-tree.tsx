/**
 * The home screen's tree of what is saved: applications → services (profiles) → environments, a few lines at most
 * (the menu and the footer stay on screen); the rest is counted.
 */
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {appRunOutcomeText, type AppRunRecord} from '../../domain/deploy/app-run-record.js';
import type {Profile} from '../../domain/model.js';

/** ` · last run: staging rolled back (exit 3)`. */
const lastRunText = (run: AppRunRecord | undefined): string => (run === undefined ? '' : ` · last run: ${run.environment} ${appRunOutcomeText(run)}`);

export interface TreeLine {
  depth: 0 | 1;
  text: string;
}

/** The tree as lines: each application (its service and environment counts, its last whole-application run), then its services and their environments. */
export function treeLines(profiles: readonly Profile[], lastRuns: Readonly<Record<string, AppRunRecord>> = {}): TreeLine[] {
  const applications = new Map<string, Profile[]>();
  for (const profile of profiles) applications.set(profile.application, [...(applications.get(profile.application) ?? []), profile]);
  const lines: TreeLine[] = [];
  for (const [name, members] of [...applications].sort(([a], [b]) => a.localeCompare(b))) {
    const environments = [...new Set(members.flatMap((profile) => profile.environments.map((environment) => environment.name)))];
    // The application's artifact servers its services pull from (a registry defined once).
    const servers = [...new Set(members.flatMap((profile) => (profile.service.artifact.server === undefined ? [] : [profile.service.artifact.server])))];
    const registries = servers.length === 0 ? '' : ` · artifact server${servers.length === 1 ? '' : 's'} ${servers.join(', ')}`;
    lines.push({
      depth: 0,
      text: `${name} · ${members.length} service${members.length === 1 ? '' : 's'} · ${environments.length === 0 ? 'no environments' : environments.join(', ')}${registries}${lastRunText(lastRuns[name])}`,
    });
    for (const profile of members) {
      const label = profile.name === profile.service.name ? profile.name : `${profile.name} (${profile.service.name})`;
      const server = profile.service.artifact.server === undefined ? '' : ` · from ${profile.service.artifact.server}`;
      lines.push({depth: 1, text: `${label} → ${profile.environments.map((environment) => environment.name).join(', ') || 'no environment'}${server}`});
    }
  }
  return lines;
}

/** At most `rows` lines of the tree; the last says how many more there are. */
export function HomeTree(props: {profiles: readonly Profile[]; rows: number; lastRuns?: Readonly<Record<string, AppRunRecord>>}) {
  const lines = treeLines(props.profiles, props.lastRuns);
  const shown = lines.length <= props.rows ? lines : lines.slice(0, Math.max(0, props.rows - 1));
  const hidden = lines.length - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => (
        <Text key={index} dimColor={line.depth === 1} wrap="truncate-end">
          {line.depth === 0 ? `▸ ${line.text}` : `    ${line.text}`}
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>{`  … ${hidden} more line${hidden === 1 ? '' : 's'} (Manage profiles, or ecs-wizard apps list)`}</Text> : null}
    </Box>
  );
}
