import { OrdinalArray } from "@sdh/validation";

/**
 * What the FinTech rules keep per customer and per account, in typed arrays keyed by the ordinals of
 * their primary keys: a few dozen bytes a record, never the records.
 */
export class LedgerIndex {
  customers = 0;
  readonly since = new OrdinalArray((n) => new Int32Array(n));
  readonly customerPosition = new OrdinalArray((n) => new Uint32Array(n));
  readonly declaredAccounts = new OrdinalArray((n) => new Int16Array(n));
  readonly accountsOf = new OrdinalArray((n) => new Uint16Array(n));

  accounts = 0;
  readonly accountPosition = new OrdinalArray((n) => new Uint32Array(n));
  /** 0 checking, 1 savings, 2 credit card; 255 when the product broke the schema. */
  readonly product = new OrdinalArray((n) => new Uint8Array(n));
  readonly from = new OrdinalArray((n) => new Int32Array(n));
  /** The last day a transaction may post: the closing day, or asOf; -1 when the dates broke the schema. */
  readonly to = new OrdinalArray((n) => new Int32Array(n));
  readonly closed = new OrdinalArray((n) => new Uint8Array(n));
  /** Balances in cents: declared opening and current (NaN when they broke the schema), and the ledger's net. */
  readonly opening = new OrdinalArray((n) => new Float64Array(n));
  readonly current = new OrdinalArray((n) => new Float64Array(n));
  readonly net = new OrdinalArray((n) => new Float64Array(n));
  readonly declaredTransactions = new OrdinalArray((n) => new Int32Array(n));
  readonly transactionsOf = new OrdinalArray((n) => new Uint32Array(n));
  readonly lastPosted = new OrdinalArray((n) => new Int32Array(n));

  get bytes(): number {
    return [this.since, this.customerPosition, this.declaredAccounts, this.accountsOf, this.accountPosition, this.product, this.from, this.to, this.closed, this.opening, this.current, this.net, this.declaredTransactions, this.transactionsOf, this.lastPosted].reduce((n, a) => n + a.bytes, 0);
  }
}
