// Cross-year checks: the identity of a report from its title, the pairing of one agency's reports
// of consecutive years, the summary kept of the earlier one, and the four cross-year rules — on the
// series fixtures (test/fixtures/series) and on variations of them made here.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  agencyAliases,
  check,
  identityOfText,
  normaliseAgency,
  pairByIdentity,
  reportIdentity,
  summarise,
  type Finding,
  type PreviousReport,
} from '../../core/src/index';
import { parseConfig } from '../../core/src/config/load';

const SERIES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'series');
const read = (name: string) => fs.readFileSync(path.join(SERIES, name), 'utf8');
const Y2022 = read('青禾市自然资源局-2022.nianbao.md');
const Y2023 = read('青禾市自然资源局-2023.nianbao.md');
const Y2024 = read('青禾市自然资源局-2024.nianbao.md');

const summaryOf = (text: string, file = 'prev.md') => summarise(check(text), { file, uri: `file:///drafts/${file}` });
const crossYear = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('cross-year-'));

describe('report identity', () => {
  test('the agency is the title body without year, report words, spaces and punctuation', () => {
    assert.equal(normaliseAgency('青禾市 自然资源局'), '青禾市自然资源局');
    assert.equal(normaliseAgency('青禾市自然资源局2023年度政府信息公开工作年度报告'), '青禾市自然资源局');
    assert.equal(normaliseAgency('关于青禾市自然资源局'), '青禾市自然资源局');
    const a = identityOfText('# 青禾市自然资源局 2023 年政府信息公开工作年度报告\n\n正文。\n');
    const b = identityOfText('青禾市自然资源局2023年度政府信息公开工作年度报告\n\n正文。\n');
    const c = identityOfText('# 2023年青禾市自然资源局政府信息公开工作年度报告\n');
    assert.deepEqual(a, { agency: '青禾市自然资源局', year: 2023 });
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
  });

  test('no title naming an annual report, its agency and its year: no identity (nothing guessed from the body)', () => {
    assert.equal(identityOfText('一、总体情况\n\n2023年，青禾市自然资源局全年主动公开政府信息120条。\n'), undefined);
    assert.equal(identityOfText('# 青禾市自然资源局政府信息公开工作年度报告\n'), undefined);
    assert.equal(identityOfText('# 青禾市自然资源局2023年上半年政务公开工作总结\n'), undefined);
  });

  test('a title run into the first line of a page that lost its line breaks is found, without the page words', () => {
    const page = '当前位置：首页 政务公开 年报 青禾市自然资源局2023年度政府信息公开工作年度报告 来源：青禾市自然资源局 根据《条例》要求，'.padEnd(400, '现编制本报告。');
    assert.deepEqual(identityOfText(page), { agency: '青禾市自然资源局', year: 2023 });
  });

  test('the quick identity of the text agrees with the identity of the checked report', () => {
    for (const name of fs.readdirSync(SERIES).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      const text = read(name);
      assert.deepEqual(identityOfText(text), reportIdentity(check(text)), name);
    }
  });

  test('a renamed agency is the same agency through the config "agencies"', () => {
    const config = parseConfig(JSON.stringify({ agencies: { 青禾市自然资源局: ['青禾市国土资源局'] } }));
    assert.deepEqual(config.problems, []);
    const aliases = agencyAliases(config.agencies);
    const old = identityOfText('# 青禾市国土资源局2022年政府信息公开工作年度报告\n', aliases);
    assert.deepEqual(old, { agency: '青禾市自然资源局', year: 2022 });
    const bad = parseConfig(JSON.stringify({ agencies: { 青禾市自然资源局: '青禾市国土资源局', 青禾市林业局: ['青禾市林业站'] } }));
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0].path, /agencies\.青禾市自然资源局/);
    assert.deepEqual(bad.agencies, { 青禾市林业局: ['青禾市林业站'] });
  });
});

