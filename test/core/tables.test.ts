// National tables read from drafts in every layout writers produce (pipe with spread labels,
// cell-per-line, tab-separated, OCR pieces), and the table rules on correct and defective drafts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import type { Finding, Rule } from '../../core/src/rules/types';
import { rule as tableBalance } from '../../core/src/rules/table-balance';
import { rule as tableValues } from '../../core/src/rules/table-values';
import { rule as tableShape } from '../../core/src/rules/table-shape';
import { rule as tableFormatYear } from '../../core/src/rules/table-format-year';
import { rule as tableSum } from '../../core/src/rules/table-sum';
import { applyEdits } from '../support/textEdits';
import { GOV2021_TABLES } from '../../core/src/profiles/tables/gov2021';
import { GOV2019_TABLES } from '../../core/src/profiles/tables/gov2019';
import { LEGACY_TABLES } from '../../core/src/profiles/tables/legacy';
import { holdsPipeCells, pipeSlots } from '../../core/src/parse/tables';

const TABLE_RULES: Rule[] = [tableBalance, tableValues, tableShape, tableFormatYear, tableSum];

// ------------------------------------------------------------------ a correct 2021 report, as data

type Row = { a: string; b: string; v: string[] };

/** Part 三 rows: label path (merged cell a, row label b) and the seven values. All sums hold. */
function requestRows(): Row[] {
  const z = ['0', '0', '0', '0', '0', '0', '0'];
  return [
    { a: '一、本年新收政府信息公开申请数量', b: '', v: ['20', '3', '0', '1', '1', '0', '25'] },
    { a: '二、上年结转政府信息公开申请数量', b: '', v: ['2', '0', '0', '0', '0', '0', '2'] },
    { a: '三、本年度办理结果', b: '（一）予以公开', v: ['8', '1', '0', '0', '1', '0', '10'] },
    { a: '', b: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', v: ['3', '0', '0', '0', '0', '0', '3'] },
    { a: '（三）不予公开', b: '1.属于国家秘密', v: [...z] },
    { a: '', b: '2.其他法律行政法规禁止公开', v: [...z] },
    { a: '', b: '3.危及“三安全一稳定”', v: ['1', '0', '0', '0', '0', '0', '1'] },
    { a: '', b: '4.保护第三方合法权益', v: [...z] },
    { a: '', b: '5.属于三类内部事务信息', v: [...z] },
    { a: '', b: '6.属于四类过程性信息', v: [...z] },
    { a: '', b: '7.属于行政执法案卷', v: [...z] },
    { a: '', b: '8.属于行政查询事项', v: [...z] },
    { a: '（四）无法提供', b: '1.本机关不掌握相关政府信息', v: ['5', '1', '0', '1', '0', '0', '7'] },
    { a: '', b: '2.没有现成信息需要另行制作', v: [...z] },
    { a: '', b: '3.补正后申请内容仍不明确', v: [...z] },
    { a: '（五）不予处理', b: '1.信访举报投诉类申请', v: [...z] },
    { a: '', b: '2.重复申请', v: ['2', '0', '0', '0', '0', '0', '2'] },
    { a: '', b: '3.要求提供公开出版物', v: [...z] },
    { a: '', b: '4.无正当理由大量反复申请', v: [...z] },
    { a: '', b: '5.要求行政机关确认或重新出具已获取信息', v: [...z] },
    { a: '（六）其他处理', b: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', v: [...z] },
    { a: '', b: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', v: [...z] },
    { a: '', b: '3.其他', v: ['1', '0', '0', '0', '0', '0', '1'] },
    { a: '', b: '（七）总计', v: ['20', '2', '0', '1', '1', '0', '24'] },
    { a: '四、结转下年度继续办理', b: '', v: ['2', '1', '0', '0', '0', '0', '3'] },
  ];
}

const REVIEW = ['2', '1', '0', '1', '4', '1', '0', '0', '0', '1', '0', '0', '1', '0', '1'];

const PROACTIVE_PIPE = [
  '| 第二十条第（一）项 | | | |',
  '|---|---|---|---|',
  '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '| 规章 | 0 | 0 | 0 |',
  '| 行政规范性文件 | 3 | 1 | 25 |',
  '| 第二十条第（五）项 | | | |',
  '| 信息内容 | 本年处理决定数量 | | |',
  '| 行政许可 | 120 | | |',
  '| 第二十条第（六）项 | | | |',
  '| 信息内容 | 本年处理决定数量 | | |',
  '| 行政处罚 | 45 | | |',
  '| 行政强制 | 2 | | |',
  '| 第二十条第（八）项 | | | |',
  '| 信息内容 | 本年收费金额（单位：万元） | | |',
  '| 行政事业性收费 | 12.35 | | |',
];

const T3_HEADER = [
  '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
  '|---|---|---|---|---|---|---|---|---|',
];

function requestsPipe(rows: Row[]): string[] {
  return [...T3_HEADER, ...rows.map((r) => `| ${r.a} | ${r.b} | ${r.v.join(' | ')} |`.replace(/\| {2}\|/g, '| |'))];
}

function reviewPipe(values: string[]): string[] {
  return [
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    `| ${values.join(' | ')} |`,
  ];
}

function report(parts: { t2: string[]; t3: string[]; t4: string[] }): string {
  return [
    '# 某市测试局2023年政府信息公开工作年度报告',
    '',
    '一、总体情况',
    '',
    '2023年，本局认真贯彻《中华人民共和国政府信息公开条例》，全面推进政务公开。',
    '',
    '二、主动公开政府信息情况',
    '',
    ...parts.t2,
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    ...parts.t3,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    ...parts.t4,
    '',
    '五、存在的主要问题及改进情况',
    '',
    '政策解读形式还不够丰富，下一步将加强图解解读。',
    '',
    '六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

const pipeReport = (rows = requestRows(), review = REVIEW) =>
  report({ t2: PROACTIVE_PIPE, t3: requestsPipe(rows), t4: reviewPipe(review) });

// ------------------------------------------------------------------ other layouts, derived from the pipe lines

/** Seed 001's flattening: every non-empty cell on its own line ending in " |". */
function cellPerLine(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (/^\|[-|\s]+\|$/.test(l)) continue;
    for (const c of l.split('|').slice(1, -1)) if (c.trim()) out.push(`${c.trim()} |`);
  }
  return out;
}

/** Tab-separated rows (copied from a spreadsheet). */
function tabbed(lines: string[]): string[] {
  return lines.filter((l) => !/^\|[-|\s]+\|$/.test(l)).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()).join('\t'));
}

/** OCR output as in corpus 023: each row its own little table under 数据1…数据6 headers, groups as headings. */
function ocrPieces(rows: Row[], review: string[]): { t3: string[]; t4: string[] } {
  const t3: string[] = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ''];
  for (const r of rows) {
    if (r.a && r.b) t3.push(`### ${r.a}`, '');
    t3.push('| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|');
    t3.push(`| ${(r.b || r.a).replace(/^(\d)\./, '$1. ')} | ${r.v.join(' | ')} |`, '');
  }
  const t4: string[] = [];
  ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'].forEach((name, g) => {
    t4.push(`### ${name}`, '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|');
    t4.push(`| ${review.slice(g * 5, g * 5 + 5).join(' | ')} |`, '');
  });
  return { t3, t4 };
}

