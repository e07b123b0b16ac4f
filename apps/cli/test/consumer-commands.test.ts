import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testServices } from "@sdh/infra/testing";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-consumer-cli-"));

/** What a deployment sets: S3 settings, and credentials for the AWS provider chain. */
function s3Env(over: Record<string, string> = {}) {
  const s = testServices();
  return { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region, AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey, AWS_MAX_ATTEMPTS: "1", ...over };
}

describe("sdh publish, list and pull (real S3 gateway)", () => {
  const bundle = join(tmp(), "bundle");
  const generated = runCli(["generate", "--records", "120", "--seed", "61", "--snapshot-id", "consumer-test", "--out", bundle]);
  const source = () => `s3://${testServices().bucket}/cli-${randomUUID().slice(0, 8)}`;

  it("publishes a generated bundle, lists it as latest, pulls it whole or in part, and verify passes", () => {
    expect(generated.status).toBe(0);
    const at = source();
    const published = runCli(["publish", bundle, "--target", at], s3Env());
    expect(published.stderr).toBe("");
    expect(published.stdout).toContain(`Published: ${at}/v0.9/consumer-test/ (latest)`);
    expect(runCli(["publish", bundle, "--target", at], s3Env()).stdout).toContain("Already published (same content)");

    const listed = runCli(["list", "--source", at, "--json"], s3Env());
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ snapshotId: "consumer-test", seed: 61, latest: true })]);
    expect(runCli(["list", "--source", at], s3Env()).stdout).toMatch(/^\* consumer-test /m);

    const whole = join(tmp(), "whole");
    const pulled = runCli(["pull", "--source", at, "--snapshot", "latest", "--out", whole], s3Env());
    expect(pulled.status).toBe(0);
    expect(pulled.stdout).toContain("every sha256 checked against the manifest");
    expect(runCli(["verify", whole]).status).toBe(0);

    const part = join(tmp(), "part");
    expect(runCli(["pull", "--source", at, "--snapshot", "consumer-test", "--entities", "vehicles", "--formats", "parquet", "--out", part], s3Env()).status).toBe(0);
    const verified = runCli(["verify", part]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/match the manifest \(26 not pulled\)/);
  });

  it("exits 1 with one clear message for bad credentials, a missing bucket and an unreachable endpoint", () => {
    const wrongKey = runCli(["list", "--source", source()], s3Env({ AWS_SECRET_ACCESS_KEY: "wrong" }));
    expect([wrongKey.status, wrongKey.stderr.trim()]).toEqual([1, expect.stringMatching(/^sdh: listing .*: S3 at .* refused the credentials .* check AWS_ACCESS_KEY_ID/)]);
    const noBucket = runCli(["list", "--source", "s3://no-such-bucket-sdh/x"], s3Env());
    expect([noBucket.status, noBucket.stderr.trim()]).toEqual([1, expect.stringMatching(/bucket 'no-such-bucket-sdh' does not exist at/)]);
    const unreachable = runCli(["pull", "--source", source(), "--out", join(tmp(), "x")], s3Env({ SDH_S3_ENDPOINT: "http://127.0.0.1:9" }));
    expect([unreachable.status, unreachable.stderr.trim()]).toEqual([1, expect.stringMatching(/cannot reach S3 at http:\/\/127\.0\.0\.1:9/)]);
  });

  it.each([
    [["pull", "--source", "s3://some-bucket/p", "--out", "x", "--formats", "xls"], /--formats: unknown value\(s\) xls; allowed: csv, json, jsonl, parquet/],
    [["pull", "--source", "s3://some-bucket/p"], /--out DIR is required/],
    [["list"], /--source URI is required/],
    [["list", "--source", "ftp://x/y"], /unsupported scheme/],
    // --version was the schema tag here; it is --schema-tag now, checked, and --version is sdh's own.
    [["list", "--source", "/tmp", "--schema-tag", "0.1"], /--schema-tag '0\.1' is not a schema version tag; use e\.g\. v0\.9/],
    [["list", "--source", "/tmp", "--version", "v0.9"], /Unknown option '--version'/],
    [["pull", "--source", "/tmp", "--snapshot", "../x", "--out", "x"], /--snapshot '\.\.\/x': use 1-128 letters/],
  ])("exits 2 with a clear message: %s", (args, message) => {
    const run = runCli(args, s3Env());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
