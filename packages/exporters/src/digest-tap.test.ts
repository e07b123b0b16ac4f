import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { createDigestTap } from "./index.js";

describe("createDigestTap", () => {
  it("reports the size and sha256 of exactly the bytes written to the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sdh-digest-")), "out.csv");
    const chunks = ["person_id,name\n", "1,Ana\n", "2,Bo – ünïcode\n"];
    const tap = createDigestTap();
    await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), tap.stream, createWriteStream(file));

    const written = readFileSync(file);
    expect(tap.digest()).toEqual({ bytes: written.length, sha256: createHash("sha256").update(written).digest("hex") });
  });

  it("refuses to report before the stream has finished", () => {
    const tap = createDigestTap();
    expect(() => tap.digest()).toThrow(/before the stream finished/);
  });
});
