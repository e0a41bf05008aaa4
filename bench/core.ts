// The core in-process: check() (parser + every rule in ALL_RULES) on a typical report and on big
// drafts, and markdownlint with its default rules on the same texts for comparison.

import { ALL_RULES, check, parse } from '../core/src/index';
import { bigDraft, typicalReport } from './generate';
import type { Row } from './report';
import { collectGarbage, measure, summarizeRuns, timeMs } from './stats';

const MB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

type Lint = (text: string) => unknown;

async function loadMarkdownlint(): Promise<Lint> {
  // markdownlint is ESM-only; a dynamic import works from this CommonJS module.
  const { lint } = await import('markdownlint/sync');
  return (text) => lint({ strings: { draft: text } });
}

/** Runs of single calls on a big text (each call is long, so fewer of them). */
function measureBig(f: () => unknown, runs: number, perRun: number) {
  f(); // warm-up
  const samples: number[][] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const xs: number[] = [];
    for (let i = 0; i < perRun; i++) xs.push(timeMs(f));
    samples.push(xs);
  }
  return summarizeRuns(samples);
}

/**
 * Where the time goes on one text: parse alone, check() with no rules (parse + profile + facts),
 * and each rule alone minus that baseline. Medians of a few calls; for telling owners what to look at.
 */
function breakdown(text: string, calls: number): Record<string, number> {
  const med = (f: () => unknown) => {
    f();
    const xs = Array.from({ length: calls }, () => timeMs(f)).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  };
  collectGarbage();
  const out: Record<string, number> = { parse: med(() => parse(text)) };
  const base = med(() => check(text, { rules: [] }));
  out['parse+profile+facts'] = base;
  for (const rule of ALL_RULES) out[`rule ${rule.meta.id}`] = Math.max(0, med(() => check(text, { rules: [rule] })) - base);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, +v.toFixed(3)]));
}

export interface CoreBenchResult {
  rows: Row[];
  details: Record<string, unknown>;
}

export async function benchCore(quick: boolean): Promise<CoreBenchResult> {
  const rows: Row[] = [];
  const typical = typicalReport({ seed: 1 });
  const first = check(typical);
  const details: Record<string, unknown> = {
    rules: ALL_RULES.map((r) => r.meta.id),
    typical: {
      bytes: bytes(typical),
      chars: typical.length,
      lines: typical.split('\n').length,
      profile: first.choice.profile.id,
      findings: first.findings.map((f) => `${f.ruleId}: ${f.message}`),
      ruleFailures: first.ruleFailures,
    },
  };

  // 1. Typical report, after warm-up.
  const typicalStats = measure(() => check(typical), { warmup: quick ? 50 : 300, runs: quick ? 3 : 7, iterations: quick ? 100 : 300 });
  rows.push({
    id: 'check.typical',
    label: `check() typical report (${(bytes(typical) / 1024).toFixed(1)} KB, ${ALL_RULES.length} rules)`,
    unit: 'ms',
    value: typicalStats.median,
    stats: typicalStats,
    target: { kind: 'max', value: 1 },
    note: first.findings.length ? `${first.findings.length} finding(s) on a consistent report: ${first.findings.map((f) => f.ruleId).join(', ')}` : undefined,
  });

  // 2. Big drafts: 0.1, 1, 10 MB; cost per MB should stay flat.
  const sizes = quick ? [0.1, 1] : [0.1, 1, 10];
  const perMb: Record<string, number> = {};
  for (const size of sizes) {
    const text = bigDraft({ seed: 7, bytes: size * MB });
    const runs = size >= 10 ? 3 : 5;
    const perRun = size >= 10 ? 1 : size >= 1 ? 3 : 10;
    const s = measureBig(() => check(text), runs, perRun);
    const mb = bytes(text) / MB;
    perMb[String(size)] = s.median / mb;
    rows.push({
      id: `check.${size}mb`,
      label: `check() ${size} MB draft (${text.split('\n').length} lines)`,
      unit: 'ms',
      value: s.median,
      stats: s,
      target: size === 1 ? { kind: 'max', value: 50 } : undefined,
      note: `${(s.median / mb).toFixed(1)} ms/MB`,
    });
  }
  // On 0.1 MB: big enough for every phase to show, small enough for ~25 × 6 calls.
  const mbText = bigDraft({ seed: 7, bytes: 0.1 * MB });
  details.breakdownMs = { text: '0.1 MB draft', ...breakdown(mbText, quick ? 3 : 5) };
  details.breakdownTypicalMs = breakdown(typical, 51);
  const ratios = Object.values(perMb);
  details.msPerMb = perMb;
  details.linearity = Math.max(...ratios) / Math.min(...ratios);

  // Heap a server keeps per open report (it caches each document's CheckResult): 50 results
  // retained, measured after gc(); only meaningful with --expose-gc.
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') {
    const texts = Array.from({ length: 50 }, (_, i) => typicalReport({ seed: 100 + i }));
    collectGarbage();
    const h0 = process.memoryUsage().heapUsed;
    const kept = texts.map((t) => check(t));
    collectGarbage();
    const perReport = (process.memoryUsage().heapUsed - h0) / kept.length / 1024;
    rows.push({
      id: 'check.retainedHeap',
      label: 'heap retained per CheckResult (typical report)',
      unit: 'KB',
      value: perReport,
      note: `${kept.length} results kept alive; the server caches one per open document`,
    });
  }

  // 6. markdownlint, default rules, same texts.
  const lint = await loadMarkdownlint();
  const mdStats = measure(() => lint(typical), { warmup: quick ? 20 : 100, runs: quick ? 3 : 5, iterations: quick ? 30 : 100 });
  rows.push({ id: 'markdownlint.typical', label: 'markdownlint (defaults) typical report', unit: 'ms', value: mdStats.median, stats: mdStats });
  const ratio = mdStats.median / typicalStats.median;
  rows.push({
    id: 'ratio.markdownlint',
    label: 'markdownlint ÷ Nianbao, per file (medians)',
    unit: '×',
    value: ratio,
    target: { kind: 'min', value: 3 },
  });
  const mb1 = bigDraft({ seed: 7, bytes: MB });
  const md1 = measureBig(() => lint(mb1), 3, 1);
  rows.push({ id: 'markdownlint.1mb', label: 'markdownlint (defaults) 1 MB draft', unit: 'ms', value: md1.median, stats: md1 });
  return { rows, details };
}
