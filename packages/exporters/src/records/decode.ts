import type { Column } from "@sdh/schemas";

const INTEGER = /^-?\d+$/;

/**
 * Turns one CSV field into the value the schema expects: integers become numbers, and an empty field
 * is null — the documented rule, and what every CSV reader does — so a non-nullable column left
 * empty fails the schema check, as a reader would see it. Anything that does not fit stays a string,
 * so the validation gate reports it against the schema instead of the reader guessing.
 */
export function decodeField(column: Column, text: string): unknown {
  if (text === "") return null;
  switch (column.type) {
    case "int":
      return INTEGER.test(text) ? Number(text) : text;
    case "decimal":
    case "double": {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}
