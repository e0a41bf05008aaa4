// Output formats of the checker: the compiler-style text lines, JSON, and SARIF 2.1.0 for CI.

import type { CheckResult, Finding, Rule } from '../../core/src/index';
import type { SourceMap } from '../../core/src/convert/markup';
import { describeSource, locate } from '../../core/src/convert/locate';

export interface FileReport {
  file: string;
  result?: CheckResult;
  /** Why the file could not be checked (unreadable). */
  error?: string;
  /** For a converted .docx/.html: where each line of the checked markup came from. */
  source?: { format: 'docx' | 'html'; map: SourceMap };
}

/** Where a finding is in the original of a converted file ("表2 第5行第3列「0」"), else undefined. */
function whereInSource(r: FileReport, f: Finding): string | undefined {
  if (!r.source) return undefined;
  const ref = locate(r.source.map, f.range.start);
  return ref ? describeSource(ref) : undefined;
}

const SEVERITY_ZH: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

/** `file:line:col severity rule-id message` — 1-based line and column, as editors and CI expect. */
export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    if (r.error) {
      out.push(`${r.file}:1:1 error io ${r.error}`);
      continue;
    }
    for (const f of r.result!.findings) {
      const where = whereInSource(r, f);
      // A converted file's lines are not the reviewer's: name the paragraph or cell instead.
      if (where) out.push(`${r.file}: ${where} ${f.severity} ${f.ruleId} ${f.message}`);
      else out.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
    }
    for (const fail of r.result!.ruleFailures) out.push(`${r.file}:1:1 warning internal 规则 ${fail.ruleId} 运行出错，已跳过：${fail.message}`);
  }
  return out.join('\n');
}

export function summarize(reports: FileReport[]): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let clean = 0;
  for (const r of reports) {
    const fs = r.result?.findings ?? [];
    if (!r.error && fs.length === 0) clean++;
    for (const f of fs) counts[f.severity]++;
  }
  const unreadable = reports.filter((r) => r.error).length;
  const parts = (Object.keys(counts) as Finding['severity'][]).map((s) => `${SEVERITY_ZH[s]} ${counts[s]}`);
  return `检查了 ${reports.length} 个文件（${clean} 个无问题${unreadable ? `，${unreadable} 个无法读取` : ''}）：${parts.join('，')}`;
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      error: r.error,
      profile: r.result && { id: r.result.choice.profile.id, source: r.result.choice.source, reason: r.result.choice.reason },
      findings: r.result?.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: f.range,
        related: f.related,
        fix: f.fix,
        data: f.data,
        ...(r.source && { source: { format: r.source.format, where: whereInSource(r, f), markupLine: f.range.start.line + 1, markupColumn: f.range.start.character + 1 } }),
      })),
      ruleFailures: r.result?.ruleFailures,
    })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], rules: readonly Rule[], version: string): string {
  const results = [];
  for (const r of reports) {
    for (const f of r.result?.findings ?? []) {
      const where = whereInSource(r, f);
      results.push({
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: where ? `${where}：${f.message}` : f.message },
        // For a converted file the region is in the converted markup (`nianbao convert` writes it).
        ...(where && { properties: { where, convertedFrom: r.source!.format, regionIn: 'converted markup' }, logicalLocations: [{ name: where, kind: 'element' }] }),
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.file.split('\\').join('/') },
              // SARIF columns count UTF-16 code units by default, like LSP; lines and columns are 1-based.
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'nianbao',
              version,
              rules: rules.map((rule) => ({
                id: rule.meta.id,
                name: rule.meta.titleEn,
                shortDescription: { text: rule.meta.title },
                fullDescription: { text: rule.meta.description },
                defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
}
