// The reviewer's side of `nianbao check`: the HTML page of a folder (its table read back and
// compared with what the core finds in each file), -o, --quiet, the per-file count line, the
// language of the checker's own words, and paths shown as they were given.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../core/src/index';
import { detectLang } from '../../cli/src/locale';
import { SpoolDir } from '../../cli/src/spool';
import { ERROR, GOOD, fixture, readReviewPage, removeWorkspaces, reviewFolder, workspace } from './review-page';

const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
const POSIX = process.platform !== 'win32';
const scratchTmp: string[] = [];

after(() => {
  removeWorkspaces();
  for (const d of scratchTmp) fs.rmSync(d, { recursive: true, force: true });
});

/** An environment without any locale variable, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e = { ...process.env };
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete e[k];
  return { ...e, ...extra };
}

function run(args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: env(extraEnv), timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--format html: the reviewer\'s page', () => {
  test('one row per file with the facts of its check, every finding listed under its report', () => {
    const { dir, files } = reviewFolder();
    const r = run(['check', '.', '--format', 'html'], dir);
    assert.equal(r.code, 1, r.stderr);
    const page = readReviewPage(r.stdout);
    assert.deepEqual(page.headers, ['序号', '文件', '机关', '年度', '报告格式', '法定部分', '统计表', '跨年度核对', '错误', '警告', '提示']);
    const names = [...Object.keys(files), '08-scan.pdf'];
    assert.equal(page.rows.length, names.length);
    assert.deepEqual(
      page.rows.map((row) => row[1]),
      names,
      'the files, as the walk found them',
    );
    assert.match(page.title, /审核汇总（8 份）/);

    Object.entries(files).forEach(([name, text], i) => {
      const row = page.rows[i];
      const result = check(text);
      const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
      assert.equal(row[0], String(i + 1));
      assert.equal(row[2], result.doc.title?.body ?? '—', `${name}: agency`);
      assert.equal(row[3], String(result.doc.title?.year ?? result.facts.year?.year ?? '—'), `${name}: year`);
      assert.equal(row[4], result.choice.profile.name, `${name}: profile`);
      assert.equal(Number(row[8]), count('error'), `${name}: errors`);
      assert.equal(Number(row[9]), count('warning'), `${name}: warnings`);
      assert.equal(Number(row[10]), count('info') + count('hint'), `${name}: info`);
      assert.equal(row[7], '—', 'no cross-year findings in a single year');
      // The findings section the row links to lists every finding, with its line and rule.
      const id = page.rowLinks[i].slice(1);
      assert.equal(page.rowLinks[i], `#r${i + 1}`);
      const listed = page.findings.get(id)!;
      assert.equal(listed.length, result.findings.length + result.ruleFailures.length, `${name}: findings listed`);
      result.findings.forEach((f, k) => {
        assert.ok(listed[k].includes(`第 ${f.range.start.line + 1} 行`), `${name}: line of ${f.ruleId}: ${listed[k]}`);
        assert.ok(listed[k].includes(f.ruleId), `${name}: ${f.ruleId}`);
        assert.ok(listed[k].includes(f.message.replace(/\s+/g, ' ').trim()), `${name}: the message (and its arithmetic) of ${f.ruleId}`);
        for (const rel of f.related ?? []) assert.ok(listed[k].includes(rel.message.replace(/\s+/g, ' ').trim()), `${name}: related of ${f.ruleId}`);
      });
    });
    const [correct2021, correct2019, balance, partMissing, proseSum, hostile, notReport, scan] = page.rows;
    for (const row of [correct2021, correct2019]) {
      assert.deepEqual(row.slice(5, 7), ['6/6', '✓'], 'a correct report: all parts, tables balanced');
      assert.equal(row[8], '0');
    }
    const balanceFindings = check(files['03-table-balance.md']).findings.filter((f) => f.ruleId === 'table-balance').length;
    assert.ok(balanceFindings > 0);
    assert.equal(balance[6], `${balanceFindings} 处不符`);
    assert.match(partMissing[5], /^[0-5]\/6$/, 'a part is missing');
    assert.equal(proseSum[5], '1/6', 'counted even though the draft turns part-missing off');
    assert.equal(notReport[5], '—', 'no statutory parts for a text that is not an annual report');
    assert.equal(notReport[6], '—');
    assert.equal(hostile[2], '<script>alert(1)</script>局', 'the agency, as text');
    assert.match(scan[2], /^无法读取：.*PDF/);
    // Self-contained and inert: no script, no reference outside the page.
    assert.equal(page.scripts, 0);
    assert.ok(page.references.length > 0);
    for (const ref of page.references) assert.match(ref, /^#(r\d+|summary)$/, `a reference inside the page: ${ref}`);
    assert.doesNotMatch(r.stdout, /<(script|img|link|iframe)\b/i);
    assert.doesNotMatch(r.stdout, /url\(/, 'no resource from CSS either');
    assert.match(r.stdout, /@media print/);
    assert.deepEqual(page.sectionIds, Object.keys(files).map((_, i) => `r${i + 1}`), 'a section per checked report');
    // The totals at the top.
    assert.match(r.stdout, /检查了 <b>8<\/b> 个文件/);
  });

  test('-o writes the page (and nothing to stdout); the page in the folder is not checked next time', () => {
    const { dir } = reviewFolder();
    const first = run(['check', '.', '--format', 'html', '-o', 'review.html'], dir);
    assert.equal(first.code, 1, first.stderr);
    assert.equal(first.stdout, '');
    const page = readReviewPage(fs.readFileSync(path.join(dir, 'review.html'), 'utf8'));
    const second = run(['check', '.', '--format', 'html', '-o', path.join(dir, 'review.html')], dir);
    assert.equal(second.code, 1);
    assert.deepEqual(readReviewPage(fs.readFileSync(path.join(dir, 'review.html'), 'utf8')).rows, page.rows);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.includes('review')),
      ['review.html'],
      'no partial file left beside it',
    );
    const text = run(['check', '01-correct-2021.md', '-o', 'out.txt'], dir);
    assert.equal(text.code, 0);
    assert.equal(text.stdout, '');
    assert.match(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), /检查了 1 个文件/);
    const nowhere = run(['check', '.', '-o', 'no/such/folder/x.html', '--format', 'html'], dir);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /无法写入 .*x\.html/);
  });

  test('-o never overwrites a draft being checked; an earlier page or a result file may be replaced', () => {
    const dir = workspace({ 'drafts/a.md': ERROR, 'drafts/page.html': '<p>全年公开信息共10条。</p>', 'notes.log': 'x' });
    const before = fs.readFileSync(path.join(dir, 'drafts', 'a.md'), 'utf8');
    for (const [args, target] of [
      [['check', 'drafts/a.md', '-o', 'drafts/a.md'], 'drafts/a.md'],
      [['check', 'drafts', '-o', 'drafts/a.md'], 'drafts/a.md'],
      [['check', 'drafts', '--format', 'html', '-o', 'drafts/page.html'], 'drafts/page.html'],
      [['check', 'notes.log', '-o', path.join(dir, 'notes.log')], 'notes.log'],
    ] as const) {
      const r = run([...args], dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /是要检查的文件之一/);
      assert.ok(fs.existsSync(path.join(dir, target)));
    }
    assert.equal(fs.readFileSync(path.join(dir, 'drafts', 'a.md'), 'utf8'), before);
    for (const args of [
      ['check', 'drafts', '--format', 'html', '-o', 'drafts/review.html'],
      ['check', 'drafts', '--format', 'json', '-o', 'drafts/result.json'],
    ]) {
      assert.equal(run(args, dir).code, 1, 'first run');
      assert.equal(run(args, dir).code, 1, 'the second run replaces its own output');
    }
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'drafts', 'result.json'), 'utf8'));
    assert.deepEqual(
      json.files.map((f: { file: string }) => f.file),
      ['drafts/a.md', 'drafts/page.html'],
      'the review page in the folder is not read as a report',
    );
    assert.match(run(['check', 'drafts'], dir).stderr, /drafts\/review\.html: 是 nianbao 生成的审核汇总页，跳过/);
  });

  test('--quiet lists the errors only; the counts stay complete', () => {
    const { dir, files } = reviewFolder();
    const page = readReviewPage(run(['check', '.', '--format', 'html', '--quiet'], dir).stdout);
    const full = readReviewPage(run(['check', '.', '--format', 'html'], dir).stdout);
    assert.deepEqual(page.rows, full.rows);
    Object.values(files).forEach((text, i) => {
      const errors = check(text).findings.filter((f) => f.severity === 'error');
      assert.equal(page.findings.get(`r${i + 1}`)!.length, errors.length);
    });
  });

  test('the page is put together from temporary files that are removed, also when the reader goes away', { skip: !POSIX && 'POSIX pipes' }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`d${String(i).padStart(3, '0')}.md`] = i % 2 ? ERROR : GOOD;
    const dir = workspace(files);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-tmp-'));
    scratchTmp.push(tmp);
    const r = run(['check', '.', '--format', 'html'], dir, { TMPDIR: tmp });
    const page = readReviewPage(r.stdout);
    assert.equal(page.rows.length, 400);
    assert.equal(page.sectionIds.length, 400);
    assert.deepEqual(fs.readdirSync(tmp), [], 'temporary files removed');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '.', '--format', 'html'], { cwd: dir, env: env({ TMPDIR: tmp }), stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', resolve);
    });
    assert.equal(code, 1);
    assert.deepEqual(fs.readdirSync(tmp), [], 'removed after a closed pipe too');
  });
});

describe('spool', () => {
  test('reads back exactly what was written, characters never split at a chunk boundary', () => {
    const dir = new SpoolDir();
    const spool = dir.spool('x');
    let written = '';
    for (let i = 0; i < 5000; i++) {
      // 3-byte and 4-byte UTF-8 characters at every offset: some straddle the 64 KB chunks.
      const piece = `${i}：全年公开政府信息𠀀条；`.repeat(1 + (i % 3));
      spool.write(piece);
      written += piece;
    }
    const chunks = [...spool.read()];
    assert.ok(chunks.length > 2, `${chunks.length} chunks`);
    assert.equal(chunks.join(''), written);
    dir.dispose();
  });
});

describe('the terminal', () => {
  test('each file ends with its count line; clean files say so', () => {
    const dir = workspace({ 'a-good.md': GOOD, 'b-error.md': ERROR, 'c-warning.md': fixture('defects/prose-sum.md') });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'a-good.md: 未发现问题');
    const counts = (text: string) => {
      const f = check(text).findings;
      const c = (s: string) => f.filter((x) => x.severity === s).length;
      return [
        [c('error'), '错误'],
        [c('warning'), '警告'],
        [c('info'), '提示'],
        [c('hint'), '建议'],
      ]
        .filter(([n]) => n)
        .map(([n, w]) => `${n} 个${w}`)
        .join('，');
    };
    assert.ok(lines.includes(`b-error.md: ${counts(ERROR)}`), r.stdout);
    assert.ok(lines.includes(`c-warning.md: ${counts(fixture('defects/prose-sum.md'))}`), r.stdout);
    assert.match(lines.at(-1)!, /^检查了 3 个文件/);
  });

  test('--quiet: error lines only, and nothing at all when there is no error', () => {
    const dir = workspace({ 'a-good.md': GOOD, 'b-error.md': ERROR, 'c-warning.md': fixture('defects/prose-sum.md') });
    const r = run(['check', '.', '--quiet'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length >= 3, r.stdout);
    for (const l of lines.slice(0, -2)) assert.match(l, /^b-error\.md:\d+:\d+ 错误 /);
    assert.equal(lines.at(-2), `b-error.md: ${check(ERROR).findings.filter((f) => f.severity === 'error').length} 个错误`);
    assert.match(lines.at(-1)!, /^检查了 3 个文件（1 个无问题）：错误 \d+$/);
    const quietClean = run(['check', 'a-good.md', 'c-warning.md', '-q'], dir);
    assert.equal(quietClean.code, 0);
    assert.equal(quietClean.stdout, '');
    const json = JSON.parse(run(['check', '.', '--quiet', '--format', 'json'], dir).stdout);
    for (const f of json.files) for (const x of f.findings) assert.equal(x.severity, 'error');
    assert.ok(json.summary.bySeverity.warning > 0, 'the summary still counts every finding');
  });

  test('severity words follow the locale: Chinese unless it names another language; --lang decides', () => {
    const dir = workspace({ 'w.md': fixture('defects/prose-sum.md'), 'e.md': ERROR });
    const zh = run(['check', '.'], dir);
    assert.match(zh.stdout, /^w\.md:\d+:\d+ 警告 prose-sum /m);
    assert.match(zh.stdout, /^e\.md:\d+:\d+ 错误 prose-sum /m);
    const en = run(['check', '.'], dir, { LANG: 'en_US.UTF-8' });
    assert.match(en.stdout, /^w\.md:\d+:\d+ warning prose-sum /m);
    assert.match(en.stdout, /^w\.md: 1 warning$/m);
    assert.match(en.stdout, /^checked 2 files \(0 clean\): error \d+, warning \d+/m);
    assert.match(run(['check', '.'], dir, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }).stdout, / 警告 prose-sum /, 'LC_ALL beats LANG');
    assert.match(run(['check', '.'], dir, { LANG: 'C.UTF-8' }).stdout, / 警告 prose-sum /);
    assert.match(run(['check', '.', '--lang', 'en'], dir).stdout, / warning prose-sum /);
    assert.match(run(['check', '.', '--lang', 'zh'], dir, { LANG: 'de_DE.UTF-8' }).stdout, / 警告 prose-sum /);
    assert.equal(run(['check', '.', '--lang', 'fr'], dir).code, 2);
  });

  test('detectLang: the first of LC_ALL, LC_MESSAGES, LANG that is set', () => {
    assert.equal(detectLang({}), 'zh');
    assert.equal(detectLang({ LANG: '' }), 'zh');
    for (const l of ['C', 'POSIX', 'C.UTF-8', 'zh_CN.UTF-8', 'zh_TW.Big5', 'zh']) assert.equal(detectLang({ LANG: l }), 'zh', l);
    for (const l of ['en_US.UTF-8', 'en_GB', 'de_DE@euro', 'ja_JP.UTF-8']) assert.equal(detectLang({ LANG: l }), 'en', l);
    assert.equal(detectLang({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(detectLang({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en');
  });

  test('paths are shown as given: absolute stays absolute, relative stays relative', () => {
    const dir = workspace({ 'drafts/e.md': ERROR, 'work/.keep': '' });
    const abs = run(['check', path.join(dir, 'drafts')], path.join(dir, 'work'));
    assert.match(abs.stdout, new RegExp(`^${path.join(dir, 'drafts', 'e.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ 错误 `, 'm'));
    assert.doesNotMatch(abs.stdout, /\.\.\//);
    const rel = run(['check', '../drafts'], path.join(dir, 'work'));
    assert.match(rel.stdout, /^\.\.\/drafts\/e\.md:\d+:\d+ 错误 /m);
    const json = JSON.parse(run(['check', path.join(dir, 'drafts', 'e.md'), '--format', 'json'], path.join(dir, 'work')).stdout);
    assert.equal(json.files[0].file, path.join(dir, 'drafts', 'e.md'));
  });
});
