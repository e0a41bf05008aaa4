// Regression over the real reports in ../shared (seeds and corpus) when that folder exists:
// the checker must run on all of them without a rule failing, raise the defects a careful reader
// finds, and stay silent where the text is right.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type CheckResult } from '../../core/src/index';
import { loadVerdicts } from '../eval/verdicts';
import { convertFile } from '../../core/src/convert/index';
import { findingKey } from '../eval/key';

const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared');
const present = fs.existsSync(path.join(SHARED, 'seeds'));

function read(dir: string, prefix: string): string | undefined {
  const d = path.join(SHARED, dir);
  const f = fs.existsSync(d) ? fs.readdirSync(d).find((n) => n.startsWith(prefix)) : undefined;
  return f && fs.readFileSync(path.join(d, f), 'utf8');
}

function ids(r: CheckResult, ruleId: string) {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

describe('real reports in ../shared', { skip: !present && 'no ../shared folder' }, () => {
  test('every seed and corpus file is checked without a rule failing', () => {
    for (const dir of ['seeds', 'corpus']) {
      for (const name of fs.readdirSync(path.join(SHARED, dir)).filter((n) => n.endsWith('.txt'))) {
        const r = check(fs.readFileSync(path.join(SHARED, dir, name), 'utf8'));
        assert.deepEqual(r.ruleFailures, [], `${dir}/${name}`);
      }
    }
  });

  test('seed 000 (legacy 2018): all eight parts found, its prose sums hold, no error', () => {
    const r = check(read('seeds', '000')!);
    assert.equal(r.choice.profile.id, 'legacy');
    assert.equal(r.facts.parts.length, 8);
    assert.deepEqual(ids(r, 'part-missing'), []);
    assert.deepEqual(ids(r, 'prose-sum'), []);
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  test('seed 001 (2022, flattened tables): the three national tables are read and consistent', () => {
    const r = check(read('seeds', '001')!);
    assert.equal(r.choice.profile.id, 'gov-2021');
    assert.ok(r.facts.nationalTables.length >= 3, `found ${r.facts.nationalTables.length} tables`);
    for (const id of ['table-balance', 'table-shape', 'table-values', 'part-missing']) assert.deepEqual(ids(r, id).map((f) => f.message), [], id);
  });

  test('seed 003 (half-year self-assessment): generic profile, 136 ≠ 149 flagged, no missing parts', () => {
    const r = check(read('seeds', '003')!);
    assert.equal(r.choice.profile.id, 'generic');
    assert.deepEqual(ids(r, 'part-missing'), []);
    const sums = ids(r, 'prose-sum');
    assert.equal(sums.length, 1);
    assert.match(sums[0].message, /136/);
    assert.match(sums[0].message, /149/);
  });

  test('seed 004 (legacy 2018): channel counts are not a sum of 1015', () => {
    const r = check(read('seeds', '004')!);
    assert.equal(r.choice.profile.id, 'legacy');
    const about1015 = r.findings.filter((f) => /1015/.test(f.message));
    assert.deepEqual(about1015.map((f) => f.message), []);
  });
});

describe('the eval verdicts (test/eval/verdicts.json) still hold', { skip: !present && 'no ../shared folder' }, () => {
  const REPO = path.join(__dirname, '..', '..', '..');
  const verdicts = loadVerdicts(path.join(REPO, 'test', 'eval', 'verdicts.json'));
  for (const [key, v] of Object.entries(verdicts)) {
    const file = key.startsWith('examples/') ? path.join(REPO, key) : path.join(SHARED, key);
    if (!fs.existsSync(file)) continue;
    test(`${key}: every defect of the notes found, no finding judged a false alarm`, () => {
      const r = check(fs.readFileSync(file, 'utf8'), { plainText: file.endsWith('.txt') });
      const keys = new Set(r.findings.map(findingKey));
      const missed = v.defects.filter((d) => !d.open && !Object.entries(v.findings).some(([k, j]) => j.defect === d.id && keys.has(k)));
      assert.deepEqual(missed.map((d) => d.id), [], 'defects missed (or their finding moved: judge it again in verdicts.json)');
      const falseAlarms = r.findings.filter((f) => v.findings[findingKey(f)]?.verdict === 'false');
      assert.deepEqual(falseAlarms.map((f) => `${findingKey(f)} ${f.message}`), []);
    });
  }
});

describe('a flattened page and its published HTML (../shared/corpus/html) say the same', { skip: !present && 'no ../shared folder' }, () => {
  const HTML = path.join(SHARED, 'corpus', 'html');
  const names = fs.existsSync(HTML) ? fs.readdirSync(HTML).filter((n) => n.endsWith('.html')) : [];
  /** What a reviewer reads, without where it is: rule and message, less the notes on the input itself. */
  const said = (r: CheckResult) =>
    r.findings
      .filter((f) => !['table-unreadable', 'input-quality', 'profile-notice'].includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.message}`)
      .sort();
  for (const name of names) {
    const stem = name.replace(/\.html$/, '');
    test(`${stem}: the same findings, and every table cell the text's digits were split into is the page's`, () => {
      const text = check(fs.readFileSync(path.join(SHARED, 'corpus', `${stem}.txt`), 'utf8'), { plainText: true });
      const page = convertFile(fs.readFileSync(path.join(HTML, name)), name)!;
      const html = check(page.text);
      assert.deepEqual(said(text), said(html));
      // Each national table read from the digits: row for row, the figures the page's cells hold.
      const unreadable = new Set(text.facts.unreadableTables.map((t) => t.tableId));
      for (const t of text.facts.nationalTables) {
        assert.ok(!unreadable.has(t.spec.id));
        const fromPage = html.facts.nationalTables.find((x) => x.spec.id === t.spec.id);
        assert.ok(fromPage, `${t.spec.id} on the page`);
        for (const [rowId, found] of t.rows) {
          const cells = (r: typeof found | undefined) => [...(r?.values.values() ?? [])].map((c) => c.number?.value);
          assert.deepEqual(cells(found), cells(fromPage.rows.get(rowId)), `${t.spec.id} ${rowId}`);
        }
      }
    });
  }
});
