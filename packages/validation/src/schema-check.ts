import { recordJsonSchema, type EntitySpec } from "@sdh/schemas";
import { FORMAT_CHECKS } from "./format-checks.js";

// Every record is checked against its zod schema. Running zod on each record costs ~3 µs, which alone
// would spend the whole validation budget, so the check is compiled once from the JSON Schema that
// zod itself emits (same patterns, enums and bounds) and zod is asked only about failing records,
// for its messages. A test holds the two to the same verdict on valid and broken records.

interface PropertySchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  anyOf?: PropertySchema[];
}

type ValueTest = (value: unknown) => boolean;

function compileProperty(property: PropertySchema): ValueTest {
  if (property.anyOf) {
    const nonNull = property.anyOf.filter((p) => p.type !== "null");
    if (nonNull.length === 1 && nonNull.length < property.anyOf.length) {
      const test = compileProperty(nonNull[0]!);
      return (value) => value === null || test(value);
    }
    const tests = property.anyOf.map(compileProperty);
    return (value) => tests.some((test) => test(value));
  }
  // zod writes a nullable primitive without constraints (a boolean) as a list of types.
  if (Array.isArray(property.type)) {
    const tests = property.type.map((type) => compileProperty({ ...property, type }));
    return (value) => tests.some((test) => test(value));
  }
  switch (property.type) {
    case "null":
      return (value) => value === null;
    case "string": {
      // One specialised closure per shape: the generic one, with every test guarded, ran 2x slower.
      const min = property.minLength ?? 0;
      const max = property.maxLength ?? Infinity;
      if (property.enum) {
        const allowed = new Set(property.enum);
        return (value) => typeof value === "string" && allowed.has(value);
      }
      const formatCheck = property.format ? FORMAT_CHECKS[property.format] : undefined;
      if (formatCheck && min === 0 && max === Infinity) return (value) => typeof value === "string" && formatCheck(value);
      if (property.pattern) {
        const pattern = new RegExp(property.pattern);
        return (value) => typeof value === "string" && value.length >= min && value.length <= max && pattern.test(value);
      }
      return (value) => typeof value === "string" && value.length >= min && value.length <= max;
    }
    case "integer":
    case "number": {
      const min = property.minimum ?? -Infinity;
      const max = property.maximum ?? Infinity;
      const step = property.multipleOf;
      if (property.type === "integer" && step !== undefined) {
        return (value) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max && (value as number) % step === 0;
      }
      if (property.type === "integer") return (value) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
      // A number on a step (money: a cent): the quotient is whole, to the precision a double holds it.
      if (step !== undefined) return (value) => Number.isFinite(value) && (value as number) >= min && (value as number) <= max && onStep(value as number, step);
      return (value) => Number.isFinite(value) && (value as number) >= min && (value as number) <= max;
    }
    case "boolean":
      return (value) => typeof value === "boolean";
    default:
      throw new Error(`no compiled check for ${JSON.stringify(property)}`);
  }
}

export interface SchemaCheck {
  /** The names of the fields that break the schema; an empty list (the same one each time) when none do. */
  invalidFields(record: unknown): readonly string[];
  /** zod's own account of a failing record: one "field: message" per problem. */
  explain(record: unknown): string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** The check of an entity's records, compiled from its declared schema. */
export function compileSchemaCheck(zodSchema: EntitySpec["schema"]): SchemaCheck {
  const schema = recordJsonSchema(zodSchema) as { properties: Record<string, PropertySchema> };
  const fields = Object.entries(schema.properties).map(([name, property]) => ({ name, test: compileProperty(property) }));
  const checkObject = compileObjectCheck(fields);
  return {
    invalidFields(record) {
      if (typeof record !== "object" || record === null || Array.isArray(record)) return fields.map((f) => f.name);
      return checkObject(record, NONE);
    },
    explain(record) {
      const result = zodSchema.safeParse(record);
      if (result.success) return [];
      return result.error.issues.map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`);
    },
  };
}

/**
 * One function with a static property read per field (`r.person_id`), which V8 inlines; a loop over
 * field names reads them by key and ran at half the speed. Field names come from our own schemas
 * and are checked to be plain identifiers before they go into the source.
 */
function compileObjectCheck(fields: ReadonlyArray<{ name: string; test: ValueTest }>): (record: object, none: readonly string[]) => readonly string[] {
  const lines = fields.map(({ name }, i) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`field name '${name}' cannot be compiled`);
    return `  if (!t${i}(r.${name})) (bad ??= []).push(${JSON.stringify(name)});`;
  });
  const source = `return function check(r, none) {\n  let bad = null;\n${lines.join("\n")}\n  return bad ?? none;\n};`;
  // Safe to compile: the source is generated from our own schema (field names checked above).
  const make = new Function(...fields.map((_, i) => `t${i}`), source) as (...tests: ValueTest[]) => (record: object, none: readonly string[]) => readonly string[];
  return make(...fields.map((f) => f.test));
}

/** True when `field` passed the schema, so the rules that read it can trust its type and format. */
export function fieldOk(invalid: readonly string[], field: string): boolean {
  return invalid.length === 0 || !invalid.includes(field);
}

/** Whether `value` is a whole multiple of `step`, forgiving the last bits a double loses (0.07 / 0.01 is 7.000000000000001). */
function onStep(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) <= 1e-9 * Math.max(1, Math.abs(quotient));
}
