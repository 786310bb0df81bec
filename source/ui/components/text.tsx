/**
 * Ink's Text, with every string child cleaned of control sequences (report/sanitize.ts): the one place
 * where text from outside (AWS, files, the person's input) reaches the terminal in the Ink screens. Screens import
 * `Text` from here, never from 'ink' (the linter enforces it), and do not call sanitize themselves.
 *
 * `RenderedText` shows text the report layer already rendered for a terminal (the plan with its diff): it keeps that
 * text's own colour codes, and report/ cleaned what came from outside when it rendered it.
 */
import React from 'react';
import {Text as InkText, type TextProps} from 'ink';
import {sanitize} from '../../report/sanitize.js';
import {useFitCheck} from './fit.js';

const clean = (child: React.ReactNode): React.ReactNode => (typeof child === 'string' ? sanitize(child) : child);

export function Text({children, ...props}: TextProps) {
  // Text that changes may change how many rows the screen takes (fit.tsx).
  useFitCheck();
  return <InkText {...props}>{Array.isArray(children) ? React.Children.map(children, clean) : clean(children)}</InkText>;
}

export function RenderedText({children}: {children: string}) {
  useFitCheck();
  return <InkText>{children}</InkText>;
}
