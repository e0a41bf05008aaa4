// Shared by the cross-year rules: reading a cell as an exact figure, and naming a place in the
// previous year's report (in messages, as related information a client can open, and in the
// finding's data for an "open the previous report" command).

import type { Cell } from '../model';
import type { KeptFigure, PreviousReport } from '../crossyear/summary';
import type { RelatedInfo } from './types';

/** An exact figure of a cell (blanks, dashes, approximate figures: undefined). */
export function exactValue(cell: Cell | undefined): number | undefined {
  const n = cell?.number;
  return n && n.kind === 'exact' && n.value !== null ? n.value : undefined;
}

/** 「上年报告（文件 X 第 N 行）」 */
export function placeText(previous: PreviousReport, fig: KeptFigure): string {
  return `上年报告（文件 ${previous.file} 第 ${fig.range.start.line + 1} 行）`;
}

/** The place in the previous year's report, as related information pointing into that file. */
export function relatedIn(previous: PreviousReport, fig: KeptFigure, what: string): RelatedInfo {
  return {
    range: fig.range,
    message: `上年报告 ${previous.file} 第 ${fig.range.start.line + 1} 行：${what} ${fig.raw}`,
    uri: previous.uri ?? previous.file,
    file: previous.file,
  };
}

/** What a finding's data says about the other file (read by the editor's "open" action). */
export function previousData(previous: PreviousReport, fig: KeptFigure): Record<string, unknown> {
  return { previousFile: previous.file, previousUri: previous.uri ?? previous.file, previousLine: fig.range.start.line };
}
