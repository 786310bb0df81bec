/** The lines a prompt shows under its question: notes, and JSON documents cut to a few lines. */
import React from 'react';
import {Box} from 'ink';
import type {PromptLine} from '../../../operations/wizard/question.js';
import {useElasticRows} from '../../components/fit.js';
import {Text} from '../../components/text.js';
import {Note} from '../widgets/fields.js';

/**
 * A JSON document, dimmed, at most `max` lines (then how many more) — fewer on a terminal too short for the
 * screen (components/fit.tsx), so that the choices and the keys below it stay on screen.
 */
export function JsonBlock({text, max = 12}: {text: string; max?: number}) {
  const lines = text.split('\n');
  // Down to one row ("… (n more lines)") when a long message needs the room: the choices matter more.
  const rows = useElasticRows(lines.length > max ? max + 1 : lines.length, 1);
  const shown = lines.length > rows ? rows - 1 : lines.length;
  return (
    <Box flexDirection="column" marginLeft={4}>
      {lines.slice(0, shown).map((line, index) => (
        <Text key={index} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
      {lines.length > shown ? (
        <Text dimColor>
          {'… ('}
          {lines.length - shown}
          {' more lines)'}
        </Text>
      ) : null}
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
