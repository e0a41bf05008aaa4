// Document synchronisation (vscode-languageserver's TextDocuments): didChange may mix whole-text and ranged
// changes, applied in order, each range read against the text the previous change left. The
// diagnostics of each version must be the check of the text the editor holds at that version.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/index';
import { ensureBuilt, TestClient, type Published } from './lspClient';

type Pos = { line: number; character: number };
type Change = { text: string; range?: { start: Pos; end: Pos } };

const URI = 'file:///tmp/nianbao-sync/report.nianbao.md';
const TITLE = '# 青禾市某局2023年政府信息公开工作年度报告';
const prose = (total: number) => `全年主动公开政府信息${total}条，其中门户网站发布500条、政务微信发布400条、政务微博发布200条。`;
const draft = (total: number) => [TITLE, '', '一、总体情况', '', prose(total), ''].join('\n');

/** What the editor does with the same changes: apply them in order to its own copy. */
function apply(text: string, changes: Change[]): string {
  for (const c of changes) {
    if (!c.range) {
      text = c.text;
      continue;
    }
    const offset = (p: Pos) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, offset(c.range.start)) + c.text + text.slice(offset(c.range.end));
  }
  return text;
}

const expected = (text: string) => check(text).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();
const got = (p: Published) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
const at = (line: number, character: number): Pos => ({ line, character });

describe('document sync', () => {
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = new TestClient({ debounceMs: 20 });
    await client.initialize();
  });
  after(() => {
    if (client.proc.exitCode === null) client.proc.kill();
  });

  test('whole-text and ranged changes in one didChange apply in order', async () => {
    let text = draft(1200); // 500+400+200 = 1100: the total is wrong
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text } });
    const v1 = await client.diagnosticsFor(URI, 1);
    assert.ok(got(v1).some((d) => d.startsWith('prose-sum@4:')), `the wrong total is reported: ${got(v1)}`);
    assert.deepEqual(got(v1), expected(text));

    // Replace everything with a draft whose total is right, then, in the same notification, retype
    // the total's first digit (1100 → 1300): the ranged change applies to the replaced text.
    const line = 4;
    const digit = prose(1100).indexOf('1100');
    const changes: Change[] = [{ text: draft(1100) }, { range: { start: at(line, digit + 1), end: at(line, digit + 2) }, text: '3' }];
    text = apply(text, changes);
    assert.ok(text.includes('政府信息1300条'), 'the test edits what it means to');
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: changes });
    const v2 = await client.diagnosticsFor(URI, 2);
    assert.deepEqual(got(v2), expected(text));
    assert.ok(got(v2).some((d) => d.startsWith('prose-sum@4:')), 'the retyped total is wrong again');

    // Two ranged changes: the second's position counts the characters the first inserted.
    const insert = '本年度';
    const fix: Change[] = [
      { range: { start: at(line, 0), end: at(line, 0) }, text: insert },
      { range: { start: at(line, insert.length + digit + 1), end: at(line, insert.length + digit + 2) }, text: '1' },
    ];
    text = apply(text, fix);
    assert.ok(text.includes('本年度全年主动公开政府信息1100条'));
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: fix });
    const v3 = await client.diagnosticsFor(URI, 3);
    assert.deepEqual(got(v3), expected(text));
    assert.ok(!got(v3).some((d) => d.startsWith('prose-sum')), `the corrected total is no longer reported: ${got(v3)}`);
  });

  test('closing a document clears its diagnostics; requests on it then get the empty answer', async () => {
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await client.waitFor(() => client.published, (p) => p.uri === URI && p.version === undefined && p.diagnostics.length === 0, 'the clearing publish');
    const symbols = await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols, []);
  });
});
