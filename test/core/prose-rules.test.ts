// The rules that read the prose: sums, percentages, years, the statistics period, placeholders,
// garbled text, and figures that contradict the tables. Each rule: a correct text gives nothing,
// each defect gives exactly its finding at the exact range, and applying the fixes clears it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, MAX_PER_BLOCK } from '../../core/src/engine';
import type { Finding, Rule } from '../../core/src/rules/types';
import { rule as proseSum } from '../../core/src/rules/prose-sum';
import { rule as prosePercent } from '../../core/src/rules/prose-percent';
import { rule as yearConsistency } from '../../core/src/rules/year-consistency';
import { rule as periodConsistency } from '../../core/src/rules/period-consistency';
import { rule as placeholder } from '../../core/src/rules/placeholder';
import { rule as mojibake } from '../../core/src/rules/mojibake';
import { rule as textTableMismatch } from '../../core/src/rules/text-table-mismatch';
import { applyEdits } from '../support/textEdits';

const TITLE = '# 青禾县民政局2023年政府信息公开工作年度报告';
const PERIOD = '本报告所列数据统计期限为2023年1月1日至12月31日。';

/** A fragment: title, 统计期限 sentence, part 一 with the given paragraphs (line 6 is the first). */
function draft(...paragraphs: string[]): string {
  return [TITLE, '', PERIOD, '', '一、总体情况', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}
const FIRST = 6; // 0-based line of the first paragraph in draft()

function run(text: string, rule: Rule): Finding[] {
  const result = check(text, { rules: [rule], profile: 'gov-2021' });
  assert.deepEqual(result.ruleFailures, [], 'the rule must not throw');
  return result.findings;
}

/** The 0-based line/UTF-16 column range of the n-th occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not in text`);
  }
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** The range of `needle` inside the first occurrence of `context`. */
function rangeIn(text: string, context: string, needle: string) {
  const r = rangeOf(text, context);
  const offset = context.indexOf(needle);
  assert.ok(offset >= 0);
  const line = r.start.line;
  const character = r.start.character + offset;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

function applyAllFixes(text: string, findings: Finding[]): string {
  return applyEdits(text, findings.flatMap((f) => f.fix?.edits ?? []));
}

describe('prose-sum', () => {
  const ok = [
    '全年主动公开信息1798条，其中门户网站502条、新闻媒体215条、微信472条、微博609条。',
    '门户网站发布信息502条、新闻媒体215条、微信发布信息472条、微博609条，共计1798条。',
    '承办政协提案2件，其中1件主办，1件协办，均已办结，办结率达100%。',
    '发布各类信息400余条，其中工作动态80余条，图片新闻20余条，政策解读60条。',
    '主动公开信息100条（不同渠道和方式公开相同信息计1条），其中网站80条、微信60条。',
    '全年收到申请5件，其中自然人3件、法人2件，另有1件结转下年度办理。',
    '全年办结申请10件，其中予以公开6件，占60%，部分公开4件，占40%。',
    '全年主动公开信息500条，其中政策解读30条、图片新闻20条。',
    '全年主动公开政府信息12,846条，其中门户网站7,312条、政务新媒体4,105条、其他渠道1,429条。',
    '全年办结申请1191件（含上年结转189件），其中予以公开208件（17.46%），不予公开983件。',
    '共收到申请20件，其中自然人申请15件、法人申请5件；予以公开10件、不予公开6件、无法提供4件。',
    '本年新收申请10件，上年结转2件，共办结11件，1件结转下年度。',
    '梳理公共服务事项5项、便民服务事项3项，共计8项。',
  ];
  for (const text of ok) {
    test(`no finding: ${text.slice(0, 24)}…`, () => assert.deepEqual(run(draft(text), proseSum), []));
  }

  test('a breakdown that misses its total is reported on the total, with the arithmetic', () => {
    const text = draft('全年主動公開信息149條,其中:機構領導7條、機關設置3條,人事信息5條、政策法規45條、決策公開2條,行政權力運行10條、規劃計劃2條,部門動態31條,重點領域信息31條等相關信息。');
    const findings = run(text, proseSum);
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.deepEqual(f.range, rangeOf(text, '149'));
    // The list ends in 等相關信息: a list of main categories, so falling short is only noted.
    assert.equal(f.severity, 'info');
    assert.match(f.message, /分项之和 136（7\+3\+5\+…\+31）与总数 149 不符，相差 13/);
    assert.equal(f.related?.length, 9);
    assert.deepEqual(f.related?.[0].range, rangeIn(text, '機構領導7條', '7'));
    assert.deepEqual(f.related?.[8].range, rangeIn(text, '重點領域信息31條', '31'));
  });

  test('a total after its parts is checked the same way', () => {
    const text = draft('门户网站发布信息502条、新闻媒体215条、微信发布信息472条、微博609条，共计1789条。');
    const [f, ...rest] = run(text, proseSum);
    assert.deepEqual(rest, []);
    assert.deepEqual(f.range, rangeOf(text, '1789'));
    assert.match(f.message, /分项之和 1798（502\+215\+472\+609）与总数 1789 不符，相差 9/);
  });

  test('"在……的N条信息中" opens a breakdown; shares between the parts are not parts', () => {
    const text = draft('在门户网站主动公开的425条政府信息中，机构职能类信息148条，占34.8%；规划计划类信息21条，占4.9%；重大项目类信息190条，占44.7%；其他信息62条，占14.6%。');
    const findings = run(text, proseSum);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, '425'));
    assert.match(findings[0].message, /421.*425.*相差 4/);
  });

  test('the fix keeps the way the total was written (thousands separator, full-width digits)', () => {
    const text = draft('全年主动公开政府信息12,846条，其中门户网站发布7,312条、政务新媒体发布4,105条、其他渠道发布1,249条。', '共发布信息１２条，其中网站５条、微信４条。');
    const fixed = applyAllFixes(text, run(text, proseSum));
    assert.match(fixed, /政府信息12,666条/);
    assert.match(fixed, /共发布信息９条/);
    assert.deepEqual(run(fixed, proseSum), []);
  });

  test('UTF-16 columns: an emoji before the total on the same line', () => {
    const text = draft('😀全年发布信息20条，其中网站8条、微信9条。');
    const [f] = run(text, proseSum);
    assert.deepEqual(f.range, { start: { line: FIRST, character: 8 }, end: { line: FIRST, character: 10 } });
  });

  test('the fix writes the sum, and the fixed text checks clean', () => {
    const text = draft('全年办结申请10件，其中予以公开6件、部分公开3件。', '门户网站发布信息502条、新闻媒体215条，共计700条。');
    const findings = run(text, proseSum);
    assert.equal(findings.length, 2);
    const fixed = applyAllFixes(text, findings);
    assert.match(fixed, /全年办结申请9件/);
    assert.match(fixed, /共计717条/);
    assert.deepEqual(run(fixed, proseSum), []);
  });
});

