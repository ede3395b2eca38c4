/**
 * The text of a PDF as it is laid out: rows by position (y), cells by gaps (x), whatever order the
 * PDF wrote its text in. An invoice pairs labels and values by position: on the same row to the
 * right (« Total HT ....... 1 260,00 »), or in the row below under the same column (a header row
 * « N° facture | Date | Client » and its values). pdf.js gives each text item's position; this
 * module turns them into rows and cells, and finds the value that goes with a label.
 */

/** One text item as pdf.js gives it, in PDF units (y upwards, from the page's bottom). */
export interface PositionedText {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** The font size (pdf.js's `height`, or the transform's scale). */
  size: number;
  /** Written across or upside down (a rotated margin mention): kept as a row of its own. */
  rotated?: boolean;
}

export interface PageText {
  items: PositionedText[];
}

/** A run of text on one row, separated from the next by a gap wider than a few spaces. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export interface Row {
  /** 1-based page. */
  page: number;
  /** Position in the whole text, top to bottom, page after page. */
  index: number;
  /** Distance from the page's top, to measure the gap between rows. */
  top: number;
  size: number;
  cells: Cell[];
  /** The cells joined by tabs: a value never runs into the next cell (« 12 » and « 300,00 » stay apart). */
  text: string;
}

export interface TextLayout {
  rows: Row[];
  /** The rows joined by new lines. */
  text: string;
}

/** Spaces of every width as plain spaces; combining accents composed (« aou\u0302t » is « août »); the minus sign as a hyphen. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007\u2002-\u2006\u200a]/g, ' ')
    .replace(/[\u2212\u2010\u2011]/g, '-')
    .replace(/ +(?=\p{M})/gu, '')
    .normalize('NFC');
}

const sameRow = (a: { y: number; size: number }, b: { y: number; size: number }) => Math.abs(a.y - b.y) <= Math.max(1.5, 0.4 * Math.min(a.size, b.size));

/** Rows and cells from pdf.js's items, page after page. */
export function layoutFromPages(pages: readonly PageText[]): TextLayout {
  const rows: Row[] = [];
  pages.forEach((page, p) => {
    const flat: PositionedText[] = [];
    const turned: PositionedText[] = [];
    for (const item of page.items) {
      const str = normalizeText(item.str);
      if (!str.trim()) continue;
      // A fake bold (the same text drawn twice, a hair apart) counts once.
      const twin = flat.find((o) => o.str === str && Math.abs(o.x - item.x) < 1.5 && Math.abs(o.y - item.y) < 1.5);
      if (twin) continue;
      (item.rotated ? turned : flat).push({ ...item, str, size: item.size > 0 ? item.size : 10 });
    }
    flat.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: PositionedText[][] = [];
    for (const item of flat) {
      const line = lines.find((l) => sameRow(l[0]!, item));
      if (line) line.push(item);
      else lines.push([item]);
    }
    const top = Math.max(0, ...flat.map((i) => i.y + i.size));
    lines.sort((a, b) => b[0]!.y - a[0]!.y);
    for (const line of lines) {
      line.sort((a, b) => a.x - b.x);
      const size = Math.max(...line.map((i) => i.size));
      rows.push(row(p + 1, top - line[0]!.y, size, cellsOf(line, size)));
    }
    for (const item of turned) rows.push(row(p + 1, Infinity, item.size, [{ text: item.str.trim(), x0: 0, x1: item.width }]));
  });
  rows.forEach((r, i) => (r.index = i));
  return { rows, text: rows.map((r) => r.text).join('\n') };
}

function row(page: number, top: number, size: number, cells: Cell[]): Row {
  return { page, index: 0, top, size, cells, text: cells.map((c) => c.text).join('\t') };
}

/** Items on one row joined into cells: glued, one space apart, or a new cell past a wide gap. */
function cellsOf(line: PositionedText[], size: number): Cell[] {
  const cells: Cell[] = [];
  let current: Cell | null = null;
  for (const item of line) {
    const gap = current ? item.x - current.x1 : Infinity;
    if (current && gap < size * 1.1) {
      const glue = gap < size * 0.1 || /\s$/.test(current.text) || /^\s/.test(item.str) ? '' : ' ';
      current.text += glue + item.str;
      current.x1 = Math.max(current.x1, item.x + item.width);
    } else {
      current = { text: item.str, x0: item.x, x1: item.x + item.width };
      cells.push(current);
    }
  }
  for (const cell of cells) cell.text = cell.text.replace(/\s+/g, ' ').trim();
  return cells.filter((c) => c.text);
}

