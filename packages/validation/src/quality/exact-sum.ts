/**
 * A sum of integers that stays exact however many are added and in whatever order or grouping, so
 * shards' sums merge to the very figure one pass would give. Works in a double while it is safe and
 * moves the running total into a bigint before it could lose a unit.
 */
export class ExactSum {
  private small = 0;
  private big = 0n;

  add(value: number): void {
    this.small += value;
    if (this.small > 2 ** 52 || this.small < -(2 ** 52)) this.spill();
  }

  /** For terms beyond a double's exact range (the square of an integer above 2^26.5). */
  addBig(value: bigint): void {
    this.big += value;
  }

  merge(other: ExactSum | string): void {
    this.spill();
    this.big += typeof other === "string" ? BigInt(other) : other.total();
  }

  total(): bigint {
    return this.big + BigInt(this.small);
  }

  /** Decimal text, for JSON. */
  toString(): string {
    return this.total().toString();
  }

  private spill(): void {
    this.big += BigInt(this.small);
    this.small = 0;
  }
}
