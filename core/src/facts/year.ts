// The year a report is for: the title's year, else the year of the 统计期限 sentence, else the
// year the body text names most often (a draft without title or period sentence still says
// "2022年，本机关……" over and over).

import type { ReportDocument } from '../model';
import { toHalfWidth } from '../text/normalize';
import { allMatches } from './all-matches';
import { findPeriodStatement } from './period';
import type { ReportYear } from './types';
import type { CheckCache } from '../check-cache';

const BODY_YEAR = /(?<![\d〔[【(（])((?:19|20)\d{2})(?=\s*年)/g;

export function findReportYear(doc: ReportDocument, cache?: CheckCache): ReportYear | undefined {
  if (doc.title?.year !== undefined && doc.title.yearRange) {
    return { year: doc.title.year, range: doc.title.yearRange, source: 'title' };
  }
  const period = findPeriodStatement(doc, cache);
  const first = period?.years[0];
  if (period && first) {
    const p = period.paragraph;
    return { year: first.year, range: { start: p.positionAt(first.start), end: p.positionAt(first.end) }, source: 'period' };
  }
  return dominantYear(doc);
}

function dominantYear(doc: ReportDocument): ReportYear | undefined {
  const counts = new Map<number, { n: number; range: ReportYear['range'] }>();
  for (const p of doc.paragraphs) {
    for (const m of allMatches(BODY_YEAR, toHalfWidth(p.text))) {
      const year = Number(m[1]);
      const entry = counts.get(year);
      if (entry) entry.n++;
      else counts.set(year, { n: 1, range: { start: p.positionAt(m.index), end: p.positionAt(m.index + 4) } });
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  if (ranked.length === 0 || ranked[0][1].n < 2) return undefined;
  if (ranked.length > 1 && ranked[1][1].n === ranked[0][1].n) return undefined;
  return { year: ranked[0][0], range: ranked[0][1].range, source: 'body' };
}
