// Text checks real reports needed and no rule had: the statute's name, a figure missing before its
// measure word, Word/HTML residue. Each: the finding on the exact words, its fix clears it and
// changes nothing else, traps stay silent, and the patterns stay linear on crafted 200,000-character
// input.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/engine';
import type { Finding, Rule } from '../../core/src/rules/types';
import { rule as statuteName } from '../../core/src/rules/statute-name';
import { rule as missingNumber } from '../../core/src/rules/missing-number';
import { rule as markupResidue } from '../../core/src/rules/markup-residue';
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

describe('statute-name', () => {
  test('wrong words, a typo and traditional characters are reported on the name and fixed to it', () => {
    const text = draft(
      '根据《中华人民共和国政府信息公开工作条例》编制。',
      '落实《政府信息公开条列》要求。',
      '学习《中華人民共和國政府資訊公開條例》。',
      '依据《中华人民共和国政务信息公开条例》。',
    );
    const findings = run(text, statuteName);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['中华人民共和国政府信息公开工作条例', '政府信息公开条列', '中華人民共和國政府資訊公開條例', '中华人民共和国政务信息公开条例'],
    );
    assert.ok(findings.every((f) => f.severity === 'warning' && f.fix?.preferred));
    const after = fixed(text, findings);
    assert.match(after, /根据《中华人民共和国政府信息公开条例》编制。/);
    // After the full name was cited, the short form is the right one.
    assert.match(after, /落实《政府信息公开条例》要求。/);
    assert.deepEqual(run(after, statuteName), []);
  });

  test('the short name is fine after the full one or with 以下简称; as the first citation it is an info', () => {
    assert.deepEqual(run(draft('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）。', '严格遵守《政府信息公开条例》。'), statuteName), []);
    assert.deepEqual(run(draft('根据《政府信息公开条例》（以下简称《条例》）编制。'), statuteName), []);
    const text = draft('根据《政府信息公开条例》编制。', '再次引用《政府信息公开条例》。');
    const findings = run(text, statuteName);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.match(fixed(text, findings), /根据《中华人民共和国政府信息公开条例》编制。/);
  });

  test('other statutes and titles that contain the name are left alone', () => {
    const text = draft(
      '印发《关于施行〈中华人民共和国政府信息公开条例〉的意见》，对照《青禾省政府信息公开条例》《青禾省政府信息公开规定》。',
      '依据《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》。',
      '对照政府信息公开条例要求，执行《条例》。',
    );
    assert.deepEqual(run(text, statuteName), []);
  });

  test('a wrong name inside another title is found; unmarked wrong words are an info', () => {
    const text = draft('印发《关于学习〈政府信息公开工作条例〉的通知》。', '组织学习政府信息公开工作条例。');
    const findings = run(text, statuteName);
    assert.deepEqual(findings.map((f) => [textAt(text, f.range), f.severity]), [
      ['政府信息公开工作条例', 'warning'],
      ['政府信息公开工作条例', 'info'],
    ]);
  });

  test('UTF-16 columns after an emoji', () => {
    const text = draft('😀依据《政府信息公开工作条例》。');
    const [f] = run(text, statuteName);
    assert.deepEqual(f.range.start, { line: 6, character: 5 });
  });
});

describe('missing-number', () => {
  test('an item of a list without its figure is reported on its measure word', () => {
    const text = draft('全年公开企业名称登记信息56条、核准企业资质条、行政处罚信息12条。');
    const findings = run(text, missingNumber);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0].range), '条');
    assert.deepEqual(findings[0].range.start, { line: 6, character: 22 });
    assert.match(findings[0].message, /核准企业资质条/);
  });

  test('a total or a rate word followed by its measure word', () => {
    const text = draft('全年共计件，办结率达%，占比为%。');
    assert.deepEqual(
      run(text, missingNumber).map((f) => textAt(text, f.range)),
      ['件', '%', '%'],
    );
  });

  test('words that end in a measure word and quantity words are not items without a figure', () => {
    const text = draft(
      '逐条核对，各条信息逐项审查，每条均经审核，共有条件的予以公开。',
      '印发规范性文件12件、转发上级文件、梳理事项、办理案件。',
      '召开会议3次、组织培训2期、开展督查多次、首次。',
      '按件计收、按量计收，条例和件数均按规定填报，答复率达100%，共计12条。',
      '发布信息12条、政策解读条目若干、新闻8条。',
    );
    assert.deepEqual(run(text, missingNumber).map((f) => f.message), []);
  });
});

