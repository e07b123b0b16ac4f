import {
  addYears,
  adultPerson,
  createPermutation,
  createRecordStreams,
  epochDayOf,
  fictionalPhone,
  formatEpochDay,
  fromEpochDay,
  intBetween,
  parseIsoDate,
  pick,
  pickWeighted,
  reservedEmail,
  residentialPlace,
  streetLine,
  toEpochDay,
  uuidFrom,
  wholeYearsBetween,
  type RecordStream,
} from "@sdh/rules";
import type { SnapshotConfig } from "@sdh/schemas";
import type { GeneratedRoot, PackGenerator } from "@sdh/validation";
import {
  CARD_APR,
  CHECKING_FLOWS,
  CLOSED_SHARE,
  CREDIT_PURCHASES_A_MONTH,
  CREDIT_LIMITS,
  CUSTOMER_AGES,
  DEBIT_PURCHASES_A_MONTH,
  EVERYDAY_MERCHANTS,
  HOUSING,
  LEDGER_TYPES,
  logUniformMean,
  MAX_TENURE_YEARS,
  MEAN_PURCHASE,
  MEDIAN_TAKE_HOME,
  MONTHLY_BENEFIT,
  PRODUCT_SHARES,
  PRODUCT_SLOTS,
  RETIREMENT_AGE,
  SAVINGS_APY,
  TAKE_HOME,
  WINDOW_DAYS,
  YEARLY_PAY,
} from "./ledger-rules.js";
import { MCC_DESCRIPTIONS } from "./reference/mcc.js";
import type { Account, AccountProduct, Customer, Transaction, TransactionType } from "./schemas.js";

/** Account numbers are a keyed permutation of (customer × 3 + product slot) over ten digits: unique by construction, in any shard. */
const ACCOUNT_NUMBER_SPACE = 10_000_000_000;

interface LedgerEvent {
  day: number;
  type: TransactionType;
  cents: number;
  mcc: string | null;
}

/** A whole number of cents drawn log-uniformly between two dollar amounts. */
function logUniformCents(r: RecordStream, minDollars: number, maxDollars: number): number {
  return Math.max(1, Math.round(Math.exp(Math.log(minDollars) + r.next() * (Math.log(maxDollars) - Math.log(minDollars))) * 100));
}

/** A standard normal draw (Box–Muller, from two of the stream's uniforms). */
function normal(r: RecordStream): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

/** A log-normal draw around `median` with log spread `sigma`, within [min, max]. */
function logNormal(r: RecordStream, median: number, sigma: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, median * Math.exp(sigma * normal(r))));
}

/** What a customer earns and pays every month, drawn once: the ledger's recurring flows and its rates. */
interface Finances {
  /** A biweekly payroll deposit, or null for a retired customer. */
  paycheckCents: number | null;
  /** A monthly Social Security benefit, or null while working. */
  benefitCents: number | null;
  /** Monthly gross income in dollars: pay, or the benefit. */
  monthlyIncome: number;
  /** Rent or a mortgage payment from checking, on a day of the month; null for an owner without one. */
  housing: { cents: number; day: number } | null;
  /** Monthly take-home pay (or the benefit), in dollars. */
  takeHome: number;
  /** The share of a month's money the customer spends (the rest is saved). */
  spent: number;
  /** Credit card purchases a month (a debit card's follow the budget: eventsOf). */
  creditRate: number;
}

