// Findings → LSP-shaped diagnostics. The diagnostic code is the rule id and links to the rule's
// documentation; related locations point into the same document.

import type { Finding, Severity } from '../rules/types';
import type { Diagnostic, DiagnosticSeverity as Severities } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from './lspConstants';

/**
 * Fallback location of docs/rules.md; each rule has an anchor named after its id. The server passes
 * the copy packaged with it instead (a file: URI), so the link works offline.
 */
export const RULE_DOCS_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const SEVERITY: Record<Severity, Severities> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocUrl(ruleId: string, docsUrl: string = RULE_DOCS_URL): string {
  return `${docsUrl}#${ruleId}`;
}

/** Index of the finding in its CheckResult, kept in `data` so a code action can find it again. */
export interface DiagnosticData {
  index: number;
}

export function toDiagnostic(f: Finding, uri: string, index: number, docsUrl: string = RULE_DOCS_URL): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId, docsUrl) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: { index } satisfies DiagnosticData,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return d;
}

export function toDiagnostics(findings: readonly Finding[], uri: string, docsUrl: string = RULE_DOCS_URL): Diagnostic[] {
  return findings.map((f, i) => toDiagnostic(f, uri, i, docsUrl));
}
