// What a run of many checks shares: memos of pure functions of profile data (a table spec's row
// index, a profile's format markers, a part's title keys) and of short labels (a row label's key),
// which a folder's reports repeat file after file. Without it every check rebuilt the same indexes
// of the same profiles: on a folder of typical reports that was a fifth of each check.
//
// The caller owns it (the CLI for one run, the server for its lifetime) and passes it to check();
// nothing is kept at module level. Memory stays bounded however many reports are checked:
// - keys that are objects (profiles, specs) are held weakly, so a changed workspace config, which
//   builds new profile objects, leaves the old entries to the garbage collector;
// - other keys (label texts) are few in real folders, and a memo that reaches MAX_ENTRIES is
//   emptied, so a crafted folder of ever-new labels costs time, never memory.
// Only memo keys declared `shared` (check-cache.ts) come here: their values never depend on a
// document, so results are the same with or without the store.

import type { Memo } from './session';

/** Entries one shared memo may hold before it is emptied. */
export const MAX_ENTRIES = 20_000;

/** A memo whose object keys are weak and whose other keys are capped. */
class BoundedMemo<K, V> implements Memo<K, V> {
  private readonly byObject = new WeakMap<object, V>();
  private byValue = new Map<K, V>();

  get(key: K): V | undefined {
    return isObject(key) ? this.byObject.get(key) : this.byValue.get(key);
  }

  set(key: K, value: V): void {
    if (isObject(key)) {
      this.byObject.set(key, value);
      return;
    }
    if (this.byValue.size >= MAX_ENTRIES) this.byValue = new Map();
    this.byValue.set(key, value);
  }
}

function isObject(key: unknown): key is object {
  return (typeof key === 'object' && key !== null) || typeof key === 'function';
}

export class SharedMemos {
  private readonly memos = new Map<unknown, Memo<unknown, unknown>>();

  /** The memo owned by `owner` (a memo key or another unique object). */
  memo<K, V>(owner: unknown): Memo<K, V> {
    let memo = this.memos.get(owner);
    if (!memo) {
      memo = new BoundedMemo();
      this.memos.set(owner, memo);
    }
    return memo as Memo<K, V>;
  }
}

/** A store for one run of checks (a CLI run, a language server). */
export function createSharedMemos(): SharedMemos {
  return new SharedMemos();
}
