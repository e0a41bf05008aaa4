// Report formats as data. A profile lists the statutory parts in order, the national
// tables with their rows and columns, and the sums those tables must satisfy.
// Nothing here is code: rules read these structures, so a workspace config can add a profile.

export interface PartSpec {
  /** Stable id, e.g. "overview", "proactive". */
  id: string;
  /** Canonical title without enumerator, e.g. 总体情况. */
  title: string;
  /** Other titles real reports use for the same part (without enumerator). */
  aliases: string[];
  /**
   * Keyword groups for fuzzy matching of variants: a heading matches when, for every group,
   * it contains at least one word of the group (after normalisation).
   */
  keywords: string[][];
  /** Statutory basis shown on hover (条例 article and item, national format). */
  basis: string;
  /** What the part must say, shown on hover and in the template. */
  guidance: string;
  /** Body text inserted under the heading by the "insert missing part" fix (may be multi-line). */
  template: string;
  /** Ids of national tables that belong in this part. */
  tables?: string[];
  /** Standard level-2 sub-headings offered by completion (without enumerator). */
  subheadings?: string[];
  /** Accepted variants of a standard sub-heading (keyed by the entry in `subheadings`), e.g. 主动公开方面 for 主动公开情况. */
  subheadingAliases?: Record<string, string[]>;
  /** Optional parts are matched and ordered but never reported missing (a template's own part). */
  optional?: boolean;
  /**
   * Why the part is required: the statute itself (missing → error), or only the practice of the
   * period (missing → a hint). Default: statute.
   */
  demand?: 'statute' | 'practice';
  /**
   * Where titles were local (pre-2019), a part may be written inside another one: a sentence of
   * the body holding a word of every group (e.g. 未收到…行政复议申请) covers the part.
   */
  coveredBy?: string[][];
  /** Phrases the part should mention, e.g. 信息处理费 in part 六 of gov-2021. */
  mustMention?: { any: string[]; message: string; ruleId: string }[];
}

export interface ColumnSpec {
  id: string;
  label: string;
  aliases?: string[];
  /** Short name used in arithmetic messages (结果维持 for 行政复议结果维持). */
  short?: string;
  /** Unit the format prints for the column (万元); another unit written in a cell is flagged. */
  unit?: string;
}

export interface RowSpec {
  id: string;
  /** Label as printed in the national format, with its enumerator, e.g. "1.属于国家秘密". */
  label: string;
  aliases?: string[];
  /** Id of the group row this row sits under (for labels like "其他" that repeat). */
  group?: string;
  /** A group row prints no values of its own (（三）不予公开 …). */
  isGroup?: boolean;
  /** Columns of this row when they differ from the table's (part 二 sub-tables). */
  columns?: string[];
  /** Heading row of a sub-table that carries no values (第二十条第（一）项). */
  isCaption?: boolean;
  /** Short name used in arithmetic messages, e.g. 三（七） for （七）总计. */
  short?: string;
  /** Unit printed for the item in one-value statistical tables (条, 件, 万元). */
  unit?: string;
}

/**
 * A sum the table must satisfy. axis "column": for every column c in `columns`,
 * Σ left-rows[c] = Σ right-rows[c]. axis "row": for every row r in `rows`, Σ left-cols[r] = Σ right-cols[r].
 */
export interface SumCheck {
  id: string;
  axis: 'column' | 'row';
  left: string[];
  right: string[];
  /** For axis "column": the columns to check (default: all). */
  columns?: string[];
  /** For axis "row": the rows to check (default: all value rows). */
  rows?: string[];
  /** Chinese statement of the rule for messages and hover, e.g. 一 + 二 = 三（七）+ 四. */
  formula: string;
  /** Where the rule comes from: printed in the format, or derived from the layout. */
  basis: string;
  /** Names of the two sides in messages when listing every term would be too long. */
  leftName?: string;
  rightName?: string;
  /** Where the sum sits, for messages on a single-row table (行政复议). */
  label?: string;
}

