// The open documents, kept in step with the editor (LSP "Text Document Synchronization"): what
// vscode-languageserver's TextDocuments class did, written out because the library cannot be
// tree-shaken (see ./lifecycle.ts). The text itself lives in vscode-languageserver-textdocument,
// which applies both full and incremental content changes (we announce
// TextDocumentSyncKind.Incremental; a change without a range replaces the whole text).

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver-protocol';

export interface DocumentEvents {
  opened(doc: TextDocument): void;
  changed(doc: TextDocument): void;
  closed(doc: TextDocument): void;
}

export class Documents {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly events: DocumentEvents) {}

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  /** textDocument/didOpen: a reopened document starts afresh, whatever its version. */
  didOpen({ textDocument: td }: DidOpenTextDocumentParams): void {
    const doc = TextDocument.create(td.uri, td.languageId, td.version, td.text);
    this.docs.set(td.uri, doc);
    this.events.opened(doc);
  }

  /** textDocument/didChange: changes apply in order; changes to a document never opened are ignored. */
  didChange({ textDocument: td, contentChanges }: DidChangeTextDocumentParams): void {
    if (contentChanges.length === 0) return;
    if (td.version === null || td.version === undefined) throw new Error(`${td.uri} 的修改缺少版本号（didChange without a version）`);
    const doc = this.docs.get(td.uri);
    if (!doc) return;
    const next = TextDocument.update(doc, contentChanges, td.version);
    this.docs.set(td.uri, next);
    this.events.changed(next);
  }

  /** textDocument/didClose: closing twice, or a document never opened, is a no-op. */
  didClose({ textDocument: td }: DidCloseTextDocumentParams): void {
    const doc = this.docs.get(td.uri);
    if (!doc) return;
    this.docs.delete(td.uri);
    this.events.closed(doc);
  }
}
