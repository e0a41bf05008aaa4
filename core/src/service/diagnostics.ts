// Findings → LSP-shaped diagnostics. The diagnostic code is the rule id and links to the rule's
// documentation; related locations point into the same document.

import type { Finding, Severity } from '../rules/types';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticSeverityValue } from './types';

/** Where docs/rules.md is published; each rule has an anchor named after its id. */
export const RULE_DOCS_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const SEVERITY: Record<Severity, DiagnosticSeverityValue> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}#${ruleId}`;
}

/** Index of the finding in its CheckResult, kept in `data` so a code action can find it again. */
export interface DiagnosticData {
  index: number;
}

export function toDiagnostic(f: Finding, uri: string, index: number): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: { index } satisfies DiagnosticData,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return d;
}

export function toDiagnostics(findings: readonly Finding[], uri: string): Diagnostic[] {
  return findings.map((f, i) => toDiagnostic(f, uri, i));
}
