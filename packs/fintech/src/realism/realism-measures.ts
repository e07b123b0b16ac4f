import { epochDayOf } from "@sdh/rules";
import type { RealismMeasure } from "@sdh/validation";
import { HOUSING, TAKE_HOME, WINDOW_DAYS, YEARLY_PAY } from "../ledger-rules.js";
import type { Account, Customer, Transaction } from "../schemas.js";

// The FinTech ledger measured against public figures (issue 35's audit of the pack): what a bank's QA
// lead would check first — a year of history, purchases of every size, rent and mortgages, pay as
// wages are spread, money coming in as well as going out — each with its source and accepted band.

export interface Ledger {
  customers: readonly Customer[];
  accounts: readonly Account[];
  transactions: readonly Transaction[];
}

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/** A ledger's measures (one seed; asOf of the config). */
export function realismMeasures(ledger: Ledger, asOf: string): RealismMeasure[] {
  const asOfDay = epochDayOf(asOf);
  const windowStart = asOfDay - (WINDOW_DAYS - 1);
  let [first, last] = [Infinity, -Infinity];
  for (const t of ledger.transactions) {
    const day = epochDayOf(t.posted_date);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const span = ledger.transactions.length ? last - first + 1 : 0;

  // Checking accounts open the whole year, with their postings: the recurring flows show whole.
  const wholeYear = new Set(ledger.accounts.filter((a) => a.product === "checking" && epochDayOf(a.opened_date) <= windowStart && a.closed_date === null).map((a) => a.account_id));
  const postings = new Map<string, Transaction[]>();
  for (const t of ledger.transactions) if (wholeYear.has(t.account_id)) (postings.get(t.account_id) ?? postings.set(t.account_id, []).get(t.account_id)!).push(t);
  // Housing: an ACH debit of one amount posted in every month (bills vary; rent and a mortgage do not).
  let housed = 0;
  const housing: number[] = [];
  const yearlyPay: number[] = [];
  let transfersIn = 0;
  let transfersOut = 0;
  for (const list of postings.values()) {
    const amounts = new Map<number, number>();
    for (const t of list) if (t.type === "ach_debit") amounts.set(t.amount, (amounts.get(t.amount) ?? 0) + 1);
    const recurring = [...amounts].filter(([, n]) => n >= 12).map(([amount]) => amount);
    if (recurring.length) {
      housed++;
      housing.push(Math.max(...recurring));
    }
    // Payroll: 26 or 27 equal credits every other week; the benefit is monthly (12), so 20 or more is pay.
    const credits = list.filter((t) => t.type === "ach_credit");
    if (credits.length >= 20) yearlyPay.push((credits[0]!.amount * 26) / TAKE_HOME);
    transfersIn += list.filter((t) => t.type === "transfer_in").length;
    transfersOut += list.filter((t) => t.type === "transfer_out").length;
  }
  const purchases = ledger.transactions.filter((t) => t.type === "card_purchase");
  const payments = ledger.transactions.filter((t) => t.type === "card_purchase" || t.type === "ach_debit");
  // Card purchases a month by customers who hold a credit card, over the months their accounts were open.
  const holders = new Set(ledger.accounts.filter((a) => a.product === "credit_card").map((a) => a.customer_id));
  const accountOwner = new Map(ledger.accounts.map((a) => [a.account_id, a.customer_id]));
  const monthsOpen = new Map<string, number>();
  for (const a of ledger.accounts) {
    if (a.product !== "checking" || !holders.has(a.customer_id)) continue;
    const from = Math.max(epochDayOf(a.opened_date), windowStart);
    const to = a.closed_date ? epochDayOf(a.closed_date) : asOfDay;
    monthsOpen.set(a.customer_id, (to - from + 1) / (365 / 12));
  }
  const holderPurchases = purchases.filter((t) => holders.has(accountOwner.get(t.account_id)!)).length;
  const holderMonths = [...monthsOpen.values()].reduce((a, b) => a + b, 0);
  const renterOrMortgaged = HOUSING.renterShare + (1 - HOUSING.renterShare) * HOUSING.mortgagedShareOfOwners;

  return [
    { id: "history-days", what: "days of history the ledger spans", figure: "at least a year (the audit found 90 days)", source: "issue 35", band: [365, 365], value: span },
    {
      id: "purchases-over-1000",
      what: "card purchases of $1,000 or more, per 1,000 card purchases",
      figure: "some: flights, hotels, car repairs, furniture, electronics (the audit found none; 99.9th percentile $600)",
      source: "rule (ledger-rules.ts: merchant ranges)",
      band: [2, 20],
      value: round((purchases.filter((t) => t.amount >= 1_000).length / Math.max(1, purchases.length)) * 1_000, 2),
    },
    {
      id: "card-purchases-a-month",
      what: "card purchases a month (debit and credit) by a customer with a credit card",
      figure: "31: 48 payments a consumer a month (2024), 62% of them by debit or credit card (2023)",
      source: "Atlanta Fed, Survey and Diary of Consumer Payment Choice 2024; 2023 diary",
      band: [22, 40],
      value: round(holderPurchases / Math.max(1, holderMonths), 1),
    },
    {
      id: "average-payment",
      what: "average card purchase or ACH debit, dollars",
      figure: "$142, every payment of every instrument (cash $21 in 2018)",
      source: "Atlanta Fed, Survey and Diary of Consumer Payment Choice 2024",
      band: [80, 200],
      value: round(payments.reduce((s, t) => s + t.amount, 0) / Math.max(1, payments.length), 2),
    },
    {
      id: "housing-payers",
      what: "share of whole-year checking accounts paying rent or a mortgage every month",
      figure: `${round(renterOrMortgaged, 3)}: renters 34% of households, 61.2% of owned homes mortgaged`,
      source: "Census Bureau, ACS 2023 1-year and 2019–2023 5-year",
      band: [0.68, 0.8],
      value: round(housed / Math.max(1, postings.size)),
    },
    {
      id: "housing-payment",
      what: "median monthly rent or mortgage payment, dollars",
      figure: "rent $1,406; owner costs with a mortgage $1,902, a household (a customer is one earner, and pays at most half their income: rules)",
      source: "Census Bureau, ACS 2023 1-year and 2019–2023 5-year",
      band: [1_000, 1_902],
      value: round(median(housing), 2),
    },
    {
      id: "yearly-pay",
      what: "median yearly gross pay of customers paid by payroll, dollars",
      figure: `$${YEARLY_PAY.median.toLocaleString("en-US")} median net compensation of wage earners (2022)`,
      source: "Social Security Administration, wage statistics for 2022",
      band: [36_000, 46_000],
      value: round(median(yearlyPay), 0),
    },
    {
      id: "pay-over-100k",
      what: "share of customers paid by payroll earning $100,000 or more a year",
      figure: "16% by the log-normal through SSA's 2022 median and average (the audit found pay stopping near $78,000)",
      source: "Social Security Administration, wage statistics for 2022 (fit)",
      band: [0.1, 0.22],
      value: round(yearlyPay.filter((p) => p >= 100_000).length / Math.max(1, yearlyPay.length)),
    },
    {
      id: "transfers-in-over-out",
      what: "transfers into checking per transfer out of it",
      figure: "money comes in as well as goes out (the audit found 59 in against 29,859 out)",
      source: "rule (ledger-rules.ts: CHECKING_FLOWS)",
      band: [0.5, 4],
      value: round(transfersIn / Math.max(1, transfersOut), 2),
    },
  ];
}
