// Import, export and preview: reading a 50-page .docx, exporting a typical report to .docx and
// HTML, and the preview's refresh after a keystroke (parse + layout + HTML of the whole report with
// its findings, what the extension does on each change). The 50-page .docx is written by the
// exporter from a generated draft; when LibreOffice is installed its page count is measured.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../core/src/index';
import { convertFile, exportDocx, exportHtml } from '../core/src/convert/index';
import { renderPreviewBody } from '../core/src/convert/preview';
import { bigDraft, typicalReport } from './generate';
import type { Row } from './report';
import { collectGarbage, measure, summarizeRuns, type Repeated } from './stats';

async function measureAsync(f: () => Promise<unknown>, opts: { warmup: number; runs: number; iterations: number }): Promise<Repeated> {
  for (let i = 0; i < opts.warmup; i++) await f();
  const runs: number[][] = [];
  for (let r = 0; r < opts.runs; r++) {
    collectGarbage();
    const samples: number[] = [];
    for (let i = 0; i < opts.iterations; i++) {
      const t0 = performance.now();
      await f();
      samples.push(performance.now() - t0);
    }
    runs.push(samples);
  }
  return summarizeRuns(runs);
}

/** Pages LibreOffice lays the .docx out on, when it is installed. */
function pagesByLibreOffice(docx: Uint8Array): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    const file = join(dir, 'big.docx');
    writeFileSync(file, docx);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'big.pdf')], { encoding: 'utf8' }))?.[1]);
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchConvert(quick: boolean): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const runs = quick ? 3 : 5;

  // 1. Import of a 50-page .docx: GB/T 9704 prints 22 lines of 28 characters; about 40 KB of text
  //    plus the three tables of each repeated part.
  const big = bigDraft({ seed: 11, bytes: 70 * 1024 });
  const bigDocx = await exportDocx(big);
  const estimatedPages = Math.round(big.replace(/\s/g, '').length / (22 * 28));
  const pages = pagesByLibreOffice(bigDocx);
  details.import50 = { markupBytes: Buffer.byteLength(big), docxBytes: bigDocx.length, pages: pages ?? `≈${estimatedPages} (LibreOffice not installed)` };
  const importStats = measure(() => convertFile(bigDocx, 'big.docx'), { warmup: 3, runs, iterations: quick ? 5 : 10 });
  rows.push({
    id: 'convert.import-docx-50',
    label: `import .docx (${pages ?? '≈' + estimatedPages} pages, ${(bigDocx.length / 1024).toFixed(0)} KB) → markup`,
    unit: 'ms',
    value: importStats.median,
    stats: importStats,
    target: { kind: 'max', value: 300 },
  });

  // 2. Export of a typical report.
  const typical = typicalReport({ seed: 1 });
  const docxStats = await measureAsync(() => exportDocx(typical), { warmup: 5, runs, iterations: quick ? 10 : 30 });
  rows.push({ id: 'convert.export-docx', label: 'export typical report → .docx', unit: 'ms', value: docxStats.median, stats: docxStats, target: { kind: 'max', value: 200 } });
  const htmlStats = measure(() => exportHtml(typical), { warmup: 20, runs, iterations: quick ? 30 : 100 });
  rows.push({ id: 'convert.export-html', label: 'export typical report → printable HTML', unit: 'ms', value: htmlStats.median, stats: htmlStats, target: { kind: 'max', value: 200 } });

  // 3. Preview refresh after a keystroke: the text with one more character, its findings, the body.
  const lines = typical.split('\n');
  const at = lines.findIndex((l) => l.startsWith('（一）'));
  let k = 0;
  const edited = () => {
    const copy = [...lines];
    copy[at] = copy[at] + '字'.repeat((k++ % 5) + 1);
    return copy.join('\n');
  };
  const findingsOf = (text: string) => check(text).findings.map((f) => ({ range: f.range, severity: f.severity, message: f.message, ruleId: f.ruleId }));
  const sample = edited();
  const sampleFindings = findingsOf(sample);
  const previewStats = measure(() => renderPreviewBody(edited(), sampleFindings), { warmup: 20, runs, iterations: quick ? 30 : 100 });
  rows.push({
    id: 'preview.refresh',
    label: 'preview refresh after a keystroke (typical report)',
    unit: 'ms',
    value: previewStats.median,
    stats: previewStats,
    target: { kind: 'max', value: 50 },
    note: 'render of the whole body; the findings come from the language server (its check is measured above)',
  });
  return { rows, details };
}
