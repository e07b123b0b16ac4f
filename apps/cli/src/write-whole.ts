import { renameSync, rmSync, writeFileSync } from "node:fs";

/** Writes a file whole or not at all: a temporary file beside it, renamed into place. */
export function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
