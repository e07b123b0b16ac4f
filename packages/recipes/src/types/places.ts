import { pick, residentialPlace, streetLine, unitLine, type Random, type ZipPlace } from "@sdh/rules";
import { z } from "zod";
import { semanticType, type FieldContext } from "./semantic-type.js";

// A record is at one US place: a residential ZIP code drawn in proportion to its Census 2010
// population, with its USPS city, county and state and the area codes that serve it. Every place field
// of a record reads that one draw, so street, city, state and ZIP always agree. The place, the street
// and the unit line are the kit's rules (@sdh/rules), the ones every pack uses.

/** The place of this record (the kit's residential ZIP code: @sdh/rules): one draw, shared by its place fields (and its phone's area code). */
export function place(ctx: FieldContext): ZipPlace {
  return ctx.shared("place", (r: Random) => residentialPlace(r));
}

const none = z.strictObject({});
const text = () => z.string().min(1);

export const PLACE_TYPES = [
  semanticType({ name: "street_address", group: "places", description: "House number, street name and USPS suffix", example: "{ type: street_address }", params: none, schema: text, make: () => (ctx) => streetLine(ctx.random) }),
  semanticType({
    name: "address_line2",
    group: "places",
    description: "An apartment or unit (Apt 4B, Unit 12) for a share of records (rate, default 0.15), else null",
    example: "{ type: address_line2, rate: 0.2 }",
    params: z.strictObject({ rate: z.number().min(0).max(1).optional() }),
    schema: text,
    make: (p) => (ctx) => unitLine(ctx.random, p.rate ?? 0.15),
  }),
  semanticType({ name: "city", group: "places", description: "The USPS city of the record's ZIP code", example: "{ type: city }", params: none, schema: text, make: () => (ctx) => place(ctx).city }),
  semanticType({ name: "county", group: "places", description: "The county of the record's ZIP code", example: "{ type: county }", params: none, schema: text, make: () => (ctx) => place(ctx).county }),
  semanticType({ name: "state", group: "places", description: "The USPS state code (50 states and DC) of the record's ZIP code", example: "{ type: state }", params: none, schema: () => z.string().regex(/^[A-Z]{2}$/), make: () => (ctx) => place(ctx).state }),
  semanticType({ name: "postal_code", group: "places", description: "A real residential five-digit ZIP code, as text (leading zeros kept)", example: "{ type: postal_code }", params: none, schema: () => z.string().regex(/^\d{5}$/), make: () => (ctx) => place(ctx).zip }),
  semanticType({ name: "area_code", group: "places", description: "A telephone area code that serves the record's ZIP code", example: "{ type: area_code }", params: none, schema: () => z.string().regex(/^\d{3}$/), make: () => (ctx) => pick(ctx.random, place(ctx).areaCodes) }),
  semanticType({ name: "country", group: "places", description: "US (ISO 3166-1 alpha-2): every place is in the United States", example: "{ type: country }", params: none, schema: () => z.literal("US"), make: () => () => "US" }),
];
