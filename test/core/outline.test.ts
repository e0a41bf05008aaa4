// The outline as the checklist of the required parts: every part of the format in order, the
// missing ones marked （缺） and placed where they would be inserted.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import { documentSymbols } from '../../core/src/service/symbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { DRAFT_2023 } from '../protocol/drafts';

const flat = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
const partNames = (text: string) =>
  flat(documentSymbols(check(text)))
    .filter((s) => /^[一二三四五六七八]、/.test(s.name))
    .map((s) => s.name);

describe('outline of the required parts', () => {
  test('lists all six parts in order, the missing 五 marked and leading to where it goes', () => {
    assert.deepEqual(partNames(DRAFT_2023), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况（缺）',
      '六、其他需要报告的事项',
    ]);
    const missing = flat(documentSymbols(check(DRAFT_2023))).find((s) => s.name.endsWith('（缺）'))!;
    const six = DRAFT_2023.split('\n').indexOf('六、其他需要报告的事项');
    assert.deepEqual(missing.selectionRange, { start: { line: six, character: 0 }, end: { line: six, character: 0 } });
    assert.match(missing.detail ?? '', /^缺少 · 第五部分/);
    // It sits among the parts (under the title), not after them.
    const root = documentSymbols(check(DRAFT_2023));
    assert.equal(root.length, 1);
    assert.deepEqual(root[0].children!.map((c) => c.name).slice(4, 6), ['五、存在的主要问题及改进情况（缺）', '六、其他需要报告的事项']);
  });

  test('parts missing at the end go after the last line; a complete report has no （缺）', () => {
    const text = '# 某县民政局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n';
    const names = partNames(text);
    assert.equal(names.length, 6);
    assert.deepEqual(names.slice(1), ['二、主动公开政府信息情况（缺）', '三、收到和处理政府信息公开申请情况（缺）', '四、政府信息公开行政复议、行政诉讼情况（缺）', '五、存在的主要问题及改进情况（缺）', '六、其他需要报告的事项（缺）']);
    const last = flat(documentSymbols(check(text))).find((s) => s.name.startsWith('六'))!;
    assert.deepEqual(last.range.start, { line: 4, character: '全年主动公开信息120条。'.length });

    const complete = DRAFT_2023.replace('六、其他需要报告的事项', '五、存在的主要问题及改进情况\n\n栏目更新不及时。\n\n六、其他需要报告的事项');
    assert.ok(!partNames(complete).some((n) => n.endsWith('（缺）')));
  });

  test('a text that is not an annual report lists no required parts', () => {
    assert.deepEqual(partNames('# 某局2023年上半年政务公开工作自评报告\n\n一、主要做法\n'), ['一、主要做法']);
  });
});
