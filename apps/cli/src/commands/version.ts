import { createRequire } from "node:module";
import { SCHEMA_VERSION } from "@sdh/schemas";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export function printVersion(): number {
  console.log(`sdh ${version} (schema ${SCHEMA_VERSION}, node ${process.versions.node})`);
  return 0;
}
