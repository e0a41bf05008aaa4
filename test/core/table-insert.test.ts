// 插入全国统一统计表: wherever the cursor is, the table lands in the part that holds it, on lines of
// its own between blank lines, and the checker then reads it as that national table; a report that
// has the table already is told so.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import { applyEdits } from '../support/textEdits';
import { tableInsertion } from '../../core/src/service/tableInsert';
import { partLines } from '../../core/src/analysis/part-content';
import { DRAFT_2023, requestTable } from '../protocol/drafts';

const REQUESTS = 'gov2021-requests';
const table = requestTable({ new: 7, carried: 2, disclosed: 4, total: 6, carryOver: 1 });
const without = DRAFT_2023.replace(table + '\n', '');

describe('inserting a national table', () => {
  test('from every line of the draft: inserted in part 三, between blank lines, read as 表三', () => {
    assert.notEqual(without, DRAFT_2023);
    const before = check(without);
    const lines = without.split('\n');
    for (let line = 0; line < lines.length; line++) {
      const ins = tableInsertion(before, REQUESTS, { line, character: 0 });
      assert.equal(ins.kind, 'insert', `line ${line}`);
      if (ins.kind !== 'insert') continue;
      const out = applyEdits(without, [ins.edit]);
      const after = check(out);
      const nt = after.facts.nationalTables.find((t) => t.spec.id === REQUESTS);
      assert.ok(nt, `line ${line}: the table is recognised`);
      assert.equal(nt.range.start.line, ins.line, `line ${line}: where it says`);
      const part = after.facts.parts.find((p) => p.spec.id === before.facts.parts.find((q) => q.spec.tables?.includes(REQUESTS))!.spec.id)!;
      const span = partLines(after.doc, part, after.facts.parts);
      assert.ok(span.start < nt.range.start.line && nt.range.end.line <= span.end, `line ${line}: inside part 三`);
      const outLines = out.split('\n');
      assert.equal(outLines[nt.range.start.line - 1].trim(), '', 'a blank line before');
      const below = outLines[nt.range.end.line + 1];
      assert.ok(below === undefined || below.trim() === '', 'a blank line after');
      // And part 三 no longer lacks its table.
      assert.ok(!after.findings.some((f) => f.ruleId === 'table-shape' && /缺少.*表/.test(f.message) && f.range.start.line === part.heading.line));
    }
  });

  test('the cursor inside the part: the table goes at the cursor, not at the part end', () => {
    const text = without.replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n\n本年度申请情况如下。\n\n表格之后的说明。\n');
    const lines = text.split('\n');
    const cursor = lines.indexOf('本年度申请情况如下。');
    const ins = tableInsertion(check(text), REQUESTS, { line: cursor, character: 3 });
    assert.equal(ins.kind, 'insert');
    if (ins.kind !== 'insert') return;
    const out = applyEdits(text, [ins.edit]).split('\n');
    assert.equal(out[cursor], '本年度申请情况如下。');
    assert.equal(out[cursor + 1], '');
    assert.equal(out[cursor + 2], table.split('\n')[0]);
    assert.ok(out.indexOf('表格之后的说明。') > cursor + 2 + table.split('\n').length);
  });

  test('a report that has the table is told where it is; forced, it is inserted all the same', () => {
    const result = check(DRAFT_2023);
    const ins = tableInsertion(result, REQUESTS, { line: 0, character: 0 });
    assert.deepEqual(ins, { kind: 'present', line: DRAFT_2023.split('\n').indexOf(table.split('\n')[0]) });
    assert.equal(tableInsertion(result, REQUESTS, { line: 0, character: 0 }, true).kind, 'insert');
    assert.equal(tableInsertion(result, 'no-such-table', { line: 0, character: 0 }).kind, 'unknown');
  });

  test('CRLF drafts get CRLF lines', () => {
    const crlf = without.replace(/\n/g, '\r\n');
    const ins = tableInsertion(check(crlf), REQUESTS, { line: 0, character: 0 });
    assert.equal(ins.kind, 'insert');
    if (ins.kind === 'insert') assert.ok(!/[^\r]\n/.test(ins.edit.newText));
  });
});
