import { z } from "zod";
import { digits } from "./people.js";
import { semanticType } from "./semantic-type.js";

// Account and card numbers shaped like real ones that fail the checks real systems run, so no value
// can be a live account: card numbers fail the Luhn check, IBANs carry check digits 00 (never valid
// under ISO 13616's mod-97), routing numbers fail the ABA checksum.

const none = z.strictObject({});

/** The Luhn check digit of a number's leading digits. */
export function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** ABA routing: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10) for a valid number. */
export function abaValid(n: string): boolean {
  const d = [...n].map(Number);
  return (3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!)) % 10 === 0;
}

export const FINANCE_TYPES = [
  semanticType({
    name: "card_number_test",
    group: "finance",
    description: "A 16-digit card-shaped number that fails the Luhn check (a payment system refuses it)",
    example: "{ type: card_number_test }",
    params: none,
    schema: () => z.string().regex(/^\d{16}$/).refine((n) => luhnDigit(n.slice(0, 15)) !== Number(n[15]), "must fail the Luhn check"),
    make: () => (ctx) => {
      const body = `4${digits(ctx.random, 14)}`;
      return `${body}${(luhnDigit(body) + 1 + Math.floor(ctx.random.next() * 9)) % 10}`;
    },
  }),
  semanticType({
    name: "iban_test",
    group: "finance",
    description: "A German-shaped IBAN (DE, 20 digits) whose check digits are 00, which no valid IBAN has",
    example: "{ type: iban_test }",
    params: none,
    schema: () => z.string().regex(/^DE00\d{18}$/),
    make: () => (ctx) => `DE00${digits(ctx.random, 18)}`,
  }),
  semanticType({
    name: "routing_number_test",
    group: "finance",
    description: "A nine-digit ABA-shaped routing number that fails the ABA checksum",
    example: "{ type: routing_number_test }",
    params: none,
    schema: () => z.string().regex(/^\d{9}$/).refine((n) => !abaValid(n), "must fail the ABA checksum"),
    make: () => (ctx) => {
      for (;;) {
        const n = digits(ctx.random, 9);
        if (!abaValid(n)) return n;
      }
    },
  }),
];
