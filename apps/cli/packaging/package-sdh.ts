// `pnpm package:sdh [--out DIR]`: the installable `sdh`, one tarball per platform, that installs
// offline outside the repository: `tar -xzf sdh-<version>-linux-x64.tar.gz -C /opt` and run
// `/opt/sdh/bin/sdh`. The same folder is what the container image carries (deploy/Dockerfile).
//
// It holds the built CLI with every package it needs in its own node_modules (ours included), so it
// never runs an install: its package.json names only third-party packages at the exact versions
// inside, and none of ours (`@sdh/*` is not ours on the public registry; nothing may fetch it there).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const cliDir = join(repo, "apps", "cli");

/** The SDK core ships prebuilt libraries for five platforms; a tarball keeps its own. */
const CORE_BRIDGE_TARGETS: Record<string, string> = { "linux-x64": "x86_64-unknown-linux-gnu", "linux-arm64": "aarch64-unknown-linux-gnu", "darwin-x64": "x86_64-apple-darwin", "darwin-arm64": "aarch64-apple-darwin", "win32-x64": "x86_64-pc-windows-msvc" };

export interface PackagedSdh {
  tarball: string;
  version: string;
  /** `<platform>-<arch>`: native modules (the Temporal core, DuckDB) are built per platform. */
  target: string;
  bytes: number;
  sha256: string;
}

/** Builds the CLI and the packages it needs, deploys them into one folder and packs it. */
export async function packageSdh({ outDir, log = (line: string) => process.stderr.write(`${line}\n`) }: { outDir: string; log?: (line: string) => void }): Promise<PackagedSdh> {
  const run = (args: string[]) => execFileSync("pnpm", args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const cli = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8")) as { version: string; description: string };
  const target = `${platform()}-${arch()}`;
  log(`building @sdh/cli and the packages it needs`);
  run(["turbo", "run", "build", "--filter=@sdh/cli...", "--output-logs=errors-only"]);

  const work = mkdtempSync(join(tmpdir(), "sdh-package-"));
  try {
    const folder = join(work, "sdh");
    log(`deploying into ${folder}`);
    // --legacy: our packages are copied in as they are packed (their `files`), not linked to the repository.
    run(["--filter", "@sdh/cli", "deploy", "--prod", "--legacy", folder]);
    pruneForeignBinaries(folder, target);
    removeLinksOutside(folder);
    writeFileSync(join(folder, "package.json"), `${JSON.stringify(releaseManifest(folder, cli.version, cli.description), null, 2)}\n`);
    // A fresh copy, not the deploy's hard link to the repository's file, is made executable.
    const main = join(folder, "dist", "main.js");
    const text = readFileSync(main);
    rmSync(main);
    writeFileSync(main, text, { mode: 0o755 });
    mkdirSync(join(folder, "bin"));
    writeFileSync(join(folder, "bin", "sdh"), LAUNCHER, { mode: 0o755 });
    writeFileSync(join(folder, "BUILD.json"), `${JSON.stringify({ version: cli.version, target, commit: gitCommit(), node: ">=20.19.0" }, null, 2)}\n`);

    mkdirSync(outDir, { recursive: true });
    const tarball = resolve(outDir, `sdh-${cli.version}-${target}.tar.gz`);
    log(`packing ${tarball}`);
    execFileSync("tar", ["-czf", tarball, "-C", work, "sdh"]);
    return { tarball, version: cli.version, target, bytes: statSync(tarball).size, sha256: await sha256(tarball) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The installed package.json: the bin, the Node range, and as dependencies every third-party package
 * our packages use (exact versions, read from what was deployed), so a scanner sees what is inside.
 * None of ours: they are inside, and nothing may look for them on a public registry.
 */
function releaseManifest(folder: string, version: string, description: string) {
  const store = join(folder, "node_modules", ".pnpm");
  const ours = [join(folder, "node_modules", ".."), ...readdirSync(store).filter((e) => e.startsWith("@sdh+")).map((e) => join(store, e, "node_modules", "@sdh", e.slice("@sdh+".length).split("@")[0]!))];
  const dependencies: Record<string, string> = {};
  for (const dir of ours) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    // A package's dependencies sit beside it (pnpm's layout) or, for the CLI, in its own node_modules.
    const modules = dir.startsWith(store) ? resolve(dir, "..", "..") : join(dir, "node_modules");
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (name.startsWith("@sdh/")) continue;
      dependencies[name] = (JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")) as { version: string }).version;
    }
  }
  const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  return { name: "sdh", version, description, private: true, type: "module", bin: { sdh: "bin/sdh" }, engines: { node: ">=20.19.0" }, dependencies: sorted, bundleDependencies: Object.keys(sorted) };
}

/**
 * `bin/sdh`: runs the CLI with glibc's allocator held to two arenas unless the environment already
 * chooses (ADR 0016, "Memory"). With one arena per thread that ever allocated (two shard threads,
 * DuckDB's, libuv's), freed memory stayed in the arenas: a 1M-household `sdh generate` peaked at
 * 875-975 MB, with two arenas at 798-828 MB. The variable must be set before the process starts,
 * hence a shell launcher; `exec` leaves Node as the process (PID 1 in the image), so signals reach it.
 */
const LAUNCHER = `#!/bin/sh
# The sdh command of an installed release. glibc's malloc keeps at most two arenas (ADR 0016, "Memory");
# set MALLOC_ARENA_MAX yourself to choose otherwise.
MALLOC_ARENA_MAX="\${MALLOC_ARENA_MAX:-2}"
export MALLOC_ARENA_MAX
here=$(dirname "$(readlink -f "$0")")
exec node "$here/../dist/main.js" "$@"
`;

/** Removes the Temporal core's libraries for other platforms and its Rust sources (~125 MB). */
function pruneForeignBinaries(folder: string, target: string): void {
  const store = join(folder, "node_modules", ".pnpm");
  const keep = CORE_BRIDGE_TARGETS[target];
  for (const entry of readdirSync(store).filter((e) => e.startsWith("@temporalio+core-bridge@"))) {
    const bridge = join(store, entry, "node_modules", "@temporalio", "core-bridge");
    rmSync(join(bridge, "sdk-core"), { recursive: true, force: true });
    const releases = join(bridge, "releases");
    if (!keep || !existsSync(releases)) continue;
    for (const release of readdirSync(releases)) if (release !== keep) rmSync(join(releases, release), { recursive: true, force: true });
  }
}

/**
 * pnpm's layout links each workspace package by name under node_modules/.pnpm/node_modules, the CLI
 * itself included, whose link points back into the repository: nothing installed may.
 */
function removeLinksOutside(folder: string): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        const to = resolve(dirname(path), readlinkSync(path));
        if (!to.startsWith(folder + sep)) rmSync(path);
      } else if (stat.isDirectory()) walk(path);
    }
  };
  walk(folder);
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function sha256(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash("sha256");
    createReadStream(path).on("data", (chunk) => hash.update(chunk)).on("error", reject).on("end", () => resolvePromise(hash.digest("hex")));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const outDir = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(repo, ".sdh", "release"));
  const packed = await packageSdh({ outDir });
  console.log(`${packed.tarball}\n  sdh ${packed.version} for ${packed.target}, ${(packed.bytes / 2 ** 20).toFixed(1)} MiB, sha256 ${packed.sha256}`);
  console.log(`install: tar -xzf ${packed.tarball} -C /opt && ln -s /opt/sdh/bin/sdh /usr/local/bin/sdh`);
}
