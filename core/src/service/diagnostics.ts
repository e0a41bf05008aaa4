// Findings → LSP-shaped diagnostics. The diagnostic code is the rule id and links to the rule's
// documentation; related locations point into the same document, or into the previous year's report.

import type { Finding, Severity } from '../rules/types';
import type { Diagnostic, DiagnosticSeverity as Severities } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from './lspConstants';

/**
 * Fallback location of the rule pages (docs/rules/<id>.md, one per rule: an editor opens a file
 * link at its first line, whatever its #anchor). The server passes the folder packaged with it
 * instead (a file: URI), so the link works offline.
 */
export const RULE_DOCS_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const SEVERITY: Record<Severity, Severities> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The page of one rule; `docsUrl` is the folder of the pages, ending in a slash. */
export function ruleDocUrl(ruleId: string, docsUrl: string = RULE_DOCS_URL): string {
  return `${docsUrl}${ruleId}.md`;
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
    // A place in the previous year's report names that file (crossyear/); every other one is in this document.
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  }
  return d;
}

export function toDiagnostics(findings: readonly Finding[], uri: string, docsUrl: string = RULE_DOCS_URL): Diagnostic[] {
  return findings.map((f, i) => toDiagnostic(f, uri, i, docsUrl));
}
