import { COMMON_STREET_NAMES, pick, pickWeighted, STREET_SUFFIXES, SURNAMES, UNIT_DESIGNATORS, weighted, ZIP_PLACES, type Random, type WeightedTable, type ZipPlace } from "@sdh/rules";
import { z } from "zod";
import { semanticType, type FieldContext } from "./semantic-type.js";

// A record is at one US place: a residential ZIP code drawn in proportion to its Census 2010
// population, with its USPS city, county and state and the area codes that serve it (the reference
// table the P&C pack uses). Every place field of a record reads that one draw, so street, city, state
// and ZIP always agree. Street names follow the P&C pack's rule (common US street names, else surnames).

let everyZip: WeightedTable<ZipPlace> | undefined;
/** All residential ZIP codes, weighted by population: read on first use. */
const zips = () => (everyZip ??= weighted(ZIP_PLACES.map((p) => [p, p.population] as const)));

/** The place of this record: one draw, shared by its place fields (and its phone's area code). */
export function place(ctx: FieldContext): ZipPlace {
  return ctx.shared("place", (r: Random) => pickWeighted(r, zips()));
}

const none = z.strictObject({});
const text = () => z.string().min(1);

function street(r: Random): string {
  const number = 1 + Math.floor(r.next() * (r.next() < 0.7 ? 999 : 9_999));
  const name = r.next() < 0.7 ? pick(r, COMMON_STREET_NAMES) : pickWeighted(r, SURNAMES);
  return `${number} ${name} ${pickWeighted(r, STREET_SUFFIXES)}`;
}

export const PLACE_TYPES = [
  semanticType({ name: "street_address", group: "places", description: "House number, street name and USPS suffix", example: "{ type: street_address }", params: none, schema: text, make: () => (ctx) => street(ctx.random) }),
  semanticType({
    name: "address_line2",
    group: "places",
    description: "An apartment or unit (Apt 4B, Unit 12) for a share of records (rate, default 0.15), else null",
    example: "{ type: address_line2, rate: 0.2 }",
    params: z.strictObject({ rate: z.number().min(0).max(1).optional() }),
    schema: text,
    make: (p) => (ctx) => (ctx.random.next() < (p.rate ?? 0.15) ? `${pickWeighted(ctx.random, UNIT_DESIGNATORS)} ${1 + Math.floor(ctx.random.next() * 40)}${ctx.random.next() < 0.3 ? "ABCD"[Math.floor(ctx.random.next() * 4)] : ""}` : null),
  }),
  semanticType({ name: "city", group: "places", description: "The USPS city of the record's ZIP code", example: "{ type: city }", params: none, schema: text, make: () => (ctx) => place(ctx).city }),
  semanticType({ name: "county", group: "places", description: "The county of the record's ZIP code", example: "{ type: county }", params: none, schema: text, make: () => (ctx) => place(ctx).county }),
  semanticType({ name: "state", group: "places", description: "The USPS state code (50 states and DC) of the record's ZIP code", example: "{ type: state }", params: none, schema: () => z.string().regex(/^[A-Z]{2}$/), make: () => (ctx) => place(ctx).state }),
  semanticType({ name: "postal_code", group: "places", description: "A real residential five-digit ZIP code, as text (leading zeros kept)", example: "{ type: postal_code }", params: none, schema: () => z.string().regex(/^\d{5}$/), make: () => (ctx) => place(ctx).zip }),
  semanticType({ name: "area_code", group: "places", description: "A telephone area code that serves the record's ZIP code", example: "{ type: area_code }", params: none, schema: () => z.string().regex(/^\d{3}$/), make: () => (ctx) => pick(ctx.random, place(ctx).areaCodes) }),
  semanticType({ name: "country", group: "places", description: "US (ISO 3166-1 alpha-2): every place is in the United States", example: "{ type: country }", params: none, schema: () => z.literal("US"), make: () => () => "US" }),
];
