import { FUNCTIONS, type Value, type ValueType } from "./expression-functions.js";
import { ExpressionError, type Node } from "./expression-parser.js";

// Checking an expression against the entity it sits in (every name a field, every child an entity
// under this one, every function called with the types it takes, the result of the declared type),
// then evaluating it per record by walking the tree.

export interface ExpressionScope {
  /** The entity's fields and their types. */
  fields: ReadonlyMap<string, ValueType>;
  /** Its child entities and their fields' types. */
  children: ReadonlyMap<string, ReadonlyMap<string, ValueType>>;
  /** Its reference fields and the fields' types of the records they name (`product_id.list_price`). */
  references?: ReadonlyMap<string, ReadonlyMap<string, ValueType>>;
}

export interface CheckedExpression {
  type: ValueType;
  /** Fields of the record it reads. */
  reads: string[];
  /** Child entities it aggregates over (the record's children are made before it). */
  aggregates: string[];
}

export function checkExpression(tree: Node, scope: ExpressionScope): CheckedExpression {
  const reads = new Set<string>();
  const aggregates = new Set<string>();
  const typeOf = (n: Node): ValueType => {
    switch (n.kind) {
      case "literal":
        return n.value === null ? "null" : typeof n.value === "number" ? "number" : typeof n.value === "boolean" ? "boolean" : "text";
      case "field": {
        const t = scope.fields.get(n.name);
        if (!t) throw new ExpressionError(`no field '${n.name}' here; the fields are: ${[...scope.fields.keys()].join(", ")}`, n.at);
        reads.add(n.name);
        return t;
      }
      case "child": {
        // Outside an aggregate, `ref.field` reads a field of the record a reference field names.
        const named = scope.references?.get(n.entity);
        if (!named) throw new ExpressionError(scope.children.has(n.entity) ? `${n.entity}.${n.field} is a child entity's field: use it inside sum, avg, min_of or max_of` : `${n.entity}.${n.field}: ${n.entity} is neither a reference field of this entity (ref.field reads the record it names) nor a child entity`, n.at);
        const t = named.get(n.field);
        if (!t) throw new ExpressionError(`the record ${n.entity} names has no field '${n.field}'; its fields are: ${[...named.keys()].join(", ")}`, n.at);
        reads.add(n.entity);
        return t;
      }
      case "unary": {
        const t = typeOf(n.arg);
        if (n.op === "-" && (t === "number" || t === "null")) return "number";
        if (n.op === "not" && (t === "boolean" || t === "null")) return "boolean";
        throw new ExpressionError(`'${n.op}' takes a ${n.op === "-" ? "number" : "true/false value"}, not ${t}`, n.at);
      }
      case "binary": {
        const [l, r] = [typeOf(n.left), typeOf(n.right)];
        const same = l === r || l === "null" || r === "null";
        if (["+", "-", "*", "/", "%"].includes(n.op)) {
          if ((l === "number" || l === "null") && (r === "number" || r === "null")) return "number";
          throw new ExpressionError(`'${n.op}' takes numbers (got ${l} and ${r}); join text with concat(), move dates with add_days()`, n.at);
        }
        if (n.op === "and" || n.op === "or") {
          if ((l === "boolean" || l === "null") && (r === "boolean" || r === "null")) return "boolean";
          throw new ExpressionError(`'${n.op}' takes true/false values (got ${l} and ${r})`, n.at);
        }
        const dates = (l === "date" || l === "timestamp") && (r === "date" || r === "timestamp");
        if (!same && !dates) throw new ExpressionError(`'${n.op}' compares values of one type (got ${l} and ${r})`, n.at);
        if ((l === "boolean" || r === "boolean") && n.op !== "==" && n.op !== "!=") throw new ExpressionError(`true/false values compare only with == and !=`, n.at);
        return "boolean";
      }
      case "call": {
        const spec = FUNCTIONS[n.name];
        if (!spec) throw new ExpressionError(`no function '${n.name}'; the functions are: ${Object.keys(FUNCTIONS).join(", ")}`, n.at);
        let args: ValueType[];
        if (spec.aggregate) {
          const [first] = n.args;
          if (n.args.length !== 1) throw new ExpressionError(`${n.name} takes one argument`, n.at);
          const entity = first!.kind === "child" ? first!.entity : first!.kind === "field" ? first!.name : null;
          const fields = entity ? scope.children.get(entity) : undefined;
          if (!entity || !fields) throw new ExpressionError(`${n.name} reads a child entity of this one${scope.children.size ? ` (${[...scope.children.keys()].join(", ")})` : " (this entity has none)"}`, first?.at ?? n.at);
          if (n.name === "count") {
            if (first!.kind !== "field") throw new ExpressionError(`count takes a child entity, not a field: count(${entity})`, n.at);
            args = ["number"];
          } else {
            if (first!.kind !== "child") throw new ExpressionError(`${n.name} takes a child entity's field: ${n.name}(${entity}.amount)`, n.at);
            const t = fields.get(first!.field);
            if (!t) throw new ExpressionError(`${entity} has no field '${first!.field}'; its fields are: ${[...fields.keys()].join(", ")}`, first!.at);
            args = [t];
          }
          aggregates.add(entity);
        } else args = n.args.map(typeOf);
        const result = spec.check(args);
        if (!["number", "text", "date", "timestamp", "boolean", "null"].includes(result)) throw new ExpressionError(result, n.at);
        return result as ValueType;
      }
    }
  };
  const type = typeOf(tree);
  return { type, reads: [...reads], aggregates: [...aggregates] };
}

