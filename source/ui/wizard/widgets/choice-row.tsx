/** One row of a choice list (the wizard's select and picker): pointer, label, and the label's detail. */
import React from 'react';
import {Box, useStdout} from 'ink';
import {Text} from '../../components/text.js';
import type {PickerRow} from './picker-state.js';

/** A choice's detail column gets at least this many columns; on a narrower terminal the detail goes under the label. */
export const MIN_DETAIL = 30;

/** Columns for a choice's text: the terminal's, less the list's margin and the pointer (and a multi-choice box). */
function useRowWidth(multi?: boolean): number {
  const {stdout} = useStdout();
  return Math.max(10, (stdout.columns > 0 ? stdout.columns : 80) - 4 - (multi ? 2 : 0));
}

/**
 * One choice: pointer, label, and its detail in a column beside the labels — or, when that column would be
 * narrower than MIN_DETAIL, on the rows below, under the label. `wrap`: the detail wraps (a few fixed choices
 * that explain themselves); otherwise it is cut with "…" (a listing, one row per item).
 */
export function Row({
  row,
  highlighted,
  selected,
  multi,
  labelWidth = 0,
  wrap = false,
}: {
  row: PickerRow;
  highlighted: boolean;
  selected?: boolean;
  multi?: boolean;
  labelWidth?: number;
  wrap?: boolean;
}) {
  const width = useRowWidth(multi);
  const pointer = highlighted ? '❯ ' : '  ';
  const box = multi && row.kind === 'item' ? (selected ? '◉ ' : '◯ ') : '';
  if (row.kind === 'free') {
    return (
      <Text color={highlighted ? 'cyan' : undefined} wrap="truncate-end">
        {pointer}Use “{row.value}”
      </Text>
    );
  }
  const {item} = row;
  const color = highlighted ? 'cyan' : item.disabled ? 'gray' : undefined;
  const unavailable = item.disabled ? '  (unavailable)' : '';
  const column = Math.max(labelWidth, item.label.length + unavailable.length);
  const stacked = item.detail !== undefined && width - column - 2 < MIN_DETAIL;
  const label = (
    <>
      {pointer}
      {box}
      {item.detail !== undefined && !stacked ? item.label.padEnd(column - unavailable.length) : item.label}
      {item.disabled ? <Text dimColor>{unavailable}</Text> : null}
    </>
  );
  if (item.detail === undefined) {
    return (
      <Text color={color} wrap="truncate-end">
        {label}
      </Text>
    );
  }
  if (stacked) {
    return (
      <Box flexDirection="column">
        <Text color={color} wrap="truncate-end">
          {label}
        </Text>
        <Box marginLeft={pointer.length + box.length + 2}>
          <Text dimColor wrap={wrap ? 'wrap' : 'truncate-end'}>
            {item.detail}
          </Text>
        </Box>
      </Box>
    );
  }
  if (!wrap) {
    return (
      <Text color={color} wrap="truncate-end">
        {label}
        <Text dimColor>
          {'  '}
          {item.detail}
        </Text>
      </Text>
    );
  }
  return (
    <Box>
      <Box flexShrink={0}>
        <Text color={color}>{label}</Text>
      </Box>
      <Box marginLeft={2} flexGrow={1}>
        <Text dimColor>{item.detail}</Text>
      </Box>
    </Box>
  );
}
