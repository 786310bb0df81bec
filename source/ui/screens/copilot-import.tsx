/**
 * `ecs-wizard import --from-copilot` in a terminal: the migration's report (what was found, what each service
 * becomes, what is not mapped, what AWS said and whether each profile renders what runs), scrolled in a window of
 * the terminal's height, then one question: save the profiles (and replace the ones an earlier run saved)?
 * The work is operations/import-copilot.ts; the lines are report/copilot-text.ts's.
 */
import React, {useState} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {Footer} from '../components/frame.js';
import type {KeyHint} from '../keys.js';

export interface CopilotImportProps {
  lines: readonly string[];
  /** Profiles that would be saved. */
  profiles: readonly string[];
  /** Of those, the ones saved before (replaced when the person says yes). */
  replaces: readonly string[];
  /** Rows available for the report (the terminal's height less the question and the footer). */
  rows: number;
  onDone: (save: boolean) => void;
}

export const COPILOT_IMPORT_KEYS: KeyHint[] = [
  {keys: '↑↓/jk', label: 'scroll'},
  {keys: 'pgup/pgdn', label: 'page'},
  {keys: 'y', label: 'save'},
  {keys: 'n/esc', label: 'cancel'},
];

export function CopilotImport(props: CopilotImportProps) {
  const height = Math.max(3, props.rows);
  const last = Math.max(0, props.lines.length - height);
  const [top, setTop] = useState(0);
  useInput((input, key) => {
    if (input === 'y' || input === 'Y') props.onDone(true);
    else if (input === 'n' || input === 'N' || input === 'q' || key.escape) props.onDone(false);
    else if (key.downArrow || input === 'j') setTop(Math.min(last, top + 1));
    else if (key.upArrow || input === 'k') setTop(Math.max(0, top - 1));
    else if (key.pageDown || input === ' ') setTop(Math.min(last, top + height));
    else if (key.pageUp) setTop(Math.max(0, top - height));
    else if (input === 'G') setTop(last);
    else if (input === 'g') setTop(0);
  });
  const shown = props.lines.slice(top, top + height);
  const question =
    props.profiles.length === 0
      ? 'No service became a profile: nothing to save. Press n to leave.'
      : `Save ${props.profiles.length} profile${props.profiles.length === 1 ? '' : 's'} (${props.profiles.join(', ')})${props.replaces.length === 0 ? '' : `, replacing ${props.replaces.join(', ')} (their run history is kept)`}? y/n`;
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => (
        <Text key={top + index} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      <Text dimColor>{props.lines.length > height ? `lines ${top + 1}–${Math.min(top + height, props.lines.length)} of ${props.lines.length}` : ' '}</Text>
      <Text bold>{question}</Text>
      <Footer keys={COPILOT_IMPORT_KEYS} />
    </Box>
  );
}
