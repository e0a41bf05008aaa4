// One wrong cell, one finding on that cell (table-blame.ts, table-balance): on the blame fixtures
// the exact findings, their fixes, what is left after the fix, the prose figures as evidence
// (text-table-mismatch silent where the table is what is wrong) and the hover's arithmetic.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type CheckResult, type Finding } from '../../core/src/index';
import { hover } from '../../core/src/service/hover';
import { applyEdits } from '../support/textEdits';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const defect = (name: string) => read(`test/fixtures/defects/${name}.md`);

const TABLE_RULES = new Set(['table-balance', 'text-table-mismatch']);
/** The table findings as `line rule [fix texts]` (1-based lines), in document order. */
function tableFindings(r: CheckResult): string[] {
  return r.findings
    .filter((f) => TABLE_RULES.has(f.ruleId))
    .map((f) => `${f.range.start.line + 1} ${f.ruleId}${f.fix ? ` [${f.fix.edits.map((e) => e.newText).join(',')}]` : ''}`);
}
const balance = (r: CheckResult) => r.findings.filter((f) => f.ruleId === 'table-balance');
const lines = (text: string) => text.split(/\r?\n/);
const textAt = (text: string, f: { range: Finding['range'] }) =>
  lines(text)[f.range.start.line].slice(f.range.start.character, f.range.end.character);

describe('blame the one wrong cell: fixtures', () => {
  // file → the table findings expected, and those left once the table-balance fixes are applied.
  const cases: [string, string[], string[]][] = [
    ['table-blame-middle', ['55 table-balance [1]'], []],
    ['table-blame-row-total', ['45 table-balance [4]'], []],
    ['table-blame-total', ['66 table-balance [5]'], []],
    ['table-blame-carry-over', ['67 table-balance [1]'], []],
    ['table-blame-carry-over-prose', ['67 table-balance [1,1]'], []],
    ['table-blame-two-cells', ['46 table-balance [0]', '55 table-balance [1]'], []],
    ['table-blame-review-total', ['75 table-balance [2]'], []],
    ['text-table-mismatch-table-wrong', ['43 table-balance [6]'], []],
    // The prose repeats the wrong total: fixed in the table first, then the prose is reported.
    ['table-blame-prose-agrees', ['66 table-balance [5]'], ['11 text-table-mismatch [5]']],
    // Not unique: reported once, without a fix.
    ['table-blame-carry-over-row', ['66 table-balance'], ['66 table-balance']],
    ['table-balance', ['66 table-balance'], ['66 table-balance']],
    ['table-balance-results', ['66 table-balance'], ['66 table-balance']],
    ['table-balance-review', ['75 table-balance'], ['75 table-balance']],
    ['table-balance-legacy', ['20 table-balance'], ['20 table-balance']],
    // The table adds up: the prose is what is wrong.
    ['text-table-mismatch', ['11 text-table-mismatch [6]'], ['11 text-table-mismatch [6]']],
  ];
  for (const [name, want, afterFix] of cases) {
    test(`${name}: ${want.join('; ')}`, () => {
      const text = defect(name).replace(/ <!-- expect: [^>]*-->/g, '');
      const r = check(text);
      assert.deepEqual(tableFindings(r), want, r.findings.map((f) => `${f.ruleId} ${f.message}`).join('\n'));
      const fixed = applyEdits(text, balance(r).flatMap((f) => f.fix?.edits ?? []));
      assert.deepEqual(tableFindings(check(fixed)), afterFix, 'after the table-balance fixes');
      // Every blamed finding sits on the cell its fix rewrites, and that cell holds the wrong figure.
      for (const f of balance(r).filter((x) => x.fix)) {
        assert.deepEqual(f.range, f.fix!.edits[0].range);
        assert.equal(textAt(text, f), String(f.data?.actual));
      }
    });
  }

  test('a wrong （七）总计 with the prose right: one finding, which names the prose as agreeing', () => {
    const text = defect('table-blame-total');
    const [f] = balance(check(text));
    assert.match(f.message, /^「三（七）」行「总计」应为 5（表中为 6）：总计 = 6，.* = 5，相差 1/);
    assert.match(f.message, /改后这 3 处都成立；正文所写 5件 与此一致$/);
    assert.deepEqual(f.data?.checks, ['T3-COL', 'T3-ROW', 'T3-SUB']);
    // Related: the two other sums at the cell each is reported on, and the prose figure.
    const prose = lines(text).findIndex((l) => l.includes('办结5件'));
    assert.deepEqual(
      f.related?.map((x) => x.range.start.line),
      [65, 65, prose],
    );
    assert.match(f.related[0].message, /^第 7 列（总计）：一 \+ 二 = 6 \+ 0 = 6，三（七）\+ 四 = 6 \+ 1 = 7，相差 1/);
    assert.equal(f.related[2].message, '正文写 5件（与勾稽关系要求的数一致）');
    assert.equal(f.fix?.title, '将「三（七）」行「总计」改为 5');
  });

  test('a 表四 total the prose contradicts: the total is blamed, with the prose as evidence', () => {
    const text = defect('table-blame-review-total');
    const r = check(text);
    const [f] = balance(r);
    assert.match(f.message, /^「行政复议总计」应为 2（表中为 3）/);
    assert.equal(r.findings.filter((x) => x.ruleId === 'text-table-mismatch').length, 0);
    // Without the prose figure any of the five cells could be the wrong one.
    const bare = check(text.replace('全年因政府信息公开工作被申请行政复议2件，未被提起行政诉讼。', ''));
    const [g] = balance(bare);
    assert.equal(g.fix, undefined);
    assert.match(g.message, /式中任何一格写错都会如此，无法确定是哪一格有误/);
    assert.equal(g.data?.options, 5);
  });

  test('a blank cell the sums blame: the figure is written into the cell, padded', () => {
    const text = defect('table-blame-middle')
      .replace(/ <!-- expect: [^>]*-->/g, '')
      .replace('| 1.本机关不掌握相关政府信息 | 2 | 0 |', '| 1.本机关不掌握相关政府信息 |  | 0 |');
    const [f] = balance(check(text));
    assert.match(f.message, /^「（四）1」行「自然人」应为 1（表中为空）：总计 = 1，.* = 空\(0\) \+ 0/);
    const fixed = applyEdits(text, f.fix!.edits);
    assert.ok(fixed.includes('| 1.本机关不掌握相关政府信息 | 1  | 0 |'), fixed.split('\n')[54]);
    assert.deepEqual(tableFindings(check(fixed)), []);
  });

  test('a row of 四 wrong alike in 自然人 and 总计: 二 or 四 (一 is pinned by 新收 6 件), no fix', () => {
    const [f] = balance(check(defect('table-blame-carry-over-row')));
    assert.match(f.message, /^第 1 列（自然人）：一 \+ 二 = 5 \+ 0 = 5，三（七）\+ 四 = 4 \+ 2 = 6，相差 1/);
    assert.match(f.message, /改「二」行「自然人」「总计」或「四」行「自然人」「总计」都能使各处勾稽关系成立/);
    assert.equal(f.fix, undefined);
    assert.equal(f.data?.options, 2);
  });
});

