// Completion as VS Code sends it when the writer types 「（」 at the start of a line: the editor has
// already closed it to 「（）」 and asks with the trigger character. The picked sub-heading's edit
// must leave exactly the heading on the line, which the server then reads as a heading.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../support/textEdits';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/nianbao-protocol/completion-2023.nianbao.md';
type Pos = { line: number; character: number };
type Item = { label: string; textEdit?: { range: { start: Pos; end: Pos }; newText: string } };

describe('completion over JSON-RPC with auto-closed brackets', () => {
  let client: TestClient;
  let text = DRAFT_2023;
  const lines = text.split('\n');
  const ln = lines.findIndex((l) => l.startsWith('（二）依申请公开情况')) + 1;

  before(async () => {
    ensureBuilt();
    client = new TestClient({});
    const { capabilities } = await client.initialize();
    const triggers = (capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters;
    assert.ok(triggers.includes('（'), `trigger characters ${triggers}`);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text } });
    await client.diagnosticsFor(URI, 1);
  });

  after(async () => {
    await client.shutdown();
  });

  test('typing （ on an empty line: the editor inserts （）, the server offers the next sub-heading, the edit replaces both brackets', async () => {
    // The keystroke and the auto-closed bracket arrive as one change, as VS Code sends them.
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: ln, character: 0 }, end: { line: ln, character: 0 } }, text: '（）' }],
    });
    text = applyEdits(text, [{ range: { start: { line: ln, character: 0 }, end: { line: ln, character: 0 } }, newText: '（）' }]);
    const items = await client.conn.sendRequest<Item[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: ln, character: 1 },
      context: { triggerKind: 2, triggerCharacter: '（' },
    });
    const item = items.find((i) => i.label === '（三）政府信息管理情况');
    assert.ok(item?.textEdit, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual(item.textEdit.range, { start: { line: ln, character: 0 }, end: { line: ln, character: 2 } });

    const edit = item.textEdit;
    text = applyEdits(text, [edit]);
    assert.equal(text.split('\n')[ln], '（三）政府信息管理情况');
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    await client.diagnosticsFor(URI, 3);
    // The new line is a heading now: the outline has it, and （三） is not offered again.
    const symbols = await client.conn.sendRequest<{ name: string; children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.match(JSON.stringify(symbols), /（三）政府信息管理情况/);
    const eol = { line: ln, character: '（三）政府信息管理情况'.length };
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range: { start: eol, end: eol }, text: '\n' }],
    });
    const again = await client.conn.sendRequest<Item[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: ln + 1, character: 0 },
    });
    const labels = again.map((i) => i.label);
    assert.ok(labels.includes('（四）平台建设情况'), JSON.stringify(labels));
    assert.ok(!labels.some((l) => l.endsWith('政府信息管理情况')), JSON.stringify(labels));
  });
});
