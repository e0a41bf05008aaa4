// The year a report is for: the title's year, else the 统计期限 sentence, else none.

import type { ReportDocument } from '../model';
import type { ReportYear } from './types';

export function findReportYear(doc: ReportDocument): ReportYear | undefined {
  if (doc.title?.year !== undefined && doc.title.yearRange) {
    return { year: doc.title.year, range: doc.title.yearRange, source: 'title' };
  }
  return undefined;
}