/**
 * Rows and cells from plain text (one row a line; cells apart where there is a tab or two spaces
 * and more), for text that comes without positions: a character is one unit wide.
 */
export function layoutFromText(text: string): TextLayout {
  const rows = normalizeText(text)
    .split('\n')
    .map((line, i): Row => {
      const cells: Cell[] = [];
      for (const match of line.matchAll(/[^\t]+?(?=\t| {2,}|$)/g)) {
        const value = match[0].trim();
        if (value) cells.push({ text: value.replace(/ +/g, ' '), x0: match.index + (match[0].length - match[0].trimStart().length), x1: match.index + match[0].trimEnd().length });
      }
      return { ...row(1, i * 12, 10, cells), index: i };
    })
    .filter((r) => r.cells.length);
  rows.forEach((r, i) => (r.index = i));
  return { rows, text: rows.map((r) => r.text).join('\n') };
}

// ---- labels and their values --------------------------------------------------------------------

/** Where a value was found relative to its label. */
export type Relation = 'right' | 'below' | 'before';

export interface Labelled {
  /** The value's match: [0] the whole, [1…] its groups. */
  value: RegExpExecArray;
  relation: Relation;
  /** The label's row. */
  row: Row;
  /** The label's match. */
  label: RegExpExecArray;
}

/** The cell of `row` that holds the text at `offset` of `row.text`. */
export function cellAt(row: Row, offset: number): Cell {
  let start = 0;
  for (const cell of row.cells) {
    const end = start + cell.text.length;
    if (offset <= end) return cell;
    start = end + 1;
  }
  return row.cells[row.cells.length - 1]!;
}

const overlaps = (a: Cell, b: Cell) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0 || (b.x0 >= a.x0 - 2 && b.x0 <= a.x1 + 2);

/**
 * The cell under `cell`: on the next rows of the same page (no further than a few lines), the
 * first row with a cell in the same column. Null when the column's next cell is too far down.
 */
export function cellBelow(layout: TextLayout, row: Row, cell: Cell, maxRows = 3): Cell | null {
  for (let i = row.index + 1; i < layout.rows.length && i <= row.index + maxRows; i++) {
    const next = layout.rows[i]!;
    if (next.page !== row.page || next.top - row.top > row.size * 4.5) return null;
    const under = next.cells.find((c) => overlaps(cell, c));
    if (under) return under;
  }
  return null;
}

export interface FindOptions {
  /** Also look under the label, when the label is alone in its cell and nothing follows it. */
  below?: boolean;
  /** What may stand between the label and the value on the same row (default: blanks, colons, dots as leaders). */
  filler?: string;
  /** Whether a value found is one (a number must have a digit, a date must be a day…); a refused value on the right lets the cell below be tried. */
  accept?: (value: RegExpExecArray, label: RegExpExecArray, row: Row) => boolean;
}

/**
 * Every value that follows `label`: on its row to the right (`filler` between them), else, when the
 * label fills its cell, in the cell under it. `label` must have the `g` flag; `value` is anchored
 * here. Labels found inside a longer sentence only take the value right after them.
 */
export function findLabelled(layout: TextLayout, label: RegExp, value: string, { below = true, filler = String.raw`[ \t:.…_=]*`, accept = () => true }: FindOptions = {}): Labelled[] {
  const found: Labelled[] = [];
  const right = new RegExp(String.raw`^${filler}(?:${value})`, 'iu');
  const alone = new RegExp(String.raw`^(?:${value})`, 'iu');
  for (const row of layout.rows) {
    for (const match of row.text.matchAll(label)) {
      const end = match.index + match[0].length;
      const after = right.exec(row.text.slice(end));
      if (after && accept(after, match, row)) {
        found.push({ value: after, relation: 'right', row, label: match });
        continue;
      }
      if (!below) continue;
      const cell = cellAt(row, match.index + match[0].length - match[0].trimStart().length);
      const rest = row.text.slice(end).split('\t')[0]!;
      if (!/^[\s:.#°]*$/.test(rest)) continue;
      const under = cellBelow(layout, row, cell);
      const value = under && alone.exec(under.text);
      if (value && accept(value, match, row)) found.push({ value, relation: 'below', row, label: match });
    }
  }
  return found;
}
