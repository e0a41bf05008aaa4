// Output formats of the checker: compiler-style text lines, JSON (one array), JSON Lines, and
// SARIF 2.1.0 for CI. Every format is written as the files are checked: a reporter turns one
// file's outcome into text at once, and the checker prints it and lets the result go, so memory
// does not grow with the number of files. Only the few things SARIF puts after the results
// (the notifications of files that could not be checked) are kept until the end.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckResult, Finding, Rule } from '../../core/src/index';
import type { ConfigProblem } from '../../core/src/config/types';
import type { SourceMap } from '../../core/src/convert/markup';
import { describeSource, locate } from '../../core/src/convert/locate';

export type Format = 'text' | 'json' | 'jsonl' | 'sarif';
export const FORMATS: readonly Format[] = ['text', 'json', 'jsonl', 'sarif'];

export interface FileOutcome {
  /** The path as shown: relative to the working folder when inside it. */
  file: string;
  /** Absolute path (SARIF URIs). */
  absolute: string;
  result?: CheckResult;
  /** Why the file could not be checked (missing, not a regular file, undecodable …). */
  error?: string;
  /** For a converted .docx/.html: where each line of the checked markup came from. */
  source?: { format: 'docx' | 'html'; map: SourceMap };
}

/** Where a finding is in the original of a converted file ("表2 第5行第3列「0」"), else undefined. */
function whereInSource(o: FileOutcome, f: Finding): string | undefined {
  if (!o.source) return undefined;
  const ref = locate(o.source.map, f.range.start);
  return ref ? describeSource(ref) : undefined;
}

export interface Totals {
  files: number;
  clean: number;
  unreadable: number;
  ruleFailures: number;
  bySeverity: Record<Finding['severity'], number>;
  /** Files whose text needed a note (decoded as GB18030 / UTF-16, replacement characters). */
  decodeNotes: number;
}

export function emptyTotals(): Totals {
  return { files: 0, clean: 0, unreadable: 0, ruleFailures: 0, bySeverity: { error: 0, warning: 0, info: 0, hint: 0 }, decodeNotes: 0 };
}

export function addToTotals(t: Totals, o: FileOutcome): void {
  t.files++;
  if (o.error) {
    t.unreadable++;
    return;
  }
  const r = o.result!;
  if (r.findings.length === 0) t.clean++;
  for (const f of r.findings) t.bySeverity[f.severity]++;
  t.ruleFailures += r.ruleFailures.length;
}

export interface RunInfo {
  version: string;
  rules: readonly Rule[];
  /** The working folder: relative paths and SARIF's uriBaseId are relative to it. */
  cwd: string;
  /** The config file that applied, if any, and its problems. */
  configFile?: string;
  configProblems: readonly ConfigProblem[];
}

/** Turns outcomes into output text; `begin` and `end` frame what `file` returns for each file. */
export interface Reporter {
  begin(): string;
  file(o: FileOutcome): string;
  end(totals: Totals, exitCode: number): string;
}

export function createReporter(format: Format, info: RunInfo): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter();
    case 'jsonl':
      return { begin: () => '', file: (o) => JSON.stringify(jsonRecord(o)) + '\n', end: () => '' };
    case 'sarif':
      return new SarifReporter(info);
    default:
      return { begin: () => '', file: textLines, end: (t) => summarize(t) + '\n' };
  }
}

// ---------------------------------------------------------------------------------------------
// text

const SEVERITY_ZH: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

/** `file:line:col severity rule-id message` — 1-based line and column, as editors and CI expect. */
function textLines(o: FileOutcome): string {
  if (o.error) return `${o.file}:1:1 error io ${o.error}\n`;
  let out = '';
  for (const f of o.result!.findings) {
    const where = whereInSource(o, f);
    // A converted file's lines are not the reviewer's: name the paragraph or cell instead.
    if (where) out += `${o.file}: ${where} ${f.severity} ${f.ruleId} ${f.message}\n`;
    else out += `${o.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}\n`;
  }
  for (const fail of o.result!.ruleFailures) out += `${o.file}:1:1 warning internal ${failureText(fail)}\n`;
  return out;
}

function failureText(fail: CheckResult['ruleFailures'][number]): string {
  return fail.kind === 'budget' ? `规则 ${fail.ruleId} ${fail.message}` : `规则 ${fail.ruleId} 运行出错，已跳过：${fail.message}`;
}

export function summarize(t: Totals): string {
  const parts = (Object.keys(t.bySeverity) as Finding['severity'][]).map((s) => `${SEVERITY_ZH[s]} ${t.bySeverity[s]}`);
  const unreadable = t.unreadable ? `，${t.unreadable} 个无法读取` : '';
  const failed = t.ruleFailures ? `；${t.ruleFailures} 次规则运行出错或超时` : '';
  return `检查了 ${t.files} 个文件（${t.clean} 个无问题${unreadable}）：${parts.join('，')}${failed}`;
}

// ---------------------------------------------------------------------------------------------
// JSON and JSON Lines: the same record per file

function jsonRecord(o: FileOutcome): unknown {
  const r = o.result;
  return {
    file: o.file,
    error: o.error,
    profile: r && { id: r.choice.profile.id, source: r.choice.source, reason: r.choice.reason },
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

/** One JSON array, pretty-printed as JSON.stringify(array, null, 2) would, element by element. */
class JsonReporter implements Reporter {
  private count = 0;
  begin(): string {
    return '[';
  }
  file(o: FileOutcome): string {
    const body = JSON.stringify(jsonRecord(o), null, 2).replace(/\n/g, '\n  ');
    return `${this.count++ === 0 ? '' : ','}\n  ${body}`;
  }
  end(): string {
    return this.count === 0 ? ']\n' : '\n]\n';
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
    const r = o.result!;
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