describe('prose-percent', () => {
  test('shares that fit their total (rounded or cut to the written decimals) give nothing', () => {
    const text = draft(
      '全年办结申请1191件，其中予以公开208件（17.46%），不予公开20件（1.68%），无法提供564件（47.36%）。',
      '全年主动公开信息2949条。其中，区直部门主动公开2275条，占77%。各乡镇主动公开674条，占23%。',
      '门户网站全年发布信息320条，其中政策解读64条，占20%。',
    );
    assert.deepEqual(run(text, prosePercent), []);
  });

  test('a share that fits no figure and contradicts the marked total is reported on the percentage', () => {
    const text = draft('全年办结政府信息公开申请12件，其中予以公开9件，占80%。');
    const findings = run(text, prosePercent);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, '80%'));
    assert.match(findings[0].message, /9 ÷ 12 = 75\.00%，与所写 80% 不符/);
    assert.deepEqual(findings[0].related?.[0].range, rangeIn(text, '申请12件', '12'));
  });

  test('no plausible total: silence', () => {
    const text = draft('政策解读64条，占20%。', '门户网站发布信息320条，政务微博发布200条，占30%。');
    assert.deepEqual(run(text, prosePercent), []);
  });

  test('UTF-16 columns with an emoji before', () => {
    const text = draft('📊共受理申请10件，其中予以公开3件，占20%。');
    const [f] = run(text, prosePercent);
    // 📊 is two UTF-16 units: "📊共受理申请10件，其中予以公开3件，占" is 21 units long.
    assert.deepEqual(f.range, { start: { line: FIRST, character: 21 }, end: { line: FIRST, character: 24 } });
  });
});

