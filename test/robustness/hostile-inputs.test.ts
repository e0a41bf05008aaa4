// Inputs a checker meets in the wild and must survive: huge files and lines, binary bytes, BOMs,
// every line-break style, tabs, emoji before a finding, absurd tables, absurd numbers, absurd
// nesting. Each test checks the result is sound and, where the writer is owed a word, that it is said.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type CheckResult, type Finding, type Range } from '../../core/src/index';
import { readValueCell, scanNumbers } from '../../core/src/parse/numbers';
import { assertResultSound, exerciseService, lspLines } from './invariants';
import { FIXTURES } from './mutations';

const fixture = (p: string) => fs.readFileSync(path.join(FIXTURES, p), 'utf8').replace(/[ \t]*<!-- expect[^>]*-->/g, '');
const CORRECT = fixture('correct/gov2021-city-2023.md');

/** The text a range covers (single-line ranges). */
function textAt(text: string, r: Range): string {
  const line = lspLines(text)[r.start.line];
  return line.slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
}

/** Messages are for people: never an unformatted NaN / Infinity / undefined / [object Object]. */
function assertReadableMessages(r: CheckResult): void {
  for (const f of r.findings) {
    for (const m of [f.message, ...(f.related ?? []).map((x) => x.message), f.fix?.title ?? '']) {
      assert.doesNotMatch(m, /NaN|Infinity|undefined|\[object Object\]/, `${f.ruleId}: unreadable message «${m.slice(0, 200)}»`);
    }
  }
}

function survive(text: string, label: string): CheckResult {
  const r = check(text);
  assertResultSound(text, r, label);
  assertReadableMessages(r);
  exerciseService(r);
  return r;
}

const inputQuality = (r: CheckResult, kind: string) => r.findings.filter((f) => f.ruleId === 'input-quality' && f.data?.kind === kind);

describe('size', () => {
  test('a 10 MB draft is checked to the end', { timeout: 120_000 }, () => {
    const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(CORRECT));
    const text = Array.from({ length: copies }, () => CORRECT).join('\n');
    assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
    const started = Date.now();
    const r = check(text);
    console.log(`# 10 MB draft (${copies} copies of a report, ${r.doc.lines.length} lines): ${Date.now() - started} ms, ${r.findings.length} findings`);
    assert.deepEqual(r.ruleFailures, []);
    assert.equal(r.doc.lines.length, lspLines(text).length);
    // The last copy was parsed too: its last heading is on one of the last lines.
    const lastHeading = r.doc.headings[r.doc.headings.length - 1];
    assert.ok(lastHeading.line > r.doc.lines.length - lspLines(CORRECT).length, 'headings of the last copy are in the model');
    // Duplicated parts are what is wrong with it, and the writer hears so.
    assert.ok(r.findings.some((f) => f.ruleId === 'part-duplicate'), 'repeated parts reported');
  });

  test('a single 1 MB line gets the input-quality notice', { timeout: 60_000 }, () => {
    const line = '本年度主动公开政府信息，'.repeat(90_000);
    assert.ok(line.length >= 1_000_000);
    const text = `# 青禾市某局2023年政府信息公开工作年度报告\n\n一、总体情况\n${line}\n二、主动公开政府信息情况\n`;
    const r = survive(text, '1 MB line');
    const notes = inputQuality(r, 'long-line');
    assert.equal(notes.length, 1, 'one notice for the long line');
    assert.equal(notes[0].range.start.line, 3);
    assert.match(notes[0].message, /第 4 行/);
  });
});

