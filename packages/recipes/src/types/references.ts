import { z } from "zod";
import { EntityName } from "../recipe-document.js";
import { semanticType } from "./semantic-type.js";

// A foreign key besides the parent: the key of one of the records of another entity that hang from
// the same ancestor record (an order line's shipping address among its customer's addresses, a claim's
// vehicle among its policy's vehicles). Those records are made first and live in the same root's tree,
// so every reference resolves in any shard, and the gate checks it as it checks a parent's key.

export const REFERENCE_TYPES = [
  semanticType({
    name: "reference",
    group: "identifiers",
    description: "The key of one of the records of `entity` under the same ancestor record (that entity's parent must be an ancestor of this one, and listed before this one's branch); null when there is none",
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
