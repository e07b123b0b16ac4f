import { weighted, type WeightedTable } from "@sdh/rules";
import type { AccountProduct, TransactionType } from "./schemas.js";

// The FinTech pack's figures and documented rules (packs/fintech/README.md, "Where the values come
// from" and "What is a rule, not data"). Names, places and merchant categories come from public tables;
// pay, benefits, housing costs and how often people pay come from published figures (each cited where it
// is used); the remaining shares, counts and amount ranges are the pack's rules.

/** The ledger window: the 365 days up to and including asOf (a year of history). */
export const WINDOW_DAYS = 365;

/**
 * Wage earners' yearly pay: a log-normal through the Social Security Administration's wage statistics for
 * 2022 (ssa.gov/cgi-bin/netcomp.cgi?year=2022; public domain): median net compensation $40,847.18, raw
 * average $61,220.07. μ = ln(median), σ = √(2·ln(mean / median)) = 0.900; the fit puts Φ(σ/2) = 67.4% of
 * earners at or below the average, where SSA counts 67.9%. Drawn between the bounds (a rule).
 */
export const YEARLY_PAY = { median: 40_847.18, sigma: Math.sqrt(2 * Math.log(61_220.07 / 40_847.18)), min: 8_000, max: 1_000_000 } as const;
/** The share of gross pay a payroll deposit carries after taxes and withholdings (a rule). Paid every other week (a rule: the commonest US pay frequency). */
export const TAKE_HOME = 0.78;
/** From this age a customer draws a monthly Social Security retirement benefit instead of pay (a rule: the full retirement age for people born after 1959). */
export const RETIREMENT_AGE = 67;
/**
 * The monthly retirement benefit: a log-normal around SSA's average for all retired workers after the
 * 2024 cost-of-living adjustment, $1,907 (SSA 2024 COLA fact sheet; public domain), with a spread of
 * 0.3 (a rule), within the 2024 maximum at age 70, $4,873.
 */
export const MONTHLY_BENEFIT = { median: 1_907, sigma: 0.3, min: 400, max: 4_873 } as const;

/**
 * Who pays for housing from checking, monthly, and how much: renters and owners with a mortgage.
 * Renters are 34% of households (ACS 2023 1-year: 42.5 million renter households, beside 82.9 million
 * owner-occupied homes in the 2019–2023 5-year estimates); 61.2% of owned homes have a mortgage (ACS
 * 2019–2023). The payment is log-normal around the ACS medians — gross rent $1,406 (ACS 2023 1-year),
 * monthly owner costs with a mortgage $1,902 (ACS 2019–2023); Census Bureau data, public domain — times
 * the square root of the customer's income over the median wage, with a spread of 0.3, and at most half
 * their gross income (HUD's line for a severe cost burden); rules, all three. Rent posts on the 1st, a
 * mortgage on a day from the 1st to the 15th (rules).
 */
export const HOUSING = { renterShare: 0.34, mortgagedShareOfOwners: 0.612, rentMedian: 1_406, mortgageMedian: 1_902, sigma: 0.3, maxShareOfIncome: 0.5 } as const;

/**
 * Credit card purchases a month: 17, the Atlanta Fed's 2024 Survey and Diary of Consumer Payment Choice
 * (48 payments a consumer a month, 17 of them by credit card), times each customer's own factor from 0.5
 * to 1.5 (a rule).
 */
export const CREDIT_PURCHASES_A_MONTH = 17;
/**
 * Debit card purchases follow the budget (a rule): what the customer's take-home pay and incoming
 * transfers leave after housing and the expected bills, cash and transfers out, times their own share
 * from 0.8 to 0.97 (the rest is saved), at the mean purchase — between 1 and 43 a month (three times the
 * diary's 14.4: 30% of 48 payments are by debit card in the 2023 diary). A median earner makes about
 * 16 a month.
 */
export const DEBIT_PURCHASES_A_MONTH = { min: 1, max: 43, spentShare: { min: 0.8, max: 0.97 } } as const;

/**
 * Checking's other monthly flows (rules): how many a month (uniform) and the dollar range (log-uniform;
 * cash in $20 notes). Below the median take-home pay, bills and cash shrink with pay (a household with
 * less pays less for power, phone and insurance, and draws less cash), to a quarter at the least.
 */
export const CHECKING_FLOWS = {
  bills: { perMonth: [2, 4], min: 30, max: 600 },
  cash: { perMonth: [0, 3], notes: [1, 15] },
  transfersOut: { perMonth: [0, 1], min: 25, max: 500 },
  // Payments from friends and family, moves from other banks.
  transfersIn: { perMonth: [0, 2], min: 20, max: 1_000 },
} as const;

