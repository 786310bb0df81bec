import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {KeyHint} from '../keys.js';
import {GLOBAL_KEYS} from '../keys.js';

export interface ScreenHelp {
  title: string;
  /** Paragraphs; Ink wraps them to the terminal's width. */
  text: string[];
  keys: KeyHint[];
}

/** The `?` overlay: what this screen is for, and every key it takes. */
export function HelpOverlay({help, ownKeysOnly = false}: {help: ScreenHelp; ownKeysOnly?: boolean}) {
  // A screen that takes every key itself (the wizard: q is a letter there) lists only its own keys.
  const keys = ownKeysOnly ? help.keys : [...help.keys, ...GLOBAL_KEYS.filter((k) => k.keys !== '?'), {keys: 'ctrl-c', label: 'quit'}];
  const width = Math.max(...keys.map((k) => k.keys.length));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>
        {'Help · '}
        {help.title}
      </Text>
      <Box flexDirection="column" marginY={1}>
        {help.text.map((paragraph, index) => (
          <Box key={index} marginBottom={index < help.text.length - 1 ? 1 : 0}>
            <Text>{paragraph}</Text>
          </Box>
        ))}
      </Box>
      {keys.map((hint) => (
        <Text key={hint.keys}>
          <Text bold>{hint.keys.padEnd(width)}</Text>
          {'  '}
          {hint.label}
        </Text>
      ))}
      <Box marginTop={1}>
        <Text dimColor>Press ? or esc to close.</Text>
      </Box>
    </Box>
  );
}
