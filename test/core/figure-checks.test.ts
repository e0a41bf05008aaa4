// Figure checks real reports needed and no rule had: more applications concluded than received, and
// prose against the pre-2019 统计表. Each: the finding on the figure, traps stay silent, and the
// scans stay linear on crafted 200,000-character input.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/engine';
import type { Finding, Rule } from '../../core/src/rules/types';
import { rule as concludedExceeds } from '../../core/src/rules/concluded-exceeds';
import { rule as legacyTextTable } from '../../core/src/rules/legacy-text-table';
import { applyEdits } from '../support/textEdits';

const TITLE = '# 青禾县民政局2023年政府信息公开工作年度报告';
const PERIOD = '本报告所列数据统计期限为2023年1月1日至12月31日。';

function draft(...paragraphs: string[]): string {
  return [TITLE, '', PERIOD, '', '一、总体情况', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

function run(text: string, rule: Rule, profile = 'gov-2021'): Finding[] {
  const result = check(text, { rules: [rule], profile });
  assert.deepEqual(result.ruleFailures, [], 'the rule must not throw');
  return result.findings;
}

function textAt(text: string, r: Finding['range']): string {
  assert.equal(r.start.line, r.end.line);
  return text.split('\n')[r.start.line].slice(r.start.character, r.end.character);
}

function fixed(text: string, findings: Finding[]): string {
  return applyEdits(text, findings.flatMap((f) => f.fix?.edits ?? []));
}

describe('concluded-exceeds', () => {
  test('more concluded than received, no carry-over stated: a warning on the concluded figure', () => {
    const text = draft('全年受理政府信息公开申请12件，办结15件。');
    const [f, ...rest] = run(text, concludedExceeds);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'warning');
    assert.equal(textAt(text, f.range), '15');
    assert.equal(textAt(text, f.related![0].range), '12');
  });

  test('a stated carry-over counts; still more is an error', () => {
    assert.deepEqual(run(draft('全年受理政府信息公开申请1295件，办结1191件（含上年结转189件）。'), concludedExceeds), []);
    assert.deepEqual(run(draft('全年受理政府信息公开申请12件，办结13件（含上年结转2件）。'), concludedExceeds), []);
    assert.deepEqual(run(draft('本年新收政府信息公开申请10件，上年结转2件，共办结12件。'), concludedExceeds), []);
    const [inside] = run(draft('全年受理政府信息公开申请12件，办结15件（含上年结转2件）。'), concludedExceeds);
    assert.equal(inside.severity, 'error');
    assert.match(inside.message, /15 件中除去上年结转 2 件为 13 件，多于受理的 12 件/);
    const [stated] = run(draft('本年新收政府信息公开申请10件，上年结转2件，共办结13件。'), concludedExceeds);
    assert.match(stated.message, /多于新收的 10 件与上年结转 2 件之和 12 件/);
  });

  test('other matters, an unnumbered carry-over and a carry-over in the table say nothing', () => {
    const text = draft('全年受理政策咨询10件，办结12件。', '全年受理政府信息公开申请10件，办结12件，部分为上年结转的申请。', '受理行政复议申请2件，办结3件。');
    assert.deepEqual(run(text, concludedExceeds), []);
  });
});

describe('legacy-text-table', () => {
  const table = [
    '附：政府信息公开情况统计表（2017年度）',
    '',
    '统计指标\t单位\t统计数',
    '(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计 1 条)\t条\t412',
    '(一) 收到申请数\t件\t4',
    '(二) 申请办结数\t件\t4',
    '四、行政复议数量\t件\t1',
    '五、行政诉讼数量\t件\t0',
  ].join('\n');
  const legacy = (...paragraphs: string[]) =>
    ['# 青禾市档案局2017年政府信息公开工作年度报告', '', '本报告所列数据统计期限为2017年1月1日至12月31日。', '', '一、概述', '', ...paragraphs.flatMap((p) => [p, '']), table, ''].join('\n');

  test('a figure that contradicts the table is reported on the figure, related to the cell, and fixed', () => {
    const text = legacy('2017年，本局主动公开政府信息420条。', '全年共受理政府信息公开申请5件。');
    const findings = run(text, legacyTextTable, 'legacy');
    assert.deepEqual(findings.map((f) => textAt(text, f.range)), ['420', '5']);
    assert.equal(textAt(text, findings[0].related![0].range), '412');
    assert.deepEqual(run(fixed(text, findings), legacyTextTable, 'legacy'), []);
  });

  test('行政复议案件 N 件 and 行政诉讼 N 件 against the table', () => {
    const text = legacy('全年发生政府信息公开行政复议案件2件、行政诉讼案件0件。');
    const findings = run(text, legacyTextTable, 'legacy');
    assert.deepEqual(findings.map((f) => [textAt(text, f.range), f.data?.topic]), [['2', 'reviews']]);
  });

  test('"未发生行政复议" against a table with one', () => {
    const text = legacy('本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。');
    const findings = run(text, legacyTextTable, 'legacy');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /行政复议数量”为 1/);
    assert.equal(findings[0].fix, undefined);
  });

  test('channels, units, cumulative totals and agreeing figures say nothing', () => {
    const text = legacy(
      '通过门户网站主动公开政府信息312条，各乡镇主动公开信息96条。',
      '截至年底，累计主动公开政府信息3650条。',
      '全年主动公开政府信息412条，收到政府信息公开申请4件，办结4件。',
      '全年主动公开政府信息400余条。',
    );
    assert.deepEqual(run(text, legacyTextTable, 'legacy'), []);
  });
});

describe('figure checks stay linear on crafted 200,000-character input', () => {
  const crafted = ['受理申请1件，办结2件，'.repeat(16_000), '未发生因'.repeat(50_000), '主动公开政府信息1条，'.repeat(20_000), '上年结转1件，'.repeat(28_000)];
  for (const body of crafted) {
    test(`${JSON.stringify(body.slice(0, 10))}… (${body.length} chars)`, { timeout: 60_000 }, () => {
      const start = process.hrtime.bigint();
      run(draft(body), concludedExceeds);
      run(draft(body), legacyTextTable, 'legacy');
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Not a timing assertion: a quadratic scan of 200,000 characters takes minutes.
      assert.ok(ms < 30_000, `${ms} ms`);
    });
  }
});

// The real reports in ../shared, when present: none of them contradicts itself or its 统计表 this way.
const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');
describe('figure checks on the real reports', { skip: !fs.existsSync(path.join(SHARED, 'corpus')) && 'no ../shared folder' }, () => {
  const files = ['seeds', 'corpus'].flatMap((dir) =>
    fs.readdirSync(path.join(SHARED, dir)).filter((n) => n.endsWith('.txt')).map((n) => ({ name: `${dir}/${n.slice(0, 3)}`, text: fs.readFileSync(path.join(SHARED, dir, n), 'utf8') })),
  );

  test('no excess of concluded applications and no legacy contradiction is reported', () => {
    for (const { name, text } of files) {
      const r = check(text, { rules: [concludedExceeds, legacyTextTable] });
      assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.message}`), [], name);
    }
  });
});
