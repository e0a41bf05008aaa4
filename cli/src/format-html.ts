// `nianbao check DIR --format html`: the reviewer's page. One self-contained HTML file (inline CSS,
// no script, no external resource) that can be mailed on, opened offline and printed: a table of
// the reports (agency, year, format, parts, tables, cross-year checks, counts), then every report's
// findings with their line, rule, message (which carries the arithmetic) and related places.
//
// Streaming: the table goes at the top but is only complete after the last file, so each file's
// table row and findings section are appended to two private temporary files as the file is
// checked (spool.ts), and the page is assembled from them at the end, chunk by chunk. Memory holds
// one file's result at a time, whatever the number of files; every text is escaped.

import type { Finding, Rule } from '../../core/src/index';
import { whereInSource, type CheckedReport, type FileOutcome, type Totals } from './outcome';
import type { ReportRow } from './report-row';
import { SpoolDir, type Spool } from './spool';
import { WORDS } from './locale';
import { REVIEW_PAGE_MARK } from './files';

export interface HtmlRunInfo {
  version: string;
  rules: readonly Rule[];
  /** The files and folders named on the command line, as given. */
  targets: readonly string[];
  configFile?: string;
  /** List error findings only (the table's counts stay complete). */
  quiet?: boolean;
  /** When the page was made (tests pass a fixed date). */
  now?: Date;
}

/** Characters of a long line quoted around the finding. */
const QUOTE_BEFORE = 40;
const QUOTE_AFTER = 80;

const SEV = WORDS.zh.severity;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLUMNS = ['序号', '文件', '机关', '年度', '报告格式', '法定部分', '统计表', '跨年度核对', '错误', '警告', '提示'];

export class HtmlReporter {
  private readonly spools = new SpoolDir();
  private rows?: Spool;
  private sections?: Spool;
  private count = 0;
  private readonly titles: Map<string, string>;
  private readonly started: Date;

  constructor(private readonly info: HtmlRunInfo) {
    this.titles = new Map(info.rules.map((r) => [r.meta.id, r.meta.title]));
    this.started = info.now ?? new Date();
  }

  begin(): string {
    this.rows = this.spools.spool('rows.html');
    this.sections = this.spools.spool('sections.html');
    return '';
  }

  file(o: FileOutcome): string {
    const n = ++this.count;
    const id = `r${n}`;
    const name = `<a href="#${id}">${escapeHtml(o.file)}</a>`;
    if (o.error) {
      this.rows!.write(`<tr class="unreadable"><td class="num">${n}</td><td class="file">${escapeHtml(o.file)}</td><td colspan="9">无法读取：${escapeHtml(o.error)}</td></tr>\n`);
      return '';
    }
    const r = o.report!;
    // Worked out where the report was checked (digest with forPage).
    const row = r.page!.row;
    const c = row.counts;
    const cells = [
      `<td class="num">${n}</td>`,
      `<td class="file">${name}</td>`,
      `<td>${textOrDash(row.agency)}</td>`,
      `<td class="num">${row.year ?? '—'}</td>`,
      `<td>${escapeHtml(row.profile)}</td>`,
      partsCell(row),
      tablesCell(row),
      row.crossYear
        ? `<td class="num bad" title="与上年度报告比对发现的不一致">${row.crossYear}</td>`
        : row.previous
          ? `<td class="num ok" title="已与上年度报告 ${escapeHtml(row.previous)} 比对，未发现不一致">✓</td>`
          : `<td class="num none" title="没有找到同一机关上一年度的报告，未作跨年度核对">—</td>`,
      `<td class="num${c.error ? ' error' : ''}">${c.error}</td>`,
      `<td class="num${c.warning ? ' warning' : ''}">${c.warning}</td>`,
      `<td class="num">${c.info + c.hint}</td>`,
    ];
    this.rows!.write(`<tr${c.error ? ' class="has-errors"' : ''}>${cells.join('')}</tr>\n`);
    this.sections!.write(this.section(o, r, row, id));
    return '';
  }

  /** The page: head and totals, the table (from its spool), the sections (from theirs), the end. */
  *end(totals: Totals, exitCode: number): Generator<string> {
    try {
      yield this.head(totals, exitCode);
      if (this.rows) yield* this.rows.read();
      yield '</tbody>\n</table>\n';
      if (this.sections) yield* this.sections.read();
      yield `<footer>由年报助手（nianbao ${escapeHtml(this.info.version)}）生成。行号从 1 起算；「转换后第 N 行」指 .docx / 网页转换成的标记文本（nianbao convert 可生成）。</footer>\n</body>\n</html>\n`;
    } finally {
      this.spools.dispose();
    }
  }

