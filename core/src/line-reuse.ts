// Per-line results of a pure function of one line's text, for every line of a document. In an
// editor session a keystroke changes a line or two: the results of the previous check are kept for
// the unchanged lines above and below the edit and only the lines between are computed again.
// Lines are compared by their text, so a result never depends on what was checked before.
//
// Without a session (the CLI, a one-off check) every line is computed and nothing is kept.

import type { CheckCache } from './check-cache';

interface Previous<T> {
  lines: readonly string[];
  results: T[];
}

/**
 * `compute(line)` for each of `lines`. `owner` names the function (one object per use, as for
 * memoKey): two uses never see each other's results.
 */
export function resultsByLine<T>(cache: CheckCache | undefined, owner: object, lines: readonly string[], compute: (line: string) => T): T[] {
  const n = lines.length;
  const results = new Array<T>(n);
  if (!cache?.session) {
    for (let i = 0; i < n; i++) results[i] = compute(lines[i]);
    return results;
  }
  const memo = cache.memo<string, Previous<T>>(owner);
  const previous = memo.get('previous');
  let head = 0;
  let tail = 0;
  if (previous) {
    ({ head, tail } = unchangedEnds(cache, previous.lines, lines));
    const m = previous.lines.length;
    for (let i = 0; i < head; i++) results[i] = previous.results[i];
    for (let i = 0; i < tail; i++) results[n - 1 - i] = previous.results[m - 1 - i];
  }
  for (let i = head; i < n - tail; i++) results[i] = compute(lines[i]);
  memo.set('previous', { lines, results });
  return results;
}

interface Ends {
  head: number;
  tail: number;
}

/** Names the per-check memo of unchanged ends, by the earlier lines compared with. */
const ENDS = {};

/**
 * How many lines at the top (head) and at the bottom (tail) are the same in both versions. Every
 * rule that keeps results by line compares with the same earlier version, so the comparison (all the
 * text, character by character) is made once per check.
 */
function unchangedEnds(cache: CheckCache, old: readonly string[], lines: readonly string[]): Ends {
  const known = cache.local<readonly string[], Ends>(ENDS);
  const hit = known.get(old);
  if (hit) return hit;
  const n = lines.length;
  const m = old.length;
  const limit = Math.min(n, m);
  let head = 0;
  let tail = 0;
  while (head < limit && old[head] === lines[head]) head++;
  while (tail < limit - head && old[m - 1 - tail] === lines[n - 1 - tail]) tail++;
  const ends = { head, tail };
  known.set(old, ends);
  return ends;
}
