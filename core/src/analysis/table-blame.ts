// Which cell is wrong when a national table's sums fail. Every sum of the table (SumCheck data) is
// a linear identity over its cells, Σ left − Σ right = 0, and a wrong cell breaks exactly the
// identities it lies on, all by the amount it is off. So the cause of a set of failures is the
// smallest set of cells whose change makes every identity hold: usually one cell that lies on
// exactly the failing identities and has one value satisfying all of them (a wrong 总计 of a row
// breaks that row's sum and the 总计 column's （七） sum, and no other cell lies on both), sometimes
// two cells that share an identity (a row wrong in one column and, consistently, in its 总计).
//
// Failures that no common cell links are solved apart (two independent typos are two causes).
// When several explanations are equally small the blame is not unique and nothing is guessed: the
// caller reports the failures without a fix. Figures stated in the prose (办结 N 件 is 三（七）总计)
// are evidence: they break such ties (never outweigh a smaller explanation), and the caller tells
// whether each prose figure about a blamed cell states the corrected value or repeats the written one.

import type { Cell, Range } from '../model';
import type { NationalTable, ReportFacts } from '../facts/types';
import type { CheckCache } from '../check-cache';
import { evaluateChecks, isBalanced, sameAmount, sumOf, type SumOutcome } from './table-arith';

/** A figure of the prose that states a table figure: 「办结 55 件」 is 三（七）总计. */
export interface ProseFigure {
  /** The table cells whose sum the prose states (one cell; two for 行政诉讼). */
  cells: Cell[];
  /** Sums the figure is consistent with (受理 N 件 may include the carried-over applications). */
  values: number[];
  /** The figure in the prose and its text as written (「55件」). */
  range: Range;
  text: string;
}

export interface CellChange {
  cell: Cell;
  /** The value as written (0 for a blank cell). */
  from: number;
  blank: boolean;
  to: number;
  decimals: number;
}

/**
 * How a prose figure stands to a blame: it states the value the sums agree on ('agrees'), the value
 * written in the table ('written'), or neither of them.
 */
export interface ProseNote {
  figure: ProseFigure;
  verdict: 'agrees' | 'written' | 'neither';
}

/** One cause found: the cells (one, or two sharing a sum) and the failing sums they explain. */
export interface BlamedGroup {
  kind: 'blamed';
  failing: SumOutcome[];
  changes: CellChange[];
  /** Prose figures about the changed cells. */
  prose: ProseNote[];
}

/** Failing sums with several equally small explanations: no cell can be named. */
export interface AmbiguousGroup {
  kind: 'ambiguous';
  failing: SumOutcome[];
  /** The explanations left after the prose evidence (at most MAX_OPTIONS of them). */
  options: CellChange[][];
  optionCount: number;
  /** Prose figures about cells of the failing sums (verdict against the written value). */
  prose: ProseNote[];
}

/** Failing sums that no change of one or two linked cells explains (several mistakes at once). */
export interface UnexplainedGroup {
  kind: 'unexplained';
  failing: SumOutcome[];
  prose: ProseNote[];
}

export type BlameGroup = BlamedGroup | AmbiguousGroup | UnexplainedGroup;

export interface TableBlame {
  table: NationalTable;
  /** Every sum of the table that could be evaluated, in SumCheck order. */
  outcomes: SumOutcome[];
  groups: BlameGroup[];
  /**
   * Cells whose written value the failing sums put in doubt: blamed cells, and every cell of a sum
   * that fails without a unique explanation. A cell outside this set is confirmed by the sums
   * (once the blamed cells are corrected), so a prose figure that contradicts it is the one wrong.
   */
  doubtful: Set<Cell>;
  /** Blamed cells and the value all the sums agree on. */
  changes: Map<Cell, CellChange>;
}

/** How many equally small explanations are kept to name in a message and to weigh against the prose. */
const MAX_OPTIONS = 64;
/** Steps of the search for the smallest explanations, per group of linked failures. */
const SEARCH_BUDGET = 20_000;

