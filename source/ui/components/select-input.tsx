/**
 * ink-select-input with its items drawn through the cleaning Text (text.tsx): item labels may come from outside
 * (registry tags, profile names). Looks like the library's own item: blue when selected.
 */
import React from 'react';
import InkSelectInput, {type ItemProps} from 'ink-select-input';
import {Text} from './text.js';

function Item({isSelected = false, label}: ItemProps) {
  return <Text color={isSelected ? 'blue' : undefined}>{label}</Text>;
}

export function SelectInput<V>(props: Omit<Parameters<typeof InkSelectInput<V>>[0], 'itemComponent'>) {
  return <InkSelectInput<V> {...props} itemComponent={Item} />;
}
