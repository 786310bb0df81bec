/** The lines a prompt shows under its question: notes, and JSON documents cut to a few lines. */
import React from 'react';
import {Box} from 'ink';
import type {PromptLine} from '../../../operations/wizard/question.js';
import {Text} from '../../components/text.js';
import {Note} from '../widgets/fields.js';

/** A JSON document, dimmed, at most `max` lines (then how many more). */
export function JsonBlock({text, max = 12}: {text: string; max?: number}) {
  const lines = text.split('\n');
  return (
    <Box flexDirection="column" marginLeft={4}>
      {lines.slice(0, max).map((line, index) => (
        <Text key={index} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
      {lines.length > max ? <Text dimColor>… ({lines.length - max} more lines)</Text> : null}
    </Box>
  );
}

export function PromptBody({lines = []}: {lines?: readonly PromptLine[]}) {
  return (
    <>
      {lines.map((line, index) =>
        'json' in line ? (
          <JsonBlock key={index} text={line.json} max={line.max} />
        ) : (
          <Note key={index} message={line.note} {...(line.tone === 'warn' ? {tone: 'warn' as const} : {})} />
        ),
      )}
    </>
  );
}
