import type { Readable } from "node:stream";
import { DataFileError } from "../records/data-file-error.js";

/**
 * Streams the elements of a top-level JSON array, one parsed object at a time, whatever the file's
 * layout (one record per line as we write it, pretty-printed by an editor, or all on one line).
 * It tracks only nesting depth and string state, then hands each element's text to JSON.parse.
 */
export async function* jsonArrayRecords(input: Readable, path: string): AsyncGenerator<unknown> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = "";
  let started = false;
  let ended = false;
  let index = 0;
  for await (const chunk of input) {
    const text = chunk as string;
    let from = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === "\\") escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') {
        inString = true;
        if (from < 0 && depth === 1) throw new DataFileError(`${path}: element ${index + 1} is not an object`);
        continue;
      }
      if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") continue;
      if (ended) throw new DataFileError(`${path}: unexpected '${ch}' after the closing ]`);
      if (!started) {
        if (ch !== "[") throw new DataFileError(`${path}: a JSON data file is one array of records; it starts with '${ch}', not '['`);
        started = true;
        depth = 1;
        continue;
      }
      if (ch === "{" || ch === "[") {
        if (depth === 1) from = i;
        depth++;
      } else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 1) {
          element += text.slice(from < 0 ? 0 : from, i + 1);
          from = -1;
          index++;
          try {
            yield JSON.parse(element);
          } catch (error) {
            throw new DataFileError(`${path}: element ${index} is not valid JSON: ${(error as Error).message}`, { cause: error });
          }
          element = "";
        } else if (depth === 0) {
          ended = true;
        }
      } else if (depth === 1 && ch !== ",") {
        throw new DataFileError(`${path}: element ${index + 1} is not an object`);
      }
    }
    // An element still open at the chunk's end carries over.
    if (depth > 1) element += text.slice(from < 0 ? 0 : from);
  }
  if (!started) throw new DataFileError(`${path}: empty file; a JSON data file is one array of records`);
  if (!ended) throw new DataFileError(`${path}: the file ends before the array's closing ]`);
}
