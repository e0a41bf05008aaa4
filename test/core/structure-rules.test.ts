import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import type { Rule, Finding } from '../../core/src/rules/types';
import { GOV2021 } from '../../core/src/profiles/index';
import { rule as partMissing } from '../../core/src/rules/part-missing';
import { rule as partOrder } from '../../core/src/rules/part-order';
import { rule as partDuplicate } from '../../core/src/rules/part-duplicate';
import { rule as partTitle } from '../../core/src/rules/part-title';
import { rule as headingNumbering } from '../../core/src/rules/heading-numbering';
import { rule as profileNotice } from '../../core/src/rules/profile-notice';
import { rule as feeStatement } from '../../core/src/rules/fee-statement';
import { applyEdits } from '../support/textEdits';
import { draft2021 } from './drafts';

const STRUCTURE: Rule[] = [partMissing, partOrder, partDuplicate, partTitle, headingNumbering, profileNotice, feeStatement];

function run(text: string, rules: Rule[], profile?: string): Finding[] {
  const r = check(text, { rules, profile });
  assert.deepEqual(r.ruleFailures, []);
  return r.findings;
}

const at = (f: Finding) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
const fixed = (text: string, f: Finding) => applyEdits(text, f.fix!.edits);

describe('a correct report', () => {
  test('gives no structure finding at all', () => {
    assert.deepEqual(run(draft2021(), STRUCTURE), []);
  });
});

describe('part-missing', () => {
  test('reported once, at the next present part, and the fix inserts heading, guidance and table', () => {
    const text = draft2021({ parts: [0, 1, 3, 4, 5] });
    const found = run(text, [partMissing]);
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(f.severity, 'error');
    // Line 10 is 四、政府信息公开行政复议、行政诉讼情况 (the title is line 0, each part takes 4 lines).
    assert.deepEqual(at(f), [10, 0, 10, '四、政府信息公开行政复议、行政诉讼情况'.length]);
    assert.match(f.message, /缺少第三部分「三、收到和处理政府信息公开申请情况」（依据：《条例》第五十条第（二）项/);
    assert.match(f.message, /应补在「四、政府信息公开行政复议、行政诉讼情况」之前/);
    const after = fixed(text, f);
    const lines = after.split('\n');
    assert.equal(lines[10], '三、收到和处理政府信息公开申请情况');
    assert.equal(lines[11], '');
    assert.match(lines[12], /^<!-- .*收到和处理政府信息公开申请情况表.* -->$/);
    const table = GOV2021.tables.find((t) => t.id === 'gov2021-requests')!;
    assert.ok(table.template.trim().length > 0);
    assert.ok(after.includes(table.template.trim()), 'the national table template is inserted');
    assert.ok(after.includes(table.template.trim() + '\n\n四、政府信息公开行政复议、行政诉讼情况\n'));
    assert.deepEqual(run(after, [partMissing]), []);
  });

  test('a missing last part goes to the end of the draft', () => {
    const text = draft2021({ parts: [0, 1, 2, 3, 4] });
    const [f, ...rest] = run(text, [partMissing]);
    assert.equal(rest.length, 0);
    const lastLine = text.split('\n').length - 2; // the draft ends with a blank line
    assert.deepEqual(at(f), [lastLine, 0, lastLine, text.split('\n')[lastLine].length]);
    assert.match(f.message, /缺少第六部分「六、其他需要报告的事项」.*应补在文末/);
    const after = fixed(text, f);
    assert.ok(after.endsWith('\n六、其他需要报告的事项\n\n<!-- ' + GOV2021.parts[5].guidance + ' -->\n'));
    assert.deepEqual(run(after, [partMissing]), []);
  });

  test('all missing parts in one finding, its fix inserts each where it belongs; nothing for an optional part', () => {
    const text = draft2021({ parts: [0, 3, 5] });
    const found = run(text, [partMissing]);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].data?.partIds, ['proactive', 'requests', 'problems']);
    assert.match(found[0].message, /^缺少 3 个部分：「二、主动公开政府信息情况」（依据：.*）；「三、收到和处理政府信息公开申请情况」.*「五、存在的主要问题及改进情况」/);
    const after = fixed(text, found[0]);
    assert.deepEqual(run(after, [partMissing]), []);
    assert.deepEqual(
      after.split('\n').filter((l) => /^[一二三四五六]、/.test(l)),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    const legacy = ['青禾县2017年政府信息公开工作年度报告', '一、概述', '二、主动公开政府信息情况', '三、政府信息依申请公开办理情况', '四、政府信息公开的收费及减免情况', '五、因政府信息公开申请行政复议、提起行政诉讼的情况', '六、存在的主要问题及改进措施', '七、需要说明的其他事项与统计表'].join('\n\n');
    assert.deepEqual(run(legacy, [partMissing]), []);
  });

  test('Markdown parts and CRLF line ends are kept in the inserted text', () => {
    const text = draft2021({ parts: [0, 2, 3, 4, 5] }).replace(/^([一二三四五六]、)/gm, '## $1').replace(/\n/g, '\r\n');
    const [f] = run(text, [partMissing]);
    const after = fixed(text, f);
    assert.ok(after.includes('\r\n## 二、主动公开政府信息情况\r\n\r\n<!-- '));
    assert.ok(!/[^\r]\n/.test(after), 'no bare \\n inserted into a CRLF file');
  });

  test('a part missing among parts headed 第一部分 … is inserted in that form', () => {
    const text = draft2021({ parts: [0, 1, 2, 3, 5] }).replace(/^([一二三四五六])、/gm, '第$1部分 ');
    const [f] = run(text, [partMissing]);
    assert.match(f.message, /应补在「第六部分 其他需要报告的事项」之前/);
    const after = fixed(text, f);
    assert.ok(after.includes('\n第五部分 存在的主要问题及改进情况\n'), after);
    assert.deepEqual(run(after, [partMissing, partOrder, headingNumbering]), []);
  });

  test('silent under the generic profile', () => {
    const text = draft2021({ title: '青禾县民政局2021年上半年政务公开工作总结', parts: [0] });
    assert.deepEqual(run(text, [partMissing, partOrder, partDuplicate, partTitle, feeStatement]), []);
  });
});