function financesOf(r: RecordStream, age: number): Finances {
  const retired = age >= RETIREMENT_AGE;
  const yearly = retired ? 0 : logNormal(r, YEARLY_PAY.median, YEARLY_PAY.sigma, YEARLY_PAY.min, YEARLY_PAY.max);
  const benefit = retired ? logNormal(r, MONTHLY_BENEFIT.median, MONTHLY_BENEFIT.sigma, MONTHLY_BENEFIT.min, MONTHLY_BENEFIT.max) : 0;
  const monthlyIncome = retired ? benefit : yearly / 12;
  const tenure = r.next();
  const payment = (median: number) => Math.min(HOUSING.maxShareOfIncome * monthlyIncome, median * Math.sqrt(monthlyIncome / (YEARLY_PAY.median / 12)) * Math.exp(HOUSING.sigma * normal(r)));
  const housing =
    tenure < HOUSING.renterShare
      ? // Rent in whole dollars, as leases state it.
        { cents: Math.round(payment(HOUSING.rentMedian)) * 100, day: 1 }
      : tenure < HOUSING.renterShare + (1 - HOUSING.renterShare) * HOUSING.mortgagedShareOfOwners
        ? { cents: Math.round(payment(HOUSING.mortgageMedian) * 100), day: intBetween(r, 1, 15) }
        : null;
  const spent = DEBIT_PURCHASES_A_MONTH.spentShare.min + r.next() * (DEBIT_PURCHASES_A_MONTH.spentShare.max - DEBIT_PURCHASES_A_MONTH.spentShare.min);
  return {
    paycheckCents: retired ? null : Math.round(((yearly * TAKE_HOME) / 26) * 100),
    benefitCents: retired ? Math.round(benefit * 100) : null,
    monthlyIncome,
    takeHome: retired ? benefit : (yearly * TAKE_HOME) / 12,
    housing,
    spent,
    creditRate: CREDIT_PURCHASES_A_MONTH * (0.5 + r.next()),
  };
}

/** Days [from, to] that end a month (interest posts on them). */
function monthEnds(from: number, to: number): number[] {
  const ends: number[] = [];
  for (let d = from; d <= to; d++) if (fromEpochDay(d + 1).day === 1) ends.push(d);
  return ends;
}

/**
 * Customer `i` with their accounts and each account's ledger in the window: a pure function of (seed,
 * config, i). Each customer and each account has its own stream, so an account's records never shift
 * when another product's rule changes.
 */
