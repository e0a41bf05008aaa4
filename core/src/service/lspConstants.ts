// The few protocol enum values the language service hands out. vscode-languageserver-types
// defines them as run-time namespaces, but the core imports LSP types only (it must run without
// any LSP library), so the numbers are written here; `satisfies` checks each one against the
// library's own constant, so a wrong number does not compile.

import type { CompletionItemKind as CIK, DiagnosticSeverity as DS, InsertTextFormat as ITF, SymbolKind as SK } from 'vscode-languageserver-types';

/** A subset of a protocol namespace, value for value. */
type Subset<N> = { readonly [K in keyof N]?: N[K] };

export const SymbolKind = { File: 1, Module: 2, String: 15, Array: 18 } as const satisfies Subset<typeof SK>;
export const CompletionItemKind = { Field: 5, Value: 12, Snippet: 15, Reference: 18 } as const satisfies Subset<typeof CIK>;
export const InsertTextFormat = { PlainText: 1 } as const satisfies Subset<typeof ITF>;
export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const satisfies Subset<typeof DS>;
