// Structure recovery for reports that lost their line breaks (core/src/recover/): the digit-run
// solver, the view's position map, and whole one-line reports written for the project.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../core/src/index';
import { solveSplits, type DigitRun, type RunRow } from '../../core/src/recover/digit-split';
import { TextView } from '../../core/src/recover/text-view';
import { recoverStructure } from '../../core/src/recover/recover';
import { getProfile } from '../../core/src/profiles/index';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'flattened');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A run as the recovery reads it: digits at offsets 0…n-1, spaces marking forced boundaries. */
function run(written: string): DigitRun {
  let chars = '';
  const offsets: number[] = [];
  const breaks = new Set<number>();
  [...written].forEach((c, i) => {
    if (c === ' ') breaks.add(chars.length);
    else {
      chars += c;
      offsets.push(i);
    }
  });
  return { chars, offsets, breaks };
}

/** True when `view` is `source` with only characters from `extra` inserted. */
function insertsOnly(source: string, view: string, extra: string): boolean {
  let i = 0;
  for (let k = 0; k < view.length; k++) {
    if (i < source.length && view[k] === source[i]) i++;
    else if (!extra.includes(view[k])) return false;
  }
  return i === source.length;
}

const total = (id: string, cells: number) => ({
  left: [{ row: id, cell: cells - 1 }],
  right: Array.from({ length: cells - 1 }, (_, cell) => ({ row: id, cell })),
  op: '=' as const,
});

describe('digit runs split by the table\'s identities', () => {
  test('a row whose total is its last cell has one split: 640020470 → 64 | 0 | 0 | 2 | 0 | 4 | 70', () => {
    const row: RunRow = { id: 'r', run: run('640020470'), cells: 7 };
    const out = solveSplits([row], [total('r', 7)]);
    assert.equal(out.kind, 'unique');
    assert.deepEqual(out.kind === 'unique' && out.rows.get('r')!.map((c) => c.text), ['64', '0', '0', '2', '0', '4', '70']);
  });

  test('without an identity three cells of 5112 split three ways: ambiguous, never a guess', () => {
    const out = solveSplits([{ id: 'r', run: run('5112'), cells: 3 }], []);
    assert.equal(out.kind, 'ambiguous');
  });

  test('no split satisfies a wrong total: none', () => {
    const out = solveSplits([{ id: 'r', run: run('1111'), cells: 3 }], [total('r', 3)]);
    assert.equal(out.kind, 'none');
  });

  test('a space in the source is a cell border, and no cell has a leading zero', () => {
    const out = solveSplits([{ id: 'r', run: run('500000 5'), cells: 7 }], [total('r', 7)]);
    assert.equal(out.kind, 'unique');
    assert.deepEqual(out.kind === 'unique' && out.rows.get('r')!.map((c) => c.text), ['5', '0', '0', '0', '0', '0', '5']);
  });

  test('digits glued to the next label\'s enumerator are given back when that is the only reading', () => {
    // 0000000 then the 2 of 「2.其他…」 written without its full stop.
    const out = solveSplits([{ id: 'r', run: run('00000002'), cells: 7, tails: [0, 1] }], [total('r', 7)]);
    assert.equal(out.kind, 'unique');
    assert.deepEqual(out.kind === 'unique' && out.rows.get('r')!.map((c) => c.text), Array(7).fill('0'));
  });

  test('column identities decide between splits that each row allows', () => {
    // Two rows of two cells whose sum must equal a third row's cells: only 12 | 3 fits 15 = 12 + 3.
    const rows: RunRow[] = [
      { id: 'a', run: run('123'), cells: 2 },
      { id: 'b', run: run('15'), cells: 1 },
    ];
    const out = solveSplits(rows, [{ left: [{ row: 'b', cell: 0 }], right: [{ row: 'a', cell: 0 }, { row: 'a', cell: 1 }], op: '=' }]);
    assert.equal(out.kind, 'unique');
    assert.deepEqual(out.kind === 'unique' && out.rows.get('a')!.map((c) => c.text), ['12', '3']);
  });

  test('a pathological run ends quickly with too-many, not a hang', () => {
    const started = Date.now();
    const out = solveSplits([{ id: 'r', run: run('1'.repeat(80)), cells: 15 }], []);
    assert.ok(out.kind === 'too-many' || out.kind === 'ambiguous');
    assert.ok(Date.now() - started < 5000);
  });
});

