// `nianbao check` with cross-year checks: a folder's reports paired by their titles, --previous for
// one file, --no-previous, and the real series of the corpus when it is there.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pairFiles } from '../../cli/src/pairing';
import { readReviewPage } from './review-page';

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
const SERIES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'series');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The series fixtures copied under new names (file names say nothing: the titles pair them). */
function folder(names: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-series-'));
  for (const [to, from] of Object.entries(names)) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.copyFileSync(path.join(SERIES, from), path.join(dir, to));
  }
  return dir;
}

const crossYearLines = (stdout: string) => stdout.split('\n').filter((l) => / cross-year-/.test(l));

describe('nianbao check: cross-year', () => {
  test('in a folder, each report is compared with its predecessor found by title, whatever the file names', () => {
    const dir = folder({ 'b.md': '青禾市自然资源局-2022.nianbao.md', 'sub/a.md': '青禾市自然资源局-2023.nianbao.md', 'c.md': '青禾市自然资源局-2024.nianbao.md' });
    const r = run(['check', '.', '--format', 'jsonl'], dir);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const a = records.find((x) => x.file === path.join('sub', 'a.md'));
    const ids = a.findings.map((f: { ruleId: string }) => f.ruleId).filter((id: string) => id.startsWith('cross-year-')).sort();
    assert.deepEqual(ids, ['cross-year-carryover', 'cross-year-documents', 'cross-year-prose']);
    const carry = a.findings.find((f: { ruleId: string }) => f.ruleId === 'cross-year-carryover');
    assert.match(carry.message, /文件 b\.md 第 77 行/);
    assert.equal(carry.related[0].file, 'b.md');
    assert.match(carry.related[0].uri, /^file:\/\/.*\/b\.md$/);
    // 2022 has no predecessor, 2024 follows 2023 as written.
    for (const f of ['b.md', 'c.md']) assert.deepEqual(records.find((x) => x.file === f).findings, [], f);
  });

  test('the review page says per report whether it was compared: the count, ✓ (compared, nothing found) or — (no previous report)', () => {
    const dir = folder({ 'b.md': '青禾市自然资源局-2022.nianbao.md', 'a.md': '青禾市自然资源局-2023.nianbao.md', 'c.md': '青禾市自然资源局-2024.nianbao.md' });
    const r = run(['check', '.', '--format', 'html'], dir);
    const page = readReviewPage(r.stdout);
    const column = page.headers.indexOf('跨年度核对');
    const cell = (file: string) => page.rows.find((row) => row.includes(file))![column];
    assert.equal(cell('a.md'), '3', 'three cross-year findings in 2023');
    assert.equal(cell('c.md'), '✓', '2024 compared with 2023, nothing found');
    assert.equal(cell('b.md'), '—', '2022 has no predecessor');
  });

  test('--no-previous: no pairing, no cross-year finding', () => {
    const dir = folder({ '2022.md': '青禾市自然资源局-2022.nianbao.md', '2023.md': '青禾市自然资源局-2023.nianbao.md' });
    assert.equal(crossYearLines(run(['check', '.'], dir).stdout).length, 3);
    const r = run(['check', '.', '--no-previous'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(crossYearLines(r.stdout), []);
  });

  test('--previous FILE compares one target with the file named', () => {
    const dir = folder({ 'now.md': '青禾市自然资源局-2023.nianbao.md', 'old/last.md': '青禾市自然资源局-2022.nianbao.md' });
    const r = run(['check', 'now.md', '--previous', 'old/last.md'], dir);
    const lines = crossYearLines(r.stdout);
    assert.equal(lines.length, 3, r.stdout + r.stderr);
    assert.ok(lines.every((l) => l.startsWith('now.md:') && l.includes(`文件 ${path.join('old', 'last.md')} 第`)));
  });

  test('--previous naming a report of another year: said on stderr, nothing compared', () => {
    const dir = folder({ 'now.md': '青禾市自然资源局-2023.nianbao.md', 'later.md': '青禾市自然资源局-2024.nianbao.md' });
    const r = run(['check', 'now.md', '--previous', 'later.md'], dir);
    assert.deepEqual(crossYearLines(r.stdout), []);
    assert.match(r.stderr, /2024 年的报告，不是 2023 年的上一年度/);
  });

  test('--previous is for one file: with a folder, several files or a missing file it is a usage error', () => {
    const dir = folder({ 'now.md': '青禾市自然资源局-2023.nianbao.md', 'last.md': '青禾市自然资源局-2022.nianbao.md' });
    assert.equal(run(['check', '.', '--previous', 'last.md'], dir).code, 2);
    assert.equal(run(['check', 'now.md', 'last.md', '--previous', 'last.md'], dir).code, 2);
    assert.equal(run(['check', 'now.md', '--previous', 'nope.md'], dir).code, 2);
    assert.equal(run(['check', 'now.md', '--previous', 'last.md', '--no-previous'], dir).code, 2);
  });

  test('two reports of one agency for the same year: the next year is not paired (nothing is guessed)', () => {
    const dir = folder({ 'draft.md': '青禾市自然资源局-2022.nianbao.md', 'final.md': '青禾市自然资源局-2022.nianbao.md', 'next.md': '青禾市自然资源局-2023.nianbao.md' });
    assert.deepEqual(crossYearLines(run(['check', '.'], dir).stdout), []);
  });

  test('a predecessor checked after its successor is summarised on demand', () => {
    // Sorted by name, z-2022.md comes after a-2023.md.
    const dir = folder({ 'z-2022.md': '青禾市自然资源局-2022.nianbao.md', 'a-2023.md': '青禾市自然资源局-2023.nianbao.md' });
    const lines = crossYearLines(run(['check', '.'], dir).stdout);
    assert.equal(lines.length, 3);
    assert.ok(lines.every((l) => l.startsWith('a-2023.md:')));
  });
});

const CORPUS = path.join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
describe('cross-year on the published pages of the corpus', { skip: !fs.existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
  test('html: 2021 → 2022 and 2017 → 2018 are paired (2024 has no 2023) and give no cross-year finding', () => {
    const html = path.join(CORPUS, 'html');
    const files = fs.readdirSync(html).map((f) => path.join(html, f));
    const pairs = [...pairFiles(files)].map(([a, b]) => [path.basename(a), path.basename(b)]).sort();
    assert.deepEqual(pairs, [
      ['013.html', '012.html'],
      ['017.html', '016.html'],
    ]);
    const r = run(['check', 'html'], CORPUS);
    assert.deepEqual(crossYearLines(r.stdout), []);
  });
});
