/**
 * Plain ANSI styling for the non-Ink output (no chalk: plain commands must start fast).
 * `createStyle(false)` returns identity functions, so callers never branch on colour.
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

export function createStyle(color: boolean): Style {
  if (!color) {
    const identity = (text: string) => text;
    return {bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity};
  }
  return {bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39)};
}
