import { encodeHashedText, encodeShortText, encodeUuid, type Key128 } from "./key-encoding.js";
import { KeyTable } from "./key-table.js";

/** uuid: packed exactly; short-text: up to 20 characters packed exactly (longer ones kept as text); hashed-text: any text, as a 128-bit hash. */
export type KeyKind = "uuid" | "short-text" | "hashed-text";

/**
 * A key set's contents in ordinal order, for checking uniqueness across shards: `words` holds each
 * packed key at `4 * ordinal`; the values that did not pack are listed with their ordinals.
 */
export interface ExportedKeys {
  kind: KeyKind;
  size: number;
  words: Uint32Array;
  others: Array<[ordinal: number, value: string]>;
}

/**
 * A set of identifiers for uniqueness and reference checks at tens of millions of records: values
 * that fit 128 bits live in a KeyTable, the rare ones that do not (hand-edited oddities) in a Set.
 * Ordinals are shared between both, so callers can keep per-key data in typed arrays.
 */
export class CompactKeySet {
  private readonly table: KeyTable;
  private readonly others = new Map<string, number>();
  private readonly scratch: Key128 = new Uint32Array(4);
  private readonly encode: (value: string, out: Key128) => boolean;
  private nextOrdinal = 0;

  constructor(
    readonly kind: KeyKind,
    expected?: number,
  ) {
    this.table = new KeyTable(expected);
    this.encode = kind === "uuid" ? encodeUuid : kind === "hashed-text" ? encodeHashedText : encodeShortText;
  }

  get size(): number {
    return this.nextOrdinal;
  }

  /** Approximate bytes held: the table's arrays plus ~100 bytes per value kept as a string. */
  get bytes(): number {
    return this.table.bytes + this.others.size * 100;
  }

  /** The value's ordinal, or -1 when it was never added. */
  find(value: string): number {
    if (this.encode(value, this.scratch)) {
      return this.table.find(this.scratch);
    }
    return this.others.get(value) ?? -1;
  }

  /** Adds the value: its new ordinal, or `-1 - ordinal` of the earlier occurrence when it is a repeat. */
  add(value: string): number {
    if (this.encode(value, this.scratch)) {
      const earlier = this.table.insert(this.scratch, this.nextOrdinal);
      return earlier >= 0 ? -1 - earlier : this.nextOrdinal++;
    }
    const earlier = this.others.get(value);
    if (earlier !== undefined) return -1 - earlier;
    this.others.set(value, this.nextOrdinal);
    return this.nextOrdinal++;
  }

  export(): ExportedKeys {
    return { kind: this.kind, size: this.nextOrdinal, words: this.table.keysByOrdinal(this.nextOrdinal), others: [...this.others].map(([value, ordinal]) => [ordinal, value]) };
  }
}
