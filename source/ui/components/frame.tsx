import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import {GLOBAL_KEYS, type KeyHint} from '../keys.js';

/** Title line, the screen's body, and a footer naming the keys that work right now. */
export function Frame(props: {title: string; subtitle?: string; keys: KeyHint[]; capturing?: boolean; children: React.ReactNode}) {
  const keys = props.capturing ? props.keys : [...props.keys, ...GLOBAL_KEYS];
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold color="cyan">
          ecs-wizard
        </Text>
        <Text> · {props.title}</Text>
        {props.subtitle ? <Text dimColor> · {props.subtitle}</Text> : null}
      </Box>
      <Box flexDirection="column" marginY={1}>
        {props.children}
      </Box>
      <Footer keys={keys} />
    </Box>
  );
}

export function Footer({keys}: {keys: KeyHint[]}) {
  return (
    <Text dimColor>
      {keys.map((hint, index) => (
        <React.Fragment key={hint.keys}>
          {index > 0 ? '  ' : ''}
          <Text bold>{hint.keys}</Text> {hint.label}
        </React.Fragment>
      ))}
    </Text>
  );
}