describe('year-consistency', () => {
  test('a report that names only its own year gives nothing; references to other years are fine', () => {
    const text = draft(
      '2023年，本局依法做好政府信息公开工作，落实《关于做好政务公开工作的通知》（青政办〔2022〕5号）要求。',
      '2022年，本局收到申请10件，比上年增加2件。',
      '下一步，围绕2035年远景目标和2024年重点任务推进公开。',
    );
    assert.deepEqual(run(text, yearConsistency), []);
  });

  test('a wrong year in the 统计期限 sentence is one finding on its first year, and the fix clears both', () => {
    const text = draft('2023年，本局依法做好政府信息公开工作。').replace(PERIOD, '本报告所列数据统计期限为2022年1月1日至2022年12月31日。');
    const findings = run(text, yearConsistency);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, '2022', 0));
    assert.deepEqual(findings[0].related?.[1].range, rangeOf(text, '2022', 1));
    assert.match(findings[0].message, /2022.*2023/);
    assert.deepEqual(run(applyAllFixes(text, findings), yearConsistency), []);
  });

  test('a title whose year neither the period nor the body writes is the one blamed, once', () => {
    const text = draft('2024年，本局依法做好政府信息公开工作。')
      .replace(PERIOD, '本报告所列数据统计期限为2024年1月1日至2024年12月31日。');
    const findings = run(text, yearConsistency);
    assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.deepEqual(findings[0].range, rangeOf(text, '2023', 0));
    assert.match(findings[0].message, /标题.*2023.*2024/);
    assert.deepEqual(run(applyAllFixes(text, findings), yearConsistency), []);
  });

  test('a sentence opening with last year in the overview is noted (info)', () => {
    const text = draft('😀 本局持续推进公开。2022年，本局主动公开信息300条。');
    const findings = run(text, yearConsistency);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    // "😀 本局持续推进公开。" is 2 + 1 + 8 + 1 = 12 UTF-16 units.
    assert.deepEqual(findings[0].range, { start: { line: FIRST, character: 12 }, end: { line: FIRST, character: 16 } });
    assert.deepEqual(run(applyAllFixes(text, findings), yearConsistency), []);
  });
});

describe('period-consistency', () => {
  test('1月1日至12月31日, with or without the second year, gives nothing', () => {
    assert.deepEqual(run(draft('正文。'), periodConsistency), []);
    const long = draft('正文。').replace(PERIOD, '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
    assert.deepEqual(run(long, periodConsistency), []);
  });

  test('a wrong end date is reported on the date and fixed to 12月31日', () => {
    const text = draft('正文。').replace(PERIOD, '本报告所列数据统计期限为2023年1月1日至2023年11月30日。');
    const findings = run(text, periodConsistency);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, '11月30日'));
    const fixed = applyAllFixes(text, findings);
    assert.match(fixed, /2023年12月31日/);
    assert.deepEqual(run(fixed, periodConsistency), []);
  });

  test('a wrong start date after an emoji: UTF-16 columns', () => {
    const text = draft('正文。').replace(PERIOD, '🗓统计期限为2023年2月1日至12月31日。');
    const [f] = run(text, periodConsistency);
    // "🗓统计期限为2023年" is 2 + 5 + 5 = 12 units.
    assert.deepEqual(f.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 16 } });
  });

  test('an earlier "统计时间截至…" note does not stand in for the period sentence', () => {
    const text = draft('正文。').replace(PERIOD, '（表中统计时间截至2023年12月31日）') + '\n' + PERIOD + '\n';
    assert.deepEqual(run(text, periodConsistency), []);
  });

  test('"统计时间截至…" alone names only the end, which must be 12月31日', () => {
    const text = draft('正文。').replace(PERIOD, '本报告统计时间截至2023年11月30日。');
    const findings = run(text, periodConsistency);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, '11月30日'));
  });

  test('an annual report without a 统计期限 sentence gets a note on its title', () => {
    const text = draft('正文。').replace(PERIOD, '本报告依据条例编制。');
    const findings = run(text, periodConsistency);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.equal(findings[0].range.start.line, 0);
  });
});

describe('placeholder', () => {
  test('filled text, English words, URLs and 二〇〇八年 give nothing', () => {
    const text = draft(
      '详见门户网站（http://www.xxgk.gov.cn/xx/index.html），尺码XXL不算。',
      '本办法自二〇〇八年五月一日起施行，文号为青政办〔2023〕5号。',
    );
    assert.deepEqual(run(text, placeholder), []);
  });

  test('each slot is reported on its own text', () => {
    const text = draft(
      'XX局全年主动公开信息XXX条，由×××负责，○○科室承办。',
      '统计期限为年月日至月日，文号〔〕号，联系人【请填写】。TODO 待补充。',
      '本报告统计期限自    至    。',
    );
    const findings = run(text, placeholder);
    const got = findings.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character));
    assert.deepEqual(got, ['XX', 'XXX', '×××', '○○', '年月日至月日', '〔〕', '【请填写】', 'TODO', '待补充', '自    至    ']);
  });

  test('UTF-16 columns with an emoji before', () => {
    const text = draft('🙂XX县');
    const [f] = run(text, placeholder);
    assert.deepEqual(f.range, { start: { line: FIRST, character: 2 }, end: { line: FIRST, character: 4 } });
  });
});