// ------------------------------------------------------------------ helpers

const run = (text: string, rules: Rule[], profile = 'gov-2021') => check(text, { rules, profile });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** Column (UTF-16) of the n-th value cell of a pipe row, counting from 0 after the label cells. */
function valueColumn(line: string, valueIndex: number, labelCells: number): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    if (pipes === labelCells + valueIndex) {
      let j = i + 1;
      while (line[j] === ' ') j++;
      return j;
    }
    pipes++;
  }
  return -1;
}

function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

// ------------------------------------------------------------------ reading

describe('reading national tables', () => {
  const layouts: [string, () => string][] = [
    ['pipe with spread labels', () => pipeReport()],
    [
      'cell-per-line',
      () => report({ t2: cellPerLine(PROACTIVE_PIPE), t3: cellPerLine(requestsPipe(requestRows())), t4: cellPerLine(reviewPipe(REVIEW)) }),
    ],
    ['tab-separated', () => report({ t2: tabbed(PROACTIVE_PIPE), t3: tabbed(requestsPipe(requestRows())), t4: tabbed(reviewPipe(REVIEW)) })],
    [
      'OCR pieces',
      () => {
        const { t3, t4 } = ocrPieces(requestRows(), REVIEW);
        return report({ t2: PROACTIVE_PIPE, t3, t4 });
      },
    ],
  ];
  for (const [name, make] of layouts) {
    test(`${name}: all three tables read completely, no table finding`, () => {
      const r = run(make(), TABLE_RULES);
      const byId = new Map(r.facts.nationalTables.map((t) => [t.spec.id, t]));
      const t2 = byId.get('gov2021-proactive');
      const t3 = byId.get('gov2021-requests');
      const t4 = byId.get('gov2021-review');
      assert.ok(t2 && t3 && t4, `tables found: ${[...byId.keys()].join(', ')}`);
      assert.equal(t2.rows.size, 6);
      assert.deepEqual(t3.missingRows.map((r) => r.id), []);
      assert.equal(t3.rows.size, 25);
      assert.equal(t3.rows.get('other-3')?.values.get('natural')?.number?.value, 1, '3.其他 resolved inside （六）');
      assert.equal(t3.rows.get('total')?.values.get('total')?.number?.value, 24);
      assert.equal(t2.rows.get('fees')?.values.get('amount')?.number?.value, 12.35);
      const review = t4.rows.get('values');
      assert.deepEqual(
        [...(review?.values.values() ?? [])].map((c) => c.number?.raw),
        REVIEW,
      );
      assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
      assert.deepEqual(r.ruleFailures, []);
    });
  }
});

