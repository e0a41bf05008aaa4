// Which report is which report's predecessor: the same agency (after the config's aliases for
// renamed agencies), the year exactly one before. Two candidates for one year (a draft and its
// final version, two copies) make the pair unknown: nothing is guessed.

import type { ReportDocument } from '../model';
import type { ReportFacts } from '../facts/types';
import type { ReportIdentity } from './identity';
import { identityOfTitle } from './identity';
import type { PreviousReport } from './summary';

/**
 * For each key (a file path, a URI), the key of its predecessor among the same entries. Entries
 * without an identity take no part. Linear in the number of entries.
 */
export function pairByIdentity<K>(entries: Iterable<readonly [K, ReportIdentity | undefined]>): Map<K, K> {
  const byAgencyYear = new Map<string, K[]>();
  const list: Array<readonly [K, ReportIdentity]> = [];
  for (const [key, id] of entries) {
    if (!id) continue;
    list.push([key, id]);
    const k = `${id.year}\u0000${id.agency}`;
    const same = byAgencyYear.get(k);
    if (same) same.push(key);
    else byAgencyYear.set(k, [key]);
  }
  const pairs = new Map<K, K>();
  for (const [key, id] of list) {
    const before = byAgencyYear.get(`${id.year - 1}\u0000${id.agency}`);
    if (before?.length === 1) pairs.set(key, before[0]);
  }
  return pairs;
}

/** Whether `candidate` is the predecessor of a report with identity `id`: same agency, year − 1. */
export function isPredecessor(id: ReportIdentity | undefined, candidate: ReportIdentity | undefined): boolean {
  return !!id && !!candidate && candidate.agency === id.agency && candidate.year === id.year - 1;
}

/**
 * The previous report a check may use: the one given, unless both reports name their year and the
 * years are not consecutive (a --previous pointing at the wrong file compares nothing).
 */
export function previousFor(previous: PreviousReport | undefined, doc: ReportDocument, facts: ReportFacts): PreviousReport | undefined {
  if (!previous) return undefined;
  const year = identityOfTitle(doc.title)?.year ?? facts.year?.year;
  const before = previous.identity?.year;
  if (year !== undefined && before !== undefined && before !== year - 1) return undefined;
  return previous;
}
