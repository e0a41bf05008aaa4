// The requests behind 插入全国统一统计表 and 查看适用的报告格式, as the extension sends them, and
// the plain helpers of 新建年度报告 (file name without `# `, a year that fits the season).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../support/textEdits';
import { defaultReportYear, reportFileName } from '../../client/src/reportFile';
import { ProfileInfoRequest, TableInsertionRequest, TablesRequest, type ProfileInfoResult, type TableInsertionResult, type TablesResult } from '../../server/src/protocol';
import { DRAFT_2023, requestTable } from './drafts';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/nianbao-protocol/requests-2023.nianbao.md';
const TABLE = requestTable({ new: 7, carried: 2, disclosed: 4, total: 6, carryOver: 1 });

describe('writer requests over JSON-RPC', () => {
  let client: TestClient;
  const text = DRAFT_2023.replace(TABLE + '\n', '');

  before(async () => {
    ensureBuilt();
    client = new TestClient({});
    await client.initialize();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nianbao', version: 1, text } });
  });
  after(async () => {
    await client.shutdown();
  });

  test('nianbao/tables says which tables the report has and where', async () => {
    const info = await client.conn.sendRequest<TablesResult>(TablesRequest, { uri: URI });
    const lines = text.split('\n');
    assert.equal(info.tables.find((t) => t.id === 'gov2021-requests')?.line, undefined);
    assert.equal(info.tables.find((t) => t.id === 'gov2021-review')?.line, lines.indexOf('| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |'));
  });

  test('nianbao/tableInsertion puts a missing table into its part and refuses one the report has', async () => {
    const ins = await client.conn.sendRequest<TableInsertionResult>(TableInsertionRequest, { uri: URI, id: 'gov2021-requests', position: { line: 0, character: 0 } });
    assert.equal(ins.kind, 'insert');
    if (ins.kind !== 'insert') return;
    const out = applyEdits(text, [ins.edit]).split('\n');
    assert.equal(out[ins.line], TABLE.split('\n')[0]);
    assert.ok(out.indexOf('三、收到和处理政府信息公开申请情况') < ins.line && ins.line < out.indexOf('四、政府信息公开行政复议、行政诉讼情况'));
    const present = await client.conn.sendRequest<TableInsertionResult>(TableInsertionRequest, { uri: URI, id: 'gov2021-review', position: { line: 0, character: 0 } });
    assert.equal(present.kind, 'present');
  });

  test('nianbao/profileInfo gives the facts an English reason is worded from', async () => {
    const info = await client.conn.sendRequest<ProfileInfoResult>(ProfileInfoRequest, { uri: URI });
    assert.equal(info.source, 'title-year');
    assert.equal(info.year, 2023);
    assert.equal(info.partsFound, 5);
  });
});

describe('new report helpers', () => {
  test('the default year: last year until October, the current year from November', () => {
    assert.equal(defaultReportYear(new Date(2025, 0, 15)), 2024);
    assert.equal(defaultReportYear(new Date(2025, 9, 31)), 2024);
    assert.equal(defaultReportYear(new Date(2025, 10, 1)), 2025);
    assert.equal(defaultReportYear(new Date(2025, 11, 31)), 2025);
  });

  test('the file name is the title without `# `, safe on every file system', () => {
    assert.equal(reportFileName('青禾县司法局', 2024), '青禾县司法局2024年政府信息公开工作年度报告.nianbao.md');
    assert.equal(reportFileName(' 某市/某局 ', 2024, 2), '某市某局2024年政府信息公开工作年度报告（2）.nianbao.md');
  });
});
