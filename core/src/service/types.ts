// LSP-shaped plain objects returned by the language service. They mirror the Language Server
// Protocol structures field for field so the server can hand them over unchanged, but the core
// stays free of any editor or LSP library (the numbers below are the protocol's enum values).

import type { Position, Range, TextEdit } from '../model';

export const SymbolKind = { File: 1, Module: 2, Namespace: 3, String: 15, Array: 18, Object: 19 } as const;
export const CompletionItemKind = { Text: 1, Field: 5, Value: 12, Snippet: 15, Reference: 18 } as const;
export const InsertTextFormat = { PlainText: 1, Snippet: 2 } as const;
export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;

type ValueOf<T> = T[keyof T];
export type SymbolKindValue = ValueOf<typeof SymbolKind>;
export type CompletionItemKindValue = ValueOf<typeof CompletionItemKind>;
export type InsertTextFormatValue = ValueOf<typeof InsertTextFormat>;
export type DiagnosticSeverityValue = ValueOf<typeof DiagnosticSeverity>;

export interface MarkupContent {
  kind: 'markdown' | 'plaintext';
  value: string;
}

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindValue;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'imports' | 'region';
}

export interface CompletionItem {
  label: string;
  kind?: CompletionItemKindValue;
  detail?: string;
  documentation?: MarkupContent;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  insertTextFormat?: InsertTextFormatValue;
  textEdit?: TextEdit;
}

export interface Hover {
  contents: MarkupContent;
  range?: Range;
}

export interface DiagnosticRelatedInformation {
  location: { uri: string; range: Range };
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: DiagnosticSeverityValue;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  relatedInformation?: DiagnosticRelatedInformation[];
  /** Carried back by the editor in code-action requests; lets us find the finding again. */
  data?: unknown;
}

/** The document a set of edits was computed for; editors refuse the edit if the version moved on. */
export interface VersionedDocument {
  uri: string;
  version: number;
}

export interface WorkspaceEdit {
  documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
}

export interface CodeAction {
  title: string;
  kind: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

export type { Position, Range, TextEdit };
