// Matches headings to the statutory parts of a profile. A heading matches a part by its canonical
// title, then by a known alias, then by keyword groups (so a typo such as 行政法复议 still finds
// part 四). Titles are compared after width, space and punctuation normalisation.

import { editDistance } from '../text/distance';
import type { Heading, ReportDocument, Section } from '../model';
import type { PartSpec, Profile } from '../profiles/types';
import { normalizeLabel } from '../text/normalize';
import type { PartMatch } from './types';
import { CheckCache, memoKey } from '../check-cache';

/**
 * Comparison key of a title: half-width, no spaces or punctuation, and without the function
 * words 的/和/及/与 that writers add or drop freely (存在的主要问题和改进情况 = 存在主要问题及改进情况).
 */
export function titleKey(s: string): string {
  return normalizeLabel(s).replace(/[的和及与]/g, '');
}

/** The headings that can be statutory parts: level-1 enumerated headings (一、), or, in a draft
 * that has none, the shallowest Markdown headings other than the title. */
export function partCandidates(doc: ReportDocument, withAnnex = false): Heading[] {
  // The section heads of an attached statistics table (一、基本情况 二、主动公开情况 …) are not parts.
  const annex = withAnnex ? Infinity : annexStart(doc);
  const enumerated = doc.headings.filter((h) => h.level === 1 && h.style === 'cn' && h.line < annex);
  if (enumerated.length > 0) return enumerated;
  const plain = doc.headings.filter((h) => h.style === 'none' && h.markdownDepth > 0 && h.line !== doc.title?.line);
  if (plain.length === 0) return [];
  let depth = Infinity; // no spread: a pasted draft may hold 100,000 headings
  for (const h of plain) depth = Math.min(depth, h.markdownDepth);
  return plain.filter((h) => h.markdownDepth === depth);
}

/** A caption that opens an attached table: 表一, 附件：…统计表, 附表2, or a short line naming a 统计表. */
const ANNEX_CAPTION = /^\s*(?:附\s*件\s*\d*\s*[:：]|附\s*表\s*\d*|表\s*[一二三四五六七八九十\d]{1,2}\s*$)/;
const TABLE_TITLE = /统计(?:报)?表\s*$/;

/**
 * The first line of an attached statistics table, or Infinity: a caption line that is not itself a
 * heading (a part may be titled 七、需要说明的其他事项与统计表, and is a part).
 */
export function annexStart(doc: ReportDocument): number {
  const headingLines = new Set(doc.headings.filter((h) => h.style !== 'none').map((h) => h.line));
  const parts = doc.headings.filter((h) => h.level === 1 && h.style === 'cn' && h.ordinal !== null);
  const maxBefore: number[] = [];
  for (const h of parts) maxBefore.push(Math.max(maxBefore[maxBefore.length - 1] ?? 0, h.ordinal!));
  // Lines, not paragraphs: a caption written right under the last paragraph is joined to it.
  for (const p of doc.paragraphs) {
    for (const line of p.lines) {
      if (headingLines.has(line)) continue;
      const text = doc.lines[line].trim();
      if (!(ANNEX_CAPTION.test(text) || (text.length <= 40 && TABLE_TITLE.test(text) && !/[。；]/.test(text)))) continue;
      // A caption over a table inside a part (二、… 主动公开政府信息情况统计表, then 三、…): the
      // numbering of the parts goes on after it, so the report's body does too.
      if (!continuesNumbering(parts, maxBefore, line)) return line;
    }
  }
  return Infinity;
}

/**
 * True when the first part heading after `line` takes the number after the last one before it. An
 * attached 统计表 whose own sections start again at 一、 does not continue the body. `parts` are in
 * line order: a binary search and a running maximum keep many captions linear.
 */
