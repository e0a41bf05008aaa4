// nianbao/overview over JSON-RPC, as the extension's 年报概览 view asks it: the key figures lead to
// the characters that write them (UTF-16 columns, past a character outside the BMP), the table with
// the unbalanced column counts its problem, part 五 is missing where it belongs, and the answer
// follows the document's latest version.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OverviewRequest, type OverviewResult } from '../../server/src/protocol';
import { draft2023 } from './drafts';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/nianbao-protocol/overview-2023.nianbao.md';
// 𠮷 is two UTF-16 code units: a column counted in code points would be off by one after it.
const PROSE = '（一）主动公开情况。𠮷县全年主动公开政府信息1,268条。';

function textAt(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  assert.equal(r.start.line, r.end.line);
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

describe('nianbao/overview over JSON-RPC', () => {
  let client: TestClient;
  const text = draft2023().replace('（一）主动公开情况。全年通过门户网站发布各类信息300余条。', PROSE);

  before(async () => {
    ensureBuilt();
    client = new TestClient({});
    await client.initialize();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text } });
  });
  after(async () => {
    await client.shutdown();
  });

  test('figures, tables and the missing part, each with its range', async () => {
    assert.notEqual(text, draft2023(), 'the prose line was replaced');
    const o = await client.conn.sendRequest<OverviewResult>(OverviewRequest, { uri: URI });
    assert.equal(o.profileId, 'gov-2021');
    const proactive = o.figures.find((f) => f.id === 'proactive-total')!;
    assert.equal(proactive.value, 1268);
    assert.equal(textAt(text, proactive.range!), '1,268条');
    const fresh = o.figures.find((f) => f.id === 'requests-new')!;
    assert.equal(fresh.value, 7);
    assert.equal(textAt(text, fresh.range!), '7');
    const requests = o.tables.find((t) => t.id === 'gov2021-requests')!;
    assert.equal(requests.status, 'problems');
    assert.ok(requests.errors >= 1);
    assert.deepEqual(
      o.tables.filter((t) => t.id !== 'gov2021-requests').map((t) => t.status),
      ['ok', 'ok'],
    );
    assert.deepEqual(o.missingParts.map((m) => m.heading), ['五、存在的主要问题及改进情况']);
    const six = text.split('\n').indexOf('六、其他需要报告的事项');
    assert.equal(o.missingParts[0].range.start.line, six);
  });

  test('after an edit the overview is that of the new version; an unknown document gives null', async () => {
    const fixed = draft2023({ new: 7, carried: 2, disclosed: 4, total: 8, carryOver: 1 }, true);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const o = await client.conn.sendRequest<OverviewResult>(OverviewRequest, { uri: URI });
    assert.deepEqual(o.tables.map((t) => t.status), ['ok', 'ok', 'ok']);
    assert.deepEqual(o.missingParts, []);
    assert.equal(o.figures.find((f) => f.id === 'requests-done')!.value, 8);
    assert.equal(await client.conn.sendRequest(OverviewRequest, { uri: 'file:///tmp/nianbao-protocol/not-open.nianbao.md' }), null);
  });
});
