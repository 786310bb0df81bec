/**
 * Renderers of the diff model (diff.ts): coloured, width-aware text for terminals and a plain JSON object
 * for `--json`. Both mask the values of secret-looking names (diff.ts `redactChange`): they say that a
 * value changed, never what it was or is.
 *
 * Colour is plain ANSI SGR codes, only when asked (`color: true`); widths are counted in code points.
 */
import type {JsonObject, JsonValue} from './json.js';
import type {Change, DiffResult, Impact, PlanDiff} from './diff.js';
import {MASK, redactChange} from './diff.js';

export interface TextRenderOptions {
  /** Terminal columns; lines never exceed it (values are cut with `…`, long paths wrap). At least 20 is used. */
  width: number;
  color: boolean;
}

export const IMPACT_LABELS: Readonly<Record<Impact, string>> = {
  none: 'no changes',
  'new-revision': 'new revision',
  'update-in-place': 'update in place',
  replace: 'will replace',
  create: 'will create',
};

const DOCUMENT_LABELS = {taskDefinition: 'Task definition', service: 'Service'} as const;

const MARKERS: Readonly<Record<Change['kind'], string>> = {added: '+', removed: '-', changed: '~'};

type Paint = (text: string) => string;
interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001B[${open}m${text}\u001B[${close}m`;
const plain: Paint = (text) => text;

const palette = (color: boolean): Palette =>
  color
    ? {bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39)}
    : {bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain};

const impactPaint = (impact: Impact, colors: Palette): Paint => {
  switch (impact) {
    case 'none':
      return colors.dim;
    case 'new-revision':
      return colors.cyan;
    case 'update-in-place':
      return colors.yellow;
    case 'replace':
      return colors.red;
    case 'create':
      return colors.green;
  }
};

const markerPaint = (kind: Change['kind'], colors: Palette): Paint => (kind === 'added' ? colors.green : kind === 'removed' ? colors.red : colors.yellow);

/** Control characters (C0, DEL, C1) written as `\uXXXX`, so text from AWS cannot drive the terminal. */
const escapeControls = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A value on one line: strings quoted, objects and arrays as compact JSON. */
export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (value === MASK) return MASK;
  return escapeControls(JSON.stringify(value));
}

const length = (text: string): number => Array.from(text).length;

/** Cut to `width` code points, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Splits a path into lines of at most `width`, preferring breaks before `.` and `[`. */
function wrapPath(path: string, width: number): string[] {
  const chars = Array.from(path);
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > width) {
    let cut = start + width;
    for (let index = start + width; index > start; index -= 1) {
      if (chars[index] === '.' || chars[index] === '[') {
        cut = index;
        break;
      }
    }
    lines.push(chars.slice(start, cut).join(''));
    start = cut;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

const countLabel = (count: number): string => (count === 1 ? '1 change' : `${count} changes`);

function renderChange(change: Change, width: number, colors: Palette): string[] {
  const shown = redactChange(change);
  const marker = MARKERS[change.kind];
  const paint = markerPaint(change.kind, colors);
  const path = escapeControls(change.path);
  const before = formatValue(shown.before);
  const after = formatValue(shown.after);
  const summary =
    change.kind === 'changed' ? (change.sensitive === true ? `${MASK} → ${MASK}` : `${before} → ${after}`) : change.kind === 'added' ? after : before;

  const lines: string[] = [];
  const oneLine = `  ${marker} ${path}: ${summary}`;
  if (length(oneLine) <= width) {
    lines.push(`  ${paint(`${marker} ${path}`)}: ${summary}`);
  } else {
    // The path on its own line(s), then each value on its own line, cut to the width.
    const pathLines = wrapPath(path, width - 4);
    pathLines.forEach((line, index) => lines.push(index === 0 ? `  ${paint(`${marker} ${line}`)}` : `    ${paint(line)}`));
    const valueWidth = width - 8;
    if (change.kind === 'changed') {
      lines.push(`      ${colors.red('-')} ${truncate(before, valueWidth)}`);
      lines.push(`      ${colors.green('+')} ${truncate(after, valueWidth)}`);
    } else {
      lines.push(`        ${truncate(summary, valueWidth)}`);
    }
  }
  if (change.impact === 'replace' && change.reason !== undefined) {
    lines.push(`    ${colors.red(truncate(`forces replacement: ${change.reason}`, width - 4))}`);
  } else if (change.field.startsWith('deploymentConfiguration') && change.reason !== undefined) {
    lines.push(`    ${colors.yellow(truncate(change.reason, width - 4))}`);
  }
  return lines;
}

function renderSection(result: DiffResult, width: number, colors: Palette): string[] {
  const label = IMPACT_LABELS[result.impact];
  const count = result.changes.length === 0 ? '' : ` (${countLabel(result.changes.length)})`;
  const header = truncate(`${DOCUMENT_LABELS[result.kind]}: ${label}${count}`, width);
  const lines = [colors.bold(impactPaint(result.impact, colors)(header))];
  for (const change of result.changes) lines.push(...renderChange(change, width, colors));
  return lines;
}

const isPlan = (diff: PlanDiff | DiffResult): diff is PlanDiff => 'taskDefinition' in diff && 'service' in diff;

/**
 * The diff as terminal text (lines joined by `\n`, no trailing newline): a header with the impact label,
 * then one `+` / `-` / `~` line per change (a long one is split: path, then `- before` / `+ after`).
 */
export function renderDiffText(diff: PlanDiff | DiffResult, options: TextRenderOptions): string {
  const width = Math.max(20, Math.floor(options.width));
  const colors = palette(options.color);
  if (!isPlan(diff)) return renderSection(diff, width, colors).join('\n');
  const header = truncate(`Plan: ${IMPACT_LABELS[diff.impact]}`, width);
  return [
    colors.bold(impactPaint(diff.impact, colors)(header)),
    ...renderSection(diff.taskDefinition, width, colors),
    ...renderSection(diff.service, width, colors),
  ].join('\n');
}

function changeJson(change: Change): JsonObject {
  const shown = redactChange(change);
  const out: JsonObject = {kind: change.kind, path: change.path, field: change.field, impact: change.impact};
  if (shown.before !== undefined) out['before'] = shown.before;
  if (shown.after !== undefined) out['after'] = shown.after;
  if (change.reason !== undefined) out['reason'] = change.reason;
  if (change.sensitive === true) out['masked'] = true;
  return out;
}

const resultJson = (result: DiffResult): JsonObject => ({kind: result.kind, impact: result.impact, changes: result.changes.map(changeJson)});

/** The diff as a plain JSON-serialisable object (sensitive values masked). */
export function renderDiffJson(diff: PlanDiff | DiffResult): JsonObject {
  if (!isPlan(diff)) return resultJson(diff);
  return {impact: diff.impact, taskDefinition: resultJson(diff.taskDefinition), service: resultJson(diff.service)};
}