describe('markup-residue', () => {
  const text = draft(
    '<!--[if !supportLists]-->（一）<!--[endif]-->主动公开情况。公开信息&nbsp;320条，<span style="mso-bidi-font-family:仿宋">其中解读45条</span>。',
    '答复&ldquo;规范&rdquo;，版本1&nbsp;2不合并，mso-spacerun:yes 残留，文字\u00a0\u00a0\u00a0之间。',
    '网址 https://www.example.gov.cn/?a=1&amp;b=2 与 <br> 保留。',
  );

  test('one finding per cause, on the first occurrence, with the count', () => {
    const findings = run(text, markupResidue);
    assert.deepEqual(
      findings.map((f) => [f.data?.kind, f.data?.count, f.severity]),
      [
        ['conditional', 2, 'warning'],
        ['entity', 4, 'warning'],
        ['tag', 2, 'warning'],
        ['mso', 1, 'warning'],
        ['nbsp', 1, 'info'],
      ],
    );
    assert.equal(textAt(text, findings[0].range), '<!--[if !supportLists]-->');
    assert.equal(findings[0].related?.length, 1);
  });

  test('the fix removes every instance, touches nothing else, and leaves nothing to report', () => {
    const findings = run(text, markupResidue);
    for (const f of findings) for (const e of f.fix!.edits) assert.notEqual(textAt(text, e.range), '', 'each edit covers residue');
    const after = fixed(text, findings);
    assert.deepEqual(run(after, markupResidue), []);
    assert.match(after, /（一）主动公开情况。公开信息320条，其中解读45条。/);
    assert.match(after, /答复“规范”，版本1 2不合并， 残留，文字之间。/);
    assert.match(after, /a=1&amp;b=2 与 <br> 保留/);
  });

  test('no-break spaces that indent or trail a line are not reported', () => {
    assert.deepEqual(run(draft('\u00a0\u00a0本局依法公开信息。\u00a0\u00a0'), markupResidue), []);
  });
});

describe('new text checks stay linear on crafted 200,000-character input', () => {
  const crafted = [
    '《'.repeat(200_000),
    '《政府信息公开'.repeat(28_000),
    '〈条例'.repeat(66_000),
    '信息12条、资质条、'.repeat(20_000),
    '共计'.repeat(100_000),
    '<span '.repeat(33_000),
    '&lt;span '.repeat(22_000),
    '&#'.repeat(100_000),
    'mso-a-b-c-d'.repeat(18_000),
    ' \u00a0'.repeat(100_000) + '字',
    '字\u00a0' + ' '.repeat(200_000),
    '<!--[if '.repeat(25_000),
  ];
  for (const body of crafted) {
    test(`${JSON.stringify(body.slice(0, 10))}… (${body.length} chars)`, { timeout: 60_000 }, () => {
      const start = process.hrtime.bigint();
      for (const rule of [statuteName, missingNumber, markupResidue]) run(draft(body), rule);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Not a timing assertion: a quadratic pattern on 200,000 characters takes minutes.
      assert.ok(ms < 30_000, `${ms} ms`);
    });
  }
});

// The real reports in ../shared, when present: what these checks find there, and silence elsewhere.
const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');
describe('text checks on the real reports', { skip: !fs.existsSync(path.join(SHARED, 'corpus')) && 'no ../shared folder' }, () => {
  const files = ['seeds', 'corpus'].flatMap((dir) =>
    fs.readdirSync(path.join(SHARED, dir)).filter((n) => n.endsWith('.txt')).map((n) => ({ name: `${dir}/${n.slice(0, 3)}`, text: fs.readFileSync(path.join(SHARED, dir, n), 'utf8') })),
  );

  test('statute-name: seed 003 cites 《…政務信息公開條例》, corpus 010 and 012 write 政府信息公开工作条例; nothing else', () => {
    const found = files.flatMap(({ name, text }) => check(text, { rules: [statuteName] }).findings.map((f) => `${name} ${f.severity} ${String(f.data?.written)}`));
    assert.deepEqual(found, ['seeds/003 warning 中華人民共和國政務信息公開條例', 'corpus/010 info 政府信息公开工作条例', 'corpus/012 info 政府信息公开工作条例']);
  });

  test('no missing figure or markup residue is reported', () => {
    for (const { name, text } of files) {
      const r = check(text, { rules: [missingNumber, markupResidue] });
      assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.message}`), [], name);
    }
  });
});