describe('part-order', () => {
  test('the one part out of place is reported with where it belongs', () => {
    const text = draft2021({ parts: [0, { index: 2, number: 2 }, { index: 1, number: 3 }, 3, 4, 5] });
    const found = run(text, [partOrder]);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(at(found[0]), [10, 0, 10, '三、主动公开政府信息情况'.length]);
    assert.match(found[0].message, /「三、主动公开政府信息情况」顺序不对.*应排在「一、总体情况」之后、「二、收到和处理政府信息公开申请情况」之前/);
  });

  test('a part moved to the front is the only one reported', () => {
    const text = draft2021({ parts: [{ index: 5, number: 1 }, { index: 0, number: 2 }, { index: 1, number: 3 }, { index: 2, number: 4 }, { index: 3, number: 5 }, { index: 4, number: 6 }] });
    const found = run(text, [partOrder]);
    assert.deepEqual(found.map((f) => f.range.start.line), [2]);
  });
});

describe('part-duplicate', () => {
  test('the second occurrence is reported, pointing at the first', () => {
    const text = draft2021({ parts: [0, 1, { index: 1, number: 3 }, { index: 2, number: 4 }, { index: 3, number: 5 }, { index: 4, number: 6 }, { index: 5, number: 7 }] });
    const found = run(text, [partDuplicate]);
    assert.equal(found.length, 1);
    assert.deepEqual(at(found[0]), [10, 0, 10, '三、主动公开政府信息情况'.length]);
    assert.equal(found[0].related?.[0].range.start.line, 6);
    assert.match(found[0].message, /与第 7 行的「二、主动公开政府信息情况」是同一部分/);
  });
});

describe('part-title', () => {
  test('a known variant (the statute\'s wording) is the writer\'s choice: no finding', () => {
    const written = '政府信息公开工作存在的主要问题及改进情况';
    assert.deepEqual(run(draft2021({ parts: [0, 1, 2, 3, { index: 4, title: written }, 5] }), [partTitle]), []);
  });

  test('a typo: info on the title only, the fix gives the canonical title and is preferred', () => {
    const written = '政府信息公开行政法复议、行政诉讼情况';
    const text = draft2021({ parts: [0, 1, 2, { index: 3, title: written }, 4, 5] });
    const [f, ...rest] = run(text, [partTitle]);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /只差一个字，疑有错字/);
    assert.deepEqual(at(f), [14, 2, 14, 2 + written.length]);
    assert.equal(fixed(text, f).split('\n')[14], '四、政府信息公开行政复议、行政诉讼情况');
    assert.equal(f.fix?.preferred, true);
  });

  test('pre-2019 reports titled their parts as their locality did: no finding', () => {
    const legacy = ['青禾县2017年政府信息公开工作年度报告', '一、工作概述', '二、主动公开情况', '三、依申请公开情况', '四、收费和减免情况', '五、行政复议和诉讼情况', '六、存在的主要问题和改进措施', '七、其他事项'].join('\n\n');
    assert.deepEqual(run(legacy, [partTitle]), []);
  });

  test('a run-in body stays untouched; a keyword match is offered but not preferred', () => {
    const text = draft2021({ parts: [0, 1, 2, { index: 3, title: '行政复议与行政诉讼案件办理工作情况。本年度无此类案件。' }, 4, 5] });
    const [f] = run(text, [partTitle]);
    assert.equal(f.data?.how, 'keywords');
    assert.match(f.message, /只是相近/);
    assert.equal(f.fix?.preferred, false);
    assert.equal(fixed(text, f).split('\n')[14], '四、政府信息公开行政复议、行政诉讼情况。本年度无此类案件。');
  });
});

