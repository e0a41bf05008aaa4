// Caches that live for one check: work shared by several rules (e.g. the numbers of a paragraph)
// is done once per check, and nothing is carried over to the next one, so results and timings never
// depend on what was checked before.

const caches: Map<unknown, unknown>[] = [];

/** A map emptied at the start of every check (and when it grows past `limit`). */
export function perCheckCache<K, V>(limit = 4096): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const map = new Map<K, V>();
  caches.push(map as Map<unknown, unknown>);
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
}

export function resetPerCheckCaches(): void {
  for (const c of caches) c.clear();
}