describe('pipe rows', () => {
  test('holdsPipeCells is pipeSlots(line) > 0 on every mix of pipes, backslashes and text', () => {
    // Every string of up to five of these characters: escapes before, between and after pipes.
    const alphabet = ['|', '\\', 'a', ' ', '-'];
    let lines = [''];
    for (let n = 0; n < 5; n++) lines = lines.flatMap((l) => alphabet.map((c) => l + c));
    for (const line of lines) assert.equal(holdsPipeCells(line), pipeSlots(line) > 0, JSON.stringify(line));
  });
});

// ------------------------------------------------------------------ table-balance

describe('table-balance', () => {
  test('T3-COL: a row wrong in one column and its 总计 alike (row 二, 一 or 四 could explain it): one finding, no fix', () => {
    const rows = requestRows();
    rows[1].v[3] = '1'; // 二 社会公益组织 0 → 1, and its row total follows
    rows[1].v[6] = '3';
    const text = pipeReport(rows);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    const [f] = found;
    assert.match(f.message, /^第 4 列（社会公益组织）：一 \+ 二 = 1 \+ 1 = 2，三（七）\+ 四 = 1 \+ 0 = 1，相差 1/);
    assert.match(f.message, /第 7 列（总计）「一 \+ 二 = 三（七）\+ 四」同样不成立/);
    assert.match(f.message, /「一」行「社会公益组织」「总计」或「二」行「社会公益组织」「总计」或「四」行「社会公益组织」「总计」都能/);
    assert.equal(f.fix, undefined);
    assert.equal(f.data?.formula, '一 + 二 = 三（七）+ 四');
    assert.deepEqual(f.data?.checks, ['T3-COL', 'T3-COL']);
    assert.equal(f.data?.options, 3);
    // Anchored on the 三（七） cell of the first column; its terms and the other sum are related.
    const totalLine = lineOf(text, '（七）总计');
    assert.equal(f.range.start.line, totalLine);
    assert.equal(f.range.start.character, valueColumn(text.split('\n')[totalLine], 3, 2));
    assert.equal(f.related?.length, 5);
  });

  test('T3-ROW: a wrong row total is the one finding, on that cell, fixed by the computed sum', () => {
    const rows = requestRows();
    rows[6].v[6] = '5'; // 3.危及“三安全一稳定” 总计 1 → 5
    const text = pipeReport(rows);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    // The same typo also breaks 三（七）= Σ results in the 总计 column: one cause, one finding.
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    const [f] = found;
    const line = lineOf(text, '3.危及');
    const col = valueColumn(text.split('\n')[line], 6, 2);
    assert.deepEqual(f.range, { start: { line, character: col }, end: { line, character: col + 1 } });
    assert.match(f.message, /^「（三）3」行「总计」应为 1（表中为 5）：总计 = 5，自然人 \+ .* = 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 1，相差 4/);
    assert.match(f.message, /也使第 7 列（总计）「三（七）总计 = 各办理结果之和」不成立/);
    assert.deepEqual(f.data, {
      expected: 1,
      actual: 5,
      formula: f.data?.formula,
      check: 'T3-ROW',
      checks: ['T3-ROW', 'T3-SUB'],
      table: 'gov2021-requests',
      cells: 1,
    });
    // Related: the other sum it breaks, at the （七） cell where that sum is reported.
    assert.equal(f.related?.length, 1);
    assert.equal(f.related?.[0].range.start.line, lineOf(text, '（七）总计'));
    assert.match(f.related[0].message, /三（七）总计 = 24，各办理结果之和 = .*= 28，相差 4/);

    const fixed = applyEdits(text, f.fix!.edits);
    assert.equal(fixed.split('\n')[line], text.split('\n')[line].replace('| 5 |', '| 1 |'));
    assert.deepEqual(only(run(fixed, [tableBalance]).findings, 'table-balance'), []);
  });

  test('T3-SUB: a wrong （七） cell breaks three sums and is the one finding', () => {
    const rows = requestRows();
    rows[23].v[0] = '21'; // （七）总计 自然人 20 → 21
    const text = pipeReport(rows);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    const [sub] = found;
    // 三（七）= Σ results is the sum in which the cell is the total: written out in full.
    assert.match(sub.message, /^「三（七）」行「自然人」应为 20（表中为 21）：三（七）总计 = 21，各办理结果之和 = 8 \+ 3 \+ 1 \+ 5 \+ 2 \+ 1（其余为 0）= 20，相差 1/);
    assert.deepEqual([...(sub.data?.checks as string[])].sort(), ['T3-COL', 'T3-ROW', 'T3-SUB']);
    const line = lineOf(text, '（七）总计');
    assert.deepEqual(sub.range.start, { line, character: valueColumn(text.split('\n')[line], 0, 2) });
    assert.equal(sub.fix?.edits[0].newText, '20');
    const fixed = applyEdits(text, sub.fix.edits);
    assert.deepEqual(only(run(fixed, [tableBalance]).findings, 'table-balance'), []);
  });

  test('a filled group row must equal its sub-rows: both cells of the row in one finding and one fix', () => {
    const rows = requestRows();
    rows.splice(4, 0, { a: '（三）不予公开', b: '', v: ['2', '0', '0', '0', '0', '0', '2'] });
    rows[5].a = '';
    const text = pipeReport(rows);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    // 自然人 and 总计 of the group row exceed 3.危及“三安全一稳定” (the only non-zero sub-row); the
    // row itself adds up, so only changing both cells makes every sum hold.
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    const [f] = found;
    assert.match(f.message, /^「三（三）」行「自然人」「总计」应为 1、1（表中为 2、2）/);
    assert.equal(f.range.start.line, lineOf(text, '| （三）不予公开 | |'));
    assert.deepEqual(f.fix?.edits.map((e) => e.newText), ['1', '1']);
    assert.equal(f.data?.cells, 2);
    assert.deepEqual(only(run(applyEdits(text, f.fix.edits), [tableBalance]).findings, 'table-balance'), []);
  });

  test('T4: a group whose total and results differ could be wrong in any of its five cells: no fix', () => {
    const review = [...REVIEW];
    review[4] = '5';
    const text = pipeReport(requestRows(), review);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^行政复议：总计 = 5，结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结 = 2 \+ 1 \+ 0 \+ 1 = 4，相差 1/);
    assert.match(found[0].message, /式中任何一格写错都会如此，无法确定是哪一格有误/);
    const line = lineOf(text, '| 2 | 1 | 0 | 1 | 5 |');
    assert.equal(found[0].range.start.line, line);
    assert.equal(found[0].range.start.character, text.split('\n')[line].indexOf('5'));
    assert.equal(found[0].fix, undefined);
  });

  test('T4: the prose figure of 行政复议 pins the wrong total, and the fix sets it', () => {
    const review = [...REVIEW];
    review[4] = '5';
    const text = pipeReport(requestRows(), review).replace('全面推进政务公开。', '全面推进政务公开。全年因政府信息公开被申请行政复议4件。');
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^「行政复议总计」应为 4（表中为 5）.*正文所写 4件 与此一致/);
    assert.equal(found[0].fix?.edits[0].newText, '4');
    assert.ok(found[0].related?.some((r) => r.range.start.line === lineOf(text, '被申请行政复议4件')));
    assert.deepEqual(only(run(applyEdits(text, found[0].fix.edits), [tableBalance]).findings, 'table-balance'), []);
  });

  test('two independent typos are two causes: two findings, each with its fix', () => {
    const rows = requestRows();
    rows[2].v[0] = '9'; // （一）予以公开 自然人 8 → 9
    rows[16].v[6] = '3'; // （五）2.重复申请 总计 2 → 3
    const text = pipeReport(rows);
    const found = only(run(text, [tableBalance]).findings, 'table-balance');
    assert.deepEqual(
      found.map((f) => `${f.range.start.line}:${f.fix?.edits.map((e) => e.newText).join(',')}`),
      [`${lineOf(text, '（一）予以公开')}:8`, `${lineOf(text, '2.重复申请')}:2`],
    );
    const fixed = applyEdits(text, found.flatMap((f) => f.fix!.edits));
    assert.deepEqual(only(run(fixed, [tableBalance]).findings, 'table-balance'), []);
  });

  test('more mistakes than one or two cells explain: each failing sum reported, without a fix', () => {
    const rows = requestRows();
    rows[0].v[0] = '25'; // 一 自然人 20 → 25 and 商业企业 3 → 0: the row still adds up
    rows[0].v[1] = '0';
    rows[0].v[3] = '3'; // and 社会公益组织 1 → 3 (row now 25 + 0 + 3 + 1 = 29 ≠ 25)
    const found = only(run(pipeReport(rows), [tableBalance]).findings, 'table-balance');
    assert.ok(found.length >= 3, found.map((f) => f.message).join('\n'));
    assert.ok(found.every((f) => !f.fix));
  });

  test('blank total cells are not summed (上海 2019 left 总计 empty); blanks elsewhere count as 0', () => {
    const rows = requestRows();
    rows[0].v[6] = '';
    rows[1].v[2] = '';
    const found = only(run(pipeReport(rows), [tableBalance]).findings, 'table-balance');
    // 一 has no total now, so T3-COL in the 总计 column and T3-ROW on 一 cannot be checked; nothing else breaks.
    assert.deepEqual(found.map((f) => f.message), []);
  });
});

