// The report overview over the fixtures: every key figure leads to text that writes it, tables show
// ✓ or their problems, missing parts sit where the part-missing fix inserts them; a table that could
// not be read gives no figure; the legacy 统计表 gives what it has; a text that is not a report gets
// a note. Values are checked against the text at the figure's range, not against literals alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/engine';
import { reportOverview, type ReportOverview } from '../../core/src/service/overview';
import { BUILTIN_PROFILES } from '../../core/src/profiles/index';
import { rowColumns } from '../../core/src/facts/tables';
import { EMPTY_CONFIG } from '../../core/src/config/types';
import type { Range } from '../../core/src/model';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (p: string) => fs.readFileSync(path.join(FIXTURES, p), 'utf8');

/** The source text a range covers (UTF-16 positions, as LSP). */
function textAt(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

const digits = (s: string) => s.replace(/[,，\s]/g, '');
const fig = (o: ReportOverview, id: string) => {
  const f = o.figures.find((x) => x.id === id);
  assert.ok(f, `figure ${id}`);
  return f;
};

describe('report overview', () => {
  test('2021: each figure leads to the cell or words that state it; all tables ✓; nothing missing', () => {
    const text = read('correct/gov2021-city-2023.md');
    const o = reportOverview(check(text));
    assert.equal(o.profileId, 'gov-2021');
    assert.deepEqual(
      o.figures.map((f) => f.id),
      BUILTIN_PROFILES.find((p) => p.id === 'gov-2021')!.keyFigures!.map((k) => k.id),
    );
    for (const f of o.figures.filter((x) => x.from !== 'prose' && x.id !== 'litigation-total')) {
      assert.ok(f.range && f.value !== undefined, `${f.id} read`);
      assert.equal(Number(digits(textAt(text, f.range))), f.value, `${f.id} leads to its cell`);
    }
    // The prose states the new and handled figures; the overview's table figures agree with them.
    assert.match(text, new RegExp(`新收政府信息公开申请${fig(o, 'requests-new').value}件`));
    assert.match(text, new RegExp(`本年办结${fig(o, 'requests-done').value}件`));
    const proactive = fig(o, 'proactive-total');
    assert.equal(proactive.from, 'prose');
    assert.equal(Number(digits(textAt(text, proactive.range!)).replace(/条$/, '')), proactive.value);
    // 行政诉讼 is the sum of its two totals, and leads to the span of both cells.
    const suits = fig(o, 'litigation-total');
    const cells = textAt(text, suits.range!).split('|').map((c) => c.trim());
    assert.equal(Number(cells[0]) + Number(cells[cells.length - 1]), suits.value);
    const fee = fig(o, 'fee');
    assert.equal(fee.none, true);
    assert.match(textAt(text, fee.range!), /未收取信息处理费/);
    assert.deepEqual(o.tables.map((t) => t.status), ['ok', 'ok', 'ok']);
    for (const t of o.tables) assert.match(text.split('\n')[t.range!.start.line], /^\|/);
    assert.deepEqual(o.missingParts, []);
  });

  test('a wrong total: its table counts the error, the figure on the blamed cell says it has a problem', () => {
    const base = read('correct/gov2021-city-2023.md').replace('<!-- expect-none -->\n', '');
    const text = base.replace('| 四、结转下年度继续办理 | | | 36 | 3 | 0 | 0 | 2 | 1 | 42 |', '| 四、结转下年度继续办理 | | | 36 | 3 | 0 | 0 | 2 | 1 | 44 |');
    assert.notEqual(text, base);
    const result = check(text);
    const o = reportOverview(result);
    const requests = o.tables.find((t) => t.id === 'gov2021-requests')!;
    assert.equal(requests.status, 'problems');
    const inTable = result.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.range.start.line >= requests.range!.start.line && f.range.start.line <= requests.range!.end.line);
    assert.equal(requests.errors + requests.warnings, inTable.length);
    assert.ok(inTable.length > 0);
    const carry = fig(o, 'requests-carry-over');
    assert.equal(carry.value, 44);
    assert.ok(carry.problems > 0, 'the blamed cell is the figure');
    assert.equal(fig(o, 'requests-new').problems, 0);
  });

  test('a blank cell is shown as written and still leads to its place', () => {
    const text = read('correct/gov2021-city-2023.md');
    const blanked = text.replace('| 11 | 8 | 472 |', '| 11 | 8 | — |');
    assert.notEqual(blanked, text);
    const f = fig(reportOverview(check(blanked)), 'requests-new');
    assert.equal(f.value, undefined);
    assert.equal(f.written, '—');
    assert.equal(textAt(blanked, f.range!), '—');
  });

  test('a missing part is listed where the fix inserts it; off when the rule is off', () => {
    const text = read('defects/part-missing.md');
    const result = check(text);
    const o = reportOverview(result);
    assert.deepEqual(o.missingParts.map((m) => m.heading), ['五、存在的主要问题及改进情况']);
    const six = text.split('\n').findIndex((l) => l.startsWith('## 其他需要报告的事项'));
    assert.deepEqual(o.missingParts[0].range, { start: { line: six, character: 0 }, end: { line: six, character: 0 } });
    assert.ok(o.missingParts[0].basis);
    const off = reportOverview(check(text, { config: { ...EMPTY_CONFIG, rules: { 'part-missing': 'off' } } }));
    assert.deepEqual(off.missingParts, []);
  });

  test('2019: the figures come from the 2019 columns', () => {
    const text = read('correct/gov2019-county-2020.md');
    const o = reportOverview(check(text));
    assert.equal(o.profileId, 'gov-2019');
    const normative = fig(o, 'proactive-normative');
    assert.match(normative.source, /本年新制作数量/);
    assert.equal(Number(textAt(text, normative.range!)), normative.value);
    assert.ok(o.figures.every((f) => f.range), o.figures.filter((f) => !f.range).map((f) => f.id).join());
  });

  test('legacy: the 统计表 gives what it has, and the missing part the rule names', () => {
    const text = read('seeds/seed004-legacy-2018.md');
    const result = check(text);
    const o = reportOverview(result);
    assert.equal(o.profileId, 'legacy');
    const proactive = fig(o, 'proactive-total');
    assert.match(proactive.source, /政府信息公开情况统计表/);
    assert.equal(Number(textAt(text, proactive.range!)), proactive.value);
    assert.equal(fig(o, 'request-fees').unit, '万元');
    assert.ok(!o.figures.some((f) => f.id === 'requests-carried'), 'the 统计表 has no carried-over row');
    const finding = result.findings.find((f) => f.ruleId === 'part-missing')!;
    assert.deepEqual(o.missingParts.map((m) => m.id), finding.data!.partIds);
    assert.deepEqual(o.tables.map((t) => [t.id, t.status]), [['legacy-statistics', 'ok']]);
  });

  test('a flattened page: the table that could not be read gives no figure; ranges are in the source', () => {
    const text = read('flattened/gov2021-one-line.txt');
    const result = check(text);
    assert.ok(result.view, 'checked in a recovered view');
    const o = reportOverview(result);
    const proactive = o.tables.find((t) => t.id === 'gov2021-proactive')!;
    assert.equal(proactive.status, 'unreadable');
    assert.equal(fig(o, 'proactive-regulations').range, undefined);
    assert.equal(fig(o, 'proactive-regulations').text, '未找到');
    const fresh = fig(o, 'requests-new');
    assert.equal(Number(textAt(text, fresh.range!)), fresh.value);
    // On one line, a finding elsewhere on the line is not the table's.
    const requests = o.tables.find((t) => t.id === 'gov2021-requests')!;
    assert.equal(requests.status, 'ok');
  });

  test('a text that is not an annual report gets a note and nothing else', () => {
    const o = reportOverview(check(read('seeds/seed003-halfyear.md')));
    assert.equal(o.profileId, 'generic');
    assert.ok(o.note);
    assert.deepEqual([o.figures, o.tables, o.missingParts], [[], [], []]);
  });

  test('prose figures: a sub-figure is not the total; a sentence that only cites the rules is skipped', () => {
    const text = [
      '# 某县民政局2023年政府信息公开工作年度报告',
      '',
      '一、总体情况',
      '',
      '组织学习《政府信息公开信息处理费管理办法》。其中，乡镇主动公开政府信息40条。全年共主动公开政府信息 1,268 条。',
      '',
      '六、其他需要报告的事项',
      '',
      '本年度收取信息处理费共计380元。',
    ].join('\n');
    const o = reportOverview(check(text));
    const p = fig(o, 'proactive-total');
    assert.equal(p.value, 1268);
    assert.equal(textAt(text, p.range!), '1,268 条');
    const fee = fig(o, 'fee');
    assert.equal(fee.value, 380);
    assert.equal(fee.unit, '元');
    assert.equal(textAt(text, fee.range!), '380元');
  });

  test('the profiles name only tables, rows and columns they have', () => {
    for (const profile of BUILTIN_PROFILES) {
      for (const k of profile.keyFigures ?? []) {
        for (const from of k.from) {
          if (!('cells' in from)) continue;
          const table = profile.tables.find((t) => t.id === from.cells.table);
          assert.ok(table, `${profile.id} ${k.id}: table ${from.cells.table}`);
          for (const { row, column } of from.cells.cells) {
            const spec = table.rows.find((r) => r.id === row);
            assert.ok(spec && !spec.isGroup && !spec.isCaption, `${profile.id} ${k.id}: row ${row}`);
            assert.ok(rowColumns(table, spec).includes(column), `${profile.id} ${k.id}: column ${column} of ${row}`);
          }
        }
      }
      assert.equal(!!profile.keyFigures?.length, profile.annualReport, `${profile.id}: key figures exactly for annual reports`);
    }
  });
});
