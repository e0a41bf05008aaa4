// LSP text edits applied to a string the way an editor applies them: by vscode-languageserver-textdocument,
// the library the server keeps its documents in. The one way every test tier applies edits (it throws on
// overlapping edits, as an editor refuses them).

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///test.nianbao.md', 'nianbao', 0, text), [...edits]);
}
