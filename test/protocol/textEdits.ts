// LSP text edits applied to a string the way an editor applies them: by
// vscode-languageserver-textdocument, the library the server keeps its documents in.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///test.nianbao.md', 'nianbao', 0, text), [...edits]);
}
