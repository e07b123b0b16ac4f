import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FINTECH_GENERATOR } from "@sdh/pack-fintech";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { demoSampleFiles } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { cliCommandLine, runCli } from "./run-cli.js";
import { PACK_NAMES } from "@sdh/packs/names";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-cli-"));

describe("sdh generate, verify and validate", () => {
  const out = join(tmp(), "demo");
  const generated = runCli(["generate", "--records", "300", "--seed", "5", "--formats", "csv,parquet", "--out", out, "--json"]);

  it("generate writes a bundle and prints its summary as JSON", () => {
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
    const summary = JSON.parse(generated.stdout) as { counts: { households: number }; files: Array<{ path: string }> };
    expect(summary.counts.households).toBe(300);
    expect(summary.files.map((f) => f.path)).toContain("vehicles_v0_9.parquet");
    expect(readdirSync(out)).toContain("snapshot_manifest_v0_9.json");
  });

  it("generate --pack fintech builds the FinTech pack, which verify and validate check like any other; an unknown pack is a usage error", () => {
    const bank = join(tmp(), "bank");
    const run = runCli(["generate", "--pack", "fintech", "--records", "40", "--formats", "csv,jsonl,parquet", "--out", bank, "--json"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const summary = JSON.parse(run.stdout) as { counts: Record<string, number>; files: Array<{ path: string }> };
    expect(Object.keys(summary.counts)).toEqual(["customers", "accounts", "transactions"]);
    expect(summary.counts.customers).toBe(40);
    expect(summary.files.map((f) => f.path)).toEqual(expect.arrayContaining(["customers_v0_9.csv", "accounts_v0_9.jsonl", "transactions_v0_9.parquet"]));
    const manifest = JSON.parse(readFileSync(join(bank, "snapshot_manifest_v0_9.json"), "utf8")) as { pack: unknown; config: { pack: string } };
    expect(manifest.pack).toEqual({ name: "fintech", version: FINTECH_GENERATOR.version });
    expect(manifest.config.pack).toBe("fintech");
    expect(runCli(["verify", bank]).status).toBe(0);
    const validated = runCli(["validate", bank, "--json"]);
    expect(validated.status).toBe(0);
    const report = JSON.parse(validated.stdout) as { validation: { passed: boolean; rules: Array<{ code: string }> } };
    expect(report.validation.passed).toBe(true);
    expect(report.validation.rules.map((r) => r.code)).toContain("DOMAIN_ACCOUNT_BALANCE");
    expect(report.validation.rules.map((r) => r.code)).not.toContain("DOMAIN_VIN_CHECK_DIGIT");

    const unknown = runCli(["generate", "--pack", "crypto", "--out", join(tmp(), "never")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`--pack 'crypto' is not an entity pack this release ships; allowed: ${PACK_NAMES.join(", ")}`);
  });

  it("generate gives the same bytes for --shards 1 and --shards 8", () => {
    const one = join(tmp(), "one");
    const eight = join(tmp(), "eight");
    const a = runCli(["generate", "--records", "120", "--shards", "1", "--snapshot-id", "same", "--out", one]);
    const b = runCli(["generate", "--records", "120", "--shards", "8", "--snapshot-id", "same", "--out", eight]);
    expect([a.status, b.status]).toEqual([0, 0]);
    for (const file of ["persons_v0_9.csv", "vehicles_v0_9.json", "profiles_v0_9.parquet"]) {
      expect(readFileSync(join(one, file)).equals(readFileSync(join(eight, file))), file).toBe(true);
    }
  });

  it("generate --parts N writes each entity as part files the whole toolchain reads: verify, validate, and the same rows as one file", () => {
    const parted = join(tmp(), "parted");
    const run = runCli(["generate", "--records", "300", "--seed", "5", "--formats", "csv,parquet", "--parts", "100", "--out", parted, "--json"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(readdirSync(join(parted, "persons")).sort()).toEqual(["part-00000.csv", "part-00000.parquet", "part-00001.csv", "part-00001.parquet", "part-00002.csv", "part-00002.parquet"]);
    // The parts' rows are the single file's, in order (the bundle above: same records, seed and formats).
    const rows = (path: string) => readFileSync(path, "utf8").split("\n").filter((l) => l !== "");
    const parts = [0, 1, 2].flatMap((k) => rows(join(parted, "persons", `part-0000${k}.csv`)).slice(1));
    expect(parts).toEqual(rows(join(out, "persons_v0_9.csv")).slice(1));
    expect(runCli(["verify", parted]).status).toBe(0);
    expect(runCli(["validate", parted]).status).toBe(0);
    // A part must be made of whole shards.
    const refused = runCli(["generate", "--records", "300", "--parts", "100", "--shards", "4", "--out", join(tmp(), "refused")]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--parts: must be a multiple of the shard size \(75\), so every part is made of whole shards; got 100/);
  });

  it("verify passes the fresh bundle and names a flipped byte, a truncated file and a missing file", () => {
    expect(runCli(["verify", out]).status).toBe(0);
    const broken = join(tmp(), "broken");
    runCli(["generate", "--records", "50", "--out", broken]);
    const csv = readFileSync(join(broken, "persons_v0_9.csv"));
    csv[200] = csv[200]! ^ 1;
    writeFileSync(join(broken, "persons_v0_9.csv"), csv);
    const json = readFileSync(join(broken, "vehicles_v0_9.json"));
    writeFileSync(join(broken, "vehicles_v0_9.json"), json.subarray(0, json.length - 10));
    rmSync(join(broken, "profiles_v0_9.parquet"));
    const run = runCli(["verify", broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("MISMATCH  persons_v0_9.csv: sha256");
    expect(run.stdout).toContain("MISMATCH  vehicles_v0_9.json: size");
    expect(run.stdout).toContain("MISMATCH  profiles_v0_9.parquet: missing");
    expect(runCli(["verify", tmp()]).status).toBe(2);
  });

  it("validate passes the bundle, and fails a hand-edited CSV with that rule's code only", () => {
    const clean = runCli(["validate", out]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain("Result: passed");

    const edited = join(tmp(), "edited");
    runCli(["generate", "--records", "200", "--formats", "csv", "--out", edited]);
    const path = join(edited, "persons_v0_9.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace("@example.org", "@gmail.com"));
    const run = runCli(["validate", edited]);
    expect(run.status).toBe(1);
    expect(run.stdout.match(/^(FAIL|WARN) .*$/gm)).toEqual([expect.stringMatching(/^FAIL {2}PRIVACY_EMAIL_DOMAIN: 1 failure/)]);
    const report = JSON.parse(runCli(["validate", edited, "--json"]).stdout) as { validation: { passed: boolean; errors: number } };
    expect(report.validation).toMatchObject({ passed: false, errors: 1 });
  });

  it("writes a --json report larger than a pipe's buffer whole into a pipe, as `| jq` reads it", () => {
    // process.exit() used to drop what the pipe had not taken: readers got the first 64 KiB.
    const piped = spawnSync("bash", ["-c", `${cliCommandLine(["validate", out, "--json"])} | cat`], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME }, maxBuffer: 64 * 1024 * 1024 });
    expect(piped.stdout.length).toBeGreaterThan(128 * 1024);
    expect((JSON.parse(piped.stdout) as { validation: { passed: boolean } }).validation.passed).toBe(true);
  });

  it.each([
    [["generate", "--records=-5", "--out", "x"], /--records: must be at least 1 \(got -5\)/],
    // Used to say "argument is ambiguous", to print a date no one typed, to fail minutes later, or to hang.
    [["generate", "--records", "-1", "--out", "x"], /^sdh: --records: must be at least 1 \(got -1\)\n$/],
    [["generate", "--records", "10", "--as-of", "0000-01-01", "--out", "x"], /--as-of '0000-01-01' is outside the dates this generator builds, \d{4}-01-01 to 2068-12-31/],
    [["generate", "--records", "10", "--as-of", "3000-01-01", "--out", "x"], /--as-of '3000-01-01' is outside the dates/],
    [["generate", "--records", "10", "--out", "/proc/sdh-x"], /cannot write into \/proc \(it cannot hold new folders\); choose another --out/],
    [["generate", "--records", "10", "--as-of", "2026-13-01", "--out", "x"], /--as-of: .* \(got "2026-13-01"\)/],
    [["generate", "--records", "10", "--formats", "csv,xml", "--out", "x"], /--formats: unknown format\(s\) xml; allowed: csv, json, jsonl, parquet/],
    [["generate", "--records", "10"], /--out DIR is required/],
    [["generate", "--records", "10", "--identifiers", "fake", "--out", "x"], /--identifiers must be realistic or synthetic \(got 'fake'\)/],
    [["generate", "--records", "10", "--commercial-share", "1.5", "--out", "x"], /--commercial-share must be a share from 0 to 1, such as 0.15 or 0 for a personal-auto book \(got 1.5\)/],
    [["generate", "--pack", "fintech", "--records", "10", "--commercial-share", "0", "--out", "x"], /--commercial-share shapes the pc pack's book \(households and business accounts\); the fintech pack has no lines of business/],
    [["generate", "--pack", "fintech", "--records", "10", "--identifiers", "synthetic", "--out", "x"], /--identifiers shapes the pc pack's licence numbers and plates; the fintech pack has neither/],
    [["validate", "/definitely/not/here"], /is not a folder/],
    // Used to say the folder "has no manifest" (issue 33.11).
    [["verify", "/definitely/not/here"], /^sdh: \/definitely\/not\/here does not exist\n$/],
    [["validate", ".", "--format", "xls"], /unknown format\(s\) xls; allowed: csv, json, jsonl, parquet/],
  ])("exits 2 with a clear message: %s", (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("generate --identifiers synthetic writes licence numbers and plates no state issues, and the gate passes them", () => {
    const dir = join(tmp(), "synthetic");
    const run = runCli(["generate", "--records", "150", "--identifiers", "synthetic", "--formats", "json", "--out", dir, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const persons = JSON.parse(readFileSync(join(dir, "persons_v0_9.json"), "utf8")) as Array<{ license_number: string }>;
    const vehicles = JSON.parse(readFileSync(join(dir, "vehicles_v0_9.json"), "utf8")) as Array<{ plate: string }>;
    for (const p of persons) expect(p.license_number).toMatch(/^SYN\d{9}$/);
    for (const v of vehicles) expect(v.plate).toMatch(/^ZZ[A-HJ-NPR-Z]{2}\d{3}$/);
    // A setting of the P&C pack, recorded with the pack's others (schema 0.9).
    const manifest = JSON.parse(readFileSync(join(dir, "snapshot_manifest_v0_9.json"), "utf8")) as { config: { settings: { identifiers: string; lobMix: unknown } }; validation: { passed: boolean } };
    expect(manifest.config.settings).toMatchObject({ identifiers: "synthetic", lobMix: { personal: 0.85, commercial: 0.15 } });
    expect(manifest.validation.passed).toBe(true);
  });

  it("generate --commercial-share 0 builds a personal-auto book: no business account to filter out, and the gate passes it", () => {
    const dir = join(tmp(), "personal");
    const run = runCli(["generate", "--records", "150", "--commercial-share", "0", "--formats", "json", "--out", dir, "--json"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const households = JSON.parse(readFileSync(join(dir, "households_v0_9.json"), "utf8")) as Array<{ lob_type: string }>;
    expect(households).toHaveLength(150);
    expect(households.every((h) => h.lob_type === "personal")).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "snapshot_manifest_v0_9.json"), "utf8")) as { config: { settings: { lobMix: unknown } }; validation: { passed: boolean } };
    expect(manifest.config.settings.lobMix).toEqual({ personal: 1, commercial: 0 });
    expect(manifest.validation.passed).toBe(true);
    // The quality report's line-of-business check asks for no business account, and finds none.
    const quality = JSON.parse(readFileSync(join(dir, "quality_report_v0_9.json"), "utf8")) as { passed: boolean; checks: Array<{ name: string; expected: number; observed: number }> };
    expect(quality.checks.find((c) => c.name === "lob_mix.commercial")).toMatchObject({ expected: 0, observed: 0 });
    expect(quality.passed).toBe(true);
  });

  it("generate refuses a non-empty --out without --force and writes nothing", () => {
    const dir = tmp();
    writeFileSync(join(dir, "keep.txt"), "x");
    const run = runCli(["generate", "--records", "10", "--out", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not empty; .* --force/);
    expect(readdirSync(dir)).toEqual(["keep.txt"]);
    expect(existsSync(join(dir, "snapshot_manifest_v0_9.json"))).toBe(false);
  });
});

describe("sdh generate on a terminal, and sdh samples", () => {
  it("shows households/s and time left while it generates, then the stage after", () => {
    const out = join(tmp(), "tty");
    // `script` runs the command on a pseudo-terminal, so stderr is a TTY as in an interactive shell.
    const command = cliCommandLine(["generate", "--records", "25000", "--shards", "8", "--formats", "csv", "--out", out]);
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 120_000 });
    expect(run.status).toBe(0);
    const updates = run.stdout.split("\r").filter((line) => /generate: [\d,]+\/25,000 households \(\d+%\) · [\d,]+\/s · \d+ s left/.test(line));
    expect(updates.length).toBeGreaterThan(1);
    expect(run.stdout).toContain("generate: writing CSV, JSON and Parquet files");
    expect(run.stdout).toContain(`Snapshot `);
  });

  it("samples writes the committed demo samples, byte for byte", () => {
    const out = tmp();
    const run = runCli(["samples", "--out", out]);
    expect(run.status).toBe(0);
    for (const name of demoSampleFiles(PC_PACK)) {
      expect(readFileSync(join(out, name), "utf8"), name).toBe(readFileSync(new URL(`../../../data/demo_samples/v0.9/${name}`, import.meta.url), "utf8"));
    }
  });
});