// ------------------------------------------------------------------ per check

// table-balance and text-table-mismatch share one analysis per check (it depends on the prose too,
// so it is never carried over to the next check of a session).
const BLAMES = Object.freeze({ name: 'table-blames' });

/**
 * The blame analysis of every national table of a check. `figures` gives the prose figures about
 * the tables; it is asked only when some sum fails.
 */
export function tableBlames(cache: CheckCache, facts: ReportFacts, figures: () => readonly ProseFigure[]): TableBlame[] {
  const memo = cache.local<ReportFacts, TableBlame[]>(BLAMES);
  const cached = memo.get(facts);
  if (cached) return cached;
  let prose: readonly ProseFigure[] | undefined;
  const result = facts.nationalTables.map((table) => blameOf(table, () => (prose ??= figures())));
  memo.set(facts, result);
  return result;
}

/** The blame analysis of one table (hover asks for the table under the pointer only). */
export function blameOf(table: NationalTable, figures: () => readonly ProseFigure[]): TableBlame {
  const outcomes = evaluateChecks(table);
  return blameTable(table, outcomes, outcomes.every(isBalanced) ? [] : figures());
}

/** Cells of all tables whose written value the failing sums put in doubt (see TableBlame.doubtful). */
export function doubtfulCells(blames: readonly TableBlame[]): Set<Cell> {
  const out = new Set<Cell>();
  for (const b of blames) for (const c of b.doubtful) out.add(c);
  return out;
}

// ------------------------------------------------------------------ the solver

interface Identity {
  outcome: SumOutcome;
  fails: boolean;
  /** Coefficient of each cell: +1 on the left side, −1 on the right. */
  coef: Map<Cell, number>;
}

/** Each cell of the sums as written: its value, whether blank, and the precision of its sums. */
type Written = Map<Cell, { value: number; decimals: number; blank: boolean }>;

interface Atom {
  /** New value of each changed cell. */
  to: Map<Cell, number>;
  /** Failing identities it makes hold (indices into the identity list), ascending. */
  fixes: number[];
}

/** The blame analysis of one table from its evaluated sums and the prose figures about it. */
export function blameTable(table: NationalTable, outcomes: SumOutcome[], figures: readonly ProseFigure[]): TableBlame {
  const blame: TableBlame = { table, outcomes, groups: [], doubtful: new Set(), changes: new Map() };
  // Most tables add up: their identities are only built when one fails.
  if (outcomes.every(isBalanced)) return blame;
  const ids: Identity[] = outcomes.map((o) => {
    const coef = new Map<Cell, number>();
    for (const t of o.left) coef.set(t.cell, (coef.get(t.cell) ?? 0) + 1);
    for (const t of o.right) coef.set(t.cell, (coef.get(t.cell) ?? 0) - 1);
    return { outcome: o, fails: !isBalanced(o), coef };
  });

  // A cell's value as written, and the precision of the sums it is in (a new value is written so).
  const written: Written = new Map();
  for (const o of outcomes) {
    for (const t of [...o.left, ...o.right]) {
      const decimals = Math.max(o.decimals, written.get(t.cell)?.decimals ?? 0);
      written.set(t.cell, { value: t.value, decimals, blank: t.blank });
    }
  }
  const on = new Map<Cell, number[]>();
  ids.forEach((id, k) => {
    for (const c of id.coef.keys()) {
      const list = on.get(c);
      if (list) list.push(k);
      else on.set(c, [k]);
    }
  });

  const atoms = findAtoms(ids, on, written);
  const relevant = figures.filter((f) => f.cells.some((c) => on.has(c)));
  for (const component of linkedFailures(ids, atoms)) {
    addGroups(blame, ids, component, atoms, relevant, written);
  }
  blame.groups.sort((a, b) => outcomes.indexOf(a.failing[0]) - outcomes.indexOf(b.failing[0]));
  return blame;
}

