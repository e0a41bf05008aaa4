// Splitting runs of digits back into table cells. A table pasted from a web page loses its cell
// borders: the row 64 | 0 | 0 | 2 | 0 | 4 | 70 arrives as 640020470. Each row's label is known, so
// its run must split into exactly that row's number of cells; of all such splits, only those that
// satisfy the table's own identities (a row's total, column sums, 一 + 二 = 三（七）+ 四) are kept.
// The answer is a split only when exactly one assignment of all rows satisfies every identity:
// several, or none, and the table is not read at all. Never a guess.

/** A row's run of digits, as written: the characters and their offsets in the source text. */
export interface DigitRun {
  /** Digits and decimal points (half-width), without spaces. */
  chars: string;
  /** Source offset of each character of `chars`. */
  offsets: number[];
  /** Indexes in `chars` before which the source has a space: a cell boundary must be there. */
  breaks: Set<number>;
}

export interface RunRow {
  id: string;
  run: DigitRun;
  /** Number of cells the row must split into. */
  cells: number;
  /** Cells may hold a decimal point (万元 amounts). */
  decimals?: boolean;
  /** Alternatives for characters at the end of the run that may belong to the next label instead
   * ("…00000002.其他" where the 2 is the next row's enumerator): each is a count of characters to drop. */
  tails?: number[];
}

export interface CellRef {
  row: string;
  cell: number;
}

/** Σ left = Σ right, or Σ left ≤ Σ right. */
export interface Relation {
  left: CellRef[];
  right: CellRef[];
  op: '=' | '<=';
}

export interface CellSplit {
  /** The cell's text. */
  text: string;
  value: number;
  /** Source offsets of the cell's first character and just after its last. */
  start: number;
  end: number;
}

export type SplitOutcome =
  | { kind: 'unique'; rows: Map<string, CellSplit[]> }
  | { kind: 'ambiguous'; solutions: number }
  | { kind: 'none' }
  | { kind: 'too-many' };

/** Work limits: a pathological run never hangs the check. */
const MAX_CANDIDATES_PER_ROW = 5000;
const MAX_STEPS = 200_000;

/**
 * Every way to cut `run` into `cells` numbers with no leading zeros, respecting the breaks, that
 * satisfies the relations among the row's own cells (checked as soon as their cells are cut, so a
 * 15-cell row of three groups is pruned group by group). Undefined when the work limit is reached.
 */
export function splitsOf(row: RunRow, relations: readonly Relation[]): CellSplit[][] | undefined {
  const own = relations.filter((r) => [...r.left, ...r.right].every((c) => c.row === row.id));
  const closeAt: Relation[][] = Array.from({ length: row.cells }, () => []);
  for (const rel of own) closeAt[Math.max(...[...rel.left, ...rel.right].map((c) => c.cell))]?.push(rel);
  const out: CellSplit[][] = [];
  let steps = 0;
  for (const tail of row.tails ?? [0]) {
    const n = row.run.chars.length - tail;
    if (n < row.cells) continue;
    const chars = row.run.chars.slice(0, n);
    const cells: CellSplit[] = [];
    const partial = new Map([[row.id, cells]]);
    // Cuts cell `c` starting at `from`; false when the work limit is reached.
    const recurse = (from: number, c: number): boolean => {
      if (++steps > MAX_STEPS) return false;
      const last = c === row.cells - 1;
      // The cell [from, to) must leave at least one character for each remaining cell.
      for (let to = last ? n : from + 1; to <= n - (row.cells - 1 - c); to++) {
        if (!validCell(chars, from, to, row.decimals) || crossesBreak(row.run, from, to)) continue;
        const text = chars.slice(from, to);
        cells.push({ text, value: Number(text), start: row.run.offsets[from], end: row.run.offsets[to - 1] + 1 });
        if (closeAt[c].every((rel) => holds(rel, partial) !== false)) {
          if (last) {
            out.push([...cells]);
            if (out.length > MAX_CANDIDATES_PER_ROW) return false;
          } else if (!recurse(to, c + 1)) return false;
        }
        cells.pop();
      }
      return true;
    };
    if (!recurse(0, 0)) return undefined;
  }
  return out;
}

/** A number as a table writes it: 0, or no leading zero; at most one decimal point, inside. */
function validCell(chars: string, from: number, to: number, decimals = false): boolean {
  const s = chars.slice(from, to);
  const dot = s.indexOf('.');
  if (dot >= 0 && (!decimals || dot === 0 || dot === s.length - 1 || s.indexOf('.', dot + 1) >= 0)) return false;
  if (s.length > 1 && s[0] === '0' && s[1] !== '.') return false;
  return s.length > 0;
}

/** True when a space of the source lies strictly inside the cell [from, to). */
function crossesBreak(run: DigitRun, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (run.breaks.has(i)) return true;
  return false;
}

function sumOf(refs: readonly CellRef[], rows: ReadonlyMap<string, CellSplit[]>): number | undefined {
  let s = 0;
  for (const r of refs) {
    const cell = rows.get(r.row)?.[r.cell];
    if (!cell) return undefined;
    s += cell.value;
  }
  return s;
}

function holds(rel: Relation, rows: ReadonlyMap<string, CellSplit[]>): boolean | undefined {
  const l = sumOf(rel.left, rows);
  const r = sumOf(rel.right, rows);
  if (l === undefined || r === undefined) return undefined;
  return rel.op === '=' ? Math.abs(l - r) < 1e-6 : l <= r + 1e-6;
}

/**
 * The split of every row that satisfies all relations, if there is exactly one. Rows whose run
 * splits only one way need no identity; the rest are searched together, each relation checked as
 * soon as all its rows are assigned.
 */
export function solveSplits(rows: readonly RunRow[], relations: readonly Relation[]): SplitOutcome {
  const candidates = new Map<string, CellSplit[][]>();
  for (const row of rows) {
    const c = splitsOf(row, relations);
    if (c === undefined) return { kind: 'too-many' };
    if (c.length === 0) return { kind: 'none' };
    candidates.set(row.id, c);
  }
  // Most constrained rows first, so relations close early and prune.
  const order = [...rows].sort((a, b) => candidates.get(a.id)!.length - candidates.get(b.id)!.length);
  const position = new Map(order.map((r, i) => [r.id, i]));
  // Each relation is checked when the last of its rows is assigned.
  const closing = order.map(() => [] as Relation[]);
  for (const rel of relations) {
    const last = Math.max(...[...rel.left, ...rel.right].map((c) => position.get(c.row) ?? -1));
    const known = [...rel.left, ...rel.right].every((c) => position.has(c.row));
    if (known && last >= 0) closing[last].push(rel);
  }
  const chosen = new Map<string, CellSplit[]>();
  let solutions = 0;
  let first: Map<string, CellSplit[]> | undefined;
  let steps = 0;
  let exhausted = false;
  const search = (i: number): void => {
    if (solutions > 1 || exhausted) return;
    if (++steps > MAX_STEPS) {
      exhausted = true;
      return;
    }
    if (i === order.length) {
      solutions++;
      if (solutions === 1) first = new Map(chosen);
      return;
    }
    const row = order[i];
    for (const cells of candidates.get(row.id)!) {
      chosen.set(row.id, cells);
      if (closing[i].every((rel) => holds(rel, chosen) !== false)) search(i + 1);
      if (solutions > 1 || exhausted) break;
    }
    chosen.delete(row.id);
  };
  search(0);
  if (exhausted) return { kind: 'too-many' };
  if (solutions === 0) return { kind: 'none' };
  if (solutions > 1) return { kind: 'ambiguous', solutions };
  return { kind: 'unique', rows: first! };
}
