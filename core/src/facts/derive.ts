// Derives the shared facts once per check (see facts/types.ts).

import type { ReportDocument, Table } from '../model';
import type { Profile } from '../profiles/types';
import type { NationalTable, PartMatch, ReportFacts } from './types';
import { matchParts } from './parts';
import { readNationalTables } from './tables';
import { findReportYear } from './year';
import { findConversionTrace } from './conversion';
import { CheckCache } from '../check-cache';

export function deriveFacts(doc: ReportDocument, profile: Profile, cache: CheckCache = new CheckCache()): ReportFacts {
  const parts = matchParts(doc, profile, cache);
  return {
    year: findReportYear(doc, cache),
    conversion: findConversionTrace(doc),
    unreadableTables: [],
    parts,
    nationalTables: nationalTablesOf(doc, profile, parts, cache),
  };
}

/** What the reading of the national tables depended on, to tell whether it still holds. */
interface NationalReading {
  profile: Profile;
  /** Headings, part spans and the line count, as one string. */
  outline: string;
  tables: readonly Table[];
  /** Source lines the reading looked at (words near a table), with their text. */
  lines: Map<number, string>;
  result: NationalTable[];
}
const NATIONAL_MEMO = {};

/**
 * The national tables. In an editor session the previous check's reading is reused when nothing it
 * read has changed: the same table objects (the parser reuses unchanged tables), the same headings
 * and part spans, the same lines near the tables. A keystroke in prose then reads no table.
 */
function nationalTablesOf(doc: ReportDocument, profile: Profile, parts: PartMatch[], cache: CheckCache): NationalTable[] {
  if (!cache.session) return readNationalTables(doc, profile, parts, cache);
  const memo = cache.memo<string, NationalReading>(NATIONAL_MEMO);
  const outline = outlineKey(doc, parts);
  const last = memo.get(profile.id);
  if (last && last.profile === profile && last.outline === outline && sameTables(last.tables, doc.tables) && sameLines(last.lines, doc.lines)) {
    return last.result;
  }
  const linesRead = new Set<number>();
  const result = readNationalTables(doc, profile, parts, cache, linesRead);
  const lines = new Map<number, string>();
  for (const l of linesRead) lines.set(l, doc.lines[l]);
  memo.set(profile.id, { profile, outline, tables: doc.tables, lines, result });
  return result;
}

function outlineKey(doc: ReportDocument, parts: PartMatch[]): string {
  let key = `${doc.lines.length}\n`;
  for (const h of doc.headings) key += `${h.line} ${h.level} ${h.style} ${h.enumerator}${h.title}\n`;
  for (const p of parts) key += `${p.spec.id} ${p.duplicateOf ? 'dup' : ''} ${p.section.range.start.line}-${p.section.range.end.line}\n`;
  return key;
}

function sameTables(a: readonly Table[], b: readonly Table[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameLines(read: Map<number, string>, lines: readonly string[]): boolean {
  for (const [l, text] of read) if (lines[l] !== text) return false;
  return true;
}
