// Table formatting over in-memory documents: columns aligned by display width (CJK and emoji count
// two), every cell's text kept, and nothing outside the tables touched (also as a property over
// random tables with ragged rows, escaped pipes, CJK and emoji).

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../core/src/parse/parser';
import { formatTables, loadDisplayWidth, splitTableLine, type WidthOf } from '../../core/src/service/formatting';
import { applyEdits } from '../support/textEdits';

let width: WidthOf;
before(async () => {
  width = await loadDisplayWidth();
});

const format = (text: string, range?: Parameters<typeof formatTables>[2]) => applyEdits(text, formatTables(parse(text), width, range));

/** Display columns at which each `|` of a line sits (escaped pipes are not separators). */
function pipeColumns(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && line[i + 1] === '|') {
      i++;
      continue;
    }
    if (line[i] === '|') out.push(width(line.slice(0, i)));
  }
  return out;
}

/** What the parser reads from every table: the text of each cell, row by row. */
function parsedCells(text: string): string[][][] {
  return parse(text).tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
}

describe('table formatting', () => {
  test('aligns a table of Chinese labels and figures by display width', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '',
      '|行政复议||总计|',
      '|---|---|---|',
      '|结果维持|结果纠正|总计|',
      '|0|12|12|',
      '',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const out = format(text).split('\n');
    assert.equal(out[2], '| 行政复议 |          | 总计 |');
    assert.equal(out[3], '| -------- | -------- | ---- |');
    assert.equal(out[4], '| 结果维持 | 结果纠正 | 总计 |');
    assert.equal(out[5], '| 0        | 12       | 12   |');
    for (const l of out.slice(2, 6)) assert.deepEqual(pipeColumns(l), pipeColumns(out[2]), l);
    assert.deepEqual([out[0], out[1], out[6], out[7]], [text.split('\n')[0], '', '', '五、存在的主要问题及改进情况']);
  });

  test('keeps alignment colons, escaped pipes, emoji and a marker comment after the last pipe', () => {
    const text = '| 名称 | 数 |\n|:--|--:|\n| a\\|b 😀 | 3 | <!-- expect: table-sum -->\n| 合计 | 13 |\n';
    const out = format(text).split('\n');
    assert.equal(out[1], '| :------ | --: |');
    assert.equal(out[2], '| a\\|b 😀 |   3 | <!-- expect: table-sum -->');
    assert.equal(out[3], '| 合计    |  13 |');
    assert.deepEqual(parsedCells(format(text)), parsedCells(text));
  });

  test('leaves ragged rows ragged: no cell is added', () => {
    const text = '|一、本年新收|5|1|6|\n|二、上年结转|10|\n';
    assert.equal(format(text), '| 一、本年新收 | 5  | 1 | 6 |\n| 二、上年结转 | 10 |\n');
  });

  test('leaves alone a table with a comment inside a cell, and prose with pipes', () => {
    for (const text of ['| a <!-- x --> | b |\n| c | d |\n', '选项 A|B 都可以\n', '| a | b <!-- 注 -->\n| c | d |\n']) {
      assert.deepEqual(formatTables(parse(text), width), [], JSON.stringify(text));
    }
  });

  test('is already done on an aligned table and touches nothing else', () => {
    const text = '# 标题\n\n| 甲 | 乙 |\n| -- | -- |\n| 1 | 2 |\n\n正文 | 不是表格\n';
    const once = format(text);
    assert.deepEqual(formatTables(parse(once), width), []);
    assert.equal(once.split('\n')[6], '正文 | 不是表格');
  });

  test('range formatting aligns whole tables that share a line with the range, and only those', () => {
    const text = '|a|bb|\n|-|-|\n|ccc|d|\n\n正文\n\n|x|y|\n|1|2|\n';
    const out = format(text, { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }).split('\n');
    assert.equal(out[0], '| a   | bb  |');
    assert.equal(out[2], '| ccc | d   |');
    assert.equal(out[6], '|x|y|', 'the other table is outside the range');
  });

  test('one edit per changed line, within that line', () => {
    const text = '|a|b|\n|c|d|\n';
    const edits = formatTables(parse(text), width);
    assert.equal(edits.length, 2);
    for (const e of edits) assert.equal(e.range.start.line, e.range.end.line);
  });

  test('CRLF drafts keep their line breaks', () => {
    const text = '|甲|b|\r\n|1|2|\r\n正文\r\n';
    assert.equal(format(text), '| 甲 | b |\r\n| 1  | 2 |\r\n正文\r\n');
  });
});

// ---- the property: formatting changes padding only -------------------------------------------

const cellText = fc.oneof(
  fc.constantFrom('', '0', '12', '1,234', '—', '/', '不适用', '400余', '（一）予以公开', '1.属于国家秘密', '三、本年度办理结果', '行政复议', '总计'),
  fc.constantFrom('😀', '👨‍👩‍👧', '𠀀', 'ａｂ', '１２', 'a\\|b', '\\|', 'x\u3000y', '表四', 'é', 'Ａ'),
  fc.string({ unit: fc.constantFrom('a', '中', '文', '1', ' ', '-', ':', '😀', '　', '\\|', '#') , maxLength: 6 }),
);
const padding = fc.constantFrom('', ' ', '  ', '\t', '\u3000');
const tableLine = fc
  .tuple(fc.array(fc.tuple(padding, cellText, padding), { minLength: 1, maxLength: 7 }), fc.boolean(), fc.boolean(), fc.constantFrom('', '', ' <!-- expect: table-sum -->'))
  .map(([cells, lead, trail, marker]) => {
    const body = cells.map(([a, c, b]) => `${a}${c}${b}`).join('|');
    return `${lead ? '|' : ''}${body}${trail ? '|' + marker : ''}`;
  });
const delimiter = fc
  .array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: 1, maxLength: 7 })
  .map((cs) => `| ${cs.join(' | ')} |`);
const block = fc.oneof(
  fc.tuple(tableLine, fc.option(delimiter, { nil: undefined }), fc.array(tableLine, { maxLength: 6 })).map(([head, delim, rest]) =>
    [head, ...(delim ? [delim] : []), ...rest].join('\n'),
  ),
  fc.constantFrom('一、总体情况', '正文一段，其中 1 | 2 不是表格。', '', '<!-- 说明 -->', '（一）主动公开情况'),
);
const draft = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => bs.join('\n\n') + '\n');

describe('table formatting (property)', () => {
  test('cells before == cells after, other lines untouched, and formatting twice changes nothing more', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const doc = parse(text);
        const out = applyEdits(text, formatTables(doc, width));
        assert.deepEqual(parsedCells(out), parsedCells(text));
        const before = text.split('\n');
        const after = out.split('\n');
        assert.equal(after.length, before.length);
        const tableLines = new Set(doc.tables.flatMap((t) => Array.from({ length: t.endLine - t.startLine + 1 }, (_, i) => t.startLine + i)));
        before.forEach((l, i) => {
          if (!tableLines.has(i)) assert.equal(after[i], l, `line ${i} is outside any table`);
          else {
            const a = splitTableLine(l, l.replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length)));
            const b = splitTableLine(after[i], after[i].replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length)));
            if (a?.delimiter) assert.equal(b?.cells.length, a.cells.length, `delimiter row ${i}`);
            else assert.deepEqual(b?.cells, a?.cells, `cells of line ${i}`);
          }
        });
        assert.deepEqual(formatTables(parse(out), width), [], 'idempotent');
      }),
      { numRuns: 400 },
    );
  });
});