// ------------------------------------------------------------------ table-values

describe('table-values', () => {
  test('blank and dash cells of a table are one finding; a decimal count and an approximate figure are on their cell', () => {
    const rows = requestRows();
    rows[5].v[2] = ''; // blank
    rows[7].v[1] = '—'; // dash
    const text0 = pipeReport(rows).replace('| 行政许可 | 120 |', '| 行政许可 | 120.5 |').replace('| 行政处罚 | 45 |', '| 行政处罚 | 约45 |');
    const found = only(run(text0, [tableValues]).findings, 'table-values');
    assert.equal(found.length, 3, found.map((f) => f.message).join('\n'));
    const blank = found.find((f) => f.message.includes('2 格为空白、“—”'))!;
    assert.equal(blank.severity, 'warning');
    assert.equal(blank.range.start.line, lineOf(text0, '2.其他法律行政法规禁止公开'));
    assert.equal(blank.related?.length, 1);
    const filled = applyEdits(text0, blank.fix!.edits);
    assert.match(filled.split('\n')[blank.range.start.line], /\| 0 \| 0 \| 0 \|/);
    assert.match(filled.split('\n')[lineOf(text0, '5.属于三类内部事务信息')], /\| 0 \| 0 \| 0 \| 0 \|/);
    assert.ok(!filled.includes('—'));
    const decimal = found.find((f) => f.message.includes('120.5'))!;
    assert.equal(decimal.severity, 'error');
    assert.equal(decimal.range.start.line, lineOf(text0, '行政许可 |'));
    const approx = found.find((f) => f.message.includes('约数'))!;
    assert.equal(approx.severity, 'error');
  });

  test('万元 amounts may have decimals; a negative count is an error', () => {
    const text = pipeReport().replace('| 规章 | 0 | 0 | 0 |', '| 规章 | 0 | -1 | 0 |');
    const found = only(run(text, [tableValues]).findings, 'table-values');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /负数/);
  });
});

