/**
 * The home screen's first frame, computed: the exact bytes Ink writes for it on its first render, drawn by a string
 * function before Ink, React and yoga have loaded (they take most of a start). Ink then takes over in place
 * (instant-frame.ts: its first write erases these lines).
 *
 * Ink's first frame is a function of a few things only, because the profile store is read after it (use-profiles.ts:
 * the first frame always says "Reading saved profiles…"): the version, the terminal's columns and rows, and whether
 * chalk colours. Where this function cannot promise Ink's bytes it returns undefined and nothing is painted from it:
 * a terminal narrower than the widest fixed line (Ink would wrap the title and the footer inside their boxes), text
 * that is not plain printable ASCII or one-column symbols, or output that is not a terminal Ink synchronises. The
 * golden test (test/ui/home-first-frame.test.ts) compares it byte for byte with Ink's own first frame of the home
 * screen at every width from the narrowest it draws to 240 columns, at several heights, with and without colour.
 *
 * No React and no Ink here, and chalk only for its decision: the escape codes are chalk's for the styles the screen uses (bold, dim, cyan,
 * blue), the same at every colour level above 0.
 */
import {GLOBAL_KEYS, NAVIGATE, SELECT, type KeyHint} from './keys.js';
import {HOME_ITEMS, HOME_READING, HOME_TAGLINE, HOME_TITLE} from './screens/home-menu.js';

export interface FirstFrameTerminal {
  columns: number | undefined;
  rows: number | undefined;
}

/** Ink's synchronised-output brackets and log-update's hidden cursor (written before the first frame). */
const BEGIN_SYNC = '\u001B[?2026h';
const END_SYNC = '\u001B[?2026l';
const HIDE_CURSOR = '\u001B[?25l';

interface Style {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  blue(text: string): string;
}
const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001B[${open}m${text}\u001B[${close}m`;
const COLOURED: Style = {bold: sgr(1, 22), dim: sgr(2, 22), cyan: sgr(36, 39), blue: sgr(34, 39)};
const PLAIN: Style = {bold: (text) => text, dim: (text) => text, cyan: (text) => text, blue: (text) => text};

/** Printable ASCII and the one-column symbols the home screen uses: each is one column wide in Ink's measure. */
const ONE_COLUMN = /^[\u0020-\u007E→↑↓❯…·]*$/u;
const width = (text: string): number => Array.from(text).length;

/**
 * `text` wrapped to `columns` as wrap-ansi does it for Ink's Text (hard, trim off): words are joined by the space
 * before them, which stays at the end of a row when the next word moves down; a row that is exactly full moves the
 * space down with the word. Undefined when a word is wider than a row (wrap-ansi would cut it; not drawn here).
 */
export function wrapLikeInk(text: string, columns: number): string[] | undefined {
  const rows = [''];
  for (const [index, word] of text.split(' ').entries()) {
    const length = width(word);
    if (length > columns) return undefined;
    let rowLength = width(rows.at(-1)!);
    if (index !== 0) {
      if (rowLength >= columns) {
        rows.push('');
        rowLength = 0;
      }
      rows[rows.length - 1] += ' ';
      rowLength += 1;
    }
    if (rowLength + length > columns && rowLength > 0 && length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows;
}

/** The footer (components/frame.tsx): each key bold, the whole line dim. */
const footer = (keys: readonly KeyHint[], style: Style): string => style.dim(keys.map((hint) => `${style.bold(hint.keys)} ${hint.label}`).join('  '));

/** Whether Ink colours: chalk's own decision, made when chalk loads (after run-context's inkColour has set FORCE_COLOR). */
export async function chalkColours(): Promise<boolean> {
  const {default: chalk} = await import('chalk');
  return chalk.level > 0;
}

/** is-in-ci's test, which Ink makes when it loads: in CI, Ink writes no frame until it exits (nothing to paint). */
export const inkSeesCi = (env: NodeJS.ProcessEnv): boolean =>
  ['CI', 'CONTINUOUS_INTEGRATION'].some((name) => name in env && env[name] !== '0' && env[name] !== 'false');

/**
 * What Ink writes for the home screen's first frame on a terminal of `terminal`'s size, or undefined where that
 * cannot be promised. `colour`: whether chalk colours (its level above 0).
 */
export function homeFirstFrame(options: {version: string; colour: boolean; terminal: FirstFrameTerminal}): string | undefined {
  const {columns, rows} = options.terminal;
  if (columns === undefined || rows === undefined || !Number.isInteger(columns) || !Number.isInteger(rows) || columns <= 0 || rows <= 0) return undefined;
  const style = options.colour ? COLOURED : PLAIN;
  const subtitle = ` · v${options.version}`;
  const keys = [NAVIGATE, SELECT, ...GLOBAL_KEYS];
  const fixed = [`ecs-wizard · ${HOME_TITLE}${subtitle}`, HOME_TAGLINE, HOME_READING, footer(keys, PLAIN), ...HOME_ITEMS.map((item) => `❯ ${item.label}`)];
  const texts = [...fixed, ...HOME_ITEMS.map((item) => item.description)];
  if (!texts.every((text) => ONE_COLUMN.test(text))) return undefined;
  // Ink would wrap a fixed line inside its box (the title's three texts shrink side by side): not drawn here.
  if (Math.max(...fixed.map(width)) > columns) return undefined;

  const descriptions: string[][] = [];
  for (const item of HOME_ITEMS) {
    const wrapped = item.description === '' ? [] : wrapLikeInk(item.description, columns);
    if (wrapped === undefined) return undefined;
    descriptions.push(wrapped);
  }
  // The description box is as tall as the longest description (home.tsx), so that the footer stays put.
  const descriptionRows = Math.max(...descriptions.map((rowsOf) => Math.max(1, rowsOf.length)));
  const first = descriptions[0]!;
  const [selected, ...others] = HOME_ITEMS;
  const lines = [
    `${style.bold(style.cyan('ecs-wizard'))} · ${HOME_TITLE}${style.dim(subtitle)}`,
    '',
    HOME_TAGLINE,
    style.dim(HOME_READING),
    '',
    `${style.blue('❯')} ${style.blue(selected!.label)}`,
    ...others.map((item) => `  ${item.label}`),
    '',
    ...Array.from({length: descriptionRows}, (_, row) => (row < first.length ? style.dim(first[row]!) : '')),
    '',
    footer(keys, style),
  ].map((line) => (options.colour ? line : line.trimEnd()));
  // Ink leaves the cursor below a frame that is shorter than the terminal, and on its last line otherwise.
  const body = lines.join('\n') + (lines.length >= rows ? '' : '\n');
  return `${BEGIN_SYNC}${HIDE_CURSOR}${body}${END_SYNC}`;
}
