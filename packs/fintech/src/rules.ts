import { CONTACT_RULES, packCatalog, type RuleCatalog } from "@sdh/validation";
import { FINTECH_PACK_SPEC } from "./declaration.js";

/** The FinTech pack's own rules, by stable code: never renamed or reused (the contact rules are shared with the P&C pack, code and wording). */
export const FINTECH_OWN_RULES = {
  UNIQUE_ACCOUNT_NUMBER: { severity: "error", message: "account_number is unique" },
  UNIQUE_EMAIL: CONTACT_RULES.UNIQUE_EMAIL,
  REF_CUSTOMER_ACCOUNT_COUNT: { severity: "error", message: "A customer's account_count equals the accounts that name them" },
  REF_ACCOUNT_TRANSACTION_COUNT: { severity: "error", message: "An account's transaction_count equals the transactions on it" },
  DOMAIN_CUSTOMER_AGE: { severity: "error", message: "A customer is at least 18 at asOf, and customer_since is on or after their 18th birthday and not after asOf" },
  DOMAIN_CUSTOMER_POSTAL_CODE: { severity: "error", message: "A customer's ZIP code is a residential ZIP code of their state, and their city its USPS city" },
  DOMAIN_ACCOUNT_DATES: { severity: "error", message: "An account opened on or after its customer's customer_since and not after asOf; closed_date is set exactly when it is closed, on or after it opened and within the 365 days up to asOf" },
  DOMAIN_ACCOUNT_PRODUCT: { severity: "error", message: "A credit card has a credit_limit and a deposit account none; an account opened inside the window starts at a balance of 0" },
  DOMAIN_ACCOUNT_BALANCE: { severity: "error", message: "current_balance is opening_balance plus the credits minus the debits of the account's transactions, to the cent; a closed account's is 0" },
  DOMAIN_TRANSACTION_DATE: { severity: "error", message: "A transaction posted inside the 365 days up to asOf, on or after its account opened and not after it closed" },
  DOMAIN_TRANSACTION_SEQUENCE: { severity: "error", message: "An account's transactions are numbered 1, 2, … in posting order, and their dates never go back" },
  DOMAIN_TRANSACTION_TYPE: { severity: "error", message: "A transaction's type is one its account's product has, with that type's direction (interest: credit on savings, debit on a card)" },
  DOMAIN_TRANSACTION_MCC: { severity: "error", message: "A card purchase has an ISO 18245 merchant category code and its official description; no other type has either" },
  PRIVACY_EMAIL_DOMAIN: CONTACT_RULES.PRIVACY_EMAIL_DOMAIN,
  PRIVACY_PHONE_RANGE: CONTACT_RULES.PRIVACY_PHONE_RANGE,
} as const satisfies RuleCatalog;

export type FintechRule = keyof typeof FINTECH_OWN_RULES;

/** Every rule the gate reports for a FinTech snapshot: the declaration's, the count claims, then the pack's own. */
export const FINTECH_RULES: RuleCatalog = packCatalog(FINTECH_PACK_SPEC, FINTECH_OWN_RULES);
