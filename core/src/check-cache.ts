// The work shared by the parser, the facts and the rules within one check (the numbers of a
// paragraph, the index of a table spec's rows, the parts a profile finds), carried explicitly in the
// check's context. Nothing is kept at module level: a check makes its own cache, so a nested check
// (completion asks for a whole check of a skeleton) cannot disturb the one under way.
//
// Without a session the cache lives for one check, so results and timings never depend on what was
// checked before. With a session (an editor's open document, see session.ts) the memos are the
// session's generational ones and carry over to the next check, so a keystroke recomputes only what
// it changed. Every memoised value is a pure function of its key, so results never depend on history.
//
// A key declared `shared` memoises a function of profile data or of a short label alone (never of
// a document): with a run's SharedMemos (shared-memos.ts) its values outlive the check and serve
// the next report of a folder.

import type { CheckSession, Memo } from './session';
import type { SharedMemos } from './shared-memos';

/** A named, memoised pure function; the token itself holds nothing (its memo lives in a cache). */
export interface MemoKey<K, V> {
  readonly name: string;
  readonly compute: (key: K, cache: CheckCache) => V;
  /** The value depends on profile data or a label alone: a run's shared memos may keep it. */
  readonly shared: boolean;
}

/**
 * Declares a memoised function; call it with `cache.get(key, argument)`. `shared`: its argument is
 * profile data (a profile, a spec) or a label, and its value depends on nothing else.
 */
export function memoKey<K, V>(name: string, compute: (key: K, cache: CheckCache) => V, options: { shared?: boolean } = {}): MemoKey<K, V> {
  return Object.freeze({ name, compute, shared: options.shared === true });
}

/** Thrown when a rule's time budget ran out: at a report() or at the next memoised computation. */
export class RuleDeadline extends Error {
  constructor() {
    super('rule time budget exceeded');
  }
}

export class CheckCache {
  private readonly plain = new Map<unknown, Map<unknown, unknown>>();
  /** When the rule under way must stop (performance.now() ms); set by the engine around each rule. */
  deadline = Infinity;

  constructor(
    readonly session?: CheckSession,
    readonly shared?: SharedMemos,
  ) {}

  /** The memo owned by `owner` for this check (or, in a session, carried between checks). */
  memo<K, V>(owner: object): Memo<K, V> {
    return this.session ? this.session.memo<K, V>(owner) : this.local<K, V>(owner);
  }

  /**
   * For values of profile data or labels alone: the run's shared memo when there is one, else one
   * for this check only (as `local`, since its keys may grow with every edit in a session).
   */
  sharedOrLocal<K, V>(owner: object): Memo<K, V> {
    return this.shared ? this.shared.memo<K, V>(owner) : this.local<K, V>(owner);
  }

  /** A memo for this check only, even in a session (for memos whose keys grow with every edit). */
  local<K, V>(owner: object): Memo<K, V> {
    let map = this.plain.get(owner);
    if (!map) {
      map = new Map();
      this.plain.set(owner, map);
    }
    return map as Map<K, V>;
  }

  /**
   * For loops over a paragraph's clauses or figures, which can run for seconds on one crafted
   * paragraph: throws RuleDeadline once the running rule is past its budget. Cheap (a clock read).
   */
  checkDeadline(): void {
    if (this.deadline !== Infinity && performance.now() > this.deadline) throw new RuleDeadline();
  }

  /** `key.compute(argument)`, computed once per check (or session generation) and argument. */
  get<K, V>(key: MemoKey<K, V>, argument: K): V {
    const memo = key.shared && this.shared ? this.shared.memo<K, V>(key) : this.memo<K, V>(key);
    let v = memo.get(argument);
    if (v === undefined) {
      // Each computation (a paragraph's numbers, its sums) is a point where an overrunning rule stops.
      this.checkDeadline();
      v = key.compute(argument, this);
      memo.set(argument, v);
    }
    return v;
  }
}