describe('mojibake', () => {
  test('clean text, a half-width question mark and 〈〉 inside 《》 give nothing', () => {
    const text = draft('是否达到要求?每周检查一次。印发《关于〈条例〉的通知》，中国·平潭，3×4 米展板。');
    assert.deepEqual(run(text, mojibake), []);
  });

  test('pinyin glosses, ?,F debris, U+FFFD, Latin-1 runs and doubled 《《 are each reported, one finding per cause', () => {
    const text = draft('进一步规(guī)范公开内容，创(chuàng)新形式，工作有序开展?,F将情况报告如下。', '文件名\uFFFD\uFFFD损坏，标题æ–‡ä»¶乱码，依据《《条例》执行。');
    const findings = run(text, mojibake);
    const got = findings.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character));
    assert.deepEqual(got, ['(guī)', '?,F', '\uFFFD\uFFFD', 'æ–‡ä»¶', '《《']);
    const pinyin = findings[0];
    assert.match(pinyin.message, /拼音注音（如“\(guī\)”“\(chuàng\)”），共 2 处/);
    assert.equal(pinyin.related?.length, 1, 'the other gloss is named as related information');
  });

  test('fixes delete the gloss and the doubled mark', () => {
    const text = draft('😀规(guī)范公开，依据《《条例》。');
    const findings = run(text, mojibake);
    assert.deepEqual(findings[0].range, { start: { line: FIRST, character: 3 }, end: { line: FIRST, character: 8 } });
    const fixed = applyAllFixes(text, findings);
    assert.match(fixed, /😀规范公开，依据《条例》。/);
    assert.deepEqual(run(fixed, mojibake), []);
  });

  test('25 glosses of one cause are one finding with the count, and its fix removes every one', () => {
    const text = draft(Array.from({ length: 25 }, () => '规(guī)范').join('，'));
    const findings = run(text, mojibake);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /共 25 处/);
    assert.equal(findings[0].fix?.edits.length, 25);
    const fixed = applyAllFixes(text, findings);
    assert.ok(!fixed.includes('(guī)'));
    assert.deepEqual(run(fixed, mojibake), []);
  });
});

describe('text-table-mismatch', () => {
  const fixture = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'defects', 'text-table-mismatch.md'), 'utf8');
  const WRONG = '全年新收政府信息公开申请8件，办结5件，结转下年度1件。';
  assert.ok(fixture.includes(WRONG), 'fixture sentence present');
  const withSentence = (s: string) => fixture.replace(WRONG, s).replace(/ <!-- expect: [^>]*-->/g, '');

  test('figures that agree with the tables give nothing', () => {
    assert.deepEqual(run(withSentence('全年新收政府信息公开申请6件，办结5件，结转下年度1件。'), textTableMismatch), []);
    // 受理 may include the carried-over applications (一 + 二); this table carries none over.
    assert.deepEqual(run(withSentence('全年受理政府信息公开申请6件，按期答复5件，1件结转下年度继续办理。'), textTableMismatch), []);
  });

  test('a figure that contradicts its row is reported on the figure, related to the cell', () => {
    const text = withSentence('全年新收政府信息公开申请8件，办结5件，结转下年度1件。');
    const findings = run(text, textTableMismatch);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeIn(text, '申请8件', '8'));
    assert.match(findings[0].message, /8件.*一、本年新收.*6/);
    const cell = findings[0].related?.[0];
    assert.ok(cell);
    assert.equal(text.split('\n')[cell.range.start.line].slice(cell.range.start.character, cell.range.end.character), '6');
    assert.deepEqual(run(applyAllFixes(text, findings), textTableMismatch), []);
  });

  test('UTF-16 columns with an emoji before the figure', () => {
    const text = withSentence('🙂全年新收政府信息公开申请9件。');
    const [f] = run(text, textTableMismatch);
    // "（二）依申请公开情况。" is 11 units, "🙂全年新收政府信息公开申请" 2 + 12 more.
    const line = rangeOf(text, '🙂').start.line;
    assert.deepEqual(f.range, { start: { line, character: 25 }, end: { line, character: 26 } });
  });

  test('figures of another year or of other bodies are not the table’s; 办理 may count 一 + 二', () => {
    for (const sentence of [
      '2022年收到政府信息公开申请9件，2023年收到政府信息公开申请6件。',
      '去年收到政府信息公开申请9件，今年收到6件。',
      '全县各级行政机关共收到政府信息公开申请120件。',
      '各部门受理行政复议申请12件。',
      // 一 + 二 = 6 + 0 here, 三（七） = 5.
      '全年共办理政府信息公开申请6件，办结5件。',
    ]) {
      assert.deepEqual(run(withSentence(sentence), textTableMismatch), [], sentence);
    }
    // The report's own year, or no year, is still the table's.
    const thisYear = run(withSentence('2023年收到政府信息公开申请9件。'), textTableMismatch);
    assert.deepEqual(thisYear.map((f) => f.message.replace(/，.*/, '')), ['正文写 9件']);
    const handled = run(withSentence('全年共办理政府信息公开申请7件。'), textTableMismatch);
    assert.deepEqual(handled.map((f) => f.message.replace(/，.*/, '')), ['正文写 7件']);
  });

  test('办结 and 结转 figures are checked against 三（七） and 四; cases are not applications', () => {
    const text = withSentence('全年新收政府信息公开申请6件，办结4件，2件结转下年度继续办理。全县共办理相关行政复议案件74件。因政府信息公开被申请行政复议0件、提起行政诉讼2件。');
    assert.deepEqual(run(withSentence('全年新收政府信息公开申请6件。因政府信息公开被申请行政复议和提起行政诉讼共3件。'), textTableMismatch), []);
    assert.deepEqual(run(withSentence('全年收到6件申请，受理行政许可申请318件，办结行政审批事项300件。'), textTableMismatch), []);
    const findings = run(text, textTableMismatch);
    assert.deepEqual(
      findings.map((f) => `${String(f.data?.topic)} ${f.message.replace(/，.*/, '')}`),
      ['done 正文写 4件', 'carry-over 正文写 2件', 'litigation 正文写 2件'],
    );
  });
});

