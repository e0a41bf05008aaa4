// One wrong cell, at most one finding: every figure of a report's tables is changed by one, in turn,
// and the check must not answer with two findings for that one mistake (the sums it breaks are
// blamed on one cell, the prose that agreed with the old figure stays quiet). Run on a local 统计表
// of our own (every change there is caught, on the changed cell or on the total it breaks) and on
// our clean reports, and on the seeds and the published pages of the corpus when ../shared is present.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, parse, type Finding } from '../../core/src/index';
import { convertFile } from '../../core/src/convert/index';
import { scanNumbers } from '../../core/src/parse/numbers';

const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');
const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'defects', 'table-sum-running-total.md');

const key = (f: Finding) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;

interface Mutation {
  line: number;
  character: number;
  what: string;
  found: Finding[];
}

/** Each exact figure of each table plus one, with the findings (not info) that the change adds. */
function mutations(text: string): Mutation[] {
  const before = new Set(check(text).findings.map(key));
  const doc = parse(text);
  const out: Mutation[] = [];
  for (const table of doc.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const n = cell.number;
        if (!n || n.kind !== 'exact' || n.value === null || n.decimals > 0) continue;
        const { line, character } = n.range.start;
        const lines = doc.lines.slice();
        lines[line] = lines[line].slice(0, character) + String(n.value + 1) + lines[line].slice(n.range.end.character);
        const found = check(lines.join('\n')).findings.filter((f) => f.severity !== 'info' && !before.has(key(f)));
        out.push({ line, character, what: `第 ${line + 1} 行「${row.cells[0]?.text}」${n.raw}→${n.value + 1}`, found });
      }
    }
  }
  return out;
}

/** Each exact count of the one-line paragraphs (条, 件 …) plus one, with the findings it adds. */
function proseMutations(text: string): Mutation[] {
  const before = new Set(check(text).findings.map(key));
  const doc = parse(text);
  const out: Mutation[] = [];
  for (const p of doc.paragraphs) {
    const line = p.range.start.line;
    if (p.range.end.line !== line) continue;
    for (const n of scanNumbers(doc.lines[line])) {
      if (n.kind !== 'exact' || n.value === null || n.decimals > 0 || !/^[条件项次人个]$/.test(n.unit ?? '')) continue;
      const lines = doc.lines.slice();
      lines[line] = lines[line].slice(0, n.start) + String(n.value + 1) + lines[line].slice(n.end);
      const found = check(lines.join('\n')).findings.filter((f) => f.severity !== 'info' && !before.has(key(f)));
      out.push({ line, character: n.start, what: `第 ${line + 1} 行 ${n.raw}${n.unit}→${n.value + 1}`, found });
    }
  }
  return out;
}

function twice(ms: Mutation[]): string[] {
  return ms.filter((m) => m.found.length > 1).map((m) => `${m.what}: ${m.found.map((f) => `${f.ruleId} ${f.message}`).join(' | ')}`);
}

describe('one wrong cell, one finding', () => {
  test('a local 统计表 with 本年 and 历年累计: every change is caught once, on the changed cell or the total it breaks', () => {
    // Our fixture less its two planted errors, so each change below is the only mistake.
    const text = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace('| 其中：1.当面申请数 | 条 | 5 | 3 |', '| 其中：1.当面申请数 | 条 | 5 | 8 |')
      .replace('| 4.其他类型答复数 | 条 | 0 | 4 |', '| 4.其他类型答复数 | 条 | 1 | 4 |');
    assert.deepEqual(check(text).findings.filter((f) => f.severity !== 'info').map(key), [], 'the repaired fixture is clean');
    const ms = mutations(text);
    assert.deepEqual(twice(ms), []);
    // A year figure equal to its running total cannot grow without breaking it: caught on that cell.
    const doc = parse(text);
    for (const m of ms) {
      const row = doc.tables[0].rows.find((r) => r.line === m.line)!;
      const [year, total] = [row.cells[2].number!.value!, row.cells[3].number!.value!];
      const isYear = row.cells[2].number!.range.start.character === m.character;
      if (isYear && year === total) assert.ok(m.found.some((f) => f.range.start.line === m.line && f.range.start.character === m.character), `${m.what} is caught on its cell`);
    }
    // The answers are listed in full (4.其他): any change to them or to their total is caught.
    for (const m of ms.filter((x) => /答复/.test(x.what))) assert.equal(m.found.length, 1, `${m.what} is caught`);
  });

  const CORRECT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'correct');
  for (const name of fs.readdirSync(CORRECT).filter((n) => n.endsWith('.md'))) {
    test(`fixtures/correct/${name}: no changed figure, in a table or in the text, gives two findings`, () => {
      const text = fs.readFileSync(path.join(CORRECT, name), 'utf8');
      assert.deepEqual(twice([...mutations(text), ...proseMutations(text)]), []);
    });
  }

  const SEEDS = path.join(SHARED, 'seeds');
  for (const name of fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')) : []) {
    test(`seed ${name}: no changed figure gives two findings`, () => {
      assert.deepEqual(twice(mutations(fs.readFileSync(path.join(SEEDS, name), 'utf8'))), []);
    });
  }

  const HTML = path.join(SHARED, 'corpus', 'html');
  const pages = fs.existsSync(HTML) ? fs.readdirSync(HTML).filter((n) => n.endsWith('.html')) : [];
  for (const name of pages) {
    test(`${name}: no changed figure gives two findings`, () => {
      const page = convertFile(fs.readFileSync(path.join(HTML, name)), name)!;
      assert.deepEqual(twice(mutations(page.text)), []);
    });
  }
});

describe('two rules faulting the same words make one finding', () => {
  test('a stated total that neither its parts nor the table bear out: one finding, the other rule beside it', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'correct', 'gov2021-city-2023.md'), 'utf8');
    const changed = proseMutations(text).filter((m) => m.found.some((f) => f.data?.alsoFoundBy));
    assert.ok(changed.length > 0, 'some change is faulted by two rules');
    for (const m of changed) {
      assert.equal(m.found.length, 1, m.what);
      const [f] = m.found;
      const others = f.data!.alsoFoundBy as string[];
      assert.ok(!others.includes(f.ruleId));
      for (const id of others) assert.ok(f.related!.some((r) => r.message.startsWith(`另见（${id}）`) && r.range.start.line === f.range.start.line), `${m.what}: ${id} beside it`);
    }
  });
});
