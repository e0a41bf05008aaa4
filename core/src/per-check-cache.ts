// Caches for work shared by several rules (e.g. the numbers of a paragraph), done once per check.
// Without a session nothing is carried over to the next check, so results and timings never depend
// on what was checked before. With a session (an editor's open document, see session.ts) the caches
// are generational and carried to the next check, so a keystroke recomputes only what it changed:
// every cached value is a pure function of its key, so results still never depend on history.

import type { CheckSession } from './session';

const plainMaps: Map<unknown, unknown>[] = [];
let activeSession: CheckSession | undefined;
/** When the rule under way must stop (performance.now() ms), set by the engine around each rule. */
let deadline = Infinity;

/** Thrown when a rule's time budget ran out: at a report() or at the next memoised computation. */
export class RuleDeadline extends Error {
  constructor() {
    super('rule time budget exceeded');
  }
}

/** The engine sets the running rule's deadline (Infinity between rules and outside checks). */
export function setDeadline(at: number): void {
  deadline = at;
}

/**
 * For loops over a paragraph's clauses or figures, which can run for seconds on one crafted
 * paragraph: throws RuleDeadline once the running rule is past its budget. Cheap (a clock read).
 */
export function checkDeadline(): void {
  if (deadline !== Infinity && performance.now() > deadline) throw new RuleDeadline();
}

/** A memo keyed by content: emptied at every check, or kept per generation within a session. */
export function perCheckCache<K, V>(limit = 4096): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const map = new Map<K, V>();
  plainMaps.push(map as Map<unknown, unknown>);
  const owner = {};
  return {
    get: (key) => (activeSession ? activeSession.memo<K, V>(owner).get(key) : map.get(key)),
    set: (key, value) => {
      if (activeSession) return activeSession.memo<K, V>(owner).set(key, value);
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
}

/** `compute` memoised in a per-check cache: for pure functions of their key (a paragraph's text). */
export function memoisePerCheck<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = perCheckCache<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      // Each computation (a paragraph's numbers, its sums) is a point where an overrunning rule stops.
      if (deadline !== Infinity && performance.now() > deadline) throw new RuleDeadline();
      v = compute(key);
      cache.set(key, v);
    }
    return v;
  };
}

/** Called by check() before anything is computed: starts a check with or without a session. */
export function beginCheck(session?: CheckSession): void {
  for (const c of plainMaps) c.clear();
  activeSession = session;
  session?.advance();
}

/** The session of the check under way, for the parser's reuse of unchanged blocks. */
export function currentSession(): CheckSession | undefined {
  return activeSession;
}

/** Called by check() when it is done: later calls (hover, code actions) use plain maps again. */
export function endCheck(): void {
  activeSession = undefined;
}