// ------------------------------------------------------------------ table-shape

describe('table-shape', () => {
  test('a missing row, an added row and a row short of a value', () => {
    const rows = requestRows().filter((r) => r.b !== '2.重复申请');
    rows[0].v = rows[0].v.slice(0, 6);
    const t2 = [...PROACTIVE_PIPE];
    t2.splice(5, 0, '| 其他主动公开文件 | 2 | 0 | 5 |');
    const text = report({ t2, t3: requestsPipe(rows), t4: reviewPipe(REVIEW) });
    const found = only(run(text, [tableShape]).findings, 'table-shape');
    assert.equal(found.length, 3, found.map((f) => f.message).join('\n'));
    const missing = found.find((f) => f.message.includes('缺少“2.重复申请”行'))!;
    assert.equal(missing.range.start.line, lineOf(text, '1.信访举报投诉类申请'));
    const extra = found.find((f) => f.message.includes('其他主动公开文件'))!;
    assert.equal(extra.range.start.line, lineOf(text, '其他主动公开文件'));
    const short = found.find((f) => f.message.includes('应有 7 个数值，实际只有 6 个'))!;
    assert.equal(short.range.start.line, lineOf(text, '一、本年新收'));
  });

  test('a table pasted incompletely: one finding lists the missing rows', () => {
    const drop = ['行政许可', '行政处罚', '行政强制', '行政事业性收费'];
    const t2 = PROACTIVE_PIPE.filter((l) => !drop.some((d) => l.startsWith(`| ${d} |`)));
    const text = report({ t2, t3: requestsPipe(requestRows()), t4: reviewPipe(REVIEW) });
    const found = only(run(text, [tableShape]).findings, 'table-shape');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /缺少 4 行：“行政许可”、“行政处罚”、“行政强制”、“行政事业性收费”/);
    assert.deepEqual(found[0].data?.rows, ['licensing', 'penalty', 'enforcement', 'fees']);
  });

  test('a value too many in the part 四 row', () => {
    const text = pipeReport(requestRows(), [...REVIEW, '0']);
    const found = only(run(text, [tableShape]).findings, 'table-shape');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /应有 15 个数值，实际有 16 个/);
  });
});

