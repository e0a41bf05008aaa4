// Output formats of the checker: compiler-style text lines, JSON (one object), JSON Lines, SARIF
// 2.1.0 for CI, and the reviewer's HTML page (format-html.ts). Every format is written as the files
// are checked: a reporter turns one file's outcome into text at once, and the checker prints it and
// lets the result go, so memory does not grow with the number of files. Only the few things SARIF
// puts after the results (the notifications of files that could not be checked) are kept until
// the end; the HTML page keeps its parts in temporary files.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Rule, RuleFailure } from '../../core/src/index';
import type { ConfigProblem } from '../../core/src/config/types';
import { addToTotals, emptyTotals, errorsOnly, whereInSource, type FileOutcome, type Totals } from './outcome';
import { countBySeverity, WORDS, type Lang } from './locale';
import { HtmlReporter } from './format-html';

export { addToTotals, emptyTotals, errorsOnly, type FileOutcome, type Totals };

export type Format = 'text' | 'json' | 'jsonl' | 'sarif' | 'html';
export const FORMATS: readonly Format[] = ['text', 'json', 'jsonl', 'sarif', 'html'];

export interface RunInfo {
  version: string;
  rules: readonly Rule[];
  /** The working folder: SARIF's uriBaseId is relative to it. */
  cwd: string;
  /** The config file that applied, if any, and its problems. */
  configFile?: string;
  configProblems: readonly ConfigProblem[];
  /** The files and folders named on the command line (the review page says what was checked). */
  targets?: readonly string[];
  /** Language of the text format's own words (severities, summaries); default zh. */
  lang?: Lang;
  /** `--quiet`: error findings only. */
  quiet?: boolean;
}

/** Turns outcomes into output text; `begin` and `end` frame what `file` returns for each file. */
export interface Reporter {
  begin(): string;
  file(o: FileOutcome): string;
  /** The end of the output: one string, or chunks written in turn (the review page reads its spools back). */
  end(totals: Totals, exitCode: number): string | Iterable<string>;
}

export function createReporter(format: Format, info: RunInfo): Reporter {
  if (format === 'html') return new HtmlReporter({ ...info, targets: info.targets ?? [] });
  const reporter = listingReporter(format, info);
  if (!info.quiet) return reporter;
  // Quiet: every listing sees the error findings only; the totals (and JSON's summary) count them all.
  return { begin: () => reporter.begin(), file: (o) => reporter.file(errorsOnly(o)), end: (t, code) => reporter.end(t, code) };
}