describe('heading-numbering', () => {
  const sub = (enums: string[]) =>
    draft2021({ parts: [{ index: 0, body: enums.map((e, i) => `${e}工作事项${i + 1}\n\n正文。`).join('\n\n') }, 1, 2, 3, 4, 5] });

  test('a skipped number: one finding, the fix renumbers only the numeral', () => {
    const text = sub(['（一）', '（二）', '（四）', '（五）']);
    const found = run(text, [headingNumbering]);
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(f.severity, 'warning');
    assert.deepEqual(at(f), [12, 0, 12, 3]);
    assert.match(f.message, /编号跳过了「（三）」：此处为「（四）」，应为「（三）」；其后 1 个同级标题的编号随之调整/);
    assert.deepEqual(f.fix!.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [
      [12, 1, 2, '三'],
      [16, 1, 2, '四'],
    ]);
    assert.deepEqual(run(fixed(text, f), [headingNumbering]), []);
  });

  test('a repeated number', () => {
    const text = sub(['（一）', '（二）', '（二）', '（三）']);
    const [f] = run(text, [headingNumbering]);
    assert.match(f.message, /编号「（二）」与上一个同级标题重复，应为「（三）」/);
    assert.deepEqual(run(fixed(text, f), [headingNumbering]), []);
  });

  test('a level that jumps from 一、 to 1.', () => {
    const text = sub(['1.', '2.']);
    const found = run(text, [headingNumbering]);
    assert.equal(found.length, 1);
    assert.deepEqual(at(found[0]), [4, 0, 4, 2]);
    assert.match(found[0].message, /「一、总体情况」之下直接用了「1\.」，跳过了「（一）」一级/);
    assert.equal(found[0].fix, undefined);
  });

  test('一． or 一. for 一、: still the parts of the report, one info for all, the fix writes 、 after each numeral', () => {
    for (const dot of ['．', '.']) {
      const text = draft2021().replace(/^([一二三四五六])、/gm, `$1${dot}`);
      assert.deepEqual(run(text, [partMissing, partOrder, partTitle]), [], 'the parts are found');
      const found = run(text, [headingNumbering]);
      assert.equal(found.length, 1);
      const [f] = found;
      assert.equal(f.severity, 'info');
      assert.equal(f.data?.count, 6);
      assert.deepEqual(at(f), [2, 0, 2, 2]);
      assert.equal(fixed(text, f), draft2021());
    }
  });

  test('parts headed 第一部分 … are the parts of the report, and say nothing of their numbering', () => {
    const text = draft2021().replace(/^([一二三四五六])、/gm, '第$1部分 ');
    assert.deepEqual(run(text, STRUCTURE), []);
  });

  test('half-width (一): the fix replaces just the two parentheses', () => {
    const text = sub(['(一)', '（二）']);
    const [f, ...rest] = run(text, [headingNumbering]);
    assert.equal(rest.length, 0);
    assert.deepEqual(at(f), [4, 0, 4, 3]);
    assert.deepEqual(f.fix!.edits.map((e) => [e.range.start.character, e.range.end.character, e.newText]), [
      [0, 1, '（'],
      [2, 3, '）'],
    ]);
    assert.equal(fixed(text, f).split('\n')[4], '（一）工作事项1');
  });

  test('parts keep their statutory numbers: a gap left by a missing part is not a numbering error', () => {
    assert.deepEqual(run(draft2021({ parts: [0, 1, 3, 4, 5] }), [headingNumbering]), []);
  });

  test('parts renumbered after a missing one get their statutory numbers back', () => {
    const text = draft2021({ parts: [0, 1, { index: 3, number: 3 }, { index: 4, number: 4 }, { index: 5, number: 5 }] });
    const [f, ...rest] = run(text, [headingNumbering]);
    assert.equal(rest.length, 0);
    assert.match(f.message, /「三、政府信息公开行政复议、行政诉讼情况」按格式是第四部分（政府信息公开行政复议、行政诉讼情况），应编为「四、」/);
    const after = fixed(text, f);
    assert.deepEqual(after.split('\n').filter((l) => /^[一二三四五六]、/.test(l)).map((l) => l[0]), ['一', '二', '四', '五', '六']);
    // Together with part-missing's fix the draft becomes complete and consistent.
    const [missing] = run(after, [partMissing]);
    assert.deepEqual(run(fixed(after, missing), STRUCTURE), []);
  });

  test('a list restarting at 一 (an appended table) is not flagged', () => {
    const text = draft2021() + '\n一、附表说明\n\n二、其他附件\n';
    assert.deepEqual(run(text, [headingNumbering]), []);
  });
});