describe('bytes and encodings', () => {
  test('binary bytes and NUL get one input-quality notice', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), `一、总体情况\n本年度\u0000共发布信息5条\u0000。\n` + '\u0000'.repeat(100)]) {
      const r = survive(text, 'binary');
      const notes = inputQuality(r, 'binary');
      assert.equal(notes.length, 1, 'exactly one binary notice');
      assert.match(notes[0].message, /控制字符|二进制/);
    }
  });

  test('a BOM is not part of the title and shifts no column', () => {
    const plain = survive(CORRECT, 'no BOM');
    const bom = survive('\uFEFF' + CORRECT, 'BOM');
    assert.equal(bom.doc.title?.text, plain.doc.title?.text);
    assert.ok(!bom.doc.title?.text.includes('\uFEFF'));
    assert.equal(bom.choice.profile.id, plain.choice.profile.id);
    assert.deepEqual(
      bom.doc.headings.map((h) => [h.line, h.title]),
      plain.doc.headings.map((h) => [h.line, h.title]),
    );
  });

  test('CRLF, lone CR and LF give the same findings at the same places', () => {
    for (const name of ['defects/table-balance.md', 'defects/prose-sum.md', 'defects/part-order.md', 'defects/heading-numbering-halfwidth.md']) {
      const lf = fixture(name).replace(/\r\n?/g, '\n');
      const shape = (r: CheckResult) => r.findings.map((f: Finding) => [f.ruleId, f.range, f.message, f.fix?.edits.map((e) => e.range)]);
      const base = shape(survive(lf, name));
      assert.ok(base.length > 0, `${name} has findings`);
      for (const eol of ['\r\n', '\r']) {
        assert.deepEqual(shape(survive(lf.replace(/\n/g, eol), `${name} ${JSON.stringify(eol)}`)), base, `${name} with ${JSON.stringify(eol)}`);
      }
      // Mixed breaks, one style per line (a lone CR before an empty line would read as CRLF).
      const ls = lf.split('\n');
      const mixed = ls.map((l, i) => l + (i === ls.length - 1 ? '' : ['\n', '\r\n', ls[i + 1] === '' ? '\n' : '\r'][i % 3])).join('');
      assert.deepEqual(shape(survive(mixed, `${name} mixed`)), base, `${name} with mixed line breaks`);
    }
  });

  test('tabs inside prose and tables', () => {
    // Tab-indented prose lines and tab-padded table cells.
    const text = fixture('defects/prose-sum.md')
      .split('\n')
      .map((l) => (l.startsWith('|') ? l.replace(/\| /g, '|\t') : l && !l.startsWith('#') ? '\t' + l : l))
      .join('\n');
    const r = survive(text, 'tabs');
    const f = r.findings.find((x) => x.ruleId === 'prose-sum');
    assert.ok(f, 'prose-sum still found');
    assert.equal(textAt(text, f.range), '1200');
  });
});

describe('UTF-16 columns', () => {
  const EMOJI = '😀👨‍👩‍👧𠀀';

  test('a prose total after emoji: the finding covers exactly the total', () => {
    const base = fixture('defects/prose-sum.md');
    const text = base.replace('全年主动公开政府信息1200条', `${EMOJI}全年主动公开${EMOJI}政府信息1200条`);
    assert.notEqual(text, base);
    const f = survive(text, 'emoji prose').findings.find((x) => x.ruleId === 'prose-sum');
    assert.ok(f, 'prose-sum found after emoji');
    assert.equal(textAt(text, f.range), '1200');
    for (const rel of f.related ?? []) assert.match(textAt(text, rel.range), /^\d+$/, 'each part covers a figure');
    // Its fix replaces exactly those characters.
    const edit = f.fix!.edits[0];
    assert.equal(textAt(text, edit.range), '1200');
  });

  test('a table total after emoji earlier in its row: the finding covers the figure', () => {
    const base = fixture('defects/table-balance.md');
    const r0 = check(base);
    const f0 = r0.findings.find((x) => x.ruleId === 'table-balance');
    assert.ok(f0, 'fixture has a table-balance finding');
    const line = lspLines(base)[f0.range.start.line];
    const figure = textAt(base, f0.range);
    // Emoji before the figure that change no label: inside a comment in the row's first (empty) cell.
    const cells = line.split('|');
    assert.equal(cells[1].trim(), '', `row starts with an empty cell: ${line}`);
    const comment = `<!--${EMOJI}-->`;
    cells[1] = ` ${comment} `;
    const labelled = cells.join('|');
    const text = base.replace(line, labelled);
    const f = survive(text, 'emoji table').findings.find((x) => x.ruleId === 'table-balance' && x.range.start.line === f0.range.start.line);
    assert.ok(f, 'table-balance still found on the row');
    assert.equal(textAt(text, f.range), figure);
    assert.equal(f.range.start.character, f0.range.start.character + (labelled.length - line.length));
  });

  test('lone surrogates and emoji everywhere never yield a range inside a pair', () => {
    const text = CORRECT.replace(/(\d)/g, '😀$1').replace(/。/g, '\uD800。\uDC00');
    survive(text, 'surrogates');
  });
});

