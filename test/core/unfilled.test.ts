// An unfilled report is not clean: the skeleton of 新建年度报告 (guidance comments, empty parts,
// template tables) gets part-empty on every part without text and table-unfilled, naming the part,
// on every template table; fee-statement is not satisfied by a comment.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../core/src/engine';
import { profileById, reportSkeleton } from '../../core/src/service/skeleton';

const findingsOf = (text: string) => check(text).findings.map((f) => ({ rule: f.ruleId, line: text.split('\n')[f.range.start.line], severity: f.severity, message: f.message }));

describe('the unfilled skeleton', () => {
  test('2021 format: parts 一、五、六 are empty, the three tables are the template', () => {
    const text = reportSkeleton(profileById('gov-2021'), { body: '青禾县农业农村局', year: 2023 });
    const found = findingsOf(text);
    assert.deepEqual(
      found.filter((f) => f.rule === 'part-empty').map((f) => f.line),
      ['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    const tables = found.filter((f) => f.rule === 'table-unfilled');
    assert.equal(tables.length, 3);
    assert.ok(tables.every((f) => f.severity === 'info'));
    assert.match(tables[2].message, /^「四、政府信息公开行政复议、行政诉讼情况」中的「政府信息公开行政复议、行政诉讼情况表」仍是模板原样/);
    assert.deepEqual(found.map((f) => f.rule).filter((r) => r !== 'part-empty' && r !== 'table-unfilled'), [], 'nothing else, fee-statement included');
  });

  test('template tables pasted from Word as tab-separated lines (no empty cells at the ends) are still the template', () => {
    const skeleton = reportSkeleton(profileById('gov-2021'), { body: '青禾县农业农村局', year: 2023 });
    const isDelimiter = (l: string) => /^\|[\s|:-]+\|$/.test(l.trim()) && l.includes('-');
    const tabbed = skeleton
      .split('\n')
      .filter((l) => !isDelimiter(l))
      .map((l) => (l.trim().startsWith('|') ? l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join('\t').replace(/\t+$/, '\t') : l))
      .join('\n');
    assert.notEqual(tabbed, skeleton);
    assert.equal(check(tabbed).doc.tables.filter((t) => t.layout === 'tab').length, 3);
    assert.equal(findingsOf(tabbed).filter((f) => f.rule === 'table-unfilled').length, 3);
  });

  test('the 2019 and pre-2019 skeletons are not clean either', () => {
    for (const id of ['gov-2019', 'legacy']) {
      const rules = new Set(findingsOf(reportSkeleton(profileById(id), { body: '青禾县农业农村局', year: 2018 })).map((f) => f.rule));
      assert.ok(rules.has('part-empty'), `${id}: ${[...rules]}`);
    }
  });

  test('a part with text, a run-in body or a table of its own is not empty; comments and sub-headings are not content', () => {
    const skeleton = reportSkeleton(profileById('gov-2021'), { body: '青禾县农业农村局', year: 2023 });
    const filled = skeleton
      .replace('（一）主动公开情况\n', '（一）主动公开情况。全年主动公开信息186条。\n')
      .replace('五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况\n\n栏目更新不够及时。\n')
      .replace('六、其他需要报告的事项\n', '六、其他需要报告的事项。本年度未收取信息处理费。\n');
    assert.deepEqual(findingsOf(filled).filter((f) => f.rule === 'part-empty'), []);
    // Tables stay the template while parts are written: still reported (all tables are the template).
    assert.equal(findingsOf(filled).filter((f) => f.rule === 'table-unfilled').length, 3);
  });

  test('fee-statement reads the text, not the guidance comment, and waits for an empty part to be written', () => {
    const skeleton = reportSkeleton(profileById('gov-2021'), { body: '青禾县农业农村局', year: 2023 });
    const commentOnly = skeleton.replace('六、其他需要报告的事项\n', '六、其他需要报告的事项\n\n无其他需要报告的事项。\n');
    assert.ok(findingsOf(commentOnly).some((f) => f.rule === 'fee-statement' && f.line === '六、其他需要报告的事项'));
    assert.ok(!findingsOf(skeleton).some((f) => f.rule === 'fee-statement'), 'the empty part is part-empty only');
  });
});
