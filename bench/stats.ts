// Timing and summary helpers. Every figure is measured in several separate runs so the report can
// show the noise: the pooled median and p95, and the spread (min–max) of the per-run medians.

import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summarize(xs: readonly number[]): Summary {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}

/** Samples of several runs: pooled figures plus the spread between runs. */
export interface Repeated extends Summary {
  runs: number;
  /** Lowest and highest per-run median: how much a rerun moves the figure. */
  runMedianMin: number;
  runMedianMax: number;
}

export function summarizeRuns(runs: readonly (readonly number[])[]): Repeated {
  const pooled = summarize(runs.flat());
  const medians = runs.map((r) => summarize(r).median);
  return { ...pooled, runs: runs.length, runMedianMin: Math.min(...medians), runMedianMax: Math.max(...medians) };
}

/** Milliseconds one call takes. */
export function timeMs(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Collects garbage between runs when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** `runs` runs of `iterations` timed calls each, after `warmup` untimed calls. */
export function measure(f: () => unknown, opts: { warmup: number; runs: number; iterations: number }): Repeated {
  for (let i = 0; i < opts.warmup; i++) f();
  const runs: number[][] = [];
  for (let r = 0; r < opts.runs; r++) {
    collectGarbage();
    const samples: number[] = [];
    for (let i = 0; i < opts.iterations; i++) samples.push(timeMs(f));
    runs.push(samples);
  }
  return summarizeRuns(runs);
}
