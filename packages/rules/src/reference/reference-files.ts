import { readFileSync } from "node:fs";

/**
 * The shipped reference tables live in packages/rules/data/ (built by reference-build/, sources in the
 * package README). src/reference/ and dist/reference/ are both two folders below the package root, so
 * one relative URL finds them from source and from the build. Each table is read once per thread.
 */
export function readReferenceText(name: string): string {
  return readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8");
}

export function readReferenceJson<T>(name: string): T {
  return JSON.parse(readReferenceText(name)) as T;
}
