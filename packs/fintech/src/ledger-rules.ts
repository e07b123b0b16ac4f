import { weighted, type WeightedTable } from "@sdh/rules";
import type { AccountProduct, TransactionType } from "./schemas.js";

// The FinTech pack's documented rules (packs/fintech/README.md, "What is a rule, not data"). Names,
// places and merchant categories come from public tables; the shares, counts and amount ranges below
// are the pack's rules: plausible for a US retail bank, not measured from one.

/** The ledger window: the 90 days up to and including asOf. */
export const WINDOW_DAYS = 90;
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
export const EVERYDAY_MERCHANTS: WeightedTable<{ mcc: string; min: number; max: number }> = weighted([
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
  [{ mcc: "5732", min: 20, max: 900 }, 1],
  [{ mcc: "7832", min: 10, max: 45 }, 1],
  [{ mcc: "8011", min: 20, max: 300 }, 1],
]);

/**
 * Which transaction types each product's ledger has, and whether each adds to the balance (credit)
 * or takes from it (debit). Interest is earned on savings and charged on a card.
 */
export const LEDGER_TYPES: Record<AccountProduct, Partial<Record<TransactionType, "debit" | "credit">>> = {
  checking: { card_purchase: "debit", atm_withdrawal: "debit", ach_credit: "credit", ach_debit: "debit", transfer_in: "credit", transfer_out: "debit" },
  savings: { transfer_in: "credit", transfer_out: "debit", interest: "credit" },
  credit_card: { card_purchase: "debit", payment: "credit", interest: "debit", transfer_out: "debit" },
};
