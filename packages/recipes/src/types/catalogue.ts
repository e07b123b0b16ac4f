import { DATE_TYPES } from "./dates.js";
import { DERIVED_TYPES } from "./derived.js";
import { FINANCE_TYPES } from "./finance.js";
import { IDENTIFIER_TYPES } from "./identifiers.js";
import { INTERNET_TYPES } from "./internet.js";
import { NUMBER_TYPES } from "./numbers.js";
import { PEOPLE_TYPES } from "./people.js";
import { PLACE_TYPES } from "./places.js";
import { REFERENCE_TYPES } from "./references.js";
import type { SemanticType } from "./semantic-type.js";
import { TEXT_TYPES } from "./text.js";

/** Every semantic type a recipe's field may name, by group; the recipe reference lists them from here. */
export const SEMANTIC_TYPES: readonly SemanticType[] = [...PEOPLE_TYPES, ...PLACE_TYPES, ...NUMBER_TYPES, ...DATE_TYPES, ...IDENTIFIER_TYPES, ...REFERENCE_TYPES, ...TEXT_TYPES, ...INTERNET_TYPES, ...FINANCE_TYPES, ...DERIVED_TYPES];

export const SEMANTIC_TYPE_BY_NAME: ReadonlyMap<string, SemanticType> = new Map(SEMANTIC_TYPES.map((t) => [t.name, t]));

/** Types a key may have: their values are unique by construction. */
export const KEY_TYPES = SEMANTIC_TYPES.filter((t) => t.name === "uuid" || t.name === "sequence").map((t) => t.name);