/** The residual Σ left − Σ right of an identity as written. */
const residual = (id: Identity) => sumOf(id.outcome.left) - sumOf(id.outcome.right);

const round = (v: number, decimals: number) => {
  const f = 10 ** Math.min(decimals, 6);
  return Math.round(v * f) / f;
};

/**
 * Every explanation of one cell, or of two cells sharing an identity, that makes all identities it
 * touches hold and fixes at least one failing identity. Counts cannot become negative.
 */
function findAtoms(ids: Identity[], on: Map<Cell, number[]>, written: Written): Atom[] {
  const atoms: Atom[] = [];
  const res = ids.map(residual);
  const holding = (c: Cell) => on.get(c)!.filter((k) => !ids[k].fails);
  /** Identity k holds after the changes (cell, delta): its residual plus each change times its coefficient. */
  const holdsAfter = (k: number, changes: [Cell, number][]) => {
    let r = res[k];
    for (const [c, d] of changes) r += (ids[k].coef.get(c) ?? 0) * d;
    return sameAmount(r, 0, ids[k].outcome.decimals);
  };
  const accept = (changes: [Cell, number][], touched: Iterable<number>) => {
    const to = new Map<Cell, number>();
    for (const [c, d] of changes) {
      const w = written.get(c)!;
      const v = round(w.value + d, w.decimals);
      if (v < 0 || sameAmount(v, w.value, w.decimals)) return;
      to.set(c, v);
    }
    const rounded: [Cell, number][] = [...to].map(([c, v]) => [c, v - written.get(c)!.value]);
    const fixes: number[] = [];
    for (const k of touched) {
      if (!holdsAfter(k, rounded)) return;
      if (ids[k].fails) fixes.push(k);
    }
    if (fixes.length) atoms.push({ to, fixes: fixes.sort((a, b) => a - b) });
  };
  const candidates = [...on.keys()].filter((c) => on.get(c)!.some((k) => ids[k].fails));

  // One cell: lies on failing identities only, and each asks for the same change.
  for (const c of candidates) {
    const ks = on.get(c)!;
    if (ks.some((k) => !ids[k].fails)) continue;
    accept([[c, -res[ks[0]] / ids[ks[0]].coef.get(c)!]], ks);
  }

  // Two cells sharing an identity. An identity that holds must stay balanced, so it cannot hold
  // just one of the two changed cells: the partner lies on every holding identity of the first
  // (in 表三 a cell whose row and column sums both hold has no partner), and the partner's own
  // holding identities are among the first's.
  const order = new Map<Cell, number>([...on.keys()].map((c, i) => [c, i]));
  const seen = new Set<number>();
  const n = order.size;
  for (const a of candidates) {
    const ha = holding(a);
    const pool = ha.length ? ids[ha.reduce((x, y) => (ids[y].coef.size < ids[x].coef.size ? y : x))].coef.keys() : neighbours(ids, on, a);
    for (const b of pool) {
      if (b === a || !ha.every((k) => ids[k].coef.has(b))) continue;
      const kb = on.get(b)!;
      if (kb.some((k) => !ids[k].fails && !ids[k].coef.has(a))) continue;
      const i = Math.min(order.get(a)!, order.get(b)!);
      const j = Math.max(order.get(a)!, order.get(b)!);
      if (seen.has(i * n + j)) continue;
      seen.add(i * n + j);
      const deltas = solvePair(ids, res, on, a, b);
      if (deltas) accept([[a, deltas[0]], [b, deltas[1]]], new Set([...on.get(a)!, ...kb]));
    }
  }
  return atoms;
}

/** The cells sharing an identity with `c`. */
function* neighbours(ids: Identity[], on: Map<Cell, number[]>, c: Cell): Generator<Cell> {
  for (const k of on.get(c)!) yield* ids[k].coef.keys();
}

/**
 * The changes (da, db) that make every identity on a or b hold, when they are determined: an
 * identity with only one of the two fixes that one; a shared identity gives the other. Two cells
 * that lie on exactly the same identities have no unique pair of changes and are skipped.
 */
