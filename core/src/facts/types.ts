// Facts derived once per check from the model and the profile, shared by the rules and by the
// language-service features (outline, hover): which heading is which statutory part, what the
// national tables hold, which year the report is for.

import type { Cell, Heading, Range, Section, Table, TableRow } from '../model';
import type { PartSpec, RowSpec, TableSpec } from '../profiles/types';

export interface PartMatch {
  spec: PartSpec;
  /** Position of the part in the profile (0-based). */
  specIndex: number;
  section: Section;
  heading: Heading;
  /** How the heading matched: canonical title, a known alias, or keywords only. */
  how: 'canonical' | 'alias' | 'keywords' | 'typo';
  /** Set when this heading repeats a part already matched earlier (the first occurrence). Such
   * matches stay in `parts` for the duplicate rule; consumers looking for "the" part skip them. */
  duplicateOf?: PartMatch;
}

export interface FoundRow {
  spec: RowSpec;
  row: TableRow;
  /** Value cells by column id. */
  values: Map<string, Cell>;
  /** Value cells beyond the columns the row should have. */
  extraValues: Cell[];
  /** Column ids for which the row has no value cell at all. */
  missingColumns: string[];
  /** Further rows whose values continue `row` (a single-row table split into pieces by OCR). */
  extraRows?: TableRow[];
}

export interface NationalTable {
  spec: TableSpec;
  rows: Map<string, FoundRow>;
  /** Spec rows (with values) that were not found. */
  missingRows: RowSpec[];
  /** Rows inside the table that carry values but match no spec row. */
  unknownRows: TableRow[];
  /** The source tables the rows came from (one, or several when a table was split). */
  tables: Table[];
  range: Range;
}

export interface ReportYear {
  year: number;
  range: Range;
  source: 'title' | 'period' | 'body';
}

/** A table found in text that lost its cell borders whose digits could not be split one way only. */
export interface UnreadableTableFact {
  /** The national table's id; undefined for a local 统计表. */
  tableId?: string;
  title: string;
  /** 'text': the table is written as plain lines (out of a PDF), its rows found by their labels. */
  outcome: 'ambiguous' | 'none' | 'too-many' | 'text';
  solutions?: number;
  range: Range;
}

export interface ReportFacts {
  year?: ReportYear;
  /** Set when the text shows it came out of a PDF converter (page numbers between the lines). */
  conversion?: import('./conversion').ConversionTrace;
  /** Tables of a flattened page that were found but not read: nothing is checked in them. */
  unreadableTables: UnreadableTableFact[];
  /** Statutory parts found, in document order. */
  parts: PartMatch[];
  nationalTables: NationalTable[];
}
