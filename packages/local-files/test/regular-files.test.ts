import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NotRegularFileError, openInsideFolder, readInsideFolder, readRegularFileSync } from "../src/index.js";

// A FIFO, a device or a link where a file should be: each must be refused at once, never waited on
// (a FIFO's open or read blocks forever) and never read to the end (a device has none).
const tmp = () => mkdtempSync(join(tmpdir(), "sdh-regular-"));
const fifo = (path: string) => execFileSync("mkfifo", [path]);

describe("readRegularFileSync (settings files: links followed, the target must be a regular file)", () => {
  it("reads a file and a link to one", () => {
    const dir = tmp();
    writeFileSync(join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    symlinkSync(join(dir, "ca.pem"), join(dir, "link.pem"));
    expect(readRegularFileSync(join(dir, "link.pem"), { maxBytes: 100 }).toString()).toBe("-----BEGIN CERTIFICATE-----\n");
  });

  it("refuses a FIFO, a device, a folder and a file over the cap, naming what it is", () => {
    const dir = tmp();
    fifo(join(dir, "fifo"));
    writeFileSync(join(dir, "big"), "x".repeat(101));
    const cases: Array<[string, RegExp]> = [
      [join(dir, "fifo"), /is a FIFO, not a regular file/],
      ["/dev/zero", /is a device, not a regular file/],
      [dir, /is a folder, not a regular file/],
      [join(dir, "big"), /holds 101 bytes; at most 100 are read/],
    ];
    for (const [path, message] of cases) {
      expect(() => readRegularFileSync(path, { maxBytes: 100, label: `SETTING ${path}` }), path).toThrow(NotRegularFileError);
      expect(() => readRegularFileSync(path, { maxBytes: 100, label: `SETTING ${path}` }), path).toThrow(message);
    }
  });
});

describe("openInsideFolder (data from a target: no link anywhere, regular files only)", () => {
  it("opens a regular file in a real subfolder", async () => {
    const root = tmp();
    mkdirSync(join(root, "v0.9/s1"), { recursive: true });
    writeFileSync(join(root, "v0.9/s1/a.csv"), "a\n");
    expect((await readInsideFolder(root, "v0.9/s1/a.csv", 10)).toString()).toBe("a\n");
    // The root itself may be reached through a link (a mount, /tmp on some systems).
    const linkedRoot = join(tmp(), "root");
    symlinkSync(root, linkedRoot);
    expect((await readInsideFolder(linkedRoot, "v0.9/s1/a.csv", 10)).toString()).toBe("a\n");
  });

  it("refuses a linked file, a linked folder on the way, a FIFO, a device link, a folder and a file over the cap", async () => {
    const root = tmp();
    const outside = tmp();
    writeFileSync(join(outside, "secret"), "TOP-SECRET");
    mkdirSync(join(outside, "snap"));
    writeFileSync(join(outside, "snap/a.csv"), "TOP-SECRET");
    mkdirSync(join(root, "v0.9/s1"), { recursive: true });
    symlinkSync(join(outside, "secret"), join(root, "v0.9/s1/linked.csv"));
    symlinkSync("/dev/zero", join(root, "v0.9/s1/zero.csv"));
    symlinkSync(join(outside, "snap"), join(root, "v0.9/linked-folder"));
    fifo(join(root, "v0.9/s1/fifo.csv"));
    mkdirSync(join(root, "v0.9/s1/folder.csv"));
    writeFileSync(join(root, "v0.9/s1/big.json"), "x".repeat(11));
    const cases: Array<[string, RegExp]> = [
      ["v0.9/s1/linked.csv", /is a symbolic link/],
      ["v0.9/s1/zero.csv", /is a symbolic link/],
      ["v0.9/linked-folder/a.csv", /reached through a symbolic link/],
      ["v0.9/s1/fifo.csv", /is a FIFO/],
      ["v0.9/s1/folder.csv", /is a folder/],
      ["v0.9/s1/big.json", /holds 11 bytes; at most 10/],
    ];
    for (const [name, message] of cases) {
      const error = await readInsideFolder(root, name, 10).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(NotRegularFileError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).not.toContain("TOP-SECRET");
    }
    await expect(openInsideFolder(root, "../x")).rejects.toThrow(/outside/);
    await expect(openInsideFolder(root, "v0.9/s1/none.csv")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
