/**
 * `record[key]` for a key taken from data (an entity or column name in a manifest or report): only
 * the record's own property, never one its prototype answers to (`constructor`, `__proto__`, `toString`).
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
