// textDocument/formatting and textDocument/rangeFormatting: Format Document, Format Selection and
// format-on-save align the report's pipe tables (core/src/service/formatting.ts). Kept apart from
// server.ts so the server registers it with two lines whatever its connection layer is.

import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver-protocol';
import type { ReportDocument } from '../../core/src/model';
import { formatTables, loadDisplayWidth } from '../../core/src/service/formatting';

/** What the server announces in `initialize`. */
export const FORMATTING_CAPABILITIES = { documentFormattingProvider: true, documentRangeFormattingProvider: true } as const;

export interface FormattingHandlers {
  formatting: (params: DocumentFormattingParams) => Promise<TextEdit[]>;
  rangeFormatting: (params: DocumentRangeFormattingParams) => Promise<TextEdit[]>;
}

/**
 * `modelOf` gives the parsed model of an open document (the server's cached check), undefined
 * for a document it does not have. Formatting options (tab size, spaces) do not apply: tables are
 * aligned with spaces, the only padding Markdown keeps.
 */
export function createFormattingHandlers(modelOf: (uri: string) => ReportDocument | undefined): FormattingHandlers {
  const run = async (uri: string, range?: DocumentRangeFormattingParams['range']): Promise<TextEdit[]> => {
    const width = await loadDisplayWidth();
    // Looked up after the await: the edits must fit the version the editor has now.
    const doc = modelOf(uri);
    return doc ? formatTables(doc, width, range) : [];
  };
  return {
    formatting: (p) => run(p.textDocument.uri),
    rangeFormatting: (p) => run(p.textDocument.uri, p.range),
  };
}