describe('pairing', () => {
  const id = (agency: string, year: number) => ({ agency, year });
  test('each report is paired with the same agency’s report of the year before, only that', () => {
    const pairs = pairByIdentity([
      ['a21', id('甲局', 2021)],
      ['a22', id('甲局', 2022)],
      ['a24', id('甲局', 2024)],
      ['b22', id('乙局', 2022)],
      ['x', undefined],
    ]);
    assert.deepEqual([...pairs], [['a22', 'a21']]);
  });

  test('two candidates for the year before: no pair (nothing is guessed)', () => {
    const pairs = pairByIdentity([
      ['draft', id('甲局', 2021)],
      ['final', id('甲局', 2021)],
      ['next', id('甲局', 2022)],
    ]);
    assert.equal(pairs.size, 0);
  });
});

describe('the summary of the previous report', () => {
  test('keeps the figures the next year continues, with their places, and stays small', () => {
    const s = summaryOf(Y2022);
    assert.deepEqual(s.identity, { agency: '青禾市自然资源局', year: 2022 });
    assert.equal(s.carryOver?.natural.value, 20);
    assert.equal(s.carryOver?.total.value, 24);
    assert.equal(s.carryOver?.natural.range.start.line, 76);
    assert.equal(s.valid?.normative?.value, 95);
    assert.equal(s.valid?.regulations?.value, 8);
    assert.equal(s.figures?.new?.value, 334);
    assert.ok(JSON.stringify(s).length < 4000, `${JSON.stringify(s).length} characters`);
  });
});

