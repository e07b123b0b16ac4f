import type { BusinessArchetype } from "./reference/business.js";
import { LEGAL_FORMS } from "./reference/business.js";
import { SURNAMES } from "@sdh/rules";

const INITIALS = ["", ..."ABCDEFGHIJKLMNOPRSTW"].map((c) => (c ? `${c}. ` : ""));

/**
 * A business name that no other business in the snapshot has, by construction: `slot` is unique per
 * person (a permutation of its index), and its mixed-radix digits pick the surname, the trade word,
 * the legal form and an initial — distinct digits give distinct names because surnames are distinct
 * and no trade word is shared between archetypes. Past 7.6 million slots a branch number follows.
 */
export function businessName(slot: number, archetype: BusinessArchetype): string {
  const surnames = SURNAMES.items;
  let rest = slot;
  const surname = surnames[rest % surnames.length]!;
  rest = Math.floor(rest / surnames.length);
  const trade = archetype.trades[rest % archetype.trades.length]!;
  rest = Math.floor(rest / archetype.trades.length);
  const form = LEGAL_FORMS[rest % LEGAL_FORMS.length]!;
  rest = Math.floor(rest / LEGAL_FORMS.length);
  const initial = INITIALS[rest % INITIALS.length]!;
  rest = Math.floor(rest / INITIALS.length);
  return `${initial}${surname} ${trade} ${form}${rest > 0 ? ` ${rest + 1}` : ""}`;
}