function solvePair(ids: Identity[], res: number[], on: Map<Cell, number[]>, a: Cell, b: Cell): [number, number] | undefined {
  let da: number | undefined;
  let db: number | undefined;
  let shared: { ca: number; cb: number; t: number } | undefined;
  for (const k of new Set([...on.get(a)!, ...on.get(b)!])) {
    const ca = ids[k].coef.get(a) ?? 0;
    const cb = ids[k].coef.get(b) ?? 0;
    const t = -res[k];
    if (ca !== 0 && cb === 0) da ??= t / ca;
    else if (cb !== 0 && ca === 0) db ??= t / cb;
    else if (ca !== 0 && cb !== 0) shared ??= { ca, cb, t };
  }
  if (da === undefined && db === undefined) return undefined;
  if (da === undefined) da = shared ? (shared.t - shared.cb * db!) / shared.ca : undefined;
  else if (db === undefined) db = shared ? (shared.t - shared.ca * da) / shared.cb : undefined;
  if (da === undefined || db === undefined) return undefined;
  // Both must change, or it is a one-cell explanation (found above, or none).
  if (Math.abs(da) < 1e-9 || Math.abs(db) < 1e-9) return undefined;
  return [da, db];
}

/** Failing identities grouped by the explanations that link them (an atom fixing several). */
function linkedFailures(ids: Identity[], atoms: Atom[]): number[][] {
  const parent = ids.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  for (const a of atoms) for (const k of a.fixes.slice(1)) parent[find(k)] = find(a.fixes[0]);
  const groups = new Map<number, number[]>();
  ids.forEach((id, k) => {
    if (!id.fails) return;
    const root = find(k);
    const list = groups.get(root);
    if (list) list.push(k);
    else groups.set(root, [k]);
  });
  return [...groups.values()];
}

interface Cover {
  atoms: Atom[];
  to: Map<Cell, number>;
}

/** The smallest sets of atoms (by number of cells) that fix each failing identity of a component once. */
function smallestCovers(component: number[], atoms: Atom[]): { covers: Cover[]; count: number; exhausted: boolean } {
  const inComponent = new Set(component);
  const byIdentity = new Map<number, Atom[]>();
  for (const a of atoms) {
    if (!inComponent.has(a.fixes[0])) continue;
    for (const k of a.fixes) byIdentity.set(k, [...(byIdentity.get(k) ?? []), a]);
  }
  let best = Infinity;
  let count = 0;
  let steps = 0;
  const found: Atom[][] = [];
  const chosen: Atom[] = [];
  const used = new Set<Cell>();
  const open = new Set(component);
  const fits = (a: Atom) => a.fixes.every((k) => open.has(k)) && [...a.to.keys()].every((c) => !used.has(c));

  const search = (weight: number) => {
    if (++steps > SEARCH_BUDGET) return;
    if (open.size === 0) {
      if (weight < best) {
        best = weight;
        count = 0;
        found.length = 0;
      }
      count++;
      if (found.length < MAX_OPTIONS) found.push([...chosen]);
      return;
    }
    if (weight + 1 > best) return;
    // Branch on the open identity with the fewest fitting atoms: each cover is met exactly once.
    let pick = -1;
    let options: Atom[] = [];
    for (const k of open) {
      const fitting = (byIdentity.get(k) ?? []).filter(fits);
      if (pick < 0 || fitting.length < options.length) {
        pick = k;
        options = fitting;
        if (fitting.length === 0) return;
      }
    }
    for (const a of options) {
      chosen.push(a);
      for (const k of a.fixes) open.delete(k);
      for (const c of a.to.keys()) used.add(c);
      search(weight + a.to.size);
      chosen.pop();
      for (const k of a.fixes) open.add(k);
      for (const c of a.to.keys()) used.delete(c);
    }
  };
  search(0);
  const covers = found.map((list) => ({ atoms: list, to: new Map(list.flatMap((a) => [...a.to])) }));
  return { covers, count, exhausted: steps > SEARCH_BUDGET };
}