// ------------------------------------------------------------------ table-format-year

const PROACTIVE_2019 = [
  '| 第二十条第（一）项 | | | |',
  '|---|---|---|---|',
  '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
  '| 规章 | 0 | 0 | 0 |',
  '| 规范性文件 | 3 | 3 | 25 |',
  '| 第二十条第（九）项 | | | |',
  '| 信息内容 | 采购项目数量 | 采购总金额 | |',
  '| 政府集中采购 | 2 | 30.5 | |',
];

describe('table-format-year', () => {
  test('2019 columns in a 2021 report: one finding for the table, listing the markers', () => {
    const text = report({ t2: PROACTIVE_2019, t3: requestsPipe(requestRows()), t4: reviewPipe(REVIEW) });
    const found = only(run(text, [tableFormatYear]).findings, 'table-format-year');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.equal(found[0].data?.belongsTo, 'gov-2019');
    const markers = found[0].data?.markers as string[];
    assert.ok(markers.includes('本年新制作数量') && markers.includes('第二十条第（九）项'), markers.join(','));
  });

  test('2021 tables in a 2019 report: part 二 columns and the split （六） rows', () => {
    const found = only(run(pipeReport(), [tableFormatYear], 'gov-2019').findings, 'table-format-year');
    assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
    assert.ok(found.every((f) => f.data?.belongsTo === 'gov-2021'));
    assert.ok((found[0].data?.markers as string[]).includes('本年制发件数'));
    assert.equal(found[1].range.start.line, lineOf(pipeReport(), '2.申请人逾期未按收费通知要求缴纳费用'));
  });
});

// ------------------------------------------------------------------ table-sum

