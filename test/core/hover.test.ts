// Hover on a national-table cell: the arithmetic first (failing sums before those that hold), each
// fact once, and no warning sign in front of an error.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import { hover } from '../../core/src/service/hover';
import { DRAFT_2023 } from '../protocol/drafts';

const lines = DRAFT_2023.split('\n');
const at = (rowText: string, cellText: string) => {
  const line = lines.findIndex((l) => l.includes(rowText));
  return { line, character: lines[line].indexOf(cellText) + 2 };
};

describe('cell hover', () => {
  const result = check(DRAFT_2023);
  const value = (pos: { line: number; character: number }) => hover(result, pos)?.contents.value ?? '';

  test('the failing sum comes first, with the figures, and the cell it is about last', () => {
    const text = value(at('一、本年新收政府信息公开申请数量', '| 7 |'));
    const parts = text.split('\n\n');
    // (The table's sums cannot tell which of the cells is wrong, and say so after the sum.)
    assert.match(parts[0], /^✗ 一 \+ 二 = 三（七）\+ 四（「自然人」列）：7 \+ 2 = 9；6 \+ 1 = 7，相差 2(\u3000（.+）)?$/);
    assert.match(parts[1], /^✓ 总计 = 自然人/);
    assert.equal(parts[parts.length - 1], '*收到和处理政府信息公开申请情况表 · 一、本年新收政府信息公开申请数量 × 自然人*');
  });

  test('each fact once: the table-balance finding the cell belongs to is not repeated, and no ⚠', () => {
    for (const pos of [at('一、本年新收政府信息公开申请数量', '| 7 |'), at('四、结转下年度继续办理', '| 1 |'), at('（七）总计', '| 6 |')]) {
      const text = value(pos);
      assert.ok(text, `a hover at ${JSON.stringify(pos)}`);
      assert.ok(!text.includes('⚠'), text);
      for (const f of result.findings) assert.ok(!text.includes(f.message), `finding repeated: ${f.message}`);
      const sums = text.split('\n\n').filter((l) => /^[✓✗]/.test(l));
      assert.equal(new Set(sums).size, sums.length, 'no sum twice');
      assert.ok(sums.length >= 1);
    }
  });
});
