// Which files are annual reports: the rule the extension uses to switch a Markdown or plain-text
// document to the nianbao language (client/src/detect.ts) and the server uses to pick the report
// files of a workspace folder (server/src/workspaceScan.ts). A *.nianbao.md file always is one;
// a .md or .txt file is one when its title names a 政府信息公开（工作）（年度）报告 of a year.

const TITLE = /政府信息公开(?:工作)?(?:年度)?报告/;
const YEARLY = /年度|年报|\d{4}\s*年/;

/** The extension of files that are reports by name. */
export const REPORT_EXTENSION = '.nianbao.md';
/** Extensions of files that are reports when their title says so. */
export const DETECTABLE_EXTENSIONS: readonly string[] = ['.md', '.txt'];
/** How far down the title may sit (front matter, a blank line or two, a 文号 line). */
export const TITLE_SCAN_LINES = 40;

/** The title candidates: the first non-empty line and the first `#` heading near the top. */
export function titleCandidates(lines: readonly string[]): string[] {
  const out: string[] = [];
  const firstNonEmpty = lines.find((l) => l.trim() !== '');
  if (firstNonEmpty !== undefined) out.push(firstNonEmpty.replace(/^\s*#{1,6}\s*/, '').trim());
  const heading = lines.find((l) => /^\s{0,3}#{1,6}\s+\S/.test(l));
  if (heading !== undefined) out.push(heading.replace(/^\s*#{1,6}\s*/, '').trim());
  return out;
}

export function isAnnualReportTitle(title: string): boolean {
  return title.length <= 120 && TITLE.test(title) && YEARLY.test(title);
}

/** True when the first TITLE_SCAN_LINES lines of `head` hold an annual report's title. */
export function hasReportTitle(head: string): boolean {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, TITLE_SCAN_LINES);
  return titleCandidates(lines).some(isAnnualReportTitle);
}