function continuesNumbering(parts: readonly Heading[], maxBefore: readonly number[], line: number): boolean {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parts[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  const last = lo > 0 ? maxBefore[lo - 1] : 0;
  return last > 0 && lo < parts.length && parts[lo].ordinal === last + 1;
}

/** A part's title, aliases and keyword groups as title keys. */
interface PartKeys {
  title: string;
  aliases: string[];
  keywords: string[][];
}

// Keys depend on the part spec alone: computed once per spec and check (or session) rather than
// for every heading (profile selection matches every profile).
const PART_KEYS = memoKey(
  'part keys',
  (spec: PartSpec): PartKeys => ({
    title: titleKey(spec.title),
    aliases: spec.aliases.map(titleKey),
    keywords: spec.keywords.map((g) => g.map(titleKey)),
  }),
  { shared: true },
);

function keywordsMatch(keys: PartKeys, key: string): boolean {
  return keys.keywords.length > 0 && keys.keywords.every((group) => group.some((w) => key.includes(w)));
}

/** Every section by its heading line, built once per call (a draft may have thousands of headings). */
function sectionsByLine(doc: ReportDocument): Map<number, Section> {
  const map = new Map<number, Section>();
  const stack = [...doc.sections];
  while (stack.length) {
    const s = stack.pop()!;
    map.set(s.heading.line, s);
    for (const c of s.children) stack.push(c);
  }
  return map;
}

function sectionOf(doc: ReportDocument, byLine: Map<number, Section>, heading: Heading): Section {
  const found = byLine.get(heading.line);
  if (found) return found;
  // The parser always builds a section per heading; this keeps the facts usable if it did not.
  const end = { line: heading.line, character: doc.lines[heading.line]?.length ?? 0 };
  return { heading, children: [], paragraphs: [], tables: [], range: { start: { line: heading.line, character: 0 }, end } };
}

/**
 * The headings that are statutory parts of `profile`, in document order; once per check and
 * profile. `withAnnex` also reads the section heads of an attached statistics table, which name the
 * topics a report covers (profile selection) but are not its parts.
 */
export function matchParts(doc: ReportDocument, profile: Profile, cache: CheckCache = new CheckCache(), withAnnex = false): PartMatch[] {
  // Keyed by profile: a check has one document, and selection asks for every profile's parts.
  const memo = cache.memo<Profile, { doc: ReportDocument; parts: PartMatch[] }>(withAnnex ? MATCHED_WITH_ANNEX : MATCHED);
  const known = memo.get(profile);
  if (known && known.doc === doc) return known.parts;
  const parts = computeMatches(doc, profile, cache, withAnnex);
  memo.set(profile, { doc, parts });
  return parts;
}
const MATCHED = {};
const MATCHED_WITH_ANNEX = {};

/** Titles shorter than this are not read as typos: 具体情况 is one character off 总体情况. */
const TYPO_MIN_LENGTH = 8;

function computeMatches(doc: ReportDocument, profile: Profile, cache: CheckCache, withAnnex: boolean): PartMatch[] {
  if (profile.parts.length === 0) return [];
  const specs = profile.parts;
  const keys = specs.map((spec) => cache.get(PART_KEYS, spec));
  const firstMatch = new Map<number, PartMatch>();
  const result: PartMatch[] = [];
  let lastIndex = -1;
  const byLine = sectionsByLine(doc);

  for (const heading of partCandidates(doc, withAnnex)) {
    const key = titleKey(heading.title);
    if (!key) continue;
    let how: PartMatch['how'] = 'canonical';
    let candidates = specs.map((_, i) => i).filter((i) => keys[i].title === key);
    if (candidates.length === 0) {
      how = 'alias';
      candidates = specs.map((_, i) => i).filter((i) => keys[i].aliases.includes(key));
    }
    if (candidates.length === 0) {
      how = 'keywords';
      // A keyword-only resemblance to a part already found is more likely a different topic
      // (七、主动公开工作中的问题) than a repeated part, so only free parts are considered.
      candidates = specs.map((_, i) => i).filter((i) => !firstMatch.has(i) && keywordsMatch(keys[i], key));
    }
    if (candidates.length === 0 && key.length >= TYPO_MIN_LENGTH) {
      // "收到和处理政府信息公开申清情况": one character off a part's title (or alias) — a typo of a
      // part not yet found, which part-title names, not a missing part and an unknown heading.
      how = 'typo';
      candidates = specs.map((_, i) => i).filter((i) => !firstMatch.has(i) && [keys[i].title, ...keys[i].aliases].some((t) => editDistance(key, t, 1) <= 1));
    }
    if (candidates.length === 0) continue;
    const specIndex = pick(candidates, heading, firstMatch, lastIndex);
    const match: PartMatch = { spec: specs[specIndex], specIndex, section: sectionOf(doc, byLine, heading), heading, how };
    const first = firstMatch.get(specIndex);
    if (first) match.duplicateOf = first;
    else {
      firstMatch.set(specIndex, match);
      lastIndex = specIndex;
    }
    result.push(match);
  }
  return result;
}

/** Among parts a heading could be: the one its number names, else a part not yet found, nearest
 * after the last part found. */
function pick(candidates: number[], heading: Heading, found: Map<number, PartMatch>, lastIndex: number): number {
  if (candidates.length === 1) return candidates[0];
  if (heading.ordinal !== null && candidates.includes(heading.ordinal - 1)) return heading.ordinal - 1;
  const free = candidates.filter((i) => !found.has(i));
  const pool = free.length ? free : candidates;
  return pool.reduce((best, i) => (distance(i, lastIndex) < distance(best, lastIndex) ? i : best));
}

function distance(i: number, lastIndex: number): number {
  return i > lastIndex ? i - lastIndex : 100 + lastIndex - i;
}
