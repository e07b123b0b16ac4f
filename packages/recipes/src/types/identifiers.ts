import { uuidFrom } from "@sdh/rules";
import { z } from "zod";
import { compilePattern } from "../safe-pattern.js";
import { semanticType } from "./semantic-type.js";

// Keys and codes. A uuid carries 122 bits of the record's own stream; a sequence is the record's place
// in the tree (root records count from `start`, children number within their parent), so both are
// unique by construction and any shard makes its own without asking another. A pattern makes codes
// from a safe regular-expression subset (safe-pattern.ts).

const sequenceParams = z.strictObject({ prefix: z.string().regex(/^[A-Za-z0-9_-]{0,20}$/, "letters, digits, _ and - (at most 20)").optional(), start: z.number().int().min(0).max(1e12).optional(), width: z.number().int().min(1).max(15).optional() });

export const IDENTIFIER_TYPES = [
  semanticType({ name: "uuid", group: "identifiers", description: "A version-4-shaped UUID from the record's stream (a key by construction)", example: "{ type: uuid }", params: z.strictObject({}), uniqueByConstruction: true, schema: () => z.uuid(), make: () => (ctx) => uuidFrom(ctx.random) }),
  semanticType({
    name: "sequence",
    group: "identifiers",
    description: "The record's number: a root record's from `start` (default 1), zero-padded to `width` (default 8), after `prefix`; a child's is its parent's number, then its own position (ORD-00000042-3)",
    example: "{ type: sequence, prefix: ORD-, width: 8 }",
    params: sequenceParams,
    uniqueByConstruction: true,
    schema: (p) => z.string().regex(new RegExp(`^${(p.prefix ?? "").replace(/-/g, "\\-")}\\d+(-\\d+)*$`)),
    make: (p) => (ctx) => {
      const [root, ...positions] = ctx.path.split(".");
      const number = String((p.start ?? 1) + Number(root)).padStart(p.width ?? 8, "0");
      return `${p.prefix ?? ""}${number}${positions.map((k) => `-${Number(k) + 1}`).join("")}`;
    },
  }),
  semanticType({
    name: "pattern",
    group: "identifiers",
    description: "A code matching a safe regular-expression subset: literals, \\d \\w, [A-Z0-9] classes, (a|b) groups, ? {n} {n,m}",
    example: "{ type: pattern, pattern: 'SKU-[A-Z]{3}-\\d{4}' }",
    params: z.strictObject({ pattern: z.string().min(1).max(200) }).superRefine((p, ctx) => {
      try {
        compilePattern(p.pattern);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["pattern"], message: (error as Error).message });
      }
    }),
    schema: (p) => z.string().regex(compilePattern(p.pattern).regex),
    make: (p) => {
      const compiled = compilePattern(p.pattern);
      return (ctx) => compiled.generate(ctx.random);
    },
  }),
];
