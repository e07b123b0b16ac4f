// Two builds of the generator in one process, timed in alternating batches: for a before/after (or a
// "this against 0.2.0") comparison on a machine whose speed drifts by tens of percent from one minute to
// the next, where fresh processes run minutes apart cannot resolve a 5% change. Each root is a checkout
// with its packages built (`pnpm turbo run build`); a root whose P&C generator still lived in
// @sdh/rules (0.2.0 and before) is loaded from there.
//
//   pnpm --filter @sdh/bench exec tsx src/interleaved.ts <old root> <new root> [households] [batch] [rounds]
//
// Prints each build's seconds for `households` (the mean over rounds) and new/old.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

interface Generator {
  range(start: number, end: number): Iterable<unknown>;
}

async function loadGenerator(root: string, households: number): Promise<Generator> {
  const pack = join(root, "packs/pc/dist/index.js");
  const generatorModule = existsSync(pack) ? pack : join(root, "packages/rules/dist/index.js");
  const { createGenerator } = (await import(pathToFileURL(generatorModule).href)) as { createGenerator: (config: unknown) => Generator };
  const { parseSnapshotConfig } = (await import(pathToFileURL(join(root, "packages/schemas/dist/index.js")).href)) as { parseSnapshotConfig: (input: unknown) => unknown };
  return createGenerator(parseSnapshotConfig({ records: households }));
}

const [oldRoot, newRoot, householdsArg = "200000", batchArg = "5000", roundsArg = "2"] = process.argv.slice(2);
if (!oldRoot || !newRoot) throw new Error("usage: interleaved.ts <old root> <new root> [households] [batch] [rounds]");
const households = Number(householdsArg);
const batch = Number(batchArg);
const rounds = Number(roundsArg);
const builds = { old: await loadGenerator(resolve(oldRoot), households), new: await loadGenerator(resolve(newRoot), households) };
const seconds = { old: 0, new: 0 };
const run = (generator: Generator, start: number, end: number) => {
  for (const bundle of generator.range(start, end)) void bundle;
};
// Warm-up, so the JIT has settled both before any batch is timed.
for (const generator of Object.values(builds)) run(generator, 0, Math.min(households, 20_000));
for (let round = 0; round < rounds; round++) {
  for (let start = 0; start < households; start += batch) {
    const end = Math.min(households, start + batch);
    // Each batch's order alternates, so neither build always runs on the heap the other just filled.
    const order = (start / batch) % 2 ? (["old", "new"] as const) : (["new", "old"] as const);
    for (const name of order) {
      const began = performance.now();
      run(builds[name], start, end);
      seconds[name] += (performance.now() - began) / 1000;
    }
  }
}
const mean = (s: number) => (s / rounds).toFixed(3);
console.log(`old ${mean(seconds.old)} s  new ${mean(seconds.new)} s  new/old ${(seconds.new / seconds.old).toFixed(3)}`);
