// A check session: what an editor keeps for one open document so that the next check after a
// keystroke redoes only the work whose input changed. Every cache in a session memoises a pure
// function of its key (a table's source lines, a paragraph's text), so a result can never depend on
// what was checked before, only the time it takes.
//
// Caches are generational: each check starts a new generation, entries the check uses are carried
// into it, and whatever the previous check did not use is dropped. Memory stays bounded by what the
// current text needs, however long the editing session.

export interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

interface Generation {
  current: Map<unknown, unknown>;
  previous: Map<unknown, unknown>;
}

export class CheckSession {
  private readonly generations = new Map<unknown, Generation>();
  private readonly memos = new Map<unknown, Memo<unknown, unknown>>();

  /** Starts a new generation; called by check() before anything is computed. */
  advance(): void {
    for (const g of this.generations.values()) {
      g.previous = g.current;
      g.current = new Map();
    }
  }

  /** The memo owned by `owner` (any unique object or string) in this session. */
  memo<K, V>(owner: unknown): Memo<K, V> {
    const known = this.memos.get(owner);
    if (known) return known as Memo<K, V>;
    let g = this.generations.get(owner);
    if (!g) {
      g = { current: new Map(), previous: new Map() };
      this.generations.set(owner, g);
    }
    const gen = g;
    const memo: Memo<K, V> = {
      get(key: K): V | undefined {
        let v = gen.current.get(key) as V | undefined;
        if (v === undefined) {
          v = gen.previous.get(key) as V | undefined;
          if (v !== undefined) gen.current.set(key, v);
        }
        return v;
      },
      set(key: K, value: V): void {
        gen.current.set(key, value);
      },
    };
    this.memos.set(owner, memo);
    return memo;
  }
}

/** A new session for one document; pass it to every check() of that document. */
export function createCheckSession(): CheckSession {
  return new CheckSession();
}
