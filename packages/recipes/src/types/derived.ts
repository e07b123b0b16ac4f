import { z } from "zod";
import { evaluate, type EvaluationContext } from "../expression/expression-eval.js";
import type { ValueType } from "../expression/expression-functions.js";
import { ExpressionError, parseExpression, type Node } from "../expression/expression-parser.js";
import { semanticType } from "./semantic-type.js";

// A field computed from others of its record, or from its children: `quantity * unit_price`,
// `concat(first_name, ' ', last_name)`, `add_days(placed_at, 3)`, `sum(order_lines.line_total)`.
// The expression is parsed by our own grammar (expression/), type-checked against the entity when the
// recipe is read, and evaluated by walking its tree: never eval.

export const DERIVED_RESULTS = ["integer", "decimal", "money", "text", "date", "timestamp", "boolean"] as const;
type Result = (typeof DERIVED_RESULTS)[number];

/** The expression type each declared result takes. */
export const RESULT_TYPE: Record<Result, ValueType> = { integer: "number", decimal: "number", money: "number", text: "text", date: "date", timestamp: "timestamp", boolean: "boolean" };

const params = z
  .strictObject({
    expression: z.string().min(1).max(1_000),
    result: z.enum(DERIVED_RESULTS, { error: `result is one of ${DERIVED_RESULTS.join(", ")}` }),
    scale: z.number().int().min(0).max(9).optional().describe("Decimals of a decimal result (default 2)"),
  })
  .superRefine((p, ctx) => {
    try {
      parseExpression(p.expression);
    } catch (error) {
      if (error instanceof ExpressionError) ctx.addIssue({ code: "custom", path: ["expression"], message: error.message });
      else throw error;
    }
  });

/** Field names (a reference's, for `ref.field`) and child entities an expression tree names (for ordering and checks). */
export function namesIn(tree: Node): { fields: string[]; children: string[] } {
  const fields = new Set<string>();
  const children = new Set<string>();
  const walk = (n: Node, inAggregate: boolean) => {
    if (n.kind === "field") (inAggregate ? children : fields).add(n.name);
    // Inside an aggregate a child entity's field; outside, a field of the record a reference names (it reads the reference).
    else if (n.kind === "child") (inAggregate ? children : fields).add(n.entity);
    else if (n.kind === "unary") walk(n.arg, false);
    else if (n.kind === "binary") {
      walk(n.left, false);
      walk(n.right, false);
    }
    else if (n.kind === "call") for (const a of n.args) walk(a, ["sum", "avg", "min_of", "max_of", "count"].includes(n.name));
  };
  walk(tree, false);
  return { fields: [...fields], children: [...children] };
}

const round = (x: number, places: number) => {
  const f = 10 ** places;
  const y = (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  return Object.is(y, -0) ? 0 : y;
};

export const DERIVED_TYPES = [
  semanticType({
    name: "derived",
    group: "derived",
    description: "Computed from other fields of the record, from its children or from the record a reference names by an expression (arithmetic, comparisons, if, text, dates, sum/avg/count over children, product_id.list_price); `result` names its type",
    example: "{ type: derived, expression: 'quantity * unit_price * (1 - discount_pct / 100)', result: money }",
    params,
    dependsOn: (p) => namesIn(parseExpression(p.expression)).fields,
    aggregates: (p) => namesIn(parseExpression(p.expression)).children,
    schema: (p) => {
      switch (p.result) {
        case "integer":
          return z.number().int();
        case "decimal":
        case "money":
          return z.number();
        case "text":
          return z.string();
        case "date":
          return z.iso.date();
        case "timestamp":
          return z.iso.datetime();
        default:
          return z.boolean();
      }
    },
    make: (p) => {
      const tree = parseExpression(p.expression);
      const places = p.result === "integer" ? 0 : p.result === "money" ? 2 : p.result === "decimal" ? (p.scale ?? 2) : null;
      return (ctx) => {
        const value = evaluate(tree, ctx as unknown as EvaluationContext);
        return places !== null && typeof value === "number" ? round(value, places) : value;
      };
    },
  }),
];
