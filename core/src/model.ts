// The document model: what the parser makes of a draft. Editor-free; positions are
// 0-based lines and UTF-16 columns, exactly as LSP counts them (a JS string index).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The range from column `start` to column `end` of one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** How a number was written. Only `exact` values take part in arithmetic checks. */
export type NumberKind =
  | 'exact' // 12, １２, 1,234, 0.8, 二万五千
  | 'approx' // 400余条, 300多名, 近300个, 约50
  | 'ambiguous' // 1,2000: a separator out of place; value null (could be 12000, or 1 and 2000)
  | 'blank' // an empty value cell
  | 'dash' // 「—」「-」「/」
  | 'na'; // 「不适用」「无」

export interface NumberValue {
  kind: NumberKind;
  /** Numeric value; for `approx` the stated figure, for blank/dash/na null. */
  value: number | null;
  /** The source text exactly as written. */
  raw: string;
  /** Unit written right after the number (条, 件, 万元, %, …), if any. */
  unit?: string;
  /** Number of decimal places as written (0.80 → 2), for formatting fixes. */
  decimals: number;
  range: Range;
}

export type EnumeratorStyle =
  | 'cn' // 一、
  | 'paren-cn' // （一）
  | 'paren-cn-half' // (一)  — pasted half-width parentheses
  | 'arabic' // 1.  1．  1、
  | 'paren-arabic' // （1）
  | 'none'; // a Markdown heading without an enumerator

export interface Heading {
  /** GB/T 9704 level: 1 一、 2 （一） 3 1. 4 （1）. A Markdown heading without enumerator gets its # depth. */
  level: number;
  style: EnumeratorStyle;
  /** The enumerator text as written, e.g. "一、", "（一）", "(一)", "1.", "" */
  enumerator: string;
  /** 1-based number of the enumerator (三 → 3), null when there is none. */
  ordinal: number | null;
  /** The heading title without enumerator and without run-in body. */
  title: string;
  /** Markdown # depth when the line is an ATX heading, else 0. */
  markdownDepth: number;
  /** True when body text follows the title on the same line. */
  runIn: boolean;
  line: number;
  /** From the enumerator (or first title char) to the end of the title. */
  range: Range;
  enumeratorRange: Range;
  titleRange: Range;
}

export interface Paragraph {
  text: string;
  /** First line of the paragraph; paragraphs are single source lines joined when wrapped. */
  range: Range;
  /** Source lines it spans (for wrapped text pasted from PDFs). */
  lines: number[];
  /** Maps an index in `text` to a document position. */
  positionAt(index: number): Position;
  /** True for the run-in body that follows a heading title on the same line. */
  runInOf?: Heading;
}

export interface Cell {
  /** Text with surrounding whitespace removed. */
  text: string;
  /** Label form: width, spaces and punctuation normalised (see normalize.ts). */
  norm: string;
  range: Range;
  /** Set when the cell is a value (a number or a blank/dash/na mark). */
  number?: NumberValue;
}

export interface TableRow {
  line: number;
  range: Range;
  cells: Cell[];
  /** Cells that are not values, in order: the row's label path. */
  labels: Cell[];
  /**
   * Value cells in order (numbers, blanks, dashes), all after the last label: the parser splits a
   * row there (blanks between labels are merged-cell padding and belong to neither).
   */
  values: Cell[];
  /** True for a Markdown delimiter row (|---|---|). Such rows are not kept in `rows`. */
  isHeaderLike: boolean;
}

export type TableLayout = 'pipe' | 'tab' | 'cell-per-line';

export interface Table {
  layout: TableLayout;
  rows: TableRow[];
  range: Range;
  startLine: number;
  endLine: number;
  /** Index of the section (part) the table sits in, -1 before any heading. */
  sectionIndex: number;
}

export interface Directive {
  kind: 'profile' | 'disable-next-line' | 'disable-line' | 'disable-file' | 'enable' | 'unknown';
  /** Rule ids or the profile id given. */
  args: string[];
  line: number;
  range: Range;
  raw: string;
}

export interface DocumentTitle {
  text: string;
  range: Range;
  line: number;
  /** The reporting body, e.g. 平凉市司法局. */
  body?: string;
  /** The report year named in the title. */
  year?: number;
  yearRange?: Range;
  /** True when the title names an annual report on government information disclosure. */
  isAnnualReport: boolean;
}

/** A heading with the blocks beneath it, until the next heading of the same or higher level. */
export interface Section {
  heading: Heading;
  children: Section[];
  parent?: Section;
  paragraphs: Paragraph[];
  tables: Table[];
  /** From the heading line to the last line before the next sibling or ancestor heading. */
  range: Range;
}

export interface ReportDocument {
  text: string;
  lines: string[];
  /** Offset of each line start in `text`. */
  lineStarts: number[];
  /** The line-break sequence that ends each line ('' for the last one). */
  eols: string[];
  title?: DocumentTitle;
  headings: Heading[];
  /** Top-level sections (level-1 headings, or whatever level comes first). */
  sections: Section[];
  paragraphs: Paragraph[];
  tables: Table[];
  directives: Directive[];
  /** Problems the parser met that a user should hear about (binary bytes, huge lines). */
  notes: ParseNote[];
}

export interface ParseNote {
  kind: 'binary' | 'long-line' | 'truncated' | 'mojibake-input';
  message: string;
  range: Range;
}
