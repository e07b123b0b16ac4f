import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSnapshotConfig } from "@sdh/schemas";
import { createFintechGenerator } from "../src/generate.js";
import { FINTECH_GENERATOR } from "../src/generator-version.js";
import { realismMeasures, type Ledger } from "../src/realism/realism-measures.js";
import { realismReport } from "../src/realism/realism-report.js";
import type { Account, Customer, Transaction } from "../src/schemas.js";

// pnpm --filter @sdh/pack-fintech realism [CUSTOMERS]: builds the ledger for two seeds and writes
// packs/fintech/REALISM.md (default 10,000 customers each, about 4 million transactions).
const customers = Number(process.argv[2] ?? 10_000);
const seeds = [42, 7];
const bySeed = seeds.map((seed) => {
  const config = parseSnapshotConfig({ pack: "fintech", records: customers, seed });
  process.stderr.write(`seed ${seed}: ${customers.toLocaleString("en-US")} customers\n`);
  return { seed, measures: realismMeasures(ledgerOf(config), config.asOf) };
});
const out = fileURLToPath(new URL("../REALISM.md", import.meta.url));
writeFileSync(out, realismReport(`${FINTECH_GENERATOR.name} ${FINTECH_GENERATOR.version}`, customers, bySeed));
process.stderr.write(`wrote ${out}\n`);

function ledgerOf(config: ReturnType<typeof parseSnapshotConfig>): Ledger {
  const ledger = { customers: [] as Customer[], accounts: [] as Account[], transactions: [] as Transaction[] };
  for (const root of createFintechGenerator(config).range(0, config.records)) {
    ledger.customers.push(...(root.records.customers as Customer[]));
    ledger.accounts.push(...(root.records.accounts as Account[]));
    for (const t of root.records.transactions as Transaction[]) ledger.transactions.push(t);
  }
  return ledger;
}
