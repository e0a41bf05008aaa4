// The report year: the title's, else the 统计期限 sentence's, else the year the body names most.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../core/src/parse/parser';
import { findReportYear } from '../../core/src/facts/year';
import { findPeriodStatement } from '../../core/src/facts/period';

describe('findReportYear', () => {
  test('the title year wins', () => {
    const doc = parse('# 青禾县民政局2023年政府信息公开工作年度报告\n\n本报告所列数据统计期限为2022年1月1日至12月31日。\n');
    assert.deepEqual({ ...findReportYear(doc), range: undefined }, { year: 2023, source: 'title', range: undefined });
  });

  test('without a title year, the 统计期限 sentence gives it, with the range of its year', () => {
    const doc = parse('# 青禾县民政局政府信息公开工作年度报告\n\n本报告所列数据统计期限为2022年1月1日至12月31日。\n');
    const y = findReportYear(doc);
    assert.equal(y?.year, 2022);
    assert.equal(y?.source, 'period');
    assert.deepEqual(y?.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 16 } });
  });

  test('else the year the body names most often; a tie names none', () => {
    const body = parse('# 青禾县民政局工作总结\n\n2021年，本局推进公开。2021年全年发布信息50条。2020年以来持续推进。\n');
    assert.deepEqual([findReportYear(body)?.year, findReportYear(body)?.source], [2021, 'body']);
    const tie = parse('# 青禾县民政局工作总结\n\n2021年推进公开。2020年推进公开。\n');
    assert.equal(findReportYear(tie), undefined);
  });
});

describe('findPeriodStatement', () => {
  test('reads the dates and years of a period sentence written with full-width digits and spaces', () => {
    const doc = parse('# 报告\n\n本报告统计期限自 ２０２２ 年 1 月 1 日起至 2022 年 12 月 31 日止。\n');
    const p = findPeriodStatement(doc);
    assert.ok(p);
    assert.deepEqual(p.dates.map((d) => [d.year, d.month, d.day]), [[2022, 1, 1], [2022, 12, 31]]);
    assert.deepEqual(p.years.map((y) => y.year), [2022, 2022]);
  });
});
