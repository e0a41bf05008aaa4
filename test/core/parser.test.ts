import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../core/src/parse/parser';
import { scanNumbers } from '../../core/src/parse/numbers';

const at = (line: number, character: number) => ({ line, character });

describe('parser: title', () => {
  test('first # heading names body and year', () => {
    const d = parse('# 青禾市司法局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n');
    assert.equal(d.title?.text, '青禾市司法局2023年政府信息公开工作年度报告');
    assert.equal(d.title?.body, '青禾市司法局');
    assert.equal(d.title?.year, 2023);
    assert.deepEqual(d.title?.yearRange, { start: at(0, 8), end: at(0, 12) });
    assert.equal(d.title?.isAnnualReport, true);
    assert.equal(d.headings.length, 1);
    assert.equal(d.headings[0].level, 1);
  });

  test('a breadcrumb line before the title is skipped for the line naming year and report', () => {
    const d = parse('当前位置：首页 > 信息公开年报\n\n2019年某某区人民政府办公室政府信息公开工作年度报告\n正文\n');
    assert.equal(d.title?.line, 2);
    assert.equal(d.title?.year, 2019);
    assert.equal(d.title?.body, '某某区人民政府办公室');
  });

  test('a half-year self-assessment is not an annual report', () => {
    const d = parse('某县司法局2020年上半年政务公开工作自评报告\n一、主要做法\n');
    assert.equal(d.title?.isAnnualReport, false);
  });

  test('a title a PDF broke over two lines is read whole, with its year on the first line', () => {
    const d = parse('青禾市人民政府 2023 年政府信息公开工作年\n        度报告\n本报告依据条例编制。\n统计期限为 2023 年 1 月 1 日至 12 月 31 日。本报告\n电子版可在门户网站下载。\n');
    assert.equal(d.title?.text, '青禾市人民政府 2023 年政府信息公开工作年度报告');
    assert.equal(d.title?.isAnnualReport, true);
    assert.equal(d.title?.year, 2023);
    assert.deepEqual(d.title?.range, { start: at(0, 0), end: at(1, 11) });
    assert.deepEqual(d.title?.yearRange, { start: at(0, 8), end: at(0, 12) });
    // Both lines are the title's; the body starts below them and keeps every line.
    assert.equal(d.paragraphs[0].range.start.line, 2);
    assert.ok(d.paragraphs[0].text.includes('统计期限为 2023 年'));
  });

  test('a year on the second line of a broken title is placed there', () => {
    const d = parse('青禾市人民政府办公室\n2023年政府信息公开工作年度报告\n正文。\n');
    assert.equal(d.title?.text, '青禾市人民政府办公室2023年政府信息公开工作年度报告');
    assert.deepEqual(d.title?.yearRange, { start: at(1, 0), end: at(1, 4) });
  });

  test('page chrome right above the title is not joined to it', () => {
    const d = parse('当前位置：首页 > 信息公开\n2019年某某区人民政府办公室政府信息公开工作年度报告\n正文。\n');
    assert.equal(d.title?.text, '2019年某某区人民政府办公室政府信息公开工作年度报告');
    assert.equal(d.title?.line, 1);
  });

  test('a line holding the end of a sentence is never the title, though it names the report', () => {
    const d = parse('统计期限为2023年1月1日至12月31日。本报告\n电子版可在门户网站下载。\n');
    assert.equal(d.title, undefined);
  });

  test('a text that starts with a part heading has no title', () => {
    const d = parse('一、总体情况\n正文。\n');
    assert.equal(d.title, undefined);
    assert.equal(d.headings[0].title, '总体情况');
  });
});

