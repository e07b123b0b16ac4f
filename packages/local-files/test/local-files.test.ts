import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { abandonedPartials, insideFolder, OutsideFolderError, partialFolder, UnexpectedSizeError, writeWithDigest } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-local-files-"));

describe("insideFolder", () => {
  it("keeps plain relative names inside and refuses every way out", () => {
    const root = tmp();
    expect(insideFolder(root, "schemas/persons.schema.json")).toBe(join(root, "schemas/persons.schema.json"));
    for (const name of ["../x", "a/../../x", "/etc/hostname", "", ".", `${root}/../x`]) {
      expect(() => insideFolder(root, name), name).toThrow(OutsideFolderError);
    }
  });
});

describe("partial folders", () => {
  it("names a hidden sibling after this process, and finds only siblings whose process has ended", () => {
    const out = join(tmp(), "pulled");
    const mine = partialFolder(out);
    mkdirSync(mine);
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    const dead = mine.replace(`partial-${process.pid}-`, `partial-${ended}-`);
    mkdirSync(dead);
    // Another folder's partial, even an abandoned one, is not this folder's to remove.
    mkdirSync(dead.replace(".pulled.partial", ".pulled2.partial"));
    expect(abandonedPartials(out)).toEqual([dead]);
    expect(existsSync(mine)).toBe(true);
  });
});

describe("writeWithDigest", () => {
  it("stops as soon as more bytes arrive than announced", async () => {
    const path = join(tmp(), "f");
    let sent = 0;
    const large = Readable.from((function* () {
      for (; sent < 1_000; sent++) yield Buffer.alloc(65_536, 1);
    })());
    await expect(writeWithDigest(large, path, { maxBytes: 10 })).rejects.toThrow(UnexpectedSizeError);
    expect(sent).toBeLessThan(5); // 64 MB were offered; the first chunk was enough to stop
  });

  it("returns the size and sha256 of what it wrote", async () => {
    const path = join(tmp(), "f");
    expect(await writeWithDigest(Readable.from([Buffer.from("abc")]), path, { maxBytes: 3 })).toEqual({
      bytes: 3,
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    });
  });
});
