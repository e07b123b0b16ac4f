import { CompactKeySet } from "@sdh/validation";
import { describe, expect, it } from "vitest";

const uuidOf = (n: number) => `${n.toString(16).padStart(8, "0")}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, "0")}`;

describe("CompactKeySet", () => {
  it("gives each new uuid an ordinal and each repeat the first one's", () => {
    const set = new CompactKeySet("uuid");
    expect(set.add(uuidOf(1))).toBe(0);
    expect(set.add(uuidOf(2))).toBe(1);
    expect(set.add(uuidOf(1))).toBe(-1);
    expect(set.add(uuidOf(1).toUpperCase())).toBe(-1);
    expect(set.find(uuidOf(2))).toBe(1);
    expect(set.find(uuidOf(3))).toBe(-1);
  });

  it("keeps values that do not fit 128 bits exactly, aside", () => {
    const set = new CompactKeySet("short-text");
    expect(set.add("CA7ABC123")).toBe(0);
    expect(set.add("CA7ABC12")).toBe(1); // a prefix is a different key
    const long = "TX-a-very-long-licence-number-indeed";
    const odd = "NYÄ1234";
    expect(set.add(long)).toBe(2);
    expect(set.add(odd)).toBe(3);
    expect(set.add(long)).toBe(-3);
    expect(set.add(odd)).toBe(-4);
    expect(set.add("CA7ABC123")).toBe(-1);
    expect(set.find(odd)).toBe(3);
  });

  it("tells apart values of 20 and 21 characters that differ only in their last one", () => {
    // Four 32-bit words hold five 6-bit symbols each: a 21st character once fell off the end unseen.
    const set = new CompactKeySet("short-text");
    expect(set.add("CLM-2025-674076480-01")).toBe(0);
    expect(set.add("CLM-2025-674076480-02")).toBe(1);
    expect(set.add("CLM-25-674076480-01-A")).toBe(2);
    expect(set.add("CLM-25-674076480-01-B")).toBe(3);
    expect(set.add("CLM-25-67407648-01-A")).toBe(4);
    expect(set.add("CLM-25-67407648-01-B")).toBe(5);
    expect(set.add("CLM-2025-674076480-02")).toBe(-2);
    expect(set.find("CLM-25-67407648-01-B")).toBe(5);
  });

  it("stays exact through growth, at about 20–40 bytes per key", () => {
    const set = new CompactKeySet("uuid");
    const n = 300_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (set.add(uuidOf(i)) !== i) wrong++;
    for (let i = 0; i < n; i += 997) if (set.add(uuidOf(i)) !== -1 - i) wrong++;
    expect(wrong).toBe(0);
    expect(set.size).toBe(n);
    const perKey = set.bytes / n;
    expect(perKey).toBeGreaterThanOrEqual(20);
    expect(perKey).toBeLessThanOrEqual(60);
  });
});

describe("hashed-text keys (emails)", () => {
  it("find repeats of any text, accents included, packed (none kept aside as strings)", async () => {
    const set = new CompactKeySet("hashed-text", 4);
    const emails = Array.from({ length: 50_000 }, (_, i) => `maría.garcía-lópez${i}@example.org`);
    emails.forEach((e, i) => expect(set.add(e)).toBe(i));
    expect(set.add(emails[123]!)).toBe(-1 - 123);
    expect(set.find("someone.else@example.org")).toBe(-1);
    expect(set.export().others).toEqual([]);
    // The table's packed words (16 bytes a key, at its load factor), not ~100-byte strings.
    expect(set.bytes).toBeLessThan(50_000 * 64);
  });
});
