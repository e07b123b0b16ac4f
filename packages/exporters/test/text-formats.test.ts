import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { createGenerator } from "@sdh/pack-pc";
import { parseSnapshotConfig } from "@sdh/schemas";
import { CsvParser, createJsonEncoder, createTextEntityWriter, csvLine, DataFileError, jsonArrayRecords, readEntityFile } from "@sdh/exporters";
import { describe, expect, it } from "vitest";
import { pc } from "./pc-entities.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-formats-"));

async function collect(source: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("CSV", () => {
  it("quotes per RFC 4180 and parses back whatever the chunking", () => {
    const rows = [["plain", "with,comma", 'with "quotes"', "multi\nline", "crlf\r\nline", "", "ünïcödé – ok"], ["1", "", "x", "", "", "", ""]];
    const text = rows.map(csvLine).join("");
    expect(text.startsWith('plain,"with,comma","with ""quotes""","multi\nline"')).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    for (const size of [1, 2, 3, 7, 1000]) {
      const parser = new CsvParser();
      const parsed: string[][] = [];
      for (let i = 0; i < text.length; i += size) parsed.push(...parser.feed(text.slice(i, i + size)));
      parsed.push(...parser.end());
      expect(parsed, `chunks of ${size}`).toEqual(rows);
    }
  });

  it("reads a last line without a line break, and LF line ends", () => {
    const parser = new CsvParser();
    expect([...parser.feed("a,b\n1,2"), ...parser.end()]).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("names the line of a stray quote or an unclosed field", () => {
    expect(() => new CsvParser().feed('a,b\n"x"y,2\n')).toThrow(/line 2: unexpected 'y' after a closing quote/);
    const parser = new CsvParser();
    parser.feed('a\n"open');
    expect(() => parser.end()).toThrow(/ends inside a quoted field/);
  });
});

describe("JSON records", () => {
  it("encode every value exactly as JSON.stringify does, tricky strings included", () => {
    const values = ["plain", 'say "hi"', "back\\slash", "tab\there", "line\nbreak", "\u0000\u001f", "é ü ß", "emoji 🚗", "lone \ud800 high", "lone \udc00 low", "\u2028\u2029", "", 0, -1.5, 1e21, true, false, null];
    const columns = values.map((_, i) => ({ name: `f${i}`, type: "string" as const, nullable: true, description: "" }));
    const record = Object.fromEntries(values.map((v, i) => [`f${i}`, v]));
    expect(createJsonEncoder(columns)(record)).toBe(JSON.stringify(record));
    expect(createJsonEncoder([{ name: "missing", type: "string", nullable: true, description: "" }])({})).toBe('{"missing":null}');
  });
});

describe("JSON arrays", () => {
  it("streams elements from any layout and any chunking", async () => {
    const records = [{ a: 1, s: "x]}{\"," }, { a: 2, nested: { b: [1, 2, { c: "}" }] } }, { a: 3 }];
    const layouts = [JSON.stringify(records), JSON.stringify(records, null, 2), `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`];
    for (const text of layouts) {
      for (const size of [1, 5, 4096]) {
        const chunks = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        expect(await collect(jsonArrayRecords(Readable.from(chunks), "t.json"))).toEqual(records);
      }
    }
    expect(await collect(jsonArrayRecords(Readable.from(["[]"]), "t.json"))).toEqual([]);
  });

  it.each([
    ['{"a":1}', /starts with '\{', not '\['/],
    ['[{"a":1},', /ends before the array's closing \]/],
    ['[{"a":1}] x', /unexpected 'x' after the closing \]/],
    ['[{"a":1}, 5]', /element 2 is not an object/],
    ['[{"a":}]', /element 1 is not valid JSON/],
  ])("refuses %s with a clear message", async (text, message) => {
    await expect(collect(jsonArrayRecords(Readable.from([text]), "t.json"))).rejects.toThrow(message);
  });
});

describe("entity writers and readers", () => {
  const config = parseSnapshotConfig({ records: 150 });
  const bundles = [...createGenerator(config).range(0, 150)];
  const persons = bundles.flatMap((b) => b.persons);
  const vehicles = bundles.flatMap((b) => b.vehicles);

  it.each(["csv", "json", "jsonl"] as const)("%s: round-trips every record with its types, and reports true size and sha256", async (format) => {
    const dir = tmp();
    for (const [entity, records] of [["persons", persons], ["vehicles", vehicles]] as const) {
      const path = join(dir, `${entity}.${format}`);
      const writer = createTextEntityWriter(pc(entity), format, path);
      for (const record of records) await writer.write(record);
      const written = await writer.close();
      const bytes = readFileSync(path);
      expect(written).toMatchObject({ records: records.length, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
      expect(await collect(readEntityFile(pc(entity), format, path))).toEqual(records);
    }
  });

  it("writes the same bytes whatever order the record's fields were set in", async () => {
    const dir = tmp();
    const shuffled = persons.map((p) => Object.fromEntries(Object.entries(p).reverse()));
    const a = createTextEntityWriter(pc("persons"), "json", join(dir, "a.json"));
    const b = createTextEntityWriter(pc("persons"), "json", join(dir, "b.json"));
    for (let i = 0; i < persons.length; i++) {
      await a.write(persons[i]!);
      await b.write(shuffled[i]!);
    }
    expect((await a.close()).sha256).toBe((await b.close()).sha256);
  });

  it("refuses a CSV whose header does not match the schema, naming the columns", async () => {
    const path = join(tmp(), "persons.csv");
    writeFileSync(path, "person_id,first_name,nickname\n");
    await expect(collect(readEntityFile(pc("persons"), "csv", path))).rejects.toThrow(DataFileError);
    await expect(collect(readEntityFile(pc("persons"), "csv", path))).rejects.toThrow(/missing column\(s\) household_id, household_role, middle_name, .*; unknown column\(s\) nickname/);
  });

  it("names the record with a wrong number of fields", async () => {
    const dir = tmp();
    const path = join(dir, "persons.csv");
    const writer = createTextEntityWriter(pc("persons"), "csv", path);
    for (const p of persons.slice(0, 3)) await writer.write(p);
    await writer.close();
    const lines = readFileSync(path, "utf8").split("\r\n");
    lines[2] = lines[2]!.replace(",", "");
    writeFileSync(path, lines.join("\r\n"));
    await expect(collect(readEntityFile(pc("persons"), "csv", path))).rejects.toThrow(/record 2 has 26 fields, the header has 27/);
  });
});