describe('table-sum', () => {
  test('a 合计 row in an ordinary table is checked and fixed', () => {
    const text = [
      '# 某市测试局2023年政府信息公开工作年度报告',
      '',
      '一、总体情况',
      '',
      '| 栏目 | 条数 |',
      '|---|---|',
      '| 通知公告 | 12 |',
      '| 工作动态 | 30 |',
      '| 政策解读 | 5 |',
      '| 合计 | 48 |',
      '',
    ].join('\n');
    const found = only(run(text, [tableSum]).findings, 'table-sum');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /分项之和 47（12\+30\+5）与合计 48 不符，相差 1/);
    assert.equal(found[0].range.start.line, 9);
    const fixed = applyEdits(text, found[0].fix!.edits);
    assert.deepEqual(only(run(fixed, [tableSum]).findings, 'table-sum'), []);
  });

  test('a 总计 column in an ordinary table', () => {
    const text = ['一、总体情况', '', '| 类别 | 网站 | 微信 | 总计 |', '|---|---|---|---|', '| 信息 | 10 | 5 | 14 |', ''].join('\n');
    const found = only(run(text, [tableSum]).findings, 'table-sum');
    assert.equal(found.length, 1);
    assert.equal(found[0].data?.expected, 15);
  });

  // Seed 002's 2013 table, flattened one cell per line, with blanks dropped by the flattening.
  const table2013 = (other: string, staff: string) =>
    [
      '一、概述',
      '',
      '指标 |',
      '累计数 |',
      '2013年发生数 |',
      '|',
      '公开信息总数 |',
      '52 |',
      '5 |',
      '其中:1.规范性文件类 |',
      '5 |',
      '2 |',
      '|',
      '2.规划计划类信息数 |',
      '|',
      '|',
      '3.机构调整类信息数 |',
      '1 |',
      '|',
      '4.其他类信息数 |',
      `${other} |`,
      '3 |',
      '从事政府信息公开工作人员数 |',
      `${staff} |`,
      '|',
      '其中:1.专职人员数 |',
      '1 |',
      '|',
      '2.兼职人员数 |',
      '9 |',
      '|',
      '公共信息查阅点汇集信息总数 |',
      '52 |',
      '52 |',
      '其中:1.电子信息数 |',
      '52 |',
      '52 |',
      '2.纸制信息数 |',
      '52 |',
      '52 |',
      '',
    ].join('\n');

  test('其中 lists ending in 其他, and 专职/兼职, must add up; 电子/纸制 copies may overlap', () => {
    assert.deepEqual(only(run(table2013('46', '10'), [tableSum]).findings, 'table-sum'), []);
    const found = only(run(table2013('45', '11'), [tableSum]).findings, 'table-sum');
    assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
    assert.ok(found.some((f) => /「公开信息总数」第 1 个数值：分项之和 51（5\+1\+45）与总数 52 不符/.test(f.message)));
    assert.ok(found.some((f) => /「从事政府信息公开工作人员数」.*分项之和 10（1\+9）与总数 11/.test(f.message)));
  });

  // Seed 004's 2014–2018 统计表 as tab-separated rows.
  const statistics = (received: string) =>
    [
      '统计指标\t单位\t统计数',
      '一、主动公开情况\t\t',
      '(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计 1 条)\t条\t1015',
      '其中：主动公开规范性文件数\t条\t1',
      '制发规范性文件总数\t件\t1',
      '(二) 通过不同渠道和方式公开政府信息的情况\t\t',
      '1.政府公报公开政府信息数\t条\t0',
      '2.政府网站公开政府信息数\t条\t597',
      '3.政务微博公开政府信息数\t条\t336',
      '4.政务微信公开政府信息数\t条\t309',
      '5.其他方式公开政府信息数\t条\t150',
      '三、依申请公开情况\t\t',
      `(一) 收到申请数\t件\t${received}`,
      '1.当面申请数\t件\t1',
      '2.传真申请数\t件\t0',
      '3.网络申请数\t件\t2',
      '4.信函申请数\t件\t0',
      '四、行政复议数量\t件\t1',
      '(一) 维持具体行政行为数\t件\t1',
      '(二) 被依法纠错数\t件\t0',
      '(三) 其他情形数\t件\t0',
      '五、行政诉讼数量\t件\t2',
      '(一) 维持具体行政行为或者驳回原告诉讼请求数\t件\t1',
      '(二) 被依法纠错数\t件\t1',
      '(三) 其他情形数\t件\t0',
      '',
    ].join('\n');

  test('no false alarm on channels that may overlap (597+336+309+150 vs 1015)', () => {
    const text = `# 某市测试局2018年政府信息公开工作年度报告\n\n八、需要说明的其他事项与统计表\n\n${statistics('3')}`;
    for (const profile of ['legacy', 'gov-2021']) {
      const r = run(text, [tableSum, tableBalance], profile);
      assert.deepEqual(r.findings.map((f) => f.message), [], profile);
    }
  });

  test('legacy 统计表: 收到申请数 = 当面 + 传真 + 网络 + 信函, reported once (by table-balance)', () => {
    const text = `# 某市测试局2018年政府信息公开工作年度报告\n\n八、需要说明的其他事项与统计表\n\n${statistics('4')}`;
    const r = run(text, [tableSum, tableBalance], 'legacy');
    const table = r.facts.nationalTables.find((t) => t.spec.id === 'legacy-statistics');
    assert.ok(table);
    assert.equal(table.rows.get('suit-corrected')?.values.get('count')?.number?.value, 1, '被依法纠错数 resolved under 行政诉讼数量');
    assert.equal(table.rows.get('rev-corrected')?.values.get('count')?.number?.value, 0);
    assert.equal(r.findings.length, 1, r.findings.map((f) => f.message).join('\n'));
    assert.equal(r.findings[0].ruleId, 'table-balance');
    assert.match(r.findings[0].message, /收到申请数 = 4，当面申请数 \+ 传真申请数 \+ 网络申请数 \+ 信函申请数 = 1 \+ 0 \+ 2 \+ 0 = 3，相差 1/);
  });

  test('a 其中 part larger than its total', () => {
    const text = ['一、总体情况', '', '| 指标 | 数量 |', '|---|---|', '| 发布信息总数 | 10 |', '| 其中：政策解读 | 12 |', ''].join('\n');
    const found = only(run(text, [tableSum]).findings, 'table-sum');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /其中项「政策解读」12 大于总数 10/);
    assert.equal(found[0].range.start.line, 5);
  });

  test('national rows are left to table-balance', () => {
    const rows = requestRows();
    rows[23].v[6] = '23';
    const r = run(pipeReport(rows), [tableSum, tableBalance]);
    assert.ok(only(r.findings, 'table-balance').length > 0);
    assert.deepEqual(only(r.findings, 'table-sum'), []);
  });
});