/** The median monthly take-home pay (YEARLY_PAY, TAKE_HOME), below which bills and cash shrink. */
export const MEDIAN_TAKE_HOME = (YEARLY_PAY.median * TAKE_HOME) / 12;

/** A log-uniform range's mean: (max − min) / ln(max / min). */
export const logUniformMean = (min: number, max: number) => (max - min) / Math.log(max / min);
/** Customers' ages at asOf, uniform. */
export const CUSTOMER_AGES = { min: 18, max: 85 } as const;
/** The longest customer relationship, in years before asOf. */
export const MAX_TENURE_YEARS = 30;
/** Every customer has a checking account; these shares hold a savings account and a credit card. */
export const PRODUCT_SHARES = { savings: 0.5, credit_card: 0.6 } as const;
/** Accounts closed inside the window (their balance moved out on the closing day). */
export const CLOSED_SHARE = 0.04;
/** Credit card limits in dollars, uniform. */
export const CREDIT_LIMITS = [500, 1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000] as const;
/** Yearly rates for the month-end interest postings: savings earn, card balances owed are charged. */
export const SAVINGS_APY = 0.004;
export const CARD_APR = 0.2;

/** A product's slot in its customer's accounts: fixes each account's stream and number, whichever others the customer has. */
export const PRODUCT_SLOTS: Record<AccountProduct, number> = { checking: 0, savings: 1, credit_card: 2 };

/**
 * Everyday merchant categories (ISO 18245 codes) a card purchase is drawn from, each with a weight and
 * a dollar range drawn log-uniformly.
 */
const MERCHANTS: ReadonlyArray<readonly [{ mcc: string; min: number; max: number }, number]> = [
  [{ mcc: "5411", min: 15, max: 250 }, 20],
  [{ mcc: "5814", min: 5, max: 30 }, 14],
  [{ mcc: "5812", min: 12, max: 150 }, 10],
  [{ mcc: "5310", min: 10, max: 200 }, 8],
  [{ mcc: "5542", min: 20, max: 90 }, 6],
  [{ mcc: "5499", min: 3, max: 40 }, 6],
  [{ mcc: "5912", min: 5, max: 120 }, 6],
  [{ mcc: "5999", min: 10, max: 200 }, 5],
  [{ mcc: "5541", min: 20, max: 90 }, 4],
  [{ mcc: "5311", min: 20, max: 300 }, 3],
  [{ mcc: "5651", min: 20, max: 200 }, 3],
  [{ mcc: "4121", min: 10, max: 60 }, 3],
  [{ mcc: "4814", min: 30, max: 150 }, 2],
  [{ mcc: "4900", min: 40, max: 300 }, 2],
  [{ mcc: "7230", min: 15, max: 80 }, 2],
  [{ mcc: "4111", min: 2, max: 30 }, 2],
  [{ mcc: "5732", min: 20, max: 2_000 }, 1],
  [{ mcc: "7832", min: 10, max: 45 }, 1],
  [{ mcc: "8011", min: 20, max: 300 }, 1],
  // Larger tickets, now and then: flights, hotels, car repairs, furniture.
  [{ mcc: "4511", min: 80, max: 1_500 }, 1],
  [{ mcc: "7011", min: 90, max: 1_200 }, 1],
  [{ mcc: "7538", min: 60, max: 2_500 }, 1],
  [{ mcc: "5712", min: 100, max: 3_000 }, 0.5],
];
export const EVERYDAY_MERCHANTS: WeightedTable<{ mcc: string; min: number; max: number }> = weighted(MERCHANTS);

/** The mean dollar amount of a card purchase the table above makes. */
export const MEAN_PURCHASE = MERCHANTS.reduce((sum, [m, w]) => sum + w * logUniformMean(m.min, m.max), 0) / MERCHANTS.reduce((sum, [, w]) => sum + w, 0);

/**
 * Which transaction types each product's ledger has, and whether each adds to the balance (credit)
 * or takes from it (debit). Interest is earned on savings and charged on a card.
 */
export const LEDGER_TYPES: Record<AccountProduct, Partial<Record<TransactionType, "debit" | "credit">>> = {
  checking: { card_purchase: "debit", atm_withdrawal: "debit", ach_credit: "credit", ach_debit: "debit", transfer_in: "credit", transfer_out: "debit" },
  savings: { transfer_in: "credit", transfer_out: "debit", interest: "credit" },
  credit_card: { card_purchase: "debit", payment: "credit", interest: "debit", transfer_out: "debit" },
};
