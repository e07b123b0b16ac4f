import type { DistributionCheck } from "@sdh/schemas";
import { shareCheck, type QualityTally } from "@sdh/validation";
import { CLOSED_SHARE, PRODUCT_SHARES } from "./ledger-rules.js";

interface State {
  customers: number;
  savings: number;
  cards: number;
  accounts: number;
  closed: number;
}

/** The FinTech quality report's distribution checks: the shares of customers with savings and a card, and of closed accounts, against the pack's rules. */
export class FintechTally implements QualityTally {
  private s: State = { customers: 0, savings: 0, cards: 0, accounts: 0, closed: 0 };

  observe(entity: string, record: Readonly<Record<string, unknown>>): void {
    if (entity === "customers") this.s.customers++;
    else if (entity === "accounts") {
      this.s.accounts++;
      if (record.product === "savings") this.s.savings++;
      if (record.product === "credit_card") this.s.cards++;
      if (record.status === "closed") this.s.closed++;
    }
  }

  state(): State {
    return { ...this.s };
  }

  merge(state: unknown): void {
    const other = state as State;
    for (const key of Object.keys(this.s) as Array<keyof State>) this.s[key] += other[key];
  }

  checks(): DistributionCheck[] {
    const { customers, savings, cards, accounts, closed } = this.s;
    return [
      shareCheck("customers_with.savings", PRODUCT_SHARES.savings, savings, customers),
      shareCheck("customers_with.credit_card", PRODUCT_SHARES.credit_card, cards, customers),
      // Closing needs a day after the window opens: accounts opened on asOf stay open, so the share sits a little under the rule.
      shareCheck("accounts.closed", CLOSED_SHARE, closed, accounts),
    ].filter((c) => c.sample > 0);
  }
}
