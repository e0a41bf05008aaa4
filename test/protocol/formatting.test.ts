// Format Document and Format Selection as an editor asks for them: the bundled server aligns the
// pipe tables (wide characters count two columns) and its edits change padding only.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../support/textEdits';
import { parse } from '../../core/src/parse/parser';
import { loadDisplayWidth, type WidthOf } from '../../core/src/service/formatting';
import { DRAFT_2023 } from './drafts';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/nianbao-protocol/format-2023.nianbao.md';
type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

let stringWidth: WidthOf;
/** Display columns of the unescaped pipes of a line. */
const pipeColumns = (line: string) => [...line.matchAll(/(?<!\\)\|/g)].map((m) => stringWidth(line.slice(0, m.index)));
const cells = (text: string) => parse(text).tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

describe('formatting over JSON-RPC', () => {
  let client: TestClient;
  // The draft's tables as a writer pastes them: no padding at all.
  const text = DRAFT_2023.split('\n').map((l) => (l.trimStart().startsWith('|') ? l.replace(/\s*\|\s*/g, '|') : l)).join('\n');

  before(async () => {
    ensureBuilt();
    stringWidth = await loadDisplayWidth();
    client = new TestClient({});
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentRangeFormattingProvider, true);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text } });
  });

  after(async () => {
    await client.shutdown();
  });

  test('textDocument/formatting aligns every table and keeps every cell', async () => {
    const edits = await client.conn.sendRequest<Edit[]>('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits.length > 20, `${edits.length} edits`);
    const out = applyEdits(text, edits);
    assert.deepEqual(cells(out), cells(text));
    const doc = parse(out);
    for (const t of doc.tables) {
      const lines = out.split('\n').slice(t.startLine, t.endLine + 1);
      const widest = lines.reduce((a, l) => (pipeColumns(l).length > pipeColumns(a).length ? l : a));
      // Every row's pipes sit on the columns of the widest row (ragged rows stop early).
      for (const l of lines) assert.deepEqual(pipeColumns(l), pipeColumns(widest).slice(0, pipeColumns(l).length), l);
    }
    const outside = (s: string) => s.split('\n').filter((l) => !l.trimStart().startsWith('|'));
    assert.deepEqual(outside(out), outside(text), 'lines outside tables unchanged');
  });

  test('textDocument/rangeFormatting aligns only the table the selection touches', async () => {
    const lines = text.split('\n');
    const inTable = lines.findIndex((l) => l.includes('行政复议|') || l.startsWith('|行政复议'));
    assert.ok(inTable > 0);
    const edits = await client.conn.sendRequest<Edit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: URI },
      range: { start: { line: inTable, character: 0 }, end: { line: inTable, character: 3 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
    const table = parse(text).tables.find((t) => t.startLine <= inTable && inTable <= t.endLine)!;
    for (const e of edits) assert.ok(e.range.start.line >= table.startLine && e.range.end.line <= table.endLine, JSON.stringify(e.range));
  });

  test('a document the server does not have gets no edits', async () => {
    const edits = await client.conn.sendRequest<Edit[]>('textDocument/formatting', {
      textDocument: { uri: 'file:///tmp/nianbao-protocol/not-open.nianbao.md' },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
  });
});