describe('prose rules on a huge paragraph', () => {
  // Speed is measured by `npm run bench`; here only that every statement is still found (a
  // quadratic scan would show as a test timeout, not as a timing assertion).
  test('a 600 KB line of sums, shares and claims is checked whole', { timeout: 60_000 }, () => {
    const body = '全年新收政府信息公开申请20件，其中予以公开8件，占40%，不予公开9件。'.repeat(12000);
    for (const rule of [proseSum, prosePercent, textTableMismatch, yearConsistency, placeholder, mojibake]) {
      const findings = run(draft(body), rule);
      // One paragraph: the first MAX_PER_BLOCK findings, then one that counts all 12,000.
      if (rule === proseSum) {
        assert.equal(findings.length, MAX_PER_BLOCK + 1);
        assert.equal(findings.find((f) => f.data?.capped)?.data?.total, 12000);
      }
    }
  });
});

// The real reports in ../shared, when present: what a careful reader finds, and silence elsewhere.
const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');
describe('prose rules on the real reports', { skip: !fs.existsSync(path.join(SHARED, 'corpus')) && 'no ../shared folder' }, () => {
  const read = (dir: string, name: string) => fs.readFileSync(path.join(SHARED, dir, name), 'utf8');
  const all = (dir: string) => fs.readdirSync(path.join(SHARED, dir)).filter((n) => n.endsWith('.txt'));

  test('corpus 001: the nine categories (421) do not make the 425 items; 1873 = 425 + 46 + 1402 holds', () => {
    const findings = check(read('corpus', '001.txt'), { rules: [proseSum] }).findings;
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /分项之和 421（148\+21\+21\+…\+63）与总数 425 不符，相差 4/);
  });

  test('no placeholder or table contradiction is reported on any real report; one percentage is wrong (seed 004)', () => {
    for (const dir of ['seeds', 'corpus']) {
      for (const name of all(dir)) {
        const r = check(read(dir, name), { rules: [prosePercent, placeholder, textTableMismatch, periodConsistency] });
        // Seed 004: 2266 cases are "完成年度目标任务 1600 件的 144.69%", but 2266 ÷ 1600 = 141.63%.
        const expected = dir === 'seeds' && name.startsWith('004') ? ['prose-percent 2266 ÷ 1600 = 141.63%，与所写 144.69% 不符'] : [];
        assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.message}`), expected, `${dir}/${name}`);
      }
    }
  });

  test('seed 003: the pinyin glosses are one finding with their count, the ?,F debris another', () => {
    const seed = all('seeds').find((n) => n.startsWith('003'));
    assert.ok(seed);
    const findings = check(read('seeds', seed), { rules: [mojibake] }).findings;
    assert.deepEqual(findings.map((f) => f.data?.kind), ['pinyin', 'question-run']);
    assert.ok(Number(findings[0].data?.count) > 20);
    assert.ok(findings.some((f) => /\?,F/.test(f.message)));
  });
});
