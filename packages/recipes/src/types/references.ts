import { z } from "zod";
import { EntityName } from "../recipe-document.js";
import { semanticType } from "./semantic-type.js";

// A foreign key besides the parent: the key of one of the records of another entity that hang from
// the same ancestor record (an order line's shipping address among its customer's addresses, a claim's
// vehicle among its policy's vehicles), or a row of a lookup table (a product list). Those records are
// made first, in the same root's tree or as a whole table every shard makes, so every reference
// resolves in any shard; the gate checks it (compile-recipe.ts).

export const REFERENCE_TYPES = [
  semanticType({
    name: "reference",
    group: "identifiers",
    description: "The key of one of the records of `entity`: a row of a lookup table, or a record under the same ancestor record (that entity's parent must be an ancestor of this one, and listed before this one's branch; null when there is none)",
    example: "{ type: reference, entity: addresses }",
    params: z.strictObject({ entity: EntityName }),
    references: (p) => p.entity,
    schema: () => z.string().min(1),
    make: (p) => (ctx) => {
      const keys = ctx.related(p.entity);
      return keys.length ? keys[Math.floor(ctx.random.next() * keys.length)]! : null;
    },
  }),
];
