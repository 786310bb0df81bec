import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space' | 'other';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)\b|([{}[\],:])|(\s+)|(.)/g;

/** Splits one line of pretty-printed JSON into coloured tokens (a key is a string followed by `:`). */
export function tokenizeJsonLine(line: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  for (const match of line.matchAll(TOKEN)) {
    const [, string, colon, number, literal, punctuation, space] = match;
    if (string !== undefined) {
      tokens.push({kind: colon === undefined ? 'string' : 'key', text: string});
      if (colon !== undefined) tokens.push({kind: 'punctuation', text: colon});
    } else if (number !== undefined) tokens.push({kind: 'number', text: number});
    else if (literal !== undefined) tokens.push({kind: 'literal', text: literal});
    else if (punctuation !== undefined) tokens.push({kind: 'punctuation', text: punctuation});
    else if (space !== undefined) tokens.push({kind: 'space', text: space});
    else tokens.push({kind: 'other', text: match[0]});
  }
  return tokens;
}

/** The lines of a JSON document as the preview shows them (2-space indent), tokenised once. */
export function jsonLines(value: unknown): JsonToken[][] {
  return (JSON.stringify(value, null, 2) ?? 'null').split('\n').map(tokenizeJsonLine);
}

const COLOURS: Record<JsonTokenKind, {color?: string; dimColor?: boolean}> = {
  key: {color: 'cyan'},
  string: {color: 'green'},
  number: {color: 'yellow'},
  literal: {color: 'magenta'},
  punctuation: {dimColor: true},
  space: {},
  other: {},
};

/** A window of `height` lines from `offset`, syntax-coloured; long lines are cut, never wrapped. */
export function JsonView({lines, offset, height}: {lines: JsonToken[][]; offset: number; height: number}) {
  const shown = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column">
      {shown.map((tokens, index) => (
        <Text key={offset + index} wrap="truncate-end">
          {tokens.length === 0
            ? ' '
            : tokens.map((token, at) =>
                token.kind === 'space' ? (
                  token.text
                ) : (
                  <Text key={at} {...COLOURS[token.kind]}>
                    {token.text}
                  </Text>
                ),
              )}
        </Text>
      ))}
    </Box>
  );
}
