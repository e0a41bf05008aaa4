// What the .docx and .html readers produce before it becomes markup: a flat list of blocks (the
// title, headings, paragraphs, tables), each remembering where it came from in the original file so
// that a finding on the converted markup can name the paragraph or the table cell a reviewer sees.

/** Where a block or a cell sits in the original document. */
export interface SourceRef {
  /** 1-based paragraph number in the document body (tables count as one block each). */
  paragraph?: number;
  /** 1-based table number, row and column (of the table as printed, merged cells counted once). */
  table?: number;
  row?: number;
  column?: number;
  /** 1-based line in the original file (HTML only: the line of the element's start tag). */
  fileLine?: number;
  /** The first characters of the text, so the reviewer can find it. */
  quote: string;
}

export interface TextBlock {
  kind: 'title' | 'heading' | 'paragraph';
  /** Text as written; for a paragraph with soft line breaks, lines joined by "\n". */
  text: string;
  /** For headings from a Word heading style or <hN> without a Chinese enumerator: 1–6. */
  level?: number;
  /** Centred in the original (a title over two centred lines is one title). */
  centered?: boolean;
  source: SourceRef;
}

/** One slot of a table grid: merged cells keep their text in the top-left slot, the rest are empty. */
export interface GridCell {
  text: string;
  /** The slot that starts a printed cell (false for the slots a merged cell covers). */
  origin: boolean;
  rowSpan: number;
  colSpan: number;
  /** A slot beyond the end of a short row: no cell at all (not an empty one). */
  absent?: boolean;
  source: SourceRef;
}

export interface TableBlock {
  kind: 'table';
  rows: GridCell[][];
  source: SourceRef;
}

export type Block = TextBlock | TableBlock;

const QUOTE_CHARS = 16;

export function quoteOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_CHARS ? t.slice(0, QUOTE_CHARS) + '…' : t;
}

/** Collapses runs of ordinary whitespace inside a paragraph; keeps full-width spaces (U+3000) as written. */
export function cleanInline(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/[ \t\f\v]+/g, ' ');
}

/** Trims ASCII whitespace only: full-width spaces (U+3000) at a line's start are part of the text. */
export function trimAscii(s: string): string {
  return s.replace(/^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g, '');
}

const CJK_OR_FULL = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins the paragraphs of one table cell: no space between Chinese text, one between Latin words. */
export function joinCellParagraphs(parts: string[]): string {
  let out = '';
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    if (!out) out = p;
    else out += CJK_OR_FULL.test(out[out.length - 1]) || CJK_OR_FULL.test(p[0]) ? p : ' ' + p;
  }
  return out;
}

/** The largest of `xs` (at least `floor`): a loop, since Math.max(...xs) overflows the stack on huge tables. */
export function maxOf(xs: Iterable<number>, floor: number): number {
  let m = floor;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** How deep the readers follow nested elements; deeper content is read as plain text. */
export const MAX_DEPTH = 200;
