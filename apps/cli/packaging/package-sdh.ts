// `pnpm package:sdh [--out DIR]`: the installable `sdh`, one tarball per platform, that installs
// offline outside the repository: `tar -xzf sdh-<version>-linux-x64.tar.gz -C /opt` and run
// `/opt/sdh/bin/sdh`. The same folder is what the container image carries (deploy/Dockerfile).
//
// It holds the built CLI with every package it needs in its own node_modules (ours included), laid out
// flat as npm lays out a tree (real folders, no links), so it never runs an install. The same tarball
// is an npm package: `npm install -g sdh-<version>-<platform>.tar.gz` takes the folder as it is,
// because its package.json bundles every dependency (`bundleDependencies`), ours included: npm uses
// the copies inside and fetches nothing (`@sdh/*` is not ours on the public registry; nothing may
// fetch it there).
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
  const cli = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8")) as CliManifest;
  const target = `${platform()}-${arch()}`;
  log(`building @sdh/cli and the packages it needs`);
  run(["turbo", "run", "build", "--filter=@sdh/cli...", "--output-logs=errors-only"]);

  const work = mkdtempSync(join(tmpdir(), "sdh-package-"));
  try {
    const folder = join(work, "sdh");
    log(`deploying into ${folder}`);
    // --legacy: our packages are copied in as they are packed (their `files`), not linked to the repository.
    // Hoisted: real folders as npm makes them; npm drops the links of pnpm's own layout from a tarball.
    run(["--config.node-linker=hoisted", "--filter", "@sdh/cli", "deploy", "--prod", "--legacy", folder]);
    rmSync(join(folder, "node_modules", ".pnpm"), { recursive: true, force: true }); // pnpm's lock of the deploy
    pruneForeignBinaries(folder, target);
    removeLinksOutside(folder);
    writeFileSync(join(folder, "package.json"), `${JSON.stringify(releaseManifest(folder, cli, target), null, 2)}\n`);
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
    // Files, not hard links: pnpm links identical files, and npm's unpacking drops link entries.
    execFileSync("tar", ["--hard-dereference", "-czf", tarball, "-C", work, "sdh"]);
    return { tarball, version: cli.version, target, bytes: statSync(tarball).size, sha256: await sha256(tarball) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface CliManifest {
  version: string;
  description: string;
  dependencies: Record<string, string>;
}

/**
 * The installed package.json: the bin, the Node range, the platform it was built for, the CLI's own
 * dependencies at the exact versions inside (ours included) and all of them bundled, so npm installs
 * the tree as packed and fetches nothing; and, for a scanner, every third-party package our packages
 * use as `x-thirdParty` (the CLI's direct ones are in `dependencies` already).
 */
function releaseManifest(folder: string, cli: CliManifest, target: string) {
  const modules = join(folder, "node_modules");
  const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  const dependencies = Object.fromEntries(Object.keys(cli.dependencies).sort().map((name) => [name, versionOf(join(modules, name))]));
  const thirdParty: Record<string, string> = {};
  for (const ours of readdirSync(join(modules, "@sdh")).map((name) => join(modules, "@sdh", name))) {
    const pkg = JSON.parse(readFileSync(join(ours, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (name.startsWith("@sdh/")) continue;
      // Node's lookup: the package's own node_modules first, then the hoisted one.
      const nested = join(ours, "node_modules", name);
      thirdParty[name] = versionOf(existsSync(nested) ? nested : join(modules, name));
    }
  }
  const [os, cpu] = target.split("-");
  return {
    name: "sdh",
    version: cli.version,
    description: cli.description,
    private: true,
    type: "module",
    bin: { sdh: "bin/sdh" },
    engines: { node: ">=20.19.0" },
    // The Temporal core and DuckDB inside are native: built for this platform only (npm reads these).
    os: [os],
    cpu: [cpu],
    dependencies,
    bundleDependencies: Object.keys(dependencies),
    "x-thirdParty": Object.fromEntries(Object.entries(thirdParty).sort(([a], [b]) => a.localeCompare(b))),
  };
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
  const keep = CORE_BRIDGE_TARGETS[target];
  const bridge = join(folder, "node_modules", "@temporalio", "core-bridge");
  rmSync(join(bridge, "sdk-core"), { recursive: true, force: true });
  const releases = join(bridge, "releases");
  if (!keep || !existsSync(releases)) return;
  for (const release of readdirSync(releases)) if (release !== keep) rmSync(join(releases, release), { recursive: true, force: true });
}

/** No link may point out of the folder (pnpm's layouts have linked the CLI back into the repository). */
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
  console.log(`     or: npm install -g ${packed.tarball}`);
}
