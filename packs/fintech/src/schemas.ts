import { IsoDate, Money, UsState, Uuid } from "@sdh/schemas";
import { z } from "zod";

// The FinTech pack's records (ADR 0016 step 4): a bank's retail customers, their deposit and card
// accounts, and the last 365 days of each account's ledger. Written against the pack API only.

/** Money in US dollars, to the cent (the balance rule works in whole cents; DECIMAL(12,2) in Parquet). */
const Dollars = Money;

export const Customer = z
  .object({
    customer_id: Uuid.describe("Stable identifier of the customer (UUID)"),
    first_name: z.string().min(1).describe("Given name (SSA first names of the customer's birth decade)"),
    middle_name: z.string().min(1).nullable().describe("Middle name; null when the customer has none"),
    last_name: z.string().min(1).describe("Family name (Census 2010 surnames)"),
    birth_date: IsoDate.describe("Date of birth; the customer is 18 or older at asOf"),
    email: z.string().email().describe("Contact email; unique in the snapshot, always on a reserved domain (example.com, example.net, example.org)"),
    phone: z.string().regex(/^\(\d{3}\) 555-01\d{2}$/).describe("Contact phone: an area code that serves the customer's ZIP code, always in the fictional 555-0100..0199 range"),
    street: z.string().min(1).describe("Street address of the residence (number, name, USPS suffix)"),
    city: z.string().min(1).describe("City: the USPS city of the ZIP code"),
    state: UsState.describe("State of the residence (USPS code)"),
    postal_code: z.string().regex(/^\d{5}$/).describe("ZIP code: a real residential ZIP code of the state and city"),
    customer_since: IsoDate.describe("When the customer relationship began: on or after the 18th birthday, not after asOf"),
    account_count: z.number().int().min(1).max(3).describe("Accounts the customer holds"),
  })
  .describe("A retail banking customer");
export type Customer = z.infer<typeof Customer>;

export const AccountProduct = z.enum(["checking", "savings", "credit_card"]).describe("The account's product");
export type AccountProduct = z.infer<typeof AccountProduct>;

export const Account = z
  .object({
    account_id: Uuid.describe("Stable identifier of the account (UUID)"),
    customer_id: Uuid.describe("The customer who holds the account"),
    account_number: z.string().regex(/^\d{10}$/).describe("Ten-digit account number, unique in the snapshot (a keyed permutation of the account's place: not a real bank's number)"),
    product: AccountProduct,
    status: z.enum(["open", "closed"]).describe("open, or closed within the 365 days before asOf"),
    opened_date: IsoDate.describe("When the account was opened: on or after customer_since, not after asOf"),
    closed_date: IsoDate.nullable().describe("When a closed account was closed (within the 365-day window, not after asOf); null while open"),
    currency: z.literal("USD").describe("ISO 4217 currency of the ledger"),
    opening_balance: Dollars.describe("Balance at the start of the ledger window (365 days before asOf, or 0 on the day a newer account opened), in dollars; negative on a card is money owed"),
    current_balance: Dollars.describe("Balance at asOf: opening_balance plus credits minus debits of the account's transactions, to the cent; 0 once closed"),
    credit_limit: z.number().int().min(0).nullable().describe("A credit card's limit in whole dollars; null for deposit accounts"),
    transaction_count: z.number().int().min(0).describe("Transactions on the account in the window"),
  })
  .describe("A deposit or credit card account");
export type Account = z.infer<typeof Account>;

export const TransactionType = z
  .enum(["card_purchase", "atm_withdrawal", "ach_credit", "ach_debit", "transfer_in", "transfer_out", "interest", "payment"])
  .describe("What moved the money");
export type TransactionType = z.infer<typeof TransactionType>;

export const Transaction = z
  .object({
    transaction_id: Uuid.describe("Stable identifier of the transaction (UUID)"),
    account_id: Uuid.describe("The account whose ledger it is on"),
    sequence: z.number().int().min(1).describe("Its place on the account's ledger in the window (1, 2, …), in posting order"),
    posted_date: IsoDate.describe("When it posted: inside the window, on or after the account opened, not after it closed or after asOf"),
    type: TransactionType,
    direction: z.enum(["debit", "credit"]).describe("debit takes money from the balance, credit adds to it"),
    amount: Money.min(0.01).describe("Amount in dollars, always positive; direction gives the sign"),
    mcc: z.string().regex(/^\d{4}$/).nullable().describe("ISO 18245 merchant category code of a card purchase; null for every other type"),
    merchant_category: z.string().min(1).nullable().describe("The ISO 18245 description of the MCC; null when mcc is"),
  })
  .describe("A posted transaction");
export type Transaction = z.infer<typeof Transaction>;