describe('parser: headings', () => {
  test('four GB/T 9704 levels and Markdown headings', () => {
    const d = parse(['# 标题2022年政府信息公开工作年度报告', '一、总体情况', '（一）主动公开', '1.网站', '（1）栏目', '## 二、主动公开政府信息情况', '### 概况'].join('\n'));
    assert.deepEqual(
      d.headings.map((h) => [h.level, h.style, h.enumerator, h.ordinal, h.title]),
      [
        [1, 'cn', '一、', 1, '总体情况'],
        [2, 'paren-cn', '（一）', 1, '主动公开'],
        [3, 'arabic', '1.', 1, '网站'],
        [4, 'paren-arabic', '（1）', 1, '栏目'],
        [1, 'cn', '二、', 2, '主动公开政府信息情况'],
        [2, 'none', '', null, '概况'],
      ],
    );
  });

  test('a run-in heading ends at the first 。 and its body is a paragraph', () => {
    const d = parse('（一）加强组织领导。本机关成立领导小组，共3人。');
    const h = d.headings[0];
    assert.equal(h.title, '加强组织领导');
    assert.equal(h.runIn, true);
    assert.deepEqual(h.titleRange, { start: at(0, 3), end: at(0, 9) });
    assert.equal(d.paragraphs[0].text, '本机关成立领导小组，共3人。');
    assert.equal(d.paragraphs[0].runInOf, h);
    assert.deepEqual(d.paragraphs[0].positionAt(11), at(0, 21));
  });

  test('half-width (一) is read as level 2 with its own style', () => {
    const d = parse('(二)融合平台建设，公开便民事项。正文');
    assert.equal(d.headings[0].style, 'paren-cn-half');
    assert.equal(d.headings[0].ordinal, 2);
    assert.equal(d.headings[0].title, '融合平台建设，公开便民事项');
  });

  test('一是/二是 paragraphs and long numbered sentences are not headings', () => {
    const d = parse('一是加强领导，明确责任。\n二是完善制度。\n1.5万元用于平台建设。');
    assert.equal(d.headings.length, 0);
    assert.equal(d.paragraphs.length, 1);
  });

  test('ideographic indentation before an enumerator is allowed', () => {
    const d = parse('\u3000\u3000二、主动公开政府信息情况');
    assert.equal(d.headings[0].ordinal, 2);
    assert.deepEqual(d.headings[0].enumeratorRange, { start: at(0, 2), end: at(0, 4) });
  });

  test('a heading set in bold (pandoc): the bold holds the heading, a run-in body follows it', () => {
    const d = parse('# 标题\n\n**一、总体情况**\n\n**（一）主动公开情况。**全年主动公开信息100条。\n');
    assert.deepEqual(
      d.headings.map((h) => [h.level, h.enumerator, h.title, h.titleRange.start.character, h.titleRange.end.character]),
      [
        [1, '一、', '总体情况', 4, 8],
        [2, '（一）', '主动公开情况', 5, 11],
      ],
    );
    assert.equal(d.paragraphs.find((p) => p.runInOf)?.text, '全年主动公开信息100条。');
  });

  test('closing #s never end a Markdown heading before its title starts (found by fuzzing: " #")', () => {
    for (const line of [' #', '# ##', '## #', '### 标题 ###', '## C#']) {
      // After a tab-separated row, so the line is read as a heading and not as the title.
      const h = parse(`5\t\t\n${line}\n`).headings[0];
      assert.ok(h, line);
      const { start, end } = h.titleRange;
      assert.ok(start.character <= end.character, `${JSON.stringify(line)}: title ${start.character}-${end.character}`);
      assert.ok(h.range.start.character <= h.range.end.character, `${JSON.stringify(line)}: heading range`);
    }
    assert.equal(parse('5\t\t\n### 标题 ###\n').headings[0].title, '标题');
    assert.equal(parse('5\t\t\n## C#\n').headings[0].title, 'C#');
    assert.equal(parse('5\t\t\n# ##\n').headings[0].title, '');
  });
});