describe('cross-year rules', () => {
  test('without a previous report no cross-year rule reports anything', () => {
    assert.deepEqual(crossYear(check(Y2023).findings), []);
  });

  test('the wrong cells of 2023 against 2022: carry-over, documents in force and the growth rate, each once, with the arithmetic and the other file', () => {
    const found = crossYear(check(Y2023, { previous: summaryOf(Y2022, '2022.md') }).findings);
    assert.deepEqual(found.map((f) => f.ruleId).sort(), ['cross-year-carryover', 'cross-year-documents', 'cross-year-prose']);
    const carry = found.find((f) => f.ruleId === 'cross-year-carryover')!;
    const lines = Y2023.split('\n');
    assert.equal(lines[carry.range.start.line].slice(carry.range.start.character, carry.range.end.character), '18');
    assert.match(carry.message, /二、上年结转（自然人）应为上年报告（文件 2022\.md 第 77 行）四、结转下年度继续办理 的 20，此处为 18/);
    assert.equal(carry.related?.[0].uri, 'file:///drafts/2022.md');
    assert.equal(carry.related?.[0].range.start.line, 76);
    assert.equal(carry.data?.previousLine, 76);
    const docs = found.find((f) => f.ruleId === 'cross-year-documents')!;
    assert.match(docs.message, /95 \+ 本年制发 10 − 本年废止 4 = 101，此处为 103/);
    assert.equal(lines[docs.range.start.line].slice(docs.range.start.character, docs.range.end.character), '103');
    const prose = found.find((f) => f.ruleId === 'cross-year-prose')!;
    assert.match(prose.message, /（368 − 334）÷ 334 = 10\.18%/);
    assert.equal(lines[prose.range.start.line].slice(prose.range.start.character, prose.range.end.character), '12.5%');
  });

  test('2024 follows 2023 as written: nothing', () => {
    assert.deepEqual(crossYear(check(Y2024, { previous: summaryOf(Y2023) }).findings), []);
  });

  test('a previous report of another year than the one before compares nothing', () => {
    assert.deepEqual(crossYear(check(Y2024, { previous: summaryOf(Y2022) }).findings), []);
  });

  test('a column whose own sums fail is left to table-balance (one mistake, one finding)', () => {
    // 二（自然人）18 → 19 breaks 一 + 二 = 三（七）+ 四 in that column.
    const text = Y2023.replace('| 二、上年结转政府信息公开申请数量 | | | 18 | 2 | 0 | 0 | 1 | 1 | 22 |', '| 二、上年结转政府信息公开申请数量 | | | 19 | 2 | 0 | 0 | 1 | 1 | 23 |');
    assert.notEqual(text, Y2023);
    const r = check(text, { previous: summaryOf(Y2022) });
    assert.ok(r.findings.some((f) => f.ruleId === 'table-balance'));
    assert.deepEqual(crossYear(r.findings).filter((f) => f.ruleId === 'cross-year-carryover'), []);
  });

  test('only the wrong applicant column is reported, not the 总计 it drags along', () => {
    const found = crossYear(check(Y2023, { previous: summaryOf(Y2022) }).findings).filter((f) => f.ruleId === 'cross-year-carryover');
    assert.equal(found.length, 1);
    assert.equal(found[0].data?.column, 'natural');
  });

  test('a percentage may be rounded or cut at its decimals; a stated last-year figure is compared as written', () => {
    const prev = summaryOf(Y2022);
    const variant = (growth: string) => crossYear(check(Y2023.replace('比上年增长12.5%', growth), { previous: prev }).findings).filter((f) => f.ruleId === 'cross-year-prose');
    assert.equal(variant('比上年增长10.2%').length, 0); // 10.18 rounded
    assert.equal(variant('比上年增长10.1%').length, 0); // 10.18 cut
    assert.equal(variant('比上年增长10%').length, 0);
    assert.equal(variant('比上年增加34件').length, 0);
    assert.equal(variant('比上年增加30件').length, 1);
    assert.equal(variant('比上年提高3个百分点').length, 0); // a rate's change, not the count's
    assert.equal(variant('比上年下降10.2%').length, 1); // the direction is wrong
    assert.equal(variant('上年为334件').length, 0);
    const stated = variant('上年为330件');
    assert.equal(stated.length, 1);
    assert.match(stated[0].message, /正文写上年为 330.*为 334/);
  });

  test('a figure that disagrees with this year’s own table is left to text-table-mismatch', () => {
    const r = check(Y2023.replace('全年新收政府信息公开申请368件', '全年新收政府信息公开申请360件'), { previous: summaryOf(Y2022) });
    assert.ok(r.findings.some((f) => f.ruleId === 'text-table-mismatch'));
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'cross-year-prose'), []);
  });

  test('历年累计 = last year’s 累计 + this year’s figure, rows matched by label', () => {
    const prev = summaryOf(read('青川县林业局-2016.md'));
    assert.equal(prev.cumulative?.find((r) => r.key === '主动公开信息数')?.cumulative.value, 1480);
    // The wrong 累计 also falls below its 其中 item (table-sum): one finding on that cell, both rules in it.
    const all = check(read('青川县林业局-2017.md'), { previous: prev }).findings.filter((f) => f.severity !== 'info');
    assert.equal(all.length, 1);
    assert.deepEqual([all[0].ruleId, ...(all[0].data?.alsoFoundBy as string[])].sort(), ['cross-year-cumulative', 'table-sum']);
    const said = [all[0].message, ...(all[0].related ?? []).map((r) => r.message)].join('\n');
    assert.match(said, /1480 \+ 本年 236 = 1716，此处为 1705/);
  });

  test('a previous report whose figures could not be read gives nothing to compare', () => {
    const empty: PreviousReport = { file: 'x.md', identity: { agency: '青禾市自然资源局', year: 2022 } };
    assert.deepEqual(crossYear(check(Y2023, { previous: empty }).findings), []);
  });
});

// The real series of the corpus, when it is there: the consecutive pairs are compared (their
// summaries hold figures) and nothing is reported — false alarms on real reports are not allowed.
const CORPUS = path.join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
describe('cross-year on the real series of the corpus', { skip: !fs.existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
  const plain = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');
  test('016 → 017 and 012 → 013 (flattened text) compare and report nothing', () => {
    for (const [a, b] of [
      ['016.txt', '017.txt'],
      ['012.txt', '013.txt'],
    ]) {
      const prev = summarise(check(plain(a), { plainText: true }), { file: a });
      const r = check(plain(b), { plainText: true, previous: prev });
      assert.deepEqual(crossYear(r.findings).map((f) => f.message), [], `${a} → ${b}`);
    }
    // 016's 表三 was read from its digit runs (one split only); its carry-over is known.
    assert.ok(summarise(check(plain('016.txt'), { plainText: true }), { file: '016.txt' }).carryOver?.total);
  });
});
