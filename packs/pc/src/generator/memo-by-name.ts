/**
 * Caches a pure function of a name: names repeat across millions of records, so each is worked on
 * once. Bounded, so memory stays flat whatever the snapshot holds.
 */
export function memoByName<T>(compute: (name: string) => T, limit = 100_000): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    let value = cache.get(name);
    if (value === undefined) {
      value = compute(name);
      if (cache.size < limit) cache.set(name, value);
    }
    return value;
  };
}
