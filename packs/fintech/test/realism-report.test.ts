import { readFileSync } from "node:fs";
import { parseSnapshotConfig } from "@sdh/schemas";
import { passes } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { createFintechGenerator } from "../src/generate.js";
import { FINTECH_GENERATOR } from "../src/generator-version.js";
import { realismMeasures, type Ledger } from "../src/realism/realism-measures.js";
import type { Account, Customer, Transaction } from "../src/schemas.js";

// The FinTech realism report (issue 35): the ledger measured against public figures. Here: that the
// measures run on a small ledger, that what must hold on any ledger holds, and that the committed report
// is this generator's with every measure in its band (a generator change must regenerate it:
// pnpm --filter @sdh/pack-fintech realism, 10,000 customers for each of two seeds).
describe("the FinTech realism report", () => {
  it("measures a ledger: a year of history, larger purchases, pay above $3,000 a paycheck, money coming in", () => {
    const config = parseSnapshotConfig({ pack: "fintech", records: 600, seed: 42 });
    const ledger: Ledger = { customers: [] as Customer[], accounts: [] as Account[], transactions: [] as Transaction[] };
    for (const root of createFintechGenerator(config).range(0, 600)) {
      (ledger.customers as Customer[]).push(...(root.records.customers as Customer[]));
      (ledger.accounts as Account[]).push(...(root.records.accounts as Account[]));
      (ledger.transactions as Transaction[]).push(...(root.records.transactions as Transaction[]));
    }
    const measures = realismMeasures(ledger, config.asOf);
    expect(measures.map((m) => m.id)).toEqual(["history-days", "purchases-over-1000", "card-purchases-a-month", "average-payment", "housing-payers", "housing-payment", "yearly-pay", "pay-over-100k", "transfers-in-over-out"]);
    const byId = new Map(measures.map((m) => [m.id, m]));
    for (const id of ["history-days", "card-purchases-a-month", "transfers-in-over-out"]) expect(passes(byId.get(id)!), id).toBe(true);
    // What the audit found missing, each present: purchases past $1,000, ACH debits past $600, pay past $3,000 a paycheck.
    const top = (type: string) => ledger.transactions.reduce((m, t) => (t.type === type && t.amount > m ? t.amount : m), 0);
    expect([top("card_purchase"), top("ach_debit"), top("ach_credit")].map((x) => x > 1_000)).toEqual([true, true, true]);
    expect(ledger.transactions.filter((t) => t.type === "ach_credit" && t.amount > 3_000).length).toBeGreaterThan(0);
  });

  it("is committed for this generator version, every measure in its band", () => {
    const report = readFileSync(new URL("../REALISM.md", import.meta.url), "utf8");
    expect(report).toContain(`Generator ${FINTECH_GENERATOR.name} ${FINTECH_GENERATOR.version};`);
    expect(report).toMatch(/ 0 of 9 measures are outside their band\./);
  });
});