export interface TableSpec {
  id: string;
  /** Chinese name, e.g. 收到和处理政府信息公开申请情况表. */
  title: string;
  /** "grid": labelled rows × columns; "single-row": one unlabelled value row (part 四). */
  shape: 'grid' | 'single-row';
  columns: ColumnSpec[];
  rows: RowSpec[];
  checks: SumCheck[];
  /** Values must be whole numbers (counts) unless the column is listed here (万元 amounts). */
  decimalColumns?: string[];
  /** Columns whose values may be negative (本年增/减). */
  signedColumns?: string[];
  /** Rows whose values may have decimals whatever the column (万元 items of a one-column table). */
  decimalRows?: string[];
  /**
   * A statistical table whose layout varied by place and year (the pre-2019 统计表): rows are read
   * for the sums, but missing or unknown rows are not reported.
   */
  loose?: boolean;
  /** Words of the heading of the part that holds the table, used when part matching found none. */
  partHint?: string[];
  /** Words whose presence identifies this table (used to find it when the heading is missing). */
  signature: string[];
  /** Markdown text of the table, zero-filled, inserted by fixes and snippets. */
  template: string;
}

/**
 * A figure the report overview shows at the top (本年新收申请, 行政复议总计, 信息处理费): where it is
 * read from, in order — the first source that gives an exact value is shown.
 */
export interface KeyFigureSpec {
  /** Stable id, e.g. "requests-new" (clients name built-in figures in their own language by it). */
  id: string;
  /** Chinese name shown in the overview, e.g. 本年新收申请. */
  label: string;
  /** Unit shown after a figure read from a table (件); a prose figure keeps the unit written. */
  unit?: string;
  from: KeyFigureSource[];
}

/** Cells of one of the profile's tables (by row and column id) whose sum is the figure. */
export interface KeyFigureCells {
  table: string;
  cells: { row: string; column: string }[];
}

/** A figure the running text states: a keyword followed closely by a number in one of the units. */
export interface KeyFigureProse {
  /** Words the figure follows within a few characters (主动公开政府信息12,846条). */
  keywords: string[];
  units: string[];
  /** Characters allowed between keyword and figure (no punctuation, no digits); default 8. */
  within?: number;
  /**
   * What the words between must name (after a trailing 共/共计/达 is dropped): exactly one of
   * `exactly`, or something ending with one of `endingWith` (主动公开[我区各级单位]政府信息, not
   * 主动公开政府采购项目信息). Anything, when not given.
   */
  between?: { exactly?: string[]; endingWith?: string[] };
  /** Words that, in a sentence with a keyword, say there is none (未收取信息处理费): the figure is 0. */
  none?: string[];
  /** A sentence holding one of these only names the thing (《……管理办法》) and is skipped. */
  ignore?: string[];
}

export type KeyFigureSource = { cells: KeyFigureCells } | { prose: KeyFigureProse };

/** Text that betrays a table of another year's format (e.g. 2019 columns in a 2021 report). */
export interface FormatMarker {
  text: string;
  /** Profile id whose format the marker belongs to. */
  belongsTo: string;
  message: string;
}

export interface Profile {
  id: string;
  /** Chinese display name. */
  name: string;
  description: string;
  /** The document that defines the format, e.g. 国办公开办函〔2021〕30号. */
  basis: string;
  /** Report years the format applies to (inclusive); open ends allowed. */
  years?: { from?: number; to?: number };
  /** How reports cite the document that defines the format (〔2021〕30号): a citation in the lead
   * tells the format when the year does not. Compared with spaces and bracket forms normalised. */
  citations?: string[];
  /** The format's name in messages, e.g. 2021 年格式（国办公开办函〔2021〕30号）. */
  formatName?: string;
  /**
   * True when the format prescribes its part titles and their numbers (the national formats): a
   * variant title is worth an info and 五、 must be the fifth part. Pre-2019 reports titled and
   * numbered their parts as their locality did.
   */
  prescribed?: boolean;
  /** False for the generic profile used on texts that are not annual reports. */
  annualReport: boolean;
  parts: PartSpec[];
  tables: TableSpec[];
  /** The figures the report overview shows first (profiles/key-figures.ts); none for generic texts. */
  keyFigures?: KeyFigureSpec[];
  /** Markers of other formats that must not appear in a report of this profile. */
  foreignMarkers: FormatMarker[];
  /** Level-1 heading style the format uses (一、). */
  headingStyle?: { level2: 'paren-cn' };
}

export interface ProfileChoice {
  profile: Profile;
  /** How it was chosen, for "show which profile applies and why". */
  source: 'directive' | 'config' | 'option' | 'title-year' | 'headings' | 'fallback';
  /** Chinese explanation. */
  reason: string;
}
