import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LocalStore } from "./local-store.js";

describe("LocalStore", () => {
  it("writes into a folder that a concurrent removal keeps emptying (publish tickets do exactly this)", async () => {
    const store = new LocalStore(mkdtempSync(join(tmpdir(), "sdh-local-store-")));
    // One writer renews a ticket while another keeps taking its own ticket and releasing it, which
    // removes the folder whenever it is empty. Each write must land, however the two interleave.
    const removals = (async () => {
      for (let k = 0; k < 300; k++) {
        await store.putText(`v0.9/id/.publishing/other-${k}.json`, "{}");
        await store.deleteObjects([`v0.9/id/.publishing/other-${k}.json`]);
      }
    })();
    const writes = (async () => {
      for (let k = 0; k < 300; k++) {
        await store.putText(`v0.9/id/.publishing/mine-${k}.json`, "{}");
        await store.deleteObjects([`v0.9/id/.publishing/mine-${k}.json`]);
        expect(await store.putTextIf(`v0.9/id/.publishing/once-${k}.json`, "{}", undefined)).toBe(true);
        await store.deleteObjects([`v0.9/id/.publishing/once-${k}.json`]);
      }
    })();
    await Promise.all([removals, writes]);
    expect(await store.listObjects("v0.9/")).toEqual([]);
  });

  it("reads a range of a file's bytes, and refuses a range past its end or a file that is not there", async () => {
    const store = new LocalStore(mkdtempSync(join(tmpdir(), "sdh-local-store-")));
    await store.putText("staging/keys.bin", "0123456789");
    expect(Buffer.from(await store.readRange("staging/keys.bin", 3, 4)).toString()).toBe("3456");
    expect(await store.readRange("staging/keys.bin", 10, 0)).toHaveLength(0);
    await expect(store.readRange("staging/keys.bin", 8, 4)).rejects.toThrow(/asked for 4 bytes at 8, got 2/);
    await expect(store.readRange("staging/none.bin", 0, 1)).rejects.toThrow(/does not exist/);
  });
});