/** The sum of a figure's cells as written, or with the cells in `to` changed. */
function figureSum(f: ProseFigure, written: Map<Cell, { value: number }>, to?: ReadonlyMap<Cell, number>): number | undefined {
  let s = 0;
  for (const c of f.cells) {
    const v = to?.get(c) ?? written.get(c)?.value;
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

const states = (f: ProseFigure, v: number | undefined) => v !== undefined && f.values.some((x) => Math.abs(x - v) < 1e-9);

/** How many prose figures a cover leaves contradicted (the table after the change against the prose). */
function contradictions(cover: Cover, figures: readonly ProseFigure[], written: Map<Cell, { value: number }>): number {
  let n = 0;
  for (const f of figures) if (!states(f, figureSum(f, written, cover.to))) n++;
  return n;
}

function addGroups(
  blame: TableBlame,
  ids: Identity[],
  component: number[],
  atoms: Atom[],
  figures: readonly ProseFigure[],
  written: Written,
): void {
  const failing = component.map((k) => ids[k].outcome);
  const cellsOfFailing = new Set(component.flatMap((k) => [...ids[k].coef.keys()]));
  const aboutFailing = figures.filter((f) => f.cells.some((c) => cellsOfFailing.has(c)));
  const againstWritten = (): ProseNote[] =>
    aboutFailing.map((figure) => ({ figure, verdict: states(figure, figureSum(figure, written)) ? 'written' : 'neither' }));
  const doubtAll = () => {
    for (const c of cellsOfFailing) blame.doubtful.add(c);
  };

  const { covers, count, exhausted } = smallestCovers(component, atoms);
  if (covers.length === 0 || exhausted) {
    blame.groups.push({ kind: 'unexplained', failing, prose: againstWritten() });
    doubtAll();
    return;
  }
  if (count > covers.length) {
    // More equally small explanations than are kept: the prose cannot single one out of them.
    blame.groups.push({ kind: 'ambiguous', failing, options: covers.map((c) => changesOf(c.to, written)), optionCount: count, prose: againstWritten() });
    doubtAll();
    return;
  }
  // The prose decides between equally small explanations: keep those it contradicts least.
  let kept = covers;
  if (covers.length > 1 && figures.length > 0) {
    const scores = covers.map((c) => contradictions(c, figures, written));
    const least = Math.min(...scores);
    kept = covers.filter((_, i) => scores[i] === least);
  }
  if (kept.length > 1) {
    const options = kept.map((c) => changesOf(c.to, written));
    blame.groups.push({ kind: 'ambiguous', failing, options, optionCount: kept.length, prose: againstWritten() });
    doubtAll();
    return;
  }
  const cover = kept[0];
  for (const atom of cover.atoms) {
    const changes = changesOf(atom.to, written);
    const prose: ProseNote[] = [];
    for (const figure of figures) {
      if (!figure.cells.some((c) => atom.to.has(c))) continue;
      const after = states(figure, figureSum(figure, written, cover.to));
      const before = states(figure, figureSum(figure, written));
      if (after && before) continue; // consistent with both: no evidence either way
      prose.push({ figure, verdict: after ? 'agrees' : before ? 'written' : 'neither' });
    }
    blame.groups.push({ kind: 'blamed', failing: atom.fixes.map((k) => ids[k].outcome), changes, prose });
    for (const ch of changes) {
      blame.changes.set(ch.cell, ch);
      blame.doubtful.add(ch.cell);
    }
  }
}

function changesOf(to: ReadonlyMap<Cell, number>, written: Written): CellChange[] {
  return [...to]
    .map(([cell, v]) => ({ cell, from: written.get(cell)!.value, blank: written.get(cell)!.blank, to: v, decimals: written.get(cell)!.decimals }))
    .sort((x, y) => x.cell.range.start.line - y.cell.range.start.line || x.cell.range.start.character - y.cell.range.start.character);
}