  private head(t: Totals, exitCode: number): string {
    const when = formatDate(this.started);
    const targets = this.info.targets.map((x) => `<code>${escapeHtml(x)}</code>`).join('、');
    const s = t.bySeverity;
    const facts = [
      `检查了 <b>${t.files}</b> 个文件：<b>${t.clean}</b> 个未发现问题，<b class="${t.withErrors ? 'error' : ''}">${t.withErrors}</b> 个有错误` +
        (t.unreadable ? `，<b class="error">${t.unreadable}</b> 个无法读取` : ''),
      `共 ${s.error} 个${SEV.error}、${s.warning} 个${SEV.warning}、${s.info + s.hint} 个${SEV.info}` +
        (t.ruleFailures ? `；${t.ruleFailures} 次规则运行出错或超时（见各报告）` : ''),
      `检查对象：${targets}`,
      `检查时间：${escapeHtml(when)}` + (this.info.configFile ? `；配置文件：<code>${escapeHtml(this.info.configFile)}</code>` : '') + (this.info.quiet ? '；只列出错误' : ''),
    ];
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${REVIEW_PAGE_MARK} ${escapeHtml(this.info.version)}">
<title>政府信息公开工作年度报告审核汇总（${t.files} 份）</title>
<style>${CSS}</style>
</head>
<body>
<h1 id="summary">政府信息公开工作年度报告审核汇总</h1>
<ul class="facts" data-exit-code="${exitCode}">
${facts.map((f) => `<li>${f}</li>`).join('\n')}
</ul>
<p class="legend">法定部分：识别出的部分数 / 该格式要求的部分数。统计表：✓ 为合计与勾稽关系相符，数字为不相符之处的个数，— 为该格式无统计表。跨年度核对：与同一机关上年度报告比对发现的不一致数，✓ 为比对后未发现不一致，— 为没有找到上年度的报告。点击文件名查看每个问题及其算式。</p>
<table class="reports">
<thead><tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>
`;
  }

  private section(o: FileOutcome, r: CheckedReport, row: ReportRow, id: string): string {
    const findings = this.info.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings;
    const lines = r.page!.lines;
    const heading = [escapeHtml(o.file), row.title && `<span class="title">${escapeHtml(row.title)}</span>`].filter(Boolean).join(' ');
    let out = `<section id="${id}">\n<h2><span class="n">${id.slice(1)}.</span> ${heading}</h2>\n`;
    out += `<p class="meta">报告格式：${escapeHtml(row.profile)}（${escapeHtml(r.profile.reason)}）\u3000<a class="back" href="#summary">返回汇总表</a></p>\n`;
    if (findings.length === 0 && r.ruleFailures.length === 0) return out + `<p class="clean">${this.info.quiet && r.findings.length ? '没有错误。' : '未发现问题。'}</p>\n</section>\n`;
    out += '<ol class="findings">\n';
    for (const f of findings) out += this.finding(o, f, lines);
    for (const fail of r.ruleFailures) {
      const why = fail.kind === 'budget' ? fail.message : `运行出错，已跳过：${fail.message}`;
      out += `<li class="warning"><span class="sev">${SEV.warning}</span> <code class="rule">${escapeHtml(fail.ruleId)}</code> 规则未能完成检查：${escapeHtml(why)}</li>\n`;
    }
    return out + '</ol>\n</section>\n';
  }

  private finding(o: FileOutcome, f: Finding, lines: Readonly<Record<number, string>>): string {
    const line = f.range.start.line + 1;
    const where = whereInSource(o, f);
    const place = where ? `${escapeHtml(where)}<span class="dim">（转换后第 ${line} 行）</span>` : `第 ${line} 行`;
    const title = this.titles.get(f.ruleId);
    let out = `<li class="${f.severity}"><span class="sev">${SEV[f.severity]}</span> <span class="where">${place}</span> <code class="rule">${escapeHtml(f.ruleId)}</code>${title ? ` <span class="rule-title">${escapeHtml(title)}</span>` : ''}`;
    out += `<div class="msg">${escapeHtml(f.message)}</div>`;
    const quote = quoteLine(lines[f.range.start.line], f);
    if (quote) out += `<div class="quote">${quote}</div>`;
    if (f.related?.length) {
      out += '<ul class="related">';
      for (const rel of f.related) out += `<li><span class="where">第 ${rel.range.start.line + 1} 行</span>：${escapeHtml(rel.message)}</li>`;
      out += '</ul>';
    }
    return out + '</li>\n';
  }
}

function textOrDash(s: string | undefined): string {
  return s ? escapeHtml(s) : '<span class="none">—</span>';
}

function partsCell(row: ReportRow): string {
  if (!row.parts) return '<td class="num none" title="不是年度报告，不检查法定部分">—</td>';
  const { present, required } = row.parts;
  return `<td class="num${present < required ? ' bad' : ''}">${present}/${required}</td>`;
}

function tablesCell(row: ReportRow): string {
  const t = row.tables;
  if (!t) return '<td class="num none" title="该格式没有统计表">—</td>';
  if (t.findings) return `<td class="num bad" title="合计或勾稽关系不相符之处">${t.findings} 处不符</td>`;
  if (t.unreadable) return `<td class="num warning" title="从网页或 PDF 复制的表格，数字无法拆分">${t.unreadable} 张未能读取</td>`;
  if (t.found === 0) return '<td class="num none">未找到</td>';
  return `<td class="num ok" title="${t.found} 张统计表的合计与勾稽关系相符">✓</td>`;
}

/** The finding's line, quoted (a long line: around the finding), with the flagged text marked. */
function quoteLine(line: string | undefined, f: Finding): string {
  if (!line || !line.trim()) return '';
  const start = Math.min(f.range.start.character, line.length);
  const end = f.range.end.line === f.range.start.line ? Math.max(start, Math.min(f.range.end.character, line.length)) : line.length;
  const from = Math.max(0, start - QUOTE_BEFORE);
  const to = Math.min(line.length, Math.max(end, start + QUOTE_AFTER));
  return (
    (from > 0 ? '…' : '') +
    escapeHtml(line.slice(from, start)) +
    (end > start ? `<mark>${escapeHtml(line.slice(start, end))}</mark>` : '') +
    escapeHtml(line.slice(end, to)) +
    (to < line.length ? '…' : '')
  );
}

function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 14px; line-height: 1.6; color: #1a1a1a; margin: 0 auto; padding: 16px 24px; max-width: 1280px; }
h1 { font-size: 22px; margin: 8px 0 12px; }
h2 { font-size: 17px; margin: 28px 0 4px; padding-top: 8px; border-top: 2px solid #ccd; }
h2 .n { color: #667; }
h2 .title { font-weight: normal; color: #333; margin-left: .5em; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12.5px; }
.facts { margin: 0 0 8px; padding-left: 1.2em; }
.legend, .meta, footer, .dim { color: #555; font-size: 12.5px; }
footer { margin-top: 32px; border-top: 1px solid #ccc; padding-top: 8px; }
table.reports { border-collapse: collapse; width: 100%; font-size: 13px; }
.reports th, .reports td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; }
.reports th { background: #eef0f4; white-space: nowrap; }
.reports tbody tr:nth-child(even) { background: #f8f8fa; }
.reports td.num { text-align: center; white-space: nowrap; }
.reports td.file { word-break: break-all; }
.reports tr.has-errors td.file { font-weight: bold; }
.reports tr.unreadable td { background: #fdecea; }
.error { color: #b00020; font-weight: bold; }
.warning { color: #8a5300; }
.bad { color: #b00020; }
.ok { color: #1b7f3b; font-weight: bold; }
.none { color: #999; }
ol.findings { padding-left: 2em; margin: 6px 0; }
ol.findings > li { margin: 8px 0; color: #1a1a1a; font-weight: normal; }
.sev { display: inline-block; min-width: 2.5em; text-align: center; border-radius: 3px; padding: 0 4px; font-size: 12px; color: #fff; background: #777; }
li.error > .sev { background: #b00020; }
li.warning > .sev { background: #b36b00; }
li.info > .sev, li.hint > .sev { background: #3f6fb5; }
.where { color: #444; }
.rule { color: #555; }
.rule-title { color: #333; }
.msg { margin: 2px 0 0; }
.quote { margin: 2px 0 0; padding: 2px 8px; border-left: 3px solid #ccd; color: #444; background: #f6f7f9; word-break: break-all; }
mark { background: #ffe08a; }
ul.related { margin: 2px 0 0; padding-left: 0; list-style: none; color: #444; font-size: 13px; display: flex; flex-wrap: wrap; gap: 0 1.6em; }
ul.related li::before { content: "↳ "; color: #999; }
.clean { color: #1b7f3b; }
a { color: #1a4fa0; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .reports { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, ol.findings > li { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a.back { display: none; }
  .sev { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