/** What evaluation reads: the record's other fields, its children's records by entity, and the records its references name. */
export interface EvaluationContext {
  value(field: string): unknown;
  children(entity: string): ReadonlyArray<Record<string, unknown>>;
  /** The record a reference field of this record names (undefined when it is null). */
  referenced(field: string): Readonly<Record<string, unknown>> | undefined;
}

/** Evaluates a checked expression for one record; null propagates (SQL's rule), division by zero is null. */
export function evaluate(n: Node, ctx: EvaluationContext): Value {
  switch (n.kind) {
    case "literal":
      return n.value;
    case "field":
      return (ctx.value(n.name) ?? null) as Value;
    case "child":
      // Inside an aggregate it is read by the aggregate itself; outside, it names a referenced record's field.
      return (ctx.referenced(n.entity)?.[n.field] ?? null) as Value;
    case "unary": {
      const v = evaluate(n.arg, ctx);
      if (v === null) return null;
      return n.op === "-" ? (Object.is(-(v as number), -0) ? 0 : -(v as number)) : !v;
    }
    case "binary": {
      const [l, r] = [evaluate(n.left, ctx), evaluate(n.right, ctx)];
      if (l === null || r === null) return null;
      switch (n.op) {
        case "+":
          return finiteOrNull((l as number) + (r as number));
        case "-":
          return finiteOrNull((l as number) - (r as number));
        case "*":
          return finiteOrNull((l as number) * (r as number));
        case "/":
          return r === 0 ? null : finiteOrNull((l as number) / (r as number));
        case "%":
          return r === 0 ? null : finiteOrNull((l as number) % (r as number));
        case "and":
          return (l as boolean) && (r as boolean);
        case "or":
          return (l as boolean) || (r as boolean);
        case "==":
          return l === r;
        case "!=":
          return l !== r;
        case "<":
          return l < r;
        case "<=":
          return l <= r;
        case ">":
          return l > r;
        default:
          return l >= r;
      }
    }
    case "call": {
      const spec = FUNCTIONS[n.name]!;
      if (spec.aggregate) {
        const first = n.args[0]!;
        if (first.kind === "field") return spec.run([ctx.children(first.name) as unknown as Value]);
        const c = first as Extract<Node, { kind: "child" }>;
        return spec.run([ctx.children(c.entity).map((r) => (r[c.field] ?? null) as Value) as unknown as Value]);
      }
      // if evaluates only the branch it takes.
      if (n.name === "if") return evaluate(n.args[0]!, ctx) === true ? evaluate(n.args[1]!, ctx) : evaluate(n.args[2]!, ctx);
      return spec.run(n.args.map((a) => evaluate(a, ctx)));
    }
  }
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x) : null);
