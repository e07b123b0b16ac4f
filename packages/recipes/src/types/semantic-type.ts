import type { Random } from "@sdh/rules";
import type { z } from "zod";

// A semantic type: what a field holds (an email, a ZIP code, money), how its settings are written in
// a recipe, the column it becomes, the schema the gate checks every value against, and the rule that
// makes a value. The catalogue (catalogue.ts) lists them all; the recipe reference is generated from it.

export type TypeGroup = "people" | "places" | "numbers" | "dates" | "identifiers" | "business" | "internet" | "finance" | "text" | "derived";

/** What a field's rule sees while one record is made. */
export interface FieldContext {
  /** The field's own stream: no other field draws from it. */
  random: Random;
  /**
   * A draw several fields of one record share (the person a record describes, the place it is at):
   * made once, from its own stream, by whichever field asks first.
   */
  shared<T>(name: string, make: (r: Random) => T): T;
  /** Another field's value in this record (made first if needed; the recipe's checks refuse cycles). */
  value(field: string): unknown;
  /** The ages the record's person is drawn between (its entity's age or date_of_birth field says). */
  ages: { min: number; max: number };
  /** The records of a child entity made under this record (for a derived field's aggregates: they are made before it). */
  children(entity: string): ReadonlyArray<Record<string, unknown>>;
  /**
   * The keys of the records of another entity under this record's nearest ancestor that is that
   * entity's parent (made before this record: the recipe's checks make sure of it).
   */
  related(entity: string): readonly unknown[];
  /** The record a reference field of this record names (undefined when the field is null): `product_id.list_price` reads it. */
  referenced(field: string): Readonly<Record<string, unknown>> | undefined;
  /** The snapshot's reference date (YYYY-MM-DD): relative dates count from it. */
  asOf: string;
  /** The record's place in the tree, unique in its entity: `42` for root record 42 (or a lookup table's row 42), `42.3` for its fourth child. */
  path: string;
  /** The root record's index, and this record's position among its parent's children (0 for a root). */
  rootIndex: number;
  position: number;
}

export interface SemanticType<P = Record<string, unknown>> {
  name: string;
  group: TypeGroup;
  /** One line for the reference. */
  description: string;
  /** A field declaration using it, as a recipe writes it (YAML flow style). */
  example: string;
  /** Its settings (strict: an unknown key is an error naming the allowed ones). */
  params: z.ZodType<P>;
  /** The schema every non-null value must meet (the gate checks it); its JSON Schema gives the column type. */
  schema(params: P): z.ZodType;
  /** The rule that makes one value. */
  make(params: P): (ctx: FieldContext) => unknown;
  /** Values unique by construction when the field asks for `unique` (keys, emails, usernames). */
  uniqueByConstruction?: boolean;
  /**
   * Whether a correlations block may hold the field: its value is a monotone function of its first
   * draw, so a copula's uniform in that draw gives the field its own distribution.
   */
  copula?(params: P): boolean;
  /** The entity whose key this field holds (a reference): the gate checks it, the recipe's checks place it. */
  references?(params: P): string;
  /** Child entities whose records this field reads (sum over order lines): it is made after them. */
  aggregates?(params: P): string[];
  /** Other fields of the record this one reads, for ordering and cycle checks. */
  dependsOn?(params: P): string[];
}

/** Declares a type with its settings' type inferred from its schema. */
export const semanticType = <S extends z.ZodType>(t: Omit<SemanticType<z.infer<S>>, "params"> & { params: S }): SemanticType => t as unknown as SemanticType;