function listingReporter(format: Exclude<Format, 'html'>, info: RunInfo): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter(info);
    case 'jsonl':
      return { begin: () => '', file: (o) => JSON.stringify(jsonRecord(o)) + '\n', end: (t, code) => JSON.stringify({ summary: jsonSummary(t, code) }) + '\n' };
    case 'sarif':
      return new SarifReporter(info);
    default: {
      const lang = info.lang ?? 'zh';
      const quiet = !!info.quiet;
      return {
        begin: () => '',
        file: (o) => textLines(o, lang, quiet),
        // Quiet and nothing wrong: nothing at all.
        end: (t) => (quiet && !t.bySeverity.error && !t.unreadable ? '' : summarize(t, lang, quiet) + '\n'),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// text

/**
 * `file:line:col severity rule-id message` — 1-based line and column, as editors and CI expect —
 * then the file's count line (`bad.md: 2 个错误，1 个警告`). The file is named as the user gave it.
 */
function textLines(o: FileOutcome, lang: Lang, quiet: boolean): string {
  const w = WORDS[lang];
  if (o.error) return `${o.file}:1:1 ${w.severity.error} io ${o.error}\n`;
  const r = o.report!;
  let out = '';
  for (const f of r.findings) {
    const where = whereInSource(o, f);
    const sev = w.severity[f.severity];
    // A converted file's lines are not the reviewer's: name the paragraph or cell instead.
    if (where) out += `${o.file}: ${where} ${sev} ${f.ruleId} ${f.message}\n`;
    else out += `${o.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev} ${f.ruleId} ${f.message}\n`;
  }
  if (!quiet) for (const fail of r.ruleFailures) out += `${o.file}:1:1 ${w.severity.warning} internal ${failureText(fail)}\n`;
  if (r.findings.length) out += `${o.file}: ${w.counts(countBySeverity(r.findings))}\n`;
  else if (!quiet) out += `${o.file}: ${w.clean}\n`;
  return out;
}

function failureText(fail: RuleFailure): string {
  return fail.kind === 'budget' ? `规则 ${fail.ruleId} ${fail.message}` : `规则 ${fail.ruleId} 运行出错，已跳过：${fail.message}`;
}

/** The last line of the text format. Quiet: the errors only. */
export function summarize(t: Totals, lang: Lang = 'zh', quiet = false): string {
  const severities = (quiet ? ['error'] : Object.keys(t.bySeverity)) as Finding['severity'][];
  if (lang === 'en') {
    const parts = severities.map((s) => `${s} ${t.bySeverity[s]}`);
    const unreadable = t.unreadable ? `, ${t.unreadable} unreadable` : '';
    const failed = t.ruleFailures ? `; ${t.ruleFailures} rule failures or timeouts` : '';
    return `checked ${t.files} file${t.files === 1 ? '' : 's'} (${t.clean} clean${unreadable}): ${parts.join(', ')}${failed}`;
  }
  const parts = severities.map((s) => `${WORDS.zh.severity[s]} ${t.bySeverity[s]}`);
  const unreadable = t.unreadable ? `，${t.unreadable} 个无法读取` : '';
  const failed = t.ruleFailures ? `；${t.ruleFailures} 次规则运行出错或超时` : '';
  return `检查了 ${t.files} 个文件（${t.clean} 个无问题${unreadable}）：${parts.join('，')}${failed}`;
}

// ---------------------------------------------------------------------------------------------
// JSON and JSON Lines: the same record per file, then the summary (docs/cli.md describes them)

function jsonRecord(o: FileOutcome): unknown {
  const r = o.report;
  return {
    file: o.file,
    error: o.error,
    profile: r?.profile,
    bySeverity: r && countBySeverity(r.findings),
    findings: r?.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      related: f.related,
      fix: f.fix,
      data: f.data,
      ...(o.source && { source: { format: o.source.format, where: whereInSource(o, f), markupLine: f.range.start.line + 1, markupColumn: f.range.start.character + 1 } }),
    })),
    ruleFailures: r?.ruleFailures,
  };
}

export function jsonSummary(t: Totals, exitCode: number): unknown {
  return { files: t.files, clean: t.clean, withErrors: t.withErrors, unreadable: t.unreadable, bySeverity: t.bySeverity, ruleFailures: t.ruleFailures, exitCode };
}

/**
 * One JSON object, `{ tool, version, positionEncoding, files: [...], summary }`, pretty-printed as
 * JSON.stringify(object, null, 2) would, written file by file.
 */
