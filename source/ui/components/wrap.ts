/**
 * Word-wrapping text into the rows a terminal shows, for views that count their rows (a scrolled document):
 * words stay whole unless longer than a row; continuation rows start with `indent` (a hanging indent under the
 * text after a mark such as "⚠ "). Width is counted in code points, as the rest of the screens do.
 */

const length = (text: string): number => Array.from(text).length;

/** Splits `word` into pieces of at most `width` code points. */
function pieces(word: string, width: number): string[] {
  const characters = Array.from(word);
  const out: string[] = [];
  for (let at = 0; at < characters.length; at += width) out.push(characters.slice(at, at + width).join(''));
  return out;
}

/** The rows of one line of text at `width` columns (at least one row; an empty line is one empty row). */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const columns = Math.max(1, width);
  const hanging = length(indent) < columns ? indent : '';
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const candidate = row === '' || row === hanging ? row + word : `${row} ${word}`;
    if (length(candidate) <= columns) {
      row = candidate;
      continue;
    }
    if (row !== '' && row !== hanging) rows.push(row);
    row = rows.length === 0 ? '' : hanging;
    const room = columns - length(row);
    if (length(word) <= room) {
      row += word;
      continue;
    }
    const parts = pieces(word, room);
    row += parts[0] ?? '';
    for (const part of pieces(Array.from(word).slice(room).join(''), columns - length(hanging))) {
      rows.push(row);
      row = hanging + part;
    }
  }
  rows.push(row);
  return rows;
}