describe('absurd shapes', () => {
  test('a table with 1,000 columns', () => {
    const row = (cell: (i: number) => string) => `| ${Array.from({ length: 1000 }, (_, i) => cell(i)).join(' | ')} |`;
    const text = ['# 表格', '', row((i) => `栏目${i}`), row(() => '---'), row((i) => String(i)), row(() => '0'), row((i) => (i % 2 ? '' : '—'))].join('\n');
    const r = survive(text, '1000 columns');
    assert.equal(r.doc.tables.length, 1);
    assert.equal(r.doc.tables[0].rows[0].cells.length, 1000);
  });

  test('ragged rows inside a national table', () => {
    const base = fixture('correct/gov2021-city-2023.md');
    let k = 0;
    const text = base
      .split('\n')
      .map((l) => (l.startsWith('|') && k++ % 2 ? l.split('|').slice(0, 3 + (k % 5)).join('|') : l))
      .join('\n');
    survive(text, 'ragged');
  });

  test('a number with 400 digits, in prose and in a table', () => {
    const big = '9'.repeat(400);
    const prose = `# 青禾市某局2023年政府信息公开工作年度报告\n\n一、总体情况\n本年度共发布信息${big}条，其中栏目甲${big}条、栏目乙1条。\n共计${big}条，其中栏目丙5条、栏目丁6条。`;
    survive(prose, '400 digits prose');
    const table = CORRECT.replace(/\| (\d+) \|/, `| ${big} |`);
    assert.notEqual(table, CORRECT);
    survive(table, '400 digits table');
    survive(CORRECT.replace(/\| 0 \|/g, `| 0.${'1'.repeat(400)} |`), '400 decimals');
  });

  test('10,000 nested headings: # levels and enumerators', { timeout: 60_000 }, () => {
    const enums = (i: number) => ['一、', '（一）', '1.', '（1）'][i % 4] + `标题${i}`;
    const stairs = Array.from({ length: 10_000 }, (_, i) => enums(i)).join('\n');
    const r1 = survive(stairs, 'enumerator stairs');
    assert.ok(r1.doc.headings.length >= 10_000 - 1, 'every line but perhaps the title is a heading');
    const atx = Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} 标题${i}`).join('\n');
    survive(atx, '# stairs');
    survive(`${'#'.repeat(10_000)} 标题\n${'（一）'.repeat(10_000)}\n${'>'.repeat(10_000)} 引用\n${'（'.repeat(10_000)}`, 'one deep line each');
  });

  test('unterminated comment and fence swallow the rest without losing lines', () => {
    for (const opener of ['<!-- nianbao-disable-next-line', '```', '~~~~']) {
      const text = `${opener}\n${CORRECT}`;
      const r = survive(text, opener);
      assert.equal(r.doc.lines.length, lspLines(text).length);
    }
  });

  test('empty and whitespace-only drafts', () => {
    for (const text of ['', ' ', '\n', '\r\n\r\n', '\t', '\uFEFF', '|', '||', '|\n|---|\n|']) survive(text, JSON.stringify(text));
  });
});

describe('numbers too long to compute with (regression: prose-sum said 「分项之和 Infinity … 相差 NaN」)', () => {
  test('the scanner finds them but gives them no value', () => {
    for (const raw of ['9'.repeat(400), '9'.repeat(30), '9007199254740993']) {
      const [tok] = scanNumbers(`共发布信息${raw}条`);
      assert.equal(tok.raw, raw);
      assert.equal(tok.value, null, `${raw.length} digits`);
      assert.equal(readValueCell(raw)?.value, null);
    }
    assert.equal(scanNumbers('共发布信息9007199254740991条')[0].value, Number.MAX_SAFE_INTEGER);
    assert.equal(scanNumbers(`${'亿'.repeat(50)}条`).every((t) => t.value === null || Number.isFinite(t.value)), true);
  });
});