describe('the view maps positions both ways and inserts only', () => {
  const source = '一、总体情况2023年，本局依法公开。二、主动公开';
  const view = new TextView(source, [
    { at: 6, text: '\n' },
    { at: 18, text: '\n' },
  ]);

  test('removing what was inserted gives the source back', () => {
    assert.equal(view.text.replace(/\n/g, ''), source);
    assert.equal(view.text.split('\n').length, 3);
  });

  test('a position in the view is the same character in the source', () => {
    const p = { line: 1, character: 0 }; // 「2」 of 2023年
    assert.deepEqual(view.toSourcePosition(p), { line: 0, character: 6 });
    assert.deepEqual(view.toViewPosition({ line: 0, character: 6 }), p);
  });

  test('an edit across an inserted break is refused; one inside copied text maps exactly', () => {
    assert.equal(view.toSourceEdit({ range: { start: { line: 0, character: 2 }, end: { line: 1, character: 2 } }, newText: 'x' }), undefined);
    const e = view.toSourceEdit({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: '2024' });
    assert.deepEqual(e?.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } });
  });
});

describe('one-line reports', () => {
  test('a 2021-format page: six parts, tables 三 and 四 read, 表二 said once to be unreadable', () => {
    const text = read('gov2021-one-line.txt');
    const r = recoverStructure(text, getProfile('gov-2021')!)!;
    assert.equal(r.parts, 6);
    assert.equal(r.tables, 2);
    assert.deepEqual(r.unreadable.map((u) => [u.tableId, u.outcome]), [['gov2021-proactive', 'ambiguous']]);
    assert.ok(insertsOnly(text, r.view.text, '\n| '), 'only breaks, pipes and spaces inserted, every source character kept in order');
    const result = check(text);
    assert.equal(result.choice.profile.id, 'gov-2021');
    const requests = result.facts.nationalTables.find((t) => t.spec.id === 'gov2021-requests')!;
    // Every cell read from the view is the same digits in the source, at the mapped place.
    for (const found of requests.rows.values())
      for (const cell of found.values.values()) {
        const at = result.view!.toSourceRange(cell.range);
        assert.equal(text.slice(at.start.character, at.end.character), cell.text);
      }
    assert.deepEqual([...requests.rows.get('new')!.values.values()].map((c) => c.text), ['12', '1', '0', '0', '1', '0', '14']);
    const review = result.facts.nationalTables.find((t) => t.spec.id === 'gov2021-review')!;
    assert.deepEqual([...review.rows.get('values')!.values.values()].map((c) => Number(c.text)), [2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // A finding on the prose points at the figure in the one source line.
    const mismatch = result.findings.find((f) => f.ruleId === 'text-table-mismatch')!;
    assert.equal(text.slice(mismatch.range.start.character, mismatch.range.end.character), '13');
  });

  test('a pre-2019 page: its 统计表 read by 本年 ≤ 累计 and the 其中 items, glued enumerators given back', () => {
    const text = read('legacy-one-line.txt');
    const result = check(text);
    assert.equal(result.choice.profile.id, 'legacy');
    const rows = result.doc.tables.flatMap((t) => t.rows.map((row) => row.cells.map((c) => c.text)));
    assert.deepEqual(rows.slice(0, 3), [
      ['主动公开信息数', '条', '318', '2950'],
      ['其中：1.政府网站公开数', '条', '300', '2800'],
      ['2.政府公报公开数', '条', '18', '150'],
    ]);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['part-missing'],
    );
  });

  test('a draft with its line breaks is read as it is: no view', () => {
    const r = check('# 青禾县林业局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本局依法公开。\n');
    assert.equal(r.view, undefined);
  });
});