describe('blame the one wrong cell: the example draft', () => {
  const text = read('examples/report-2023.nianbao.md');
  const r = check(text);

  test('line 45 is the one table-balance finding; line 66 is related information, not a second finding', () => {
    assert.deepEqual(tableFindings(r), ['45 table-balance [25]']);
    const [f] = balance(r);
    assert.equal(textAt(text, f), '26');
    assert.equal(f.related?.[0].range.start.line, 65);
    assert.match(f.related[0].message, /三（七）总计 = 54，各办理结果之和 = .*= 55，相差 1/);
  });

  test('its fix leaves fewer errors and no table finding', () => {
    const [f] = balance(r);
    const after = check(applyEdits(text, f.fix!.edits));
    assert.deepEqual(tableFindings(after), []);
    const errors = (x: CheckResult) => x.findings.filter((g) => g.severity === 'error').length;
    assert.equal(errors(after), errors(r) - 1);
  });

  test('hover: the blamed cell shows the value the sums agree on; a cell of a failing sum names the cause', () => {
    const at = (line: number, needle: string) => ({ line, character: lines(text)[line].lastIndexOf(needle) + 2 });
    const blamed = hover(r, at(44, '| 26 |'))?.contents.value ?? '';
    assert.match(blamed, /按表内勾稽关系，本格应为 25\*\*（表中为 26）/);
    assert.match(blamed, /✗ 总计 = 自然人 \+ .*：26；21 \+ 2 \+ 0 \+ 1 \+ 1 \+ 0 = 25，相差 1\u3000（由本格引起）/);
    const total = hover(r, at(65, '| 54 |'))?.contents.value ?? '';
    assert.match(total, /✓ 一 \+ 二 = 三（七）\+ 四（「总计」列）：56 \+ 3 = 59；54 \+ 5 = 59，相符/);
    assert.match(total, /✗ 三（七）总计 = .*：54；.* = 55，相差 1\u3000（由「三（一）」行「总计」引起）/);
    // The finding elsewhere that lists this cell as related information.
    assert.match(total, /另见：「三（一）」行「总计」应为 25/);
    assert.doesNotMatch(total, /本格应为/);
  });

  test('hover on a sum that cannot be blamed on one cell says so', () => {
    const t = defect('table-balance-review');
    const rr = check(t);
    const line = 74;
    const h = hover(rr, { line, character: lines(t)[line].indexOf('| 3 |') + 2 })?.contents.value ?? '';
    assert.match(h, /✗ 总计 = 结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结（「行政复议、行政诉讼情况」行）：3；1 \+ 1 \+ 0 \+ 0 = 2，相差 1\u3000（无法确定哪一格有误）/);
  });
});
