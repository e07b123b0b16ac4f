import { parseSnapshotConfig, type SnapshotConfig } from "@sdh/schemas";
import { validateSnapshot, type SnapshotSources } from "@sdh/validation";
import { FINTECH_PACK, type Account, type Customer, type Transaction } from "../src/index.js";

export interface Ledger {
  config: SnapshotConfig;
  customers: Customer[];
  accounts: Account[];
  transactions: Transaction[];
}

/** A seeded FinTech snapshot held in memory, for tests to break one rule at a time. */
export function ledger(records = 300, seed = 42): Ledger {
  const config = parseSnapshotConfig({ pack: "fintech", records, seed });
  const out: Ledger = { config, customers: [], accounts: [], transactions: [] };
  for (const { records: r } of FINTECH_PACK.generate(config).range(0, records)) {
    out.customers.push(...(r.customers as Customer[]));
    out.accounts.push(...(r.accounts as Account[]));
    out.transactions.push(...(r.transactions as Transaction[]));
  }
  return out;
}

export function sourcesOf(l: Ledger): SnapshotSources {
  return { customers: () => l.customers, accounts: () => l.accounts, transactions: () => l.transactions };
}

/** The codes of the rules that fail on the snapshot, with their failure counts. */
export async function failing(l: Ledger): Promise<Record<string, number>> {
  const { report } = await validateSnapshot(sourcesOf(l), { asOf: l.config.asOf, pack: FINTECH_PACK.checks });
  return Object.fromEntries(report.rules.filter((r) => r.failures > 0).map((r) => [r.code, r.failures]));
}
