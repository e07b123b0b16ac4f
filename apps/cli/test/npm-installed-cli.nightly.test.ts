import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageSdh, type PackagedSdh } from "../packaging/package-sdh.js";
import { digests, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

// The release tarball looks like an npm package, so people run `npm install -g` on it. That must give
// a working sdh, from a folder outside the repository, with npm fetching nothing: every package is
// bundled, ours included, and none of ours may ever be looked up on a public registry. Nightly
// (`pnpm test:nightly`): npm's unpacking of 18k files takes one to three minutes of a CI worker; the main
// suite checks the tarball for the two causes this install found (installed-cli.test.ts; ADR 0019).
describe("npm install -g of the release tarball", () => {
  let packed: PackagedSdh;
  let prefix: string;
  let install: ReturnType<typeof spawnSync>;
  const home = tmp();
  /** npm beside the Node running the tests, else the one on the PATH. */
  const npm = existsSync(join(dirname(process.execPath), "npm")) ? join(dirname(process.execPath), "npm") : "npm";
  const cleanEnv = () => ({ PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home });
  const sdh = (args: string[]) => spawnSync(join(prefix, "bin", "sdh"), args, { cwd: home, env: cleanEnv(), encoding: "utf8", timeout: 120_000 });

  beforeAll(async () => {
    packed = await packageSdh({ outDir: tmp(), log: () => undefined });
    prefix = join(home, "global");
    // No registry answers at this address and --offline forbids the network: anything npm wanted to
    // fetch (one of our names, a dependency left out of the bundle) fails the install.
    install = spawnSync(npm, ["install", "--global", "--prefix", prefix, "--cache", join(home, "npm-cache"), "--registry", "http://127.0.0.1:9/", "--offline", "--no-update-notifier", "--no-audit", "--no-fund", packed.tarball], { cwd: home, env: cleanEnv(), encoding: "utf8", timeout: 600_000 });
  }, 900_000);

  it("installs offline and fetches nothing", () => {
    expect([install.status, install.stderr]).toEqual([0, expect.not.stringMatching(/ERR!|error/)]);
    const installed = join(prefix, "lib", "node_modules", "sdh");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string>; bundleDependencies: string[] };
    // Ours are dependencies only as bundled copies, found inside, never fetched.
    expect(manifest.bundleDependencies).toEqual(Object.keys(manifest.dependencies));
    const ours = Object.keys(manifest.dependencies).filter((name) => name.startsWith("@sdh/"));
    expect(ours).toContain("@sdh/worker");
    for (const name of ours) expect(existsSync(join(installed, "node_modules", name, "package.json")), name).toBe(true);
  });

  it("runs: --version, help that reads as installed, and the repository's bytes", () => {
    const version = sdh(["--version"]);
    expect([version.status, version.stderr, version.stdout]).toEqual([0, "", expect.stringMatching(new RegExp(`^sdh ${packed.version.replaceAll(".", "\\.")} `))]);
    for (const args of [["--help"], ["generate", "--help"], ["snapshot", "--help"]]) {
      const help = sdh(args);
      expect([help.status, help.stdout]).toEqual([0, expect.not.stringContaining("pnpm sdh")]);
    }
    const out = join(home, "generated");
    const run = sdh(["generate", "--records", "30", "--seed", "3", "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const repoOut = join(tmp(), "bundle");
    expect(runCli(["generate", "--records", "30", "--seed", "3", "--out", repoOut]).status).toBe(0);
    expect(digests(out)).toEqual(digests(repoOut));
  }, 120_000);
});
