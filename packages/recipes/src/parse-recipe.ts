import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { choleskyOf } from "./copula.js";
import { outlierRule, type OutlierRule } from "./outliers.js";
import { checkExpression } from "./expression/expression-eval.js";
import type { ValueType } from "./expression/expression-functions.js";
import { ExpressionError, parseExpression } from "./expression/expression-parser.js";
import { RESULT_TYPE } from "./types/derived.js";
import { RECIPE_LIMITS, RecipeDocument, type Correlations } from "./recipe-document.js";
import { KEY_TYPES, SEMANTIC_TYPE_BY_NAME, SEMANTIC_TYPES } from "./types/catalogue.js";
import type { SemanticType } from "./types/semantic-type.js";

// Reading a recipe: YAML 1.2 (JSON is YAML), no custom tags, no more than 100 aliases; then the
// document's shape (zod), each field's settings against its type, and what the shapes cannot say:
// one root, parents that exist, no cycles, keys that are unique by construction, fields that read
// fields that exist. Every problem names its line and column and what is allowed.

export interface RecipeProblem {
  /** Where in the document: `entities.orders.fields.total.type`. */
  path: string;
  line: number;
  column: number;
  message: string;
}

export class RecipeError extends Error {
  override name = "RecipeError";
  constructor(
    readonly source: string,
    readonly problems: RecipeProblem[],
  ) {
    super(problems.map((p) => `${source}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"));
  }
}

/** A recipe that passed every check, with each field's settings parsed by its type. */
export interface Recipe {
  document: RecipeDocument;
  /** Entities in build order: the root first, every parent before its children, then the lookup tables as listed. */
  order: string[];
  /** The lookup tables (`lookup: { rows }`): outside the root's tree, made whole once. */
  lookups: ReadonlySet<string>;
  fields: ReadonlyMap<string, ReadonlyArray<RecipeField>>;
  /** Each entity's copula, if it declares correlations: its fields and the Cholesky factor of its matrix. */
  copulas: ReadonlyMap<string, { fields: readonly string[]; factor: Float64Array[] }>;
}

/** One field of a recipe, its settings parsed by its type. */
export interface RecipeField {
  name: string;
  type: SemanticType;
  params: unknown;
  nullRate: number;
  unique: boolean;
  description: string | undefined;
  outliers: OutlierRule | null;
}

type Path = ReadonlyArray<string | number>;

/** Parses and checks a recipe's text; `source` names it in errors (a file name). */
export function parseRecipe(text: string, source = "recipe"): Recipe {
  if (Buffer.byteLength(text) > RECIPE_LIMITS.bytes) throw new RecipeError(source, [{ path: "", line: 1, column: 1, message: `a recipe is at most ${RECIPE_LIMITS.bytes} bytes` }]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, strict: true, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const at = (offset: number) => lines.linePos(offset);
  if (doc.errors.length) {
    throw new RecipeError(source, doc.errors.map((e) => ({ path: "", line: at(e.pos[0]).line, column: at(e.pos[0]).col, message: e.message.split("\n")[0]! })));
  }
  const locate = (path: Path, key?: string) => {
    const offset = offsetOf(doc, path, key);
    const pos = at(offset);
    return { line: pos.line, column: pos.col };
  };
  const problem = (path: Path, message: string, key?: string): RecipeProblem => ({ path: [...path, ...(key ? [key] : [])].join("."), ...locate(path, key), message });

  const parsed = RecipeDocument.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) throw new RecipeError(source, parsed.error.issues.map((i) => issueProblem(i, problem)));
  const recipe = parsed.data;
  const problems: RecipeProblem[] = [];
  const fields = new Map<string, RecipeField[]>();
  const copulas = new Map<string, { fields: readonly string[]; factor: Float64Array[] }>();

  for (const [entity, e] of Object.entries(recipe.entities)) {
    const list: RecipeField[] = [];
    for (const [name, spec] of Object.entries(e.fields)) {
      const path = ["entities", entity, "fields", name];
      const type = SEMANTIC_TYPE_BY_NAME.get(spec.type);
      if (!type) {
        problems.push(problem([...path, "type"], `unknown type '${spec.type.slice(0, 40)}'; the types are: ${SEMANTIC_TYPES.map((t) => t.name).join(", ")}`));
        continue;
      }
      const { type: _type, nullRate, unique, description, outliers, ...settings } = spec;
      const params = type.params.safeParse(settings);
      if (!params.success) {
        for (const i of params.error.issues) problems.push(issueProblem(i, problem, path, `a ${type.name} field`));
        continue;
      }
      if (unique && !type.uniqueByConstruction) problems.push(problem([...path, "unique"], `a ${type.name} field cannot promise unique values; unique is for the types: ${SEMANTIC_TYPES.filter((t) => t.uniqueByConstruction).map((t) => t.name).join(", ")}`));
      const rule = outliers ? outlierRule(type.name, params.data as Record<string, unknown>, outliers) : null;
      if (typeof rule === "string") problems.push(problem([...path, "outliers"], rule));
      else if (rule && e.key === name) problems.push(problem([...path, "outliers"], "a key has no outliers"));
      list.push({ name, type, params: params.data, nullRate: nullRate ?? 0, unique: unique ?? false, description, outliers: typeof rule === "string" ? null : rule });
    }
    fields.set(entity, list);
    const keyField = e.fields[e.key];
    if (!keyField) problems.push(problem(["entities", entity, "key"], `the key '${e.key}' is not one of the entity's fields: ${Object.keys(e.fields).join(", ")}`));
    else if (!KEY_TYPES.includes(keyField.type)) problems.push(problem(["entities", entity, "fields", e.key, "type"], `a key must be unique by construction: give it the type ${KEY_TYPES.join(" or ")}`));
    else if (keyField.nullRate) problems.push(problem(["entities", entity, "fields", e.key, "nullRate"], "a key is never null"));
    if (e.lookup && e.parent) problems.push(problem(["entities", entity, "lookup"], "a lookup table is a table of its own: it has no parent (drop parent, or lookup)"));
    if (e.parent) {
      if (recipe.entities[e.parent.entity]?.lookup) problems.push(problem(["entities", entity, "parent", "entity"], `${e.parent.entity} is a lookup table: nothing hangs from it; name one of its records with a field { type: reference, entity: ${e.parent.entity} }`));
      if (!recipe.entities[e.parent.entity]) problems.push(problem(["entities", entity, "parent", "entity"], `no entity '${e.parent.entity}'; the entities are: ${Object.keys(recipe.entities).join(", ")}`));
      if (e.fields[e.parent.field]) problems.push(problem(["entities", entity, "fields", e.parent.field], `'${e.parent.field}' holds the parent's key, which the engine writes: leave it out of fields`));
      if ("uniform" in e.parent.children && e.parent.children.uniform.min > e.parent.children.uniform.max) problems.push(problem(["entities", entity, "parent", "children", "uniform"], "min must not exceed max"));
    }
    for (const f of list) {
      for (const dep of f.type.dependsOn?.(f.params as never) ?? []) {
        // A child entity's name here is `child.field` outside an aggregate: checkDerived says what to do.
        if (!e.fields[dep] && recipe.entities[dep]?.parent?.entity !== entity) problems.push(problem(["entities", entity, "fields", f.name], `it reads the field '${dep}', which ${entity} does not have`));
      }
    }
    if (e.correlations) {
      const copula = checkCorrelations(e.correlations, e.key, list, (at, message) => problems.push(problem(["entities", entity, "correlations", ...at], message)));
      if (copula) copulas.set(entity, copula);
    }
    const cycle = fieldCycle(list);
    if (cycle) problems.push(problem(["entities", entity, "fields", cycle[0]!], `the fields read each other in a cycle: ${cycle.join(" → ")}`));
  }

  if (!problems.length) checkDerived(recipe, fields, (path, message) => problems.push(problem(path, message)));

  const lookups = Object.keys(recipe.entities).filter((name) => recipe.entities[name]!.lookup);
  const lookupRows = lookups.reduce((n, name) => n + recipe.entities[name]!.lookup!.rows, 0);
  if (lookupRows > RECIPE_LIMITS.lookupRows) problems.push(problem(["entities", lookups.at(-1)!, "lookup", "rows"], `the lookup tables hold ${lookupRows.toLocaleString("en-US")} rows together; at most ${RECIPE_LIMITS.lookupRows.toLocaleString("en-US")} (every shard makes them again to name their records)`));
  const roots = Object.entries(recipe.entities).filter(([, e]) => !e.parent && !e.lookup);
  if (roots.length !== 1) problems.push(problem(["entities"], roots.length ? `one entity is the root (no parent); ${roots.map(([n]) => n).join(" and ")} have none (a table of its own that records name is a lookup table: give it lookup: { rows: N })` : "one entity must be the root: give every other one a parent"));
  const order = problems.length ? [] : [...buildOrder(recipe, roots[0]![0], (entity, message) => problems.push(problem(["entities", entity, "parent"], message))), ...lookups];
  if (!problems.length) checkReferences(recipe, order, fields, (path, message) => problems.push(problem(path, message)));
  if (problems.length) throw new RecipeError(source, problems);
  return { document: recipe, order, lookups: new Set(lookups), fields, copulas };
}

/** The expression type of a field's values: a derived field's declared result, else its schema's JSON type. */
function valueTypeOf(f: { type: SemanticType; params: unknown }): ValueType {
  if (f.type.name === "derived") return RESULT_TYPE[(f.params as { result: keyof typeof RESULT_TYPE }).result];
  const json = z.toJSONSchema(f.type.schema(f.params as never), { unrepresentable: "any" }) as { type?: string; format?: string; const?: unknown; enum?: unknown[] };
  const type = json.type ?? typeof (json.const ?? json.enum?.[0]);
  if (type === "number" || type === "integer") return "number";
  if (type === "boolean") return "boolean";
  return json.format === "date" ? "date" : json.format === "date-time" ? "timestamp" : "text";
}

/** Every derived field's expression type-checked against its entity's fields and its children's. */
function checkDerived(recipe: RecipeDocument, fields: ReadonlyMap<string, ReadonlyArray<{ name: string; type: SemanticType; params: unknown }>>, fail: (path: Path, message: string) => void): void {
  const typesOf = (entity: string) => {
    return new Map(fields.get(entity)!.map((f) => [f.name, valueTypeOf(f)] as const));
  };
  for (const [entity, list] of fields) {
    for (const f of list.filter((x) => x.type.name === "derived")) {
      const p = f.params as { expression: string; result: keyof typeof RESULT_TYPE };
      const own = typesOf(entity);
      own.delete(f.name);
      const children = new Map(Object.entries(recipe.entities).filter(([, e]) => e.parent?.entity === entity).map(([child]) => [child, typesOf(child)] as const));
      // A reference field's record, by the field's name: `product_id.list_price`.
      const references = new Map(
        list.flatMap((r) => {
          const target = r.type.references?.(r.params as never);
          return target !== undefined && fields.has(target) ? [[r.name, typesOf(target)] as const] : [];
        }),
      );
      try {
        const checked = checkExpression(parseExpression(p.expression), { fields: own, children, references });
        const want = RESULT_TYPE[p.result];
        if (checked.type !== want && checked.type !== "null") fail(["entities", entity, "fields", f.name, "expression"], `the expression gives ${checked.type}, and result: ${p.result} needs ${want}${want === "text" ? " (wrap it in text())" : ""}`);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        fail(["entities", entity, "fields", f.name, "expression"], error.message);
      }
    }
  }
}

/** A copula's fields exist, can take a copula's uniform, and its matrix is a correlation matrix. */
function checkCorrelations(c: Correlations, key: string, list: ReadonlyArray<{ name: string; type: SemanticType; params: unknown }>, fail: (at: Path, message: string) => void): { fields: readonly string[]; factor: Float64Array[] } | null {
  const before = { failed: false };
  const report = (at: Path, message: string) => ((before.failed = true), fail(at, message));
  const able = SEMANTIC_TYPES.filter((t) => t.copula).map((t) => t.name);
  c.fields.forEach((name, i) => {
    const f = list.find((x) => x.name === name);
    if (c.fields.indexOf(name) !== i) report(["fields", i], `'${name}' is listed twice`);
    else if (name === key) report(["fields", i], "the key is made by the engine and cannot be correlated");
    else if (!f) report(["fields", i], `no field '${name}' in this entity`);
    else if (!f.type.copula?.(f.params as never)) report(["fields", i], `a ${f.type.name} field${able.includes(f.type.name) ? " with this distribution" : ""} cannot be correlated; correlated fields are ${able.join(", ")} (numbers uniform, from quantiles or exponential)`);
  });
  const n = c.fields.length;
  if (c.matrix.length !== n || c.matrix.some((row) => row.length !== n)) report(["matrix"], `the matrix has one row of ${n} numbers for each of the ${n} fields`);
  else {
    c.matrix.forEach((row, i) =>
      row.forEach((x, j) => {
        if (i === j && x !== 1) report(["matrix", i, j], "the diagonal is 1");
        else if (j > i && Math.abs(x - c.matrix[j]![i]!) > 1e-9) report(["matrix", i, j], `the matrix is symmetric: row ${i + 1}, column ${j + 1} differs from row ${j + 1}, column ${i + 1}`);
      }),
    );
  }
  if (before.failed) return null;
  const chol = choleskyOf(c.matrix);
  if (!chol) {
    fail(["matrix"], "not a correlation matrix: it is not positive definite (some correlations contradict each other)");
    return null;
  }
  return { fields: c.fields, factor: chol.factor };
}

/**
 * A reference reaches the records of another entity under a shared ancestor record: that entity's
 * parent is an ancestor of the referring entity, and it is built before the referring entity's branch
 * (so its records exist when the reference is made, in the same root's tree: in the same shard). Or it
 * names a row of a lookup table, which every shard makes whole before any record.
 */
function checkReferences(recipe: RecipeDocument, order: readonly string[], fields: ReadonlyMap<string, ReadonlyArray<{ name: string; type: SemanticType; params: unknown }>>, fail: (path: Path, message: string) => void): void {
  const parentOf = (e: string) => recipe.entities[e]!.parent?.entity;
  for (const [entity, list] of fields) {
    for (const f of list) {
      const target = f.type.references?.(f.params as never);
      if (target === undefined) continue;
      const at = ["entities", entity, "fields", f.name, "entity"];
      const owner = recipe.entities[target] ? parentOf(target) : undefined;
      const path: string[] = [];
      for (let e: string | undefined = entity; e; e = parentOf(e)) path.push(e);
      if (!recipe.entities[target]) fail(at, `no entity '${target}'; the entities are: ${Object.keys(recipe.entities).join(", ")}`);
      else if (recipe.entities[target]!.lookup) {
        // A lookup table is made whole before any record: any record may name one of its rows, a lookup only an earlier one's.
        if (target === entity) fail(at, `a reference names a record of another table, not of ${entity} itself`);
        else if (recipe.entities[entity]!.lookup && order.indexOf(target) > order.indexOf(entity)) fail(at, `${target} is a lookup table listed after ${entity}: list it before ${entity}, so its records exist when ${entity}'s are made`);
      } else if (recipe.entities[entity]!.lookup) fail(at, `${entity} is a lookup table, outside the root's tree: its references name only another lookup table's records`);
      else if (path.includes(target)) fail(at, `${target} is ${target === entity ? "this entity" : `an ancestor of ${entity}`}: a reference names a record beside this one's branch (an ancestor's key comes down as the parent's key)`);
      else if (!owner || !path.includes(owner)) fail(at, `${target} hangs from ${owner ?? "nothing (it is the root)"}, which is not an ancestor of ${entity}: a reference reaches the records of an entity under a record this one also hangs from`);
      else {
        const branch = path[path.indexOf(owner) - 1]!;
        if (order.indexOf(target) > order.indexOf(branch)) fail(at, `${target} is built after ${branch}, the branch ${entity} is in: list ${target} before ${branch} in the recipe, so its records exist when the reference is made`);
      }
    }
  }
}

/** Root first, each parent before its children; entities the root does not reach are a cycle. */
function buildOrder(recipe: RecipeDocument, root: string, fail: (entity: string, message: string) => void): string[] {
  const order = [root];
  const depth = new Map([[root, 0]]);
  for (let i = 0; i < order.length; i++) {
    for (const [name, e] of Object.entries(recipe.entities)) {
      if (e.parent?.entity !== order[i] || depth.has(name)) continue;
      const d = depth.get(order[i]!)! + 1;
      if (d > RECIPE_LIMITS.depth) fail(name, `more than ${RECIPE_LIMITS.depth} levels below the root`);
      depth.set(name, d);
      order.push(name);
    }
  }
  for (const [name, e] of Object.entries(recipe.entities)) if (!depth.has(name) && !e.lookup) fail(name, "its parents form a cycle that never reaches the root");
  return order;
}

/** A cycle among fields that read other fields (category when, date after), or null. */
function fieldCycle(list: ReadonlyArray<{ name: string; type: SemanticType; params: unknown }>): string[] | null {
  const reads = new Map(list.map((f) => [f.name, f.type.dependsOn?.(f.params as never) ?? []]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === "done") return null;
    if (state.get(name) === "open") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "open");
    stack.push(name);
    for (const next of reads.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(name, "done");
    return null;
  };
  for (const name of reads.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return null;
}

/** A zod issue as a problem at its place, an unknown key at the key itself, with what is allowed. */
function issueProblem(issue: z.core.$ZodIssue, problem: (path: Path, message: string, key?: string) => RecipeProblem, prefix: Path = [], what = ""): RecipeProblem {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  if (issue.code === "unrecognized_keys") {
    return problem(path, `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}${what ? ` for ${what}` : ""}`, issue.keys[0]);
  }
  if (issue.code === "invalid_union") return problem(path, `${issue.message}: ${unionHint(issue)}`);
  return problem(path, issue.message);
}

/** What the alternatives of a union wanted, briefly: the first problem of each. */
function unionHint(issue: z.core.$ZodIssueInvalidUnion): string {
  const firsts = issue.errors.map((e) => e[0]).filter((e): e is z.core.$ZodIssue => Boolean(e));
  const keys = firsts.flatMap((e) => (e.code === "unrecognized_keys" ? [] : e.path.length ? [String(e.path[0])] : []));
  return keys.length ? `expected one of: ${[...new Set(keys)].join(", ")}` : "none of the allowed forms matched";
}

/** The offset of the node a path names (or of a key of the map there), else of the nearest node above it. */
function offsetOf(doc: Document, path: Path, key?: string): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return range[0];
    }
    // A scalar's own position; a map's first key, which is where an editor shows it.
    return node.range[0];
  }
  return 0;
}
