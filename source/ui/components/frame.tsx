import React from 'react';
import {Box, useStdout} from 'ink';
import {FitRows} from './fit.js';
import {Text} from './text.js';
import {GLOBAL_KEYS, type KeyHint} from '../keys.js';

/**
 * Title line, the screen's body, and a footer naming the keys that work right now — all within the terminal's rows
 * (fit.tsx: the body's elastic parts give up rows so that the footer shows).
 */
export function Frame(props: {title: string; subtitle?: string; keys: KeyHint[]; capturing?: boolean; children: React.ReactNode}) {
  const keys = props.capturing ? props.keys : [...props.keys, ...GLOBAL_KEYS];
  const {stdout} = useStdout();
  return (
    <FitRows rows={stdout.rows}>
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
    </FitRows>
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