export function createFintechGenerator(config: SnapshotConfig): PackGenerator {
  if (!Number.isInteger(config.records) || config.records < 1) throw new Error(`records must be ≥ 1, got ${config.records}`);
  const asOf = parseIsoDate(config.asOf);
  const asOfDay = epochDayOf(config.asOf);
  const windowStart = asOfDay - (WINDOW_DAYS - 1);
  const customers = createRecordStreams(config.seed, "fintech-customer");
  const accounts = createRecordStreams(config.seed, "fintech-account");
  const accountNumber = createPermutation(ACCOUNT_NUMBER_SPACE, createRecordStreams(config.seed, "fintech-account-number").at(0).uint32());

  function customerOf(i: number): { customer: Customer; sinceDay: number; products: AccountProduct[]; finances: Finances } {
    const r = customers.at(i);
    // The kit's person and place (@sdh/rules), as every pack makes them.
    const place = residentialPlace(r);
    const person = adultPerson(r, { asOf: config.asOf, minAge: CUSTOMER_AGES.min, maxAge: CUSTOMER_AGES.max });
    const adultDay = toEpochDay(addYears(person.birth, 18));
    const sinceDay = intBetween(r, Math.max(adultDay, toEpochDay(addYears(asOf, -MAX_TENURE_YEARS))), asOfDay);
    const products: AccountProduct[] = ["checking"];
    if (r.next() < PRODUCT_SHARES.savings) products.push("savings");
    if (r.next() < PRODUCT_SHARES.credit_card) products.push("credit_card");
    const customer: Customer = {
      customer_id: uuidFrom(r),
      first_name: person.first_name,
      middle_name: person.middle_name,
      last_name: person.last_name,
      birth_date: person.birthDate,
      // The customer's index makes the address unique whatever the names (email parts are letters only).
      email: reservedEmail(r, person.firstEmail, person.lastEmail, i),
      phone: fictionalPhone(r, place),
      street: streetLine(r),
      city: place.city,
      state: place.state,
      postal_code: place.zip,
      customer_since: formatEpochDay(sinceDay),
      account_count: products.length,
    };
    return { customer, sinceDay, products, finances: financesOf(r, wholeYearsBetween(person.birth, asOf)) };
  }

  /** The account's events in the window before balances are applied, in posting order. */
  function eventsOf(r: RecordStream, product: AccountProduct, finances: Finances, from: number, to: number): LedgerEvent[] {
    const events: LedgerEvent[] = [];
    const days = to - from + 1;
    const purchase = (): LedgerEvent => {
      const merchant = pickWeighted(r, EVERYDAY_MERCHANTS);
      return { day: intBetween(r, from, to), type: "card_purchase", cents: logUniformCents(r, merchant.min, merchant.max), mcc: merchant.mcc };
    };
    const perMonth = (min: number, max: number) => Math.round((days / 30) * intBetween(r, min, max));
    /** Days [from, to] that fall on a day of the month (a short month's last day stands for a later one). */
    const monthly = (dayOfMonth: number) => {
      const found: number[] = [];
      for (let d = from; d <= to; d++) {
        const { day } = fromEpochDay(d);
        if (day === dayOfMonth || (day < dayOfMonth && fromEpochDay(d + 1).day === 1)) found.push(d);
      }
      return found;
    };
    if (product === "checking") {
      if (finances.paycheckCents !== null) for (let d = from + intBetween(r, 0, 13); d <= to; d += 14) events.push({ day: d, type: "ach_credit", cents: finances.paycheckCents, mcc: null });
      // Social Security pays monthly, here on the 3rd (a rule: SSA's day for those who claimed before May 1997; later claimants are paid on a Wednesday).
      if (finances.benefitCents !== null) for (const d of monthly(3)) events.push({ day: d, type: "ach_credit", cents: finances.benefitCents, mcc: null });
      if (finances.housing) for (const d of monthly(finances.housing.day)) events.push({ day: d, type: "ach_debit", cents: finances.housing.cents, mcc: null });
      const { bills, cash, transfersOut, transfersIn } = CHECKING_FLOWS;
      // This account's own counts a month, then what they leave to the debit card (DEBIT_PURCHASES_A_MONTH).
      const [billCount, cashCount, outCount, inCount] = [bills.perMonth, cash.perMonth, transfersOut.perMonth, transfersIn.perMonth].map(([lo, hi]) => intBetween(r, lo, hi)) as [number, number, number, number];
      const scale = Math.min(1, Math.max(0.25, finances.takeHome / MEDIAN_TAKE_HOME));
      const maxNotes = Math.max(1, Math.round(cash.notes[1] * scale));
      const left =
        (finances.takeHome + inCount * logUniformMean(transfersIn.min, transfersIn.max)) * finances.spent -
        (finances.housing ? finances.housing.cents / 100 : 0) -
        billCount * scale * logUniformMean(bills.min, bills.max) -
        cashCount * ((cash.notes[0] + maxNotes) / 2) * 20 -
        outCount * logUniformMean(transfersOut.min, transfersOut.max);
      const debitRate = Math.min(DEBIT_PURCHASES_A_MONTH.max, Math.max(DEBIT_PURCHASES_A_MONTH.min, left / MEAN_PURCHASE));
      const months = (n: number) => Math.round((days / 30) * n);
      for (let k = months(debitRate); k > 0; k--) events.push(purchase());
      for (let k = months(billCount); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "ach_debit", cents: logUniformCents(r, bills.min * scale, bills.max * scale), mcc: null });
      for (let k = months(cashCount); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "atm_withdrawal", cents: intBetween(r, cash.notes[0], maxNotes) * 2_000, mcc: null });
      for (let k = months(outCount); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "transfer_out", cents: logUniformCents(r, transfersOut.min, transfersOut.max), mcc: null });
      for (let k = months(inCount); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "transfer_in", cents: logUniformCents(r, transfersIn.min, transfersIn.max), mcc: null });
    } else if (product === "savings") {
      for (let k = perMonth(0, 2); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "transfer_in", cents: logUniformCents(r, 25, 1_000), mcc: null });
      for (let k = perMonth(0, 1); k > 0; k--) events.push({ day: intBetween(r, from, to), type: "transfer_out", cents: logUniformCents(r, 50, 2_000), mcc: null });
      for (const d of monthEnds(from, to)) events.push({ day: d, type: "interest", cents: 0, mcc: null });
    } else {
      const purchases = Math.round((days / 30) * finances.creditRate);
      for (let k = 0; k < purchases; k++) events.push(purchase());
      const dueDay = intBetween(r, 1, 28);
      for (let d = from; d <= to; d++) if (fromEpochDay(d).day === dueDay) events.push({ day: d, type: "payment", cents: 0, mcc: null });
      for (const d of monthEnds(from, to)) events.push({ day: d, type: "interest", cents: 0, mcc: null });
    }
    // Posting order: by day, and in the order drawn within a day (a stable sort).
    return events.sort((a, b) => a.day - b.day);
  }

  function accountOf(i: number, customer: Customer, sinceDay: number, finances: Finances, product: AccountProduct): { account: Account; transactions: Transaction[] } {
    const slot = PRODUCT_SLOTS[product];
    const r = accounts.at(i * 3 + slot);
    const account_id = uuidFrom(r);
    const openedDay = product === "checking" ? sinceDay : intBetween(r, sinceDay, asOfDay);
    const activeFrom = Math.max(openedDay, windowStart);
    const closedDay = activeFrom < asOfDay && r.next() < CLOSED_SHARE ? intBetween(r, activeFrom + 1, asOfDay) : null;
    const activeTo = closedDay ?? asOfDay;
    const credit_limit = product === "credit_card" ? pick(r, CREDIT_LIMITS) : null;
    let opening = 0;
    if (openedDay < windowStart) {
      if (product === "checking") opening = logUniformCents(r, 50, 20_000);
      else if (product === "savings") opening = logUniformCents(r, 100, 50_000);
      else opening = -Math.round(r.next() * 0.6 * credit_limit! * 100) || 0;
    }
    let balance = opening;
    const posted: LedgerEvent[] = [];
    for (const e of eventsOf(r, product, finances, activeFrom, activeTo)) {
      let cents = e.cents;
      if (e.type === "interest") cents = product === "savings" ? Math.floor((Math.max(balance, 0) * SAVINGS_APY) / 12) : Math.floor((Math.max(-balance, 0) * CARD_APR) / 12);
      else if (e.type === "payment") cents = balance < 0 ? Math.max(1, Math.round(-balance * (0.1 + r.next() * 0.9))) : 0;
      // A savings withdrawal never overdraws; a card purchase past the limit is declined (not posted).
      else if (e.type === "transfer_out" && product === "savings") cents = Math.min(cents, balance);
      else if (e.type === "card_purchase" && product === "credit_card" && balance - cents < -credit_limit! * 100) cents = 0;
      if (cents <= 0) continue;
      balance += LEDGER_TYPES[product][e.type] === "credit" ? cents : -cents;
      posted.push({ ...e, cents });
    }
    if (closedDay !== null && balance !== 0) {
      // Closing moves the balance out (or settles what is owed) on the closing day.
      const type: TransactionType = balance > 0 ? "transfer_out" : product === "credit_card" ? "payment" : "transfer_in";
      posted.push({ day: closedDay, type, cents: Math.abs(balance), mcc: null });
      balance = 0;
    }
    const transactions = posted.map((e, k): Transaction => ({
      transaction_id: uuidFrom(r),
      account_id,
      sequence: k + 1,
      posted_date: formatEpochDay(e.day),
      type: e.type,
      direction: LEDGER_TYPES[product][e.type]!,
      amount: e.cents / 100,
      mcc: e.mcc,
      merchant_category: e.mcc === null ? null : MCC_DESCRIPTIONS.get(e.mcc)!,
    }));
    const account: Account = {
      account_id,
      customer_id: customer.customer_id,
      account_number: String(accountNumber(i * 3 + slot)).padStart(10, "0"),
      product,
      status: closedDay === null ? "open" : "closed",
      opened_date: formatEpochDay(openedDay),
      closed_date: closedDay === null ? null : formatEpochDay(closedDay),
      currency: "USD",
      opening_balance: opening / 100,
      current_balance: balance / 100,
      credit_limit,
      transaction_count: transactions.length,
    };
    return { account, transactions };
  }

  return {
    *range(start: number, end: number): Generator<GeneratedRoot> {
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= config.records)) {
        throw new RangeError(`range [${start}, ${end}) is not within [0, ${config.records})`);
      }
      for (let i = start; i < end; i++) {
        const { customer, sinceDay, products, finances } = customerOf(i);
        const built = products.map((p) => accountOf(i, customer, sinceDay, finances, p));
        yield { index: i, records: { customers: [customer], accounts: built.map((b) => b.account), transactions: built.flatMap((b) => b.transactions) } };
      }
    },
  };
}
