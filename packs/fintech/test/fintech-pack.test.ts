import { readFileSync } from "node:fs";
import { impliedRules, packSpecProblems } from "@sdh/schemas";
import { inspectSnapshot } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { FINTECH_OWN_RULES, FINTECH_PACK, FINTECH_RULES, MCC_DESCRIPTIONS } from "../src/index.js";
import { failing, ledger, sourcesOf, type Ledger } from "./fixtures.js";

describe("the FinTech pack, written against the pack API only (ADR 0016 step 4)", () => {
  const clean = ledger(400, 42);

  it("declares a sound graph, and its catalog holds every rule the declaration implies", () => {
    expect(packSpecProblems(FINTECH_PACK.spec)).toEqual([]);
    for (const rule of impliedRules(FINTECH_PACK.spec)) expect(FINTECH_RULES[rule.code], rule.code).toEqual({ severity: "error", message: rule.message });
  });

  it("builds each customer from (seed, index) alone: any range is the same records as the whole run's slice", () => {
    const whole = [...FINTECH_PACK.generate(clean.config).range(0, 60)];
    const late = [...FINTECH_PACK.generate(clean.config).range(37, 60)];
    expect(JSON.stringify(late)).toBe(JSON.stringify(whole.slice(37)));
    expect(JSON.stringify(ledger(400, 42))).toBe(JSON.stringify(clean));
    expect(JSON.stringify(ledger(400, 43).customers[0])).not.toBe(JSON.stringify(clean.customers[0]));
  });

  it("passes its own gate and its distribution checks", async () => {
    expect(await failing(clean)).toEqual({});
    const { quality } = await inspectSnapshot(sourcesOf(clean), { asOf: clean.config.asOf, config: clean.config, pack: FINTECH_PACK });
    expect(quality.checks.map((c) => c.name)).toEqual(["customers_with.savings", "customers_with.credit_card", "accounts.closed"]);
    expect(quality.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it("keeps ledgers that a banking QA lead would recognise", () => {
    const { customers, accounts, transactions } = clean;
    // Every customer holds a checking account; cards carry a limit, deposit accounts none.
    expect(new Set(accounts.filter((a) => a.product === "checking").map((a) => a.customer_id)).size).toBe(customers.length);
    expect(accounts.every((a) => (a.product === "credit_card") === (a.credit_limit !== null))).toBe(true);
    // Every card purchase carries an ISO 18245 code with its official description, and nothing else does.
    const purchases = transactions.filter((t) => t.type === "card_purchase");
    expect(purchases.length).toBeGreaterThan(transactions.length / 3);
    expect(purchases.every((t) => MCC_DESCRIPTIONS.get(t.mcc!) === t.merchant_category)).toBe(true);
    expect(transactions.filter((t) => t.type !== "card_purchase").every((t) => t.mcc === null && t.merchant_category === null)).toBe(true);
    // Groceries lead the everyday merchants; amounts are cents.
    const byMcc = new Map<string, number>();
    for (const t of purchases) byMcc.set(t.mcc!, (byMcc.get(t.mcc!) ?? 0) + 1);
    expect([...byMcc].sort((a, b) => b[1] - a[1])[0]![0]).toBe("5411");
    expect(transactions.every((t) => /^\d+(\.\d{1,2})?$/.test(String(t.amount)))).toBe(true);
    // Closed accounts end at zero; the numbers are unique and ten digits.
    expect(accounts.filter((a) => a.status === "closed").every((a) => a.current_balance === 0)).toBe(true);
    expect(new Set(accounts.map((a) => a.account_number)).size).toBe(accounts.length);
  });
});

/** One planted fault per rule of the pack's own: each fires, and alone. */
const PLANTED: Array<[string, (l: Ledger) => void]> = [
  ["PRIVACY_EMAIL_DOMAIN", (l) => (l.customers[3]!.email = "someone@gmail.com")],
  ["PRIVACY_PHONE_RANGE", (l) => (l.customers[0]!.phone = "(415) 555-0200")],
  ["UNIQUE_EMAIL", (l) => (l.customers[5]!.email = l.customers[4]!.email)],
  ["UNIQUE_ACCOUNT_NUMBER", (l) => (l.accounts[7]!.account_number = l.accounts[2]!.account_number)],
  ["DOMAIN_CUSTOMER_POSTAL_CODE", (l) => (l.customers[1]!.city = "Nowhere")],
  ["DOMAIN_CUSTOMER_AGE", (l) => (l.customers[2]!.customer_since = "1900-01-01")],
  ["REF_CUSTOMER_ACCOUNT_COUNT", (l) => (l.customers[6]!.account_count = l.customers[6]!.account_count === 3 ? 2 : l.customers[6]!.account_count + 1)],
  ["DOMAIN_ACCOUNT_DATES", (l) => (l.accounts.find((a) => a.status === "open")!.closed_date = l.config.asOf)],
  ["DOMAIN_ACCOUNT_PRODUCT", (l) => (l.accounts.find((a) => a.product === "checking")!.credit_limit = 500)],
  ["DOMAIN_ACCOUNT_BALANCE", (l) => (l.accounts[0]!.current_balance += 0.01)],
  ["REF_ACCOUNT_TRANSACTION_COUNT", (l) => (l.accounts[1]!.transaction_count += 1)],
  ["DOMAIN_TRANSACTION_MCC", (l) => (l.transactions.find((t) => t.type === "card_purchase")!.merchant_category = "Groceries")],
  ["DOMAIN_TRANSACTION_TYPE", (l) => (l.transactions.find((t) => t.type === "ach_credit")!.type = "ach_debit")],
  [
    "DOMAIN_TRANSACTION_DATE",
    (l) => {
      // The first posting of an account opened before the window moves a year back: outside the window, order kept.
      const opened = new Set(l.accounts.filter((a) => a.opening_balance !== 0).map((a) => a.account_id));
      l.transactions.find((t) => t.sequence === 1 && opened.has(t.account_id))!.posted_date = "2024-06-01";
    },
  ],
  [
    "DOMAIN_TRANSACTION_SEQUENCE",
    (l) => {
      const t = l.transactions.find((x) => x.sequence === 2)!;
      t.sequence = 5;
    },
  ],
];

describe("the FinTech pack's rules", () => {
  it.each(PLANTED)("%s fires on its planted violation, and alone", async (code, plant) => {
    const l = ledger(200, 7);
    plant(l);
    const failed = await failing(l);
    expect(Object.keys(failed)).toEqual([code]);
  });

  it("the README lists every rule of its own, with its severity and wording", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const missing = Object.entries(FINTECH_OWN_RULES).filter(([code, r]) => !readme.includes(`| \`${code}\` | ${r.severity} | ${r.message} |`));
    expect(missing).toEqual([]);
  });

  it("every rule of its own has a planted violation", () => {
    const own = Object.keys(FINTECH_RULES).filter((code) => !impliedRules(FINTECH_PACK.spec).some((r) => r.code === code) && !code.startsWith("COUNT_"));
    expect(PLANTED.map(([code]) => code).sort()).toEqual(own.sort());
  });
});
