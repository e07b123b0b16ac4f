import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs fetch-raw.sh (downloads the pinned raw sources once, checks their sha256) and returns their folder. */
export function rawSourceFolder(): string {
  const script = fileURLToPath(new URL("fetch-raw.sh", import.meta.url));
  return execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}