describe('parser: tables', () => {
  test('pipe table with labels spread over cells and merged cells left empty', () => {
    const d = parse(
      [
        '| 项目 | | | 自然人 | 总计 |',
        '|---|---|---|---|---|',
        '| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 2 | 2 |',
        '| | | 2.其他法律行政法规禁止公开 | 0 | 0 |',
        '| 四、结转下年度继续办理 | | | — | |',
      ].join('\n'),
    );
    const t = d.tables[0];
    assert.equal(t.layout, 'pipe');
    assert.equal(t.rows.length, 4);
    assert.deepEqual(t.rows[1].labels.map((c) => c.text), ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    assert.deepEqual(t.rows[1].values.map((c) => c.number?.value), [2, 2]);
    assert.deepEqual(t.rows[2].labels.map((c) => c.text), ['2.其他法律行政法规禁止公开']);
    assert.deepEqual(t.rows[3].values.map((c) => c.number?.kind), ['dash', 'blank']);
    assert.deepEqual(t.rows[1].values[0].number?.range, { start: at(2, 35), end: at(2, 36) });
    assert.equal(t.rows[0].isHeaderLike, true);
  });

  test('cell-per-line flattened table is re-segmented into rows', () => {
    const d = parse(['申请人情况 | ||||', '自然人 |', '总计 |', '一、本年新收政府信息公开申请数量 |', '3 |', '3 |', '二、上年结转政府信息公开申请数量 |', '1 |', '1 |'].join('\n'));
    const t = d.tables[0];
    assert.equal(t.layout, 'cell-per-line');
    assert.equal(t.rows.length, 2);
    assert.deepEqual(t.rows[1].labels.map((c) => c.text), ['二、上年结转政府信息公开申请数量']);
    assert.deepEqual(t.rows[1].values.map((c) => c.number?.value), [1, 1]);
    assert.deepEqual(t.rows[1].values[1].range, { start: at(8, 0), end: at(8, 1) });
  });

  test('tab-separated rows with a unit column', () => {
    const d = parse('统计指标\t单位\t统计数\n（三）从事政府信息公开工作人员数\t人\t2\n1.专职人员数\t人\t0\n专项经费\t万元\t0.8');
    const t = d.tables[0];
    assert.equal(t.layout, 'tab');
    assert.deepEqual(t.rows[1].labels.map((c) => c.text), ['（三）从事政府信息公开工作人员数', '人']);
    assert.equal(t.rows[3].values[0].number?.value, 0.8);
    assert.equal(t.rows[3].values[0].number?.decimals, 1);
  });

  test('a table without outer pipes (GFM) is a table, its two-column rows holding one pipe each', () => {
    const d = parse(['前言。', '', '发布渠道 | 发布条数', '---|---', '门户网站 | 186', '政务微博 | 57', '合计 | 243', '这一行没有竖线。'].join('\n'));
    assert.equal(d.tables.length, 1);
    const t = d.tables[0];
    assert.equal(t.startLine, 2);
    assert.equal(t.endLine, 6);
    assert.deepEqual(t.rows.map((r) => r.cells.map((c) => c.text)), [['发布渠道', '发布条数'], ['门户网站', '186'], ['政务微博', '57'], ['合计', '243']]);
    assert.deepEqual(t.rows[3].values[0].range, { start: at(6, 5), end: at(6, 8) });
    assert.equal(d.paragraphs.at(-1)?.text, '这一行没有竖线。');
  });

  test('a line with one pipe is prose unless a delimiter row of as many cells follows', () => {
    const d = parse(['# 标题', '', '甲 | 乙', '丙丁。', '', '甲 | 乙', '---|---|---', '', '甲 | 乙', '---'].join('\n'));
    assert.deepEqual(d.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))).filter((c) => c === '甲'), []);
    assert.equal(d.paragraphs.filter((p) => p.text.startsWith('甲 | 乙')).length, 3);
  });

  test('full-width digits, thousands separators and approximate cells', () => {
    const d = parse('| 项目 | 数量 |\n| 甲 | １２ |\n| 乙 | 1,234 |\n| 丙 | 400余 |\n| 丁 | 不适用 |');
    const values = d.tables[0].rows.slice(1).map((r) => [r.values[0].number?.kind, r.values[0].number?.value]);
    assert.deepEqual(values, [['exact', 12], ['exact', 1234], ['approx', 400], ['na', null]]);
  });
});

describe('parser: directives, comments and robustness', () => {
  test('directives are read and comments are invisible to the model', () => {
    const d = parse('<!-- nianbao-profile: gov-2021 -->\n一、总体情况 <!-- 备注 -->\n<!-- nianbao-disable-next-line table-sum prose-sum -->\n正文');
    assert.deepEqual(d.directives.map((x) => [x.kind, x.args, x.line]), [
      ['profile', ['gov-2021'], 0],
      ['disable-next-line', ['table-sum', 'prose-sum'], 2],
    ]);
    assert.equal(d.headings[0].title, '总体情况');
  });

  test('multi-line comments and fenced code are skipped', () => {
    const d = parse('<!--\n一、不是标题\n-->\n```\n二、也不是\n```\n三、正式标题');
    assert.deepEqual(d.headings.map((h) => h.title), ['正式标题']);
  });

  test('CRLF, lone CR, BOM and NUL bytes still give a model with right positions', () => {
    const d = parse('\ufeff一、总体情况\r\n（一）概况\r二、主动\u0000公开\n');
    assert.equal(d.headings.length, 3);
    assert.deepEqual(d.eols.slice(0, 3), ['\r\n', '\r', '\n']);
    assert.deepEqual(d.headings[0].enumeratorRange.start, at(0, 1));
    assert.equal(d.notes[0].kind, 'binary');
    assert.deepEqual(d.notes[0].range.start, at(2, 4));
  });

  test('surrogate pairs count as two UTF-16 units in columns', () => {
    const d = parse('😀（一）标题');
    assert.equal(d.headings.length, 0, 'an emoji before the enumerator makes it text');
    const e = parse('| 😀甲 | 5 |');
    assert.deepEqual(e.tables[0].rows[0].values[0].number?.range, { start: at(0, 8), end: at(0, 9) });
  });

  test('sections nest by level and own their paragraphs and tables', () => {
    const d = parse('一、总体情况\n（一）概况\n正文。\n二、主动公开政府信息情况\n| 甲 | 1 |\n');
    assert.equal(d.sections.length, 2);
    assert.equal(d.sections[0].children[0].paragraphs[0].text, '正文。');
    assert.equal(d.sections[1].tables.length, 1);
    assert.deepEqual(d.sections[0].range, { start: at(0, 0), end: at(2, 3) });
  });
});

describe('numbers', () => {
  test('ordinals are not counts and 上百 is approximate', () => {
    assert.deepEqual(scanNumbers('第一次会议、第3批共5件，上百条，上年12条').map((t) => [t.kind, t.value, t.unit]), [
      ['exact', 5, '件'],
      ['approx', 100, '条'],
      ['exact', 12, '条'],
    ]);
  });
});
