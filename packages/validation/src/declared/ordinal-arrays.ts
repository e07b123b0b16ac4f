/**
 * Typed arrays indexed by a key set's ordinals that grow as keys are added: what the gate keeps per
 * record (a position, a flag) costs bytes per record, never an object.
 */
export class OrdinalArray<T extends Int16Array | Uint16Array | Uint8Array | Uint32Array | Int32Array | Float64Array> {
  private data: T;

  constructor(
    private readonly make: (length: number) => T,
    expected = 1024,
  ) {
    this.data = make(Math.max(1024, expected));
  }

  /** The array to read and write at `ordinal`, grown (doubled) when `ordinal` is past its end. */
  at(ordinal: number): T {
    if (ordinal >= this.data.length) {
      let length = this.data.length * 2;
      while (ordinal >= length) length *= 2;
      const next = this.make(length);
      next.set(this.data);
      this.data = next;
    }
    return this.data;
  }

  /** The array as it stands, for reads of ordinals known to be inside it. */
  get values(): T {
    return this.data;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}
