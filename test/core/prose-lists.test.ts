// Lists of parts of a total and ratios against a stated base: what a shortfall means depends on
// how complete the list says it is (error / warning / info), channels may overlap, percentages are
// checked against the base written with them and against last year's figure.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import type { Finding, Rule } from '../../core/src/rules/types';
import { rule as proseSum } from '../../core/src/rules/prose-sum';
import { rule as prosePercent } from '../../core/src/rules/prose-percent';
import { findRatioStatements } from '../../core/src/analysis/prose/ratio-statements';
import { findSumStatements } from '../../core/src/analysis/prose/sum-statements';
import { CheckCache } from '../../core/src/check-cache';
import { applyEdits } from '../support/textEdits';

const TITLE = '# 青禾县民政局2023年政府信息公开工作年度报告';
const PERIOD = '本报告所列数据统计期限为2023年1月1日至12月31日。';

function draft(...paragraphs: string[]): string {
  return [TITLE, '', PERIOD, '', '一、总体情况', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

function run(text: string, rule: Rule): Finding[] {
  const result = check(text, { rules: [rule], profile: 'gov-2021' });
  assert.deepEqual(result.ruleFailures, [], 'the rule must not throw');
  return result.findings;
}

function textAt(text: string, f: { range: Finding['range'] }): string {
  assert.equal(f.range.start.line, f.range.end.line);
  return text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);
}

describe('prose-sum: what a list that misses its total means', () => {
  const cases: Array<[string, string, Finding['severity'] | undefined]> = [
    ['parts above the total (其中)', '共收到申请10件，其中自然人申请6件、法人申请5件。', 'error'],
    ['parts above the total of a list of main categories', '共收到申请10件，其中主要有：自然人申请6件、法人申请5件。', 'error'],
    ['a list ending in 其他 leaves nothing out, however short', '全年发布信息100条，其中通知公告20条、其他信息10条。', 'error'],
    ['分别为 right after the total', '全年收到申请12件，分别为予以公开5件、部分公开4件、不予公开2件。', 'error'],
    ['共计 after the parts', '梳理公共服务事项5项、便民服务事项3项，共计9项。', 'error'],
    ['a 其中 list that misses: probably a part left out', '全年主动公开信息200条，其中政策文件90条、工作动态80条、通知公告20条。', 'warning'],
    ['"在……的N条信息中" with no sign of a sample', '在门户网站主动公开的425条政府信息中，机构职能类信息148条；规划计划类信息21条；重大项目类信息190条；其他领域信息62条。', 'error'],
    ['"在……的N条信息中" without 其他', '在门户网站主动公开的425条政府信息中，机构职能类信息148条；规划计划类信息21条；重大项目类信息190条；民生类信息62条。', 'warning'],
    // The labels say which parts are listed: short of the total, the others are left out (one may be carried over).
    ['labels before 分别为 pair with their own figures', '全年收到申请12件，予以公开、部分公开、不予公开分别为5件、4件、2件。', undefined],
    ['labels after 其中, before 分别为', '全年办结申请58件，其中予以公开、部分公开和无法提供的分别为29件、5件和14件。', undefined],
    ['labels before 分别为, above the total', '全年收到申请12件，予以公开、部分公开、不予公开分别为5件、4件、4件。', 'error'],
    ['主要有: a selection', '全年主动公开信息200条，主要有：政策文件90条、工作动态80条、通知公告20条。', 'info'],
    ['主要包括 above the total', '全年主动公开信息200条，主要包括政策文件90条、工作动态80条、通知公告50条。', 'error'],
    ['包括 like 其中', '全年主动公开信息200条，包括政策文件90条、工作动态80条、通知公告20条。', 'warning'],
    ['主要有 after 其中', '全年主动公开信息200条，其中主要有：政策文件90条、工作动态80条、通知公告20条。', 'info'],
    ['……等 after the last part', '全年主动公开信息200条，其中政策文件90条、工作动态80条、通知公告20条等信息。', 'info'],
    ['以……为主', '全年主动公开信息200条，其中以政策文件为主：政策文件90条、工作动态80条、通知公告20条。', 'info'],
  ];
  for (const [what, sentence, severity] of cases) {
    test(`${what}: ${severity ?? 'nothing'}`, () => {
      const text = draft(sentence);
      const findings = run(text, proseSum);
      if (!severity) return assert.deepEqual(findings, []);
      assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
      assert.equal(findings[0].severity, severity);
      assert.match(findings[0].message, /分项之和 \d+（.*）与总数 \d+ 不符，相差 \d+/);
      // Only a list that may leave parts out goes without a fix; the fix writes the sum and clears it.
      if (severity === 'info') assert.equal(findings[0].fix, undefined);
      else assert.deepEqual(run(applyEdits(text, findings[0].fix!.edits), proseSum), []);
    });
  }

  test('the message says why a shortfall is only a warning or a note', () => {
    const sentence = (what: string) => cases.find(([w]) => w.startsWith(what))![1];
    const [warning] = run(draft(sentence('a 其中 list that misses')), proseSum);
    assert.match(warning.message, /漏列/);
    const [info] = run(draft(sentence('……等 after')), proseSum);
    assert.match(info.message, /主要类别|等/);
    const [exceeds] = run(draft(sentence('parts above the total (其中)')), proseSum);
    assert.match(exceeds.message, /分项多于总数/);
  });

  test('channels may carry one item twice: more than a total stated before them is no contradiction', () => {
    const overlap = draft('全年主动公开政府信息1015条，其中政府网站597条、政务微博336条、政务微信309条、其他方式150条。');
    assert.deepEqual(run(overlap, proseSum), []);
    // A total written after the channels sums them: it must hold.
    const summed = draft('政府网站发布597条、政务微博336条、政务微信309条，共计1015条。');
    assert.equal(run(summed, proseSum)[0]?.severity, 'error');
  });

  test('traps: a label with 主要 or 其他组织 is not a marker, approximate parts are never added', () => {
    const text = draft(
      '全年召开新闻发布会5次，其中主要负责同志出席3次、分管负责同志出席1次。',
      '共收到申请749件，其中自然人申请741件、法人或其他组织申请7件。',
      '全年发布信息400余条，其中工作动态80条、政策解读60条。',
    );
    const findings = run(text, proseSum);
    // The press conferences: who attended is no breakdown (below); the applicants are.
    assert.deepEqual(
      findings.map((f) => [f.severity, f.data?.list, f.range.start.line]),
      [['warning', 'presumed', text.split('\n').findIndex((l) => l.startsWith('共收到申请749件'))]],
    );
  });

  test('who attended is no breakdown: one event has several attendants, another none', () => {
    const text = draft(
      '全年召开新闻发布会6场，其中主要负责同志出席3场、分管负责同志出席5场。',
      '全年举办培训4期，其中领导干部参加3期、业务骨干参加2期。',
    );
    assert.deepEqual(run(text, proseSum), []);
    // Parts named otherwise still add up to their total.
    assert.equal(run(draft('全年举办培训4期，其中集中培训3期、专题培训2期。'), proseSum)[0]?.severity, 'error');
  });

  test('statements say how complete they are', () => {
    const kinds = (s: string) => findSumStatements(new CheckCache(), s).map((x) => x.kind);
    assert.deepEqual(kinds('全年主动公开信息149条，其中：A类7条、B类3条，C类5条等相关信息。'), ['partial']);
    assert.deepEqual(kinds('全年主动公开信息15条，其中：A类7条、B类3条，其他5条。'), ['complete']);
    assert.deepEqual(kinds('全年主动公开信息15条，其中：A类7条、B类3条，C类5条。'), ['presumed']);
  });
});

describe('prose-percent: ratios against a stated base and growth on last year', () => {
  test('"完成目标任务N件的P%": the figure before ÷ N', () => {
    const text = draft('全年办理法律援助诉讼案件2266件，完成年度目标任务1600件的144.69%，挽回经济损失700万元。');
    const findings = run(text, prosePercent);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), '144.69%');
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /^2266 ÷ 1600 = 141\.63%，与所写 144\.69% 不符$/);
    assert.deepEqual(
      findings[0].related?.map((r) => textAt(text, r)),
      ['1600', '2266'],
    );
    for (const ok of ['141.6%', '141.63%', '141.62%', '142%']) {
      assert.deepEqual(run(draft(`全年办理法律援助诉讼案件2266件，完成年度目标任务1600件的${ok}。`), prosePercent), [], ok);
    }
  });

  test('"占总数N件的P%" and a figure of something else in the sentence', () => {
    assert.deepEqual(run(draft('全年受理申请1295件，办结1191件，其中予以公开208件，占办结总数1191件的17.46%。'), prosePercent), []);
    const wrong = run(draft('全年办结1191件，其中予以公开208件，占办结总数1191件的18.46%。'), prosePercent);
    assert.match(wrong[0].message, /208 ÷ 1191 = 17\.46%，与所写 18\.46% 不符/);
  });

  test('an approximate figure that could give the percentage silences it; one that cannot does not', () => {
    assert.deepEqual(run(draft('全年办理案件3000余件，完成年度目标任务2000件的160%。'), prosePercent), []);
    const findings = run(draft('全年办理案件3000余件，其中诉讼案件2266件，完成年度目标任务1600件的144.69%。'), prosePercent);
    assert.equal(findings.length, 1);
  });

  test('a sentence broken by a page break is read whole, and the finding is on the percentage', () => {
    const text = draft('一是推进法律援助信息公开。全年办理法律援助诉讼案件2266件，完成年', '度目标任务 1600 件的 144.69%，挽回经济损失700万元。');
    const findings = run(text, prosePercent);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), '144.69%');
    assert.deepEqual(findings[0].related?.map((r) => textAt(text, r)), ['1600', '2266']);
    assert.equal(findings[0].related?.[1].range.start.line, 6);
    assert.equal(findings[0].range.start.line, 8);
    // A heading or a finished sentence between them: not one sentence.
    assert.deepEqual(run(draft('全年办理法律援助诉讼案件2266件，完成年度目标。', '度目标任务 1600 件的 144.69%。'), prosePercent), []);
  });

  test('growth on last year, both figures written', () => {
    const ok = [
      '全年收到申请30件，上年为20件，同比增长50%。',
      '全年收到申请30件，比上年的20件增长50%。',
      '全年收到申请30件，比上年增加10件，增长50%。',
      '全年收到申请15件，上年为20件，同比下降25%。',
      '全年收到申请15件，比上年减少5件，下降25%。',
      '全年收到申请30件，同比增长50%。',
      '全年收到申请30件，上年结转2件，同比增长50%。',
      '办结率100%，上年为95%，同比提高5%。',
      '全年受理申请30件，上年为20件，办结率同比提高5%。',
    ];
    for (const s of ok) assert.deepEqual(run(draft(s), prosePercent), [], s);
    const [f] = run(draft('全年收到申请30件，上年为20件，同比增长40%。'), prosePercent);
    assert.match(f.message, /（30 − 20）÷ 20 = 50\.00%，与所写 40% 不符/);
    const [change] = run(draft('全年收到申请30件，比上年增加10件，增长30%。'), prosePercent);
    assert.match(change.message, /10 ÷ 20（上年 = 30 − 10）= 50\.00%，与所写 30% 不符/);
    const [direction] = run(draft('全年收到申请15件，上年为20件，同比增长25%。'), prosePercent);
    assert.match(direction.message, /方向相反（实为下降）/);
  });

  test('statements of both kinds are found', () => {
    const kinds = findRatioStatements(new CheckCache(), '全年收到申请30件，上年为20件，同比增长50%；办结28件，完成目标任务20件的140%。').map((s) => `${s.kind}:${s.fits}`);
    assert.deepEqual(kinds, ['growth:true', 'of-base:true']);
  });
});

describe('list and ratio patterns stay linear on crafted 200,000-character input', () => {
  const crafted = [
    '以'.repeat(200_000),
    '主要'.repeat(100_000),
    '上年'.repeat(100_000) + '增长5%',
    '其中1件、'.repeat(40_000),
    '共1件的1%，'.repeat(20_000),
    '上年为1件增长1%'.repeat(20_000),
    '分别为1件、'.repeat(33_000),
    '比上年增加1件，增长1%。'.repeat(15_000),
  ];
  for (const body of crafted) {
    test(`${body.slice(0, 8)}… (${body.length} chars)`, { timeout: 30_000 }, () => {
      const start = process.hrtime.bigint();
      run(draft(body), proseSum);
      run(draft(body), prosePercent);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Not a timing assertion: a quadratic scan of 200,000 characters takes minutes, not seconds.
      assert.ok(ms < 20_000, `${ms} ms`);
    });
  }
});
