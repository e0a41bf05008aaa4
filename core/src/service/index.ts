// The editor-free language service: one facade over one module per feature, all answering with
// LSP objects (typed by vscode-languageserver-types, imported as types only: the core needs no LSP
// library at run time). The language server is a thin adapter around it; tests and other editors
// can call it directly with a CheckResult.

import { check, type CheckOptions, type CheckResult } from '../engine';
import type { Position } from '../model';
import { codeActions, fixAll, fixAllEdits, FIX_ALL_KIND, type CodeActionRequest, type VersionedDocument } from './codeActions';
import { completions } from './completion';
import { toDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { hover } from './hover';
import { documentSymbols } from './symbols';
import { foldingInSource, hoverInSource, symbolsInSource } from './view-mapping';
import { reportOverview } from './overview';

export type { CompletionItem, Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
export type { Position, Range, TextEdit } from '../model';
export type { DocumentCodeAction, VersionedDocument } from './codeActions';
export type { MarkdownHover } from './hover';
export type { ReportOverview, OverviewFigure, OverviewTable, OverviewMissingPart } from './overview';
export { CompletionItemKind, DiagnosticSeverity, InsertTextFormat, SymbolKind } from './lspConstants';
export { minimizeEdit } from './edits';
export { RULE_DOCS_URL, ruleDocUrl, DIAGNOSTIC_SOURCE, toDiagnostics } from './diagnostics';
export { reportSkeleton, reportTitle, profileForYear, profileById } from './skeleton';
export { FIX_ALL_KIND, fixAllEdits };
export type { CodeActionRequest };

export interface LanguageService {
  analyse(text: string, options?: CheckOptions): CheckResult;
  diagnostics: typeof toDiagnostics;
  documentSymbols: typeof documentSymbols;
  foldingRanges: typeof foldingRanges;
  completions: (result: CheckResult, pos: Position) => ReturnType<typeof completions>;
  hover: (result: CheckResult, pos: Position) => ReturnType<typeof hover>;
  codeActions: (result: CheckResult, target: VersionedDocument, req: CodeActionRequest) => ReturnType<typeof codeActions>;
  fixAll: typeof fixAll;
  overview: typeof reportOverview;
}

export function createLanguageService(): LanguageService {
  return {
    analyse: (text, options) => check(text, options),
    diagnostics: toDiagnostics,
    // A recovered view's positions are not the editor's: mapped once, here (view-mapping.ts).
    documentSymbols: (result) => symbolsInSource(result, documentSymbols(result)),
    foldingRanges: (result) => foldingInSource(result, foldingRanges(result)),
    completions,
    hover: (result, pos) => hoverInSource(result, pos, hover),
    codeActions,
    fixAll,
    overview: reportOverview,
  };
}
