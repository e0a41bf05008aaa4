// The reviewer's page in a real browser: `nianbao check DIR --format html -o review.html` on a
// folder of drafts, opened by headless Chromium (Debian's, installed by scripts/setup-consumers.sh)
// with no network: the DOM it builds is read back (--dump-dom) and its table compared with the
// page as written, a screenshot is kept in test-artifacts/ for a person to look at, and the page
// is printed to PDF (A4 landscape) and read back with pdftotext.
//
//   node --test out/test/consumers/review-html.test.js

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../core/src/index';
import { readReviewPage, removeWorkspaces, reviewFolder } from '../cli/review-page';

const REPO = path.join(__dirname, '..', '..', '..');
const CLI = path.join(__dirname, '..', '..', 'cli', 'src', 'main.js');
const ARTIFACTS = process.env.NIANBAO_ARTIFACTS ?? path.join(REPO, 'test-artifacts');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-review-browser-'));

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const CHROME = process.env.CHROME_BIN && fs.existsSync(process.env.CHROME_BIN) ? process.env.CHROME_BIN : (which('chromium') ?? which('chromium-browser'));
const NO_CHROME = !CHROME && 'Chromium is not installed (scripts/setup-consumers.sh installs Debian\'s chromium; CI runs it)';

/** Headless Chromium on a file, offline, with a fresh profile; returns stdout. */
function chromium(args: string[], url: string): string {
  const profile = fs.mkdtempSync(path.join(scratch, 'profile-'));
  return execFileSync(
    CHROME!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      // Nothing leaves the machine: any request but the page itself fails.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      ...args,
      url,
    ],
    { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, HOME: profile } },
  );
}

after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  removeWorkspaces();
});

describe('the review page in Chromium', { skip: NO_CHROME, timeout: 600_000 }, () => {
  const { dir, files } = reviewFolder();
  const page = path.join(dir, 'review.html');
  const url = pathToFileURL(page).href;

  test('nianbao check writes the page', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'html', '-o', 'review.html'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(fs.statSync(page).size > 5000);
  });

  test('the DOM the browser builds holds the table as written, row by row', () => {
    const written = readReviewPage(fs.readFileSync(page, 'utf8'));
    const dom = chromium(['--dump-dom'], url);
    const seen = readReviewPage(dom);
    assert.deepEqual(seen.headers, written.headers);
    assert.deepEqual(seen.rows, written.rows, 'the browser parsed every row and cell as written');
    assert.equal(seen.scripts, 0);
    // What the reviewer reads in the table, against the core's own results.
    Object.entries(files).forEach(([name, text], i) => {
      const result = check(text);
      const row = seen.rows[i];
      assert.equal(row[1], name);
      assert.equal(row[4], result.choice.profile.name);
      assert.equal(Number(row[8]), result.findings.filter((f) => f.severity === 'error').length, `${name}: errors`);
    });
    assert.equal(seen.rows[5][2], '<script>alert(1)</script>局', 'hostile text stays text in the browser');
  });

  test('a screenshot for a person to look at (test-artifacts/review-page.png)', () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const png = path.join(ARTIFACTS, 'review-page.png');
    fs.rmSync(png, { force: true });
    chromium([`--screenshot=${png}`, '--window-size=1280,1600'], url);
    const bytes = fs.readFileSync(png);
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.equal(bytes.readUInt32BE(16), 1280, 'width');
    // A blank or failed page compresses to a few KB; a drawn table with Chinese text does not.
    assert.ok(bytes.length > 50_000, `${bytes.length} bytes`);
  });

  test('printed to PDF: landscape A4 pages with the table and the findings', { skip: !which('pdftotext') && 'poppler-utils is not installed' }, () => {
    const pdf = path.join(ARTIFACTS, 'review-page.pdf');
    chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'], url);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.ok(pages >= 2, `${pages} pages`);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    assert.ok(Math.abs(w - 842) < 3 && Math.abs(h - 595) < 3, `A4 landscape, not ${w} x ${h}`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const label of ['审核汇总', '序号', '法定部分', '统计表', '跨年度核对']) assert.ok(text.includes(label), `printed: ${label}`);
    for (const name of Object.keys(files).slice(0, 5)) assert.ok(text.includes(name), `printed: ${name}`);
    const balance = check(files['03-table-balance.md']).findings.find((f) => f.ruleId === 'table-balance')!;
    // The arithmetic, as printed (wrapped over lines: compare without whitespace).
    const flat = text.replace(/\s+/g, '');
    assert.ok(flat.includes(balance.message.replace(/\s+/g, '').slice(0, 40)), 'the arithmetic of table-balance is printed');
    assert.ok(!flat.includes('返回汇总表'), 'the screen-only links are not printed');
  });
});