class JsonReporter implements Reporter {
  private count = 0;
  constructor(private readonly info: RunInfo) {}
  begin(): string {
    const head = JSON.stringify({ tool: 'nianbao', version: this.info.version, positionEncoding: 'utf-16' }, null, 2);
    return `${head.slice(0, -2)},\n  "files": [`;
  }
  file(o: FileOutcome): string {
    const body = JSON.stringify(jsonRecord(o), null, 2).replace(/\n/g, '\n    ');
    return `${this.count++ === 0 ? '' : ','}\n    ${body}`;
  }
  end(totals: Totals, exitCode: number): string {
    const summary = JSON.stringify(jsonSummary(totals, exitCode), null, 2).replace(/\n/g, '\n  ');
    return `${this.count === 0 ? '' : '\n  '}],\n  "summary": ${summary}\n}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

const SARIF_LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const BASE_ID = 'SRCROOT';

interface SarifLocation {
  uri: string;
  uriBaseId?: string;
}

/** A file's location: a percent-encoded URI relative to the working folder, or an absolute file URI. */
export function sarifLocation(absolute: string, cwd: string): SarifLocation {
  const rel = path.relative(cwd, absolute);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
  }
  return { uri: pathToFileURL(absolute).href };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

interface Notification {
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations?: unknown[];
  associatedRule?: { id: string };
}

class SarifReporter implements Reporter {
  private count = 0;
  private readonly ruleIndex = new Map<string, number>();
  /** Files that could not be checked and rules that failed: bounded by the number of failures. */
  private readonly execution: Notification[] = [];

  constructor(private readonly info: RunInfo) {
    info.rules.forEach((r, i) => this.ruleIndex.set(r.meta.id, i));
  }

  begin(): string {
    const { info } = this;
    const run = {
      tool: {
        driver: {
          name: 'nianbao',
          version: info.version,
          semanticVersion: info.version,
          rules: info.rules.map((rule) => ({
            id: rule.meta.id,
            name: rule.meta.titleEn,
            shortDescription: { text: rule.meta.title },
            fullDescription: { text: rule.meta.description },
            defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { [BASE_ID]: { uri: folderUri(info.cwd) } },
      columnKind: 'utf16CodeUnits',
    };
    // The run is written up to its results array; results follow one by one, then invocations.
    const head = JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2);
    const cut = head.lastIndexOf('\n    }\n  ]\n}');
    return head.slice(0, cut) + ',\n      "results": [';
  }

  file(o: FileOutcome): string {
    const artifactLocation = sarifLocation(o.absolute, this.info.cwd);
    if (o.error) {
      this.execution.push({ level: 'error', message: { text: `${o.file}：${o.error}` }, locations: [{ physicalLocation: { artifactLocation } }] });
      return '';
    }
    const r = o.report!;
    for (const fail of r.ruleFailures) {
      this.execution.push({
        level: 'warning',
        message: { text: `${o.file}：${failureText(fail)}` },
        locations: [{ physicalLocation: { artifactLocation } }],
        associatedRule: { id: fail.ruleId },
      });
    }
    let out = '';
    for (const f of r.findings) {
      const region = (range: Finding['range']) => ({
        // SARIF columns count UTF-16 code units here (columnKind), like LSP; lines and columns are 1-based.
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      });
      const where = whereInSource(o, f);
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: where ? `${where}：${f.message}` : f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
      };
      // For a converted file the region is in the converted markup (`nianbao convert` writes it).
      if (where) {
        result.properties = { where, convertedFrom: o.source!.format, regionIn: 'converted markup' };
        result.locations = [{ physicalLocation: { artifactLocation, region: region(f.range) }, logicalLocations: [{ name: where, kind: 'element' }] }];
      }
      const index = this.ruleIndex.get(f.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (f.related?.length) {
        result.relatedLocations = f.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          // A place in another file (the previous year's report) names that file.
          physicalLocation: { artifactLocation: rel.uri ? { uri: rel.uri } : artifactLocation, region: region(rel.range) },
        }));
      }
      out += `${this.count++ === 0 ? '' : ','}\n        ${JSON.stringify(result)}`;
    }
    return out;
  }

  end(totals: Totals, exitCode: number): string {
    const { info } = this;
    const configuration: Notification[] = info.configProblems.map((p) => ({
      level: 'warning',
      message: { text: `${info.configFile ?? 'nianbao.config.json'}：${p.path ? `${p.path}：` : ''}${p.message}` },
    }));
    const invocation: Record<string, unknown> = {
      executionSuccessful: totals.unreadable === 0 && totals.ruleFailures === 0,
      exitCode,
      workingDirectory: { uri: folderUri(info.cwd) },
      toolExecutionNotifications: this.execution,
    };
    if (configuration.length) invocation.toolConfigurationNotifications = configuration;
    const tail = JSON.stringify([invocation], null, 2).replace(/\n/g, '\n      ');
    return `${this.count ? '\n      ' : ''}],\n      "invocations": ${tail}\n    }\n  ]\n}\n`;
  }
}
