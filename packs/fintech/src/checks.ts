import { addYears, epochDayOf, fromEpochDay, toEpochDay, zipMatches } from "@sdh/rules";
import { fieldOk, isReservedEmail, type Checked, type FailureSink, type PackChecks } from "@sdh/validation";
import { FINTECH_PACK_SPEC } from "./declaration.js";
import { LedgerIndex } from "./ledger-index.js";
import { LEDGER_TYPES, PRODUCT_SLOTS, WINDOW_DAYS } from "./ledger-rules.js";
import { MCC_DESCRIPTIONS } from "./reference/mcc.js";
import { FINTECH_RULES, type FintechRule } from "./rules.js";
import type { AccountProduct, TransactionType } from "./schemas.js";

type Record_ = Record<string, unknown>;
const PRODUCTS = Object.keys(PRODUCT_SLOTS) as AccountProduct[];
const cents = (dollars: unknown) => Math.round((dollars as number) * 100);

/** The FinTech pack's domain rules: customers' ages and places, accounts' dates, products and balances, and each ledger line. */
export const FINTECH_CHECKS: PackChecks = {
  pack: FINTECH_PACK_SPEC,
  rules: FINTECH_RULES,
  uniqueKeys: {
    UNIQUE_ACCOUNT_NUMBER: { kind: "short-text", perRoot: 2.1 },
    // Emails do not fit 20 characters: kept as 128-bit hashes.
    UNIQUE_EMAIL: { kind: "hashed-text", perRoot: 1 },
  },
  create({ asOf, reportOf, keys }) {
    const index = new LedgerIndex();
    const asOfDay = epochDayOf(asOf);
    const windowStart = asOfDay - (WINDOW_DAYS - 1);
    const asOfDate = fromEpochDay(asOfDay);
    const customers = reportOf("customers");
    const accounts = reportOf("accounts");
    const transactions = reportOf("transactions");
    const fail = (report: FailureSink, rule: FintechRule, example: Record_) => report.fail(rule, example);
    const day = (record: Record_, field: string, invalid: readonly string[]) => (fieldOk(invalid, field) && typeof record[field] === "string" ? epochDayOf(record[field]) : null);

    function checkCustomer(c: Record_, position: number, { invalid, ordinal }: Checked): void {
      if (fieldOk(invalid, "email") && !isReservedEmail(c.email as string)) fail(customers, "PRIVACY_EMAIL_DOMAIN", { record: position, email: c.email });
      if (fieldOk(invalid, "email") && keys.UNIQUE_EMAIL!.add(c.email as string) < 0) fail(customers, "UNIQUE_EMAIL", { record: position, email: c.email });
      if (["postal_code", "state", "city"].every((f) => fieldOk(invalid, f)) && !zipMatches(c.postal_code as string, c.state as string, c.city as string)) {
        fail(customers, "DOMAIN_CUSTOMER_POSTAL_CODE", { record: position, postal_code: c.postal_code, state: c.state, city: c.city });
      }
      const birth = day(c, "birth_date", invalid);
      const since = day(c, "customer_since", invalid);
      if (birth !== null) {
        const adult = toEpochDay(addYears(fromEpochDay(birth), 18));
        const adultAtAsOf = toEpochDay(addYears(asOfDate, -18)) >= birth;
        if (!adultAtAsOf || (since !== null && (since < adult || since > asOfDay))) fail(customers, "DOMAIN_CUSTOMER_AGE", { record: position, birth_date: c.birth_date, customer_since: c.customer_since });
      }
      if (ordinal < 0) return;
      index.customers = Math.max(index.customers, ordinal + 1);
      index.since.at(ordinal)[ordinal] = since ?? -1;
      index.customerPosition.at(ordinal)[ordinal] = position;
      index.declaredAccounts.at(ordinal)[ordinal] = fieldOk(invalid, "account_count") ? (c.account_count as number) : -1;
      index.accountsOf.at(ordinal);
    }

    function checkAccount(a: Record_, position: number, { invalid, ordinal, refs }: Checked): void {
      if (fieldOk(invalid, "account_number") && keys.UNIQUE_ACCOUNT_NUMBER!.add(a.account_number as string) < 0) fail(accounts, "UNIQUE_ACCOUNT_NUMBER", { record: position, account_number: a.account_number });
      const customer = refs[0]!;
      if (customer >= 0) index.accountsOf.values[customer]!++;
      const opened = day(a, "opened_date", invalid);
      const closedOk = fieldOk(invalid, "closed_date") && fieldOk(invalid, "status");
      const closed = closedOk && typeof a.closed_date === "string" ? epochDayOf(a.closed_date) : null;
      const since = customer >= 0 ? index.since.values[customer]! : -1;
      if (opened !== null && closedOk) {
        const badOpen = (since >= 0 && opened < since) || opened > asOfDay;
        const badClose = (a.status === "closed") !== (closed !== null) || (closed !== null && (closed < opened || closed < windowStart || closed > asOfDay));
        if (badOpen || badClose) fail(accounts, "DOMAIN_ACCOUNT_DATES", { record: position, opened_date: a.opened_date, closed_date: a.closed_date, status: a.status });
      }
      const product = fieldOk(invalid, "product") ? (a.product as AccountProduct) : null;
      if (product && fieldOk(invalid, "credit_limit") && (a.credit_limit === null) === (product === "credit_card")) fail(accounts, "DOMAIN_ACCOUNT_PRODUCT", { record: position, product, credit_limit: a.credit_limit });
      if (opened !== null && opened >= windowStart && fieldOk(invalid, "opening_balance") && a.opening_balance !== 0) fail(accounts, "DOMAIN_ACCOUNT_PRODUCT", { record: position, opened_date: a.opened_date, opening_balance: a.opening_balance });
      if (ordinal < 0) return;
      index.accounts = Math.max(index.accounts, ordinal + 1);
      index.accountPosition.at(ordinal)[ordinal] = position;
      index.product.at(ordinal)[ordinal] = product ? PRODUCT_SLOTS[product] : 255;
      const datesOk = opened !== null && closedOk;
      index.from.at(ordinal)[ordinal] = datesOk ? Math.max(opened, windowStart) : 0;
      index.to.at(ordinal)[ordinal] = datesOk ? (closed ?? asOfDay) : -1;
      index.closed.at(ordinal)[ordinal] = a.status === "closed" ? 1 : 0;
      index.opening.at(ordinal)[ordinal] = fieldOk(invalid, "opening_balance") ? cents(a.opening_balance) : Number.NaN;
      index.current.at(ordinal)[ordinal] = fieldOk(invalid, "current_balance") ? cents(a.current_balance) : Number.NaN;
      index.declaredTransactions.at(ordinal)[ordinal] = fieldOk(invalid, "transaction_count") ? (a.transaction_count as number) : -1;
      index.net.at(ordinal);
      index.transactionsOf.at(ordinal);
      index.lastPosted.at(ordinal)[ordinal] = 0;
    }

    function checkTransaction(t: Record_, position: number, { invalid, refs }: Checked): void {
      const type = fieldOk(invalid, "type") ? (t.type as TransactionType) : null;
      const mccOk = fieldOk(invalid, "mcc") && fieldOk(invalid, "merchant_category");
      if (type && mccOk) {
        const description = typeof t.mcc === "string" ? MCC_DESCRIPTIONS.get(t.mcc) : undefined;
        const good = type === "card_purchase" ? description !== undefined && t.merchant_category === description : t.mcc === null && t.merchant_category === null;
        if (!good) fail(transactions, "DOMAIN_TRANSACTION_MCC", { record: position, type, mcc: t.mcc, merchant_category: t.merchant_category });
      }
      const a = refs[0]!;
      if (a < 0) return;
      const count = ++index.transactionsOf.values[a]!;
      const posted = day(t, "posted_date", invalid);
      const to = index.to.values[a]!;
      if (posted !== null && to >= 0 && (posted < index.from.values[a]! || posted > to)) fail(transactions, "DOMAIN_TRANSACTION_DATE", { record: position, posted_date: t.posted_date });
      if (posted !== null) {
        if ((fieldOk(invalid, "sequence") && t.sequence !== count) || posted < index.lastPosted.values[a]!) fail(transactions, "DOMAIN_TRANSACTION_SEQUENCE", { record: position, sequence: t.sequence, expected: count, posted_date: t.posted_date });
        index.lastPosted.values[a] = posted;
      }
      const product = PRODUCTS[index.product.values[a]!];
      const direction = product && type ? LEDGER_TYPES[product][type] : undefined;
      if (product && type && fieldOk(invalid, "direction") && direction !== t.direction) fail(transactions, "DOMAIN_TRANSACTION_TYPE", { record: position, product, type, direction: t.direction });
      if (fieldOk(invalid, "amount") && fieldOk(invalid, "direction")) index.net.values[a]! += (t.direction === "credit" ? 1 : -1) * cents(t.amount);
      else index.net.values[a] = Number.NaN;
    }

    function finish(): void {
      for (let c = 0; c < index.customers; c++) {
        const declared = index.declaredAccounts.values[c]!;
        if (declared >= 0 && declared !== index.accountsOf.values[c]) fail(customers, "REF_CUSTOMER_ACCOUNT_COUNT", { record: index.customerPosition.values[c], account_count: declared, accounts: index.accountsOf.values[c] });
      }
      for (let a = 0; a < index.accounts; a++) {
        const record = index.accountPosition.values[a];
        const declared = index.declaredTransactions.values[a]!;
        if (declared >= 0 && declared !== index.transactionsOf.values[a]) fail(accounts, "REF_ACCOUNT_TRANSACTION_COUNT", { record, transaction_count: declared, transactions: index.transactionsOf.values[a] });
        const [opening, current, net] = [index.opening.values[a]!, index.current.values[a]!, index.net.values[a]!];
        if ([opening, current, net].some(Number.isNaN)) continue;
        if (opening + net !== current || (index.closed.values[a] === 1 && current !== 0)) {
          fail(accounts, "DOMAIN_ACCOUNT_BALANCE", { record, opening_balance: opening / 100, ledger_net: net / 100, current_balance: current / 100 });
        }
      }
    }

    return { checks: { customers: checkCustomer, accounts: checkAccount, transactions: checkTransaction }, finish, bytes: () => index.bytes };
  },
};
