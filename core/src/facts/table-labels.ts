// Row labels of national tables as writers type them: （一）予以公开, (一) 予以公开, 1. 属于国家秘密,
// 其中：涉及国家秘密, 部分公开 (区分处理的, …), 3.其他. A label is reduced to a key (width, spaces,
// punctuation, enumerators, 其中 and trailing bracketed notes removed) and looked up among the spec's rows.

import type { RowSpec, TableSpec } from '../profiles/types';
import { normalizeLabel, stripEnumerator, toHalfWidth } from '../text/normalize';
import { CheckCache, memoKey } from '../check-cache';
import { MAX_ENTRIES } from '../shared-memos';

const QIZHONG = /^\s*其中\s*[:：,，]?\s*/;
// Spaces before the note are trimmed after the replace, and the optional * takes its spaces with
// it: a leading \s* or "\s*[*＊]?\s*" re-read a long run of spaces quadratically.
const TRAILING_NOTE = /[（(][^（）()]*[）)]\s*(?:[*＊]\s*)?$/;

/** The key of a row label: what the row is called, whatever the enumerator and notes around it. */
export function rowKey(text: string): string {
  let s = toHalfWidth(text).trim();
  // (The includes tests only spare regexes that could not match.)
  for (let i = 0; i < 3; i++) {
    const before = s;
    if (s.includes('其中')) s = s.replace(QIZHONG, '');
    s = stripEnumerator(s);
    if (s === before) break;
  }
  // A note in brackets at the end (区分处理的，只计这一情形…; 不同渠道和方式公开相同信息计1条) is not the name.
  for (let i = 0; i < 2 && (s.includes(')') || s.includes('）')); i++) {
    const stripped = s.replace(TRAILING_NOTE, '').trimEnd();
    if (stripped === s || stripped.trim() === '') break;
    s = stripped;
  }
  return normalizeLabel(s);
}

/** Short keys such as 其他 name different rows in different groups; they only match inside their group. */
const GENERIC_KEY_LENGTH = 2;
/** Shortest key allowed to match by prefix (a label with a trailing unit or an OCR tail). */
const MIN_PREFIX_KEY = 4;

export interface RowIndex {
  spec: TableSpec;
  byKey: Map<string, RowSpec[]>;
  keys: string[];
  byId: Map<string, RowSpec>;
  /** Position of each row in the spec (the first, should a row object appear twice). */
  order: Map<RowSpec, number>;
  /** Keys long enough to match by prefix, by first character, longest first (as in `keys`). */
  prefixKeys: Map<number, string[]>;
  /** Label text → its key and the rows the key names; a big draft repeats the same labels
   * hundreds of times, and each is keyed and looked up once per index (one check). */
  lookups: Map<string, LabelLookup>;
  /** Row → the ids of the row and its groups, shared by every context that starts at the row. */
  ancestries: Map<RowSpec, ReadonlySet<string>>;
}

interface LabelLookup {
  key: string;
  candidates: RowSpec[] | undefined;
}

/** The part of an index that depends on the spec alone (specs are data, never changed once built). */
type SpecIndex = Pick<RowIndex, 'spec' | 'byKey' | 'keys' | 'byId' | 'order' | 'prefixKeys'>;

/**
 * The index of a spec's rows. The part that depends on the spec alone is built once per check (or
 * session); its label memos hold the labels looked up, pure functions of the spec and the label:
 * fresh for every check, or kept for a run's next reports with its shared memos (capped, as the
 * labels of a crafted folder may never repeat).
 */
export function indexRows(spec: TableSpec, cache: CheckCache = new CheckCache()): RowIndex {
  const memo = cache.sharedOrLocal<TableSpec, RowIndex>(ROW_INDEX);
  let index = memo.get(spec);
  if (!index) {
    index = { ...cache.get(SPEC_INDEX, spec), lookups: new Map(), ancestries: new Map() };
    memo.set(spec, index);
  }
  return index;
}

const SPEC_INDEX = memoKey('spec index', indexSpec, { shared: true });
const ROW_INDEX = {};

function indexSpec(spec: TableSpec): SpecIndex {
  const byKey = new Map<string, RowSpec[]>();
  const byId = new Map<string, RowSpec>();
  const order = new Map<RowSpec, number>();
  spec.rows.forEach((row, i) => {
    if (!order.has(row)) order.set(row, i);
  });
  for (const row of spec.rows) {
    byId.set(row.id, row);
    for (const label of [row.label, ...(row.aliases ?? [])]) {
      const key = rowKey(label);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(row)) list.push(row);
      byKey.set(key, list);
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const prefixKeys = new Map<number, string[]>();
  for (const k of keys) {
    if (k.length < MIN_PREFIX_KEY) continue;
    const list = prefixKeys.get(k.charCodeAt(0)) ?? [];
    list.push(k);
    prefixKeys.set(k.charCodeAt(0), list);
  }
  return { spec, byKey, keys, byId, order, prefixKeys };
}

/** Ids of a row and the groups above it. */
export function ancestry(index: RowIndex, row: RowSpec): string[] {
  const out = [row.id];
  let g = row.group;
  while (g && !out.includes(g)) {
    out.push(g);
    g = index.byId.get(g)?.group;
  }
  return out;
}

/** `ancestry` as a set, built once per row and index; callers only read it. */
export function ancestrySet(index: RowIndex, row: RowSpec): ReadonlySet<string> {
  let set = index.ancestries.get(row);
  if (!set) {
    set = new Set(ancestry(index, row));
    index.ancestries.set(row, set);
  }
  return set;
}

/** The key of a label and the rows it names (exactly, else by the longest key it starts with). */
function lookup(index: RowIndex, text: string): LabelLookup {
  let hit = index.lookups.get(text);
  if (!hit) {
    const key = rowKey(text);
    let candidates = key ? index.byKey.get(key) : undefined;
    if (key && !candidates) {
      // The longest key the label starts with; only keys with the label's first character can be.
      const prefix = index.prefixKeys.get(key.charCodeAt(0))?.find((k) => key.startsWith(k));
      if (prefix) candidates = index.byKey.get(prefix);
    }
    hit = { key, candidates };
    if (index.lookups.size >= MAX_ENTRIES) index.lookups.clear();
    index.lookups.set(text, hit);
  }
  return hit;
}

/**
 * Finds the spec row a label names. `context` holds the ids of the rows and groups read just
 * before, so that 其他 or 被依法纠错数 resolve to the row of the current group.
 */
export function matchLabel(
  index: RowIndex,
  text: string,
  context: ReadonlySet<string>,
  /** Spec index of the row read last: a short label with one possible row matches it if it comes later. */
  lastIndex = -1,
): RowSpec | undefined {
  const { key, candidates } = lookup(index, text);
  if (!key || !candidates || candidates.length === 0) return undefined;
  let inGroup: RowSpec | undefined;
  for (const r of candidates) {
    if (r.group !== undefined && context.has(r.group)) {
      inGroup = r;
      break;
    }
  }
  // 其他 / 总计 under a group only match inside that group; 规章 (no group) matches anywhere.
  if (key.length <= GENERIC_KEY_LENGTH) {
    const only = candidates.length === 1 && (index.order.get(candidates[0]) ?? -1) > lastIndex ? candidates[0] : undefined;
    return inGroup ?? candidates.find((r) => r.group === undefined) ?? (lastIndex >= 0 ? only : undefined);
  }
  return inGroup ?? candidates[0];
}