describe('profile-notice', () => {
  test('generic: said once at the title, and the part rules stay silent', () => {
    const text = draft2021({ title: '青禾县民政局2020年上半年政务公开工作自评', parts: [0, 4] });
    const found = run(text, STRUCTURE.filter((r) => r !== headingNumbering));
    assert.equal(found.length, 1);
    assert.equal(found[0].ruleId, 'profile-notice');
    assert.equal(found[0].severity, 'info');
    assert.deepEqual(at(found[0]), [0, 0, 0, '青禾县民政局2020年上半年政务公开工作自评'.length]);
    assert.match(found[0].message, /按「通用检查」检查：标题或开头写有「上半年」/);
  });

  test('a profile inferred from headings is announced once; a titled year is not', () => {
    const found = run(draft2021({ title: '青禾县民政局政府信息公开工作年度报告' }), [profileNotice]);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^按国办公开办函〔2021〕30号格式（2021 年统一格式）检查：.*按标题结构判断/);
    assert.deepEqual(run(draft2021(), [profileNotice]), []);
  });

  test('an unknown profile directive is pointed out at the directive', () => {
    const text = '<!-- nianbao-profile: gov-2031 -->\n' + draft2021();
    const found = run(text, [profileNotice]);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].range.start.line, 0);
    assert.match(found[0].message, /「gov-2031」不存在/);
  });
});

describe('fee-statement', () => {
  test('part 六 without 信息处理费 in a 2021-format report', () => {
    const text = draft2021({ parts: [0, 1, 2, 3, 4, { index: 5, body: '本年度办理人大代表建议 3 件。' }] });
    const found = run(text, [feeStatement]);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(at(found[0]), [22, 0, 22, '六、其他需要报告的事项'.length]);
    assert.match(found[0].message, /未提及「信息处理费」/);
  });

  test('a statement anywhere in the part is enough; 2019-format reports are not asked', () => {
    const text = draft2021({ parts: [0, 1, 2, 3, 4, { index: 5, body: '本年度办理人大代表建议 3 件。\n\n全年未向申请人收取信息处理费。' }] });
    assert.deepEqual(run(text, [feeStatement]), []);
    const y2020 = draft2021({ title: '青禾县民政局2020年政府信息公开工作年度报告', parts: [0, 1, 2, 3, 4, { index: 5, body: '无。' }] });
    assert.deepEqual(run(y2020, [feeStatement]), []);
  });
});

describe('profile-notice when the writer chose', () => {
  test('no announcement for a profile named by directive or option', () => {
    const text = '<!-- nianbao-profile: generic -->\n' + draft2021();
    assert.deepEqual(run(text, [profileNotice]), []);
    assert.deepEqual(run(draft2021({ title: '青禾县民政局政府信息公开工作年度报告' }), [profileNotice], 'gov-2021'), []);
  });
});

describe('part-missing on a flattened report', () => {
  test('no part heading recognised: one finding listing the parts, not six', () => {
    const text = '青禾县民政局2022年政府信息公开工作年度报告 本报告依据条例编制。一、总体情况 本年度工作平稳。二、主动公开政府信息情况 全年公开 320 条。\n';
    const r = check(text, { rules: [partMissing] });
    assert.equal(r.choice.profile.id, 'gov-2021');
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].range.start.line, 0);
    assert.match(r.findings[0].message, /未识别出任何部分标题：按「2021 年统一格式」，报告应有 6 个部分（一、总体情况；二、主动公开政府信息情况；/);
    assert.equal(r.findings[0].fix, undefined);
    assert.equal(r.findings[0].severity, 'warning');
  });
});

describe('part-missing in a draft of bare Markdown headings', () => {
  test('the inserted heading has no enumerator either', () => {
    const text = '# 青禾县民政局2022年政府信息公开工作年度报告\n\n## 总体情况\n\n正文。\n\n## 收到和处理政府信息公开申请情况\n\n正文。\n\n## 政府信息公开行政复议、行政诉讼情况\n\n正文。\n\n## 存在的主要问题及改进情况\n\n正文。\n\n## 其他需要报告的事项\n\n未收取信息处理费。\n';
    const found = run(text, [partMissing]);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 6);
    assert.ok(fixed(text, found[0]).includes('\n## 主动公开政府信息情况\n\n<!-- '));
  });
});
