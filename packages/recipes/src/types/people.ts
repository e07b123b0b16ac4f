import { adultPerson, fictionalPhone, reservedEmail, wholeYearsBetweenIso, type Random } from "@sdh/rules";
import { z } from "zod";
import { place } from "./places.js";
import { semanticType, type FieldContext } from "./semantic-type.js";

// A record describes at most one person: its name, sex, birth date, email and phone are drawn together
// by the kit every pack uses (@sdh/rules: first names from SSA's tables for the sex and birth decade,
// surnames from the Census 2010 list, accented as often as the list has it),
// so Maria Garcia born in 1961 has a name of her decade and maria.garcia…@example.com. Contacts are
// never reachable: emails on RFC 2606's reserved domains, phones on the fictional 555-01xx lines.

export interface Person {
  sex: "F" | "M";
  birthDate: string;
  first: string;
  firstEmail: string;
  last: string;
  lastEmail: string;
}

/** The ages a record's person is drawn between (its `age` or `date_of_birth` field says; else adults). */
export const DEFAULT_AGES = { min: 18, max: 85 } as const;

/** The person of this record (the kit's adult person: @sdh/rules): one draw per record, whichever of its fields asks first. */
export function person(ctx: FieldContext): Person {
  return ctx.shared("person", (r: Random) => {
    const p = adultPerson(r, { asOf: ctx.asOf, minAge: ctx.ages.min, maxAge: ctx.ages.max });
    return { sex: p.sex, birthDate: p.birthDate, first: p.first_name, firstEmail: p.firstEmail, last: p.last_name, lastEmail: p.lastEmail };
  });
}

const none = z.strictObject({});
const ageRange = z.strictObject({ min: z.number().int().min(0).max(120).optional(), max: z.number().int().min(0).max(120).optional() }).refine((a) => (a.min ?? DEFAULT_AGES.min) <= (a.max ?? DEFAULT_AGES.max), "min must not exceed max");
const text = () => z.string().min(1);

export const PEOPLE_TYPES = [
  semanticType({ name: "first_name", group: "people", description: "A first name given to babies of the person's sex in their birth decade (SSA)", example: "{ type: first_name }", params: none, schema: text, make: () => (ctx) => person(ctx).first }),
  semanticType({ name: "last_name", group: "people", description: "A surname, as frequent as in the Census 2010 surname list", example: "{ type: last_name }", params: none, schema: text, make: () => (ctx) => person(ctx).last }),
  semanticType({ name: "full_name", group: "people", description: "First and last name of the record's person", example: "{ type: full_name }", params: none, schema: text, make: () => (ctx) => `${person(ctx).first} ${person(ctx).last}` }),
  semanticType({ name: "sex", group: "people", description: "F or M, half each (a rule), consistent with the first name", example: "{ type: sex }", params: none, schema: () => z.enum(["F", "M"]), make: () => (ctx) => person(ctx).sex }),
  semanticType({
    name: "date_of_birth",
    group: "people",
    description: "The person's birth date, their age at asOf between min and max (default 18-85)",
    example: "{ type: date_of_birth, min: 21, max: 70 }",
    params: ageRange,
    schema: () => z.iso.date(),
    make: () => (ctx) => person(ctx).birthDate,
  }),
  semanticType({
    name: "age",
    group: "people",
    description: "The person's age in whole years at asOf, between min and max (default 18-85)",
    example: "{ type: age, min: 16, max: 99 }",
    params: ageRange,
    schema: () => z.number().int().min(0).max(130),
    make: () => (ctx) => wholeYearsBetweenIso(person(ctx).birthDate, ctx.asOf),
  }),
  semanticType({
    name: "email",
    group: "people",
    description: "first.last@ one of RFC 2606's reserved domains (example.com/.net/.org): mail reaches no one; with unique, the record's place makes it unique",
    example: "{ type: email, unique: true }",
    params: none,
    uniqueByConstruction: true,
    schema: () => z.string().regex(/^[a-z0-9._-]+@example\.(com|net|org)$/, "an email on a reserved example domain"),
    make: () => (ctx) => reservedEmail(ctx.random, person(ctx).firstEmail, person(ctx).lastEmail, ctx.path.replaceAll(".", "-")),
  }),
  semanticType({
    name: "username",
    group: "people",
    description: "A login name from the person's name and the record's place (unique by construction)",
    example: "{ type: username, unique: true }",
    params: none,
    uniqueByConstruction: true,
    schema: () => z.string().regex(/^[a-z0-9_]+$/),
    make: () => (ctx) => `${(person(ctx).firstEmail || "u").slice(0, 1)}${(person(ctx).lastEmail || "user").slice(0, 12)}_${ctx.path.replaceAll(".", "_")}`,
  }),
  semanticType({
    name: "phone",
    group: "people",
    description: "(AAA) 555-01NN: the area code of the record's place (if it has one) on a fictional line reserved by the NANP administrator",
    example: "{ type: phone }",
    params: none,
    schema: () => z.string().regex(/^\(\d{3}\) 555-01\d{2}$/, "a fictional 555-01xx line"),
    make: () => (ctx) => fictionalPhone(ctx.random, place(ctx)),
  }),
  semanticType({
    name: "ssn_test",
    group: "people",
    description: "A Social Security number in the 9xx area the SSA never issues (test use only)",
    example: "{ type: ssn_test }",
    params: none,
    schema: () => z.string().regex(/^9\d{2}-\d{2}-\d{4}$/),
    make: () => (ctx) => `9${digits(ctx.random, 2)}-${digits(ctx.random, 2, 1)}-${digits(ctx.random, 4, 1)}`,
  }),
];

/** `n` random digits; `nonZero` keeps the group from being all zeros (SSA never issues 00 or 0000). */
export function digits(r: Random, n: number, nonZero = 0): string {
  for (;;) {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(r.next() * 10));
    if (!nonZero || /[1-9]/.test(s)) return s;
  }
}
