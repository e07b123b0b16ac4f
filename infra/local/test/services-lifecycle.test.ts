import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultStateDir } from "../src/paths.js";
import { freePort } from "../src/ports.js";
import { isRunning } from "../src/processes.js";
import { servicesDown, servicesStatus, servicesUp, type UpOptions } from "../src/services.js";
import { envFile } from "../src/state.js";

// Its own pair of servers, separate from the run's shared ones, so stopping them is safe.
const base = join(defaultStateDir(), "test", `lifecycle-${process.pid}`);
const dirA = join(base, "a");
const dirB = join(base, "b");

afterAll(async () => {
  await servicesDown(dirB);
  await servicesDown(dirA);
  rmSync(base, { recursive: true, force: true });
});

describe("services:up / status / down (real binaries)", () => {
  let options: UpOptions;

  it("starts both, waits until they answer, records pids and writes services.env", async () => {
    options = { stateDir: dirA, temporalPort: await freePort(), uiPort: null, s3Port: await freePort(), namespace: "default", bucket: "lifecycle" };
    const up = await servicesUp(options);
    expect([up.temporal, up.s3]).toEqual(["started", "started"]);
    expect(isRunning(up.state.temporal.pid!, up.state.temporal.binary)).toBe(true);

    const env = readFileSync(envFile(dirA), "utf8");
    for (const name of ["TEMPORAL_ADDRESS", "SDH_S3_ENDPOINT", "SDH_S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]) {
      expect(env).toMatch(new RegExp(`^${name}=.+$`, "m"));
    }
    expect(env).toContain(`TEMPORAL_ADDRESS=127.0.0.1:${options.temporalPort}`);

    const status = await servicesStatus(dirA);
    expect(status.map((s) => [s.name, s.answering, s.ownedByUs])).toEqual([
      ["temporal", true, true],
      ["s3", true, true],
    ]);
  });

  it("is idempotent: a second up reuses the running services", async () => {
    const before = await servicesStatus(dirA);
    const again = await servicesUp(options);
    expect([again.temporal, again.s3]).toEqual(["reused", "reused"]);
    expect([again.state.temporal.pid, again.state.s3.pid]).toEqual(before.map((s) => s.pid));
  });

  it("reuses a server it did not start without ever stopping it", async () => {
    const other = await servicesUp({ ...options, stateDir: dirB, s3Port: await freePort() });
    expect(other.temporal).toBe("reused");
    expect(other.state.temporal.pid).toBeNull();
    expect(other.s3).toBe("started");

    const stopped = await servicesDown(dirB);
    expect(stopped).toEqual([`s3 (pid ${other.state.s3.pid})`]);
    const status = await servicesStatus(dirA);
    expect(status.every((s) => s.answering)).toBe(true);
  });

  it("down stops what up started, and status then says so", async () => {
    const { temporal, s3 } = JSON.parse(readFileSync(join(dirA, "services.json"), "utf8"));
    const stopped = await servicesDown(dirA);
    expect(stopped.sort()).toEqual([`s3 (pid ${s3.pid})`, `temporal (pid ${temporal.pid})`]);
    expect(isRunning(temporal.pid, temporal.binary)).toBe(false);
    expect(isRunning(s3.pid, s3.binary)).toBe(false);
    expect(await servicesStatus(dirA)).toEqual([]);
  });
});