describe('table templates', () => {
  test('each template is read back as its own table with no finding', () => {
    const [t2, t3, t4] = GOV2021_TABLES.map((t) => t.template.split('\n'));
    const text = report({ t2, t3, t4 });
    const r = run(text, TABLE_RULES);
    assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.equal(r.facts.nationalTables.length, 3);
    assert.equal(r.facts.nationalTables.find((t) => t.spec.id === 'gov2021-requests')?.rows.size, 25);
  });

  test('the 2019 and legacy templates read back too', () => {
    const [t2, t3, t4] = GOV2019_TABLES.map((t) => t.template.split('\n'));
    const r2019 = run(report({ t2, t3, t4 }), TABLE_RULES, 'gov-2019');
    assert.deepEqual(r2019.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.equal(r2019.facts.nationalTables.find((t) => t.spec.id === 'gov2019-requests')?.rows.size, 23);
    assert.equal(r2019.facts.nationalTables.find((t) => t.spec.id === 'gov2019-proactive')?.rows.size, 8);
    const legacy = `# 某市测试局2018年政府信息公开工作年度报告\n\n八、需要说明的其他事项与统计表\n\n${LEGACY_TABLES[0].template}\n`;
    const rl = run(legacy, TABLE_RULES, 'legacy');
    assert.deepEqual(rl.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    const valueRows = LEGACY_TABLES[0].rows.filter((r) => !r.isGroup).length;
    assert.equal(rl.facts.nationalTables[0]?.rows.size, valueRows);
  });
});

describe('table-sum on a national table read without its profile', () => {
  test('a correct part 三 and part 四 table under the generic profile gives no table-sum finding', () => {
    const t3 = [
      '| | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 | | | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
      '| 二、上年结转政府信息公开申请数量 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '| 三、本年度办理结果 | （一）予以公开 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |',
      '| | （七）总计 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |',
      '| 四、结转下年度继续办理 | | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '',
      '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 2 | 1 | 1 | 1 | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const r = check('<!-- nianbao-profile: generic -->\n' + t3, { rules: [tableSum] });
    assert.deepEqual(r.findings.map((f) => f.message), []);
  });
});
