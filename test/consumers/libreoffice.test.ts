// Exported documents opened by the real consumer: LibreOffice Writer (headless) converts the
// exported .docx and .html to PDF; pdfinfo counts the pages, pdftotext reads the tables back, and
// pdftoppm renders the pages to PNG (kept in test-artifacts/ for a person to look at).
// scripts/setup-consumers.sh installs the programs (Debian packages).
//
//   node --test out/test/consumers/

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../core/src/index';
import { exportDocx, exportHtml } from '../../core/src/convert/index';

const REPO = path.join(__dirname, '..', '..', '..');
const ARTIFACTS = process.env.NIANBAO_ARTIFACTS ?? path.join(REPO, 'test-artifacts');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-consumers-'));
const profile = path.join(scratch, 'lo-profile');

function soffice(input: string, filter = 'pdf'): string {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', path.dirname(input), input], {
    timeout: 180_000,
    stdio: 'pipe',
  });
  const pdf = input.replace(/\.[^.]+$/, '.pdf');
  assert.ok(fs.existsSync(pdf), `LibreOffice wrote no PDF for ${path.basename(input)}`);
  return pdf;
}

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

/** The figures of a national-table row, in order, as the checker read them from the markup. */
function rowFigures(markup: string, tableId: string, rowId: string): string[] {
  const table = check(markup).facts.nationalTables.find((t) => t.spec.id === tableId)!;
  const row = table.rows.get(rowId)!;
  return row.row.values.map((c) => c.text);
}

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('LibreOffice opens the exported documents', { timeout: 600_000 }, () => {
  for (const fixture of ['gov2021-city-2023', 'gov2019-county-2020']) {
    test(`${fixture}.docx: pages, the national tables' text and figures, PNG pages`, async () => {
      const markup = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'correct', `${fixture}.md`), 'utf8');
      const docx = path.join(scratch, `${fixture}.docx`);
      fs.writeFileSync(docx, await exportDocx(markup));
      const pdf = soffice(docx);
      const n = pages(pdf);
      assert.ok(n >= 3 && n <= 10, `${n} pages`);
      const out = text(pdf);
      const flat = squash(out);
      const title = check(markup).doc.title!.text;
      assert.ok(flat.includes(squash(title)), 'the title is printed');
      for (const label of ['第二十条第（一）项', '申请人情况', '法人或其他组织', '（七）总计', '四、结转下年度继续办理', '行政复议', '复议后起诉']) {
        assert.ok(flat.includes(label), `the table text ${label} is printed`);
      }
      // A row of figures is printed on one line, in order.
      const total = rowFigures(markup, fixture.startsWith('gov2021') ? 'gov2021-requests' : 'gov2019-requests', 'total');
      const totalLine = out.split('\n').find((l) => l.includes('（七）总计'))!;
      assert.deepEqual(totalLine.replace('（七）总计', '').trim().split(/\s+/), total, 'the （七）总计 row');
      const review = check(markup).facts.nationalTables.find((t) => /review/.test(t.spec.id))!;
      const reviewFigures = [...review.rows.values()][0].row.values.map((c) => c.text).join(' ');
      assert.ok(out.split('\n').some((l) => l.trim().split(/\s+/).join(' ') === reviewFigures), `the review row ${reviewFigures}`);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const prefix = path.join(ARTIFACTS, `export-${fixture}`);
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
      const pngs = fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(`export-${fixture}-`) && f.endsWith('.png'));
      assert.equal(pngs.length, n, 'one PNG per page');
      for (const png of pngs) assert.ok(fs.statSync(path.join(ARTIFACTS, png)).size > 5000, `${png} has content`);
    });
  }

  test('the exported HTML page prints with its tables', () => {
    const markup = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'correct', 'gov2021-city-2023.md'), 'utf8');
    const html = path.join(scratch, 'page.html');
    fs.writeFileSync(html, exportHtml(markup));
    const pdf = soffice(html, 'pdf:writer_web_pdf_Export');
    assert.ok(pages(pdf) >= 2);
    const flat = squash(text(pdf));
    for (const label of ['申请人情况', '（七）总计', '复议后起诉']) assert.ok(flat.includes(label), label);
  });
});
