// Plain helpers of 新建年度报告 (no vscode import, so tests run them directly).

/**
 * The year a new report is most likely for: the year just ended, except in November and December,
 * when offices already draft the current year's report (it is due by 31 January).
 */
export function defaultReportYear(now: Date): number {
  return now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
}

/** 「青川县司法局2024年政府信息公开工作年度报告.nianbao.md」: the title, without `# `, as a file name. */
export function reportFileName(body: string, year: number, copy = 1): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const name = `${body.trim()}${year}年政府信息公开工作年度报告`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').trim();
  return `${name}${copy > 1 ? `（${copy}）` : ''}.nianbao.md`;
}
