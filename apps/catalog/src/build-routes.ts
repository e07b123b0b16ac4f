import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { PACK_NAMES, packOf, recipeSource, withPackSettings } from "@sdh/packs";
import { parseRecipe, RecipeError, RECIPE_LIMITS } from "@sdh/recipes";
import { ConfigError, SnapshotConfig, snapshotIdProblem } from "@sdh/schemas";
import { liveProgress, snapshotWorkflowId, startSnapshotBuild, type SnapshotResult } from "@sdh/worker";
import { defaultSnapshotId } from "@sdh/exporters";
import { WorkflowFailedError, type Client } from "@temporalio/client";
import { NoQuery, ProblemDetails, PUBLIC } from "./api-schemas.js";
import { BuildList, BuildListQuery, BuildSummary, plannedOf, recentBuilds } from "./build-list.js";
import { temporal } from "./temporal-deadline.js";
import type { CatalogSource } from "./catalog-sources.js";
import { badRequest, Problem } from "./problem.js";
import { tokenGuards } from "./token-guards.js";

/** What the build routes need: a Temporal client (connected lazily) and the token mutating routes demand. */
export interface BuildOptions {
  client: Client;
  taskQueue: string;
  /** Bearer token of POST routes; none: they are disabled (403, saying how to enable them). */
  token?: string;
  /** The Web UI page of a workflow, when a UI is known. */
  link?: (workflowId: string) => string | null;
  /** The longest a route waits on Temporal (default TEMPORAL_DEADLINE_MS). */
  deadlineMs?: number;
}

/**
 * A build request is a config of a few hundred bytes, or a recipe of at most 1 MiB beside one; the
 * cap refuses anything near a memory problem (and is checked after the token, before the body is read).
 */
export const MAX_BUILD_REQUEST_BYTES = RECIPE_LIMITS.bytes + 64 * 1024;
const LIMIT_TEXT = `${(MAX_BUILD_REQUEST_BYTES / 1024).toLocaleString("en-US")} KiB`;

const BuildRequest = z
  .strictObject({
    target: z.string().max(32).describe("A served target's name: where the snapshot is published"),
    config: SnapshotConfig.describe("The snapshot config, as `sdh.config.yaml`'s snapshot section"),
    snapshotId: z.string().max(200).optional().describe("Default: derived from the config, as `sdh snapshot run` does"),
    recipe: z.string().max(RECIPE_LIMITS.bytes).optional().describe("A recipe's text (YAML or JSON), as `sdh snapshot run --recipe FILE` reads it: the dataset it declares replaces the config's pack"),
  })
  .openapi("BuildRequest");
const BuildStarted = z.object({ buildId: z.string(), snapshotId: z.string(), state: z.enum(["started", "joined"]), target: z.string(), link: z.string().nullable() }).openapi("BuildStarted");
const Progress = z.object({ step: z.string(), shardsDone: z.number().int(), shardsTotal: z.number().int(), recordsDone: z.number().int(), recordsTotal: z.number().int() });
const BuildStatus = z
  .object({
    buildId: z.string(),
    status: z.string().describe("RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED or TIMED_OUT"),
    startTime: z.string(),
    closeTime: z.string().nullable(),
    progress: Progress.nullable().optional().describe("While running: the step, and shards and root records done (shards still building included)"),
    planned: BuildSummary.pick({ snapshotId: true, pack: true, target: true, records: true, shards: true }).describe("What the build was asked for (from the memo it was started with)"),
    result: z.record(z.string(), z.unknown()).optional(),
    failure: z.string().optional(),
    link: z.string().nullable(),
  })
  .openapi("BuildStatus");
const BuildParams = z.object({ id: z.string().max(220).openapi({ param: { name: "id", in: "path" }, description: "The snapshot id, or the build's workflow id" }) });
const Schedules = z.object({ schedules: z.array(z.object({ scheduleId: z.string(), paused: z.boolean(), note: z.string().nullable(), nextRun: z.string().nullable(), lastRun: z.string().nullable(), memo: z.record(z.string(), z.unknown()) })) }).openapi("Schedules");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemDetails } } });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });

/** The config with its pack's settings checked and filled in; a setting the pack does not allow is a 400 naming it. */
function packSettingsOrBadRequest(config: SnapshotConfig): SnapshotConfig {
  try {
    return withPackSettings(config);
  } catch (error) {
    if (error instanceof ConfigError) throw badRequest(`config.${error.problems.join("; config.")}`);
    throw error;
  }
}

/** Builds for operators: start one, follow it, cancel it; schedules read-only. */
export function registerBuildRoutes(app: OpenAPIHono, sources: readonly CatalogSource[], options: BuildOptions | undefined): void {
  const builds = () => requireBuilds(options);
  const guard = { security: [{ bearer: [] }] };
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  // Mutating routes check, in this order and before a byte of the body is read: builds possible (503),
  // enabled (403), the token (401, with WWW-Authenticate), then the body's size (413) and type (415).
  app.on("POST", ["/builds", "/builds/:id/cancel"], ...tokenGuards({ available: () => void requireBuilds(options), token: options?.token, maxBytes: MAX_BUILD_REQUEST_BYTES, disabled: { title: "Builds are disabled", type: "builds-disabled", detail: "starting and cancelling builds is disabled" } }));

  app.openapi(
    createRoute({ method: "post", path: "/builds", operationId: "startBuild", tags: ["builds"], summary: "Start a snapshot build (as `sdh snapshot run`), or join the same one running", ...guard, request: { body: { content: { "application/json": { schema: BuildRequest } }, required: true } }, responses: { 202: json("Started or joined", BuildStarted), 400: problem("Bad request"), 401: problem("No or wrong token"), 403: problem("Builds disabled"), 409: problem("Another build of this snapshot is running with another input"), 413: problem(`The body is larger than ${LIMIT_TEXT}`), 415: problem("The body is not application/json"), 503: problem("Temporal cannot be reached, or this server has no Temporal settings") } }),
    async (c) => {
      const options = builds();
      const { client, taskQueue, link } = options;
      const body = c.req.valid("json");
      const source = sources.find((s) => s.name === body.target);
      if (!source) throw badRequest(`target '${body.target}' is not served here; targets: ${sources.map((s) => s.name).join(", ")}`);
      const given = body.recipe === undefined ? body.config : withRecipe(body.config, body.recipe);
      const config = packSettingsOrBadRequest(given);
      const asOf = packOf(config).asOfProblem(config.asOf);
      if (asOf) throw badRequest(`config.asOf ${asOf}`);
      const snapshotId = body.snapshotId ?? defaultSnapshotId(config);
      const idProblem = snapshotIdProblem(snapshotId);
      if (idProblem) throw badRequest(`snapshotId '${snapshotId.slice(0, 80)}': ${idProblem}`);
      const started = await temporal(options, () => startSnapshotBuild(client, { config, snapshotId, target: source.uri }, taskQueue));
      if (started.differences.length) throw new Problem(409, "Conflict", `snapshot ${snapshotId} is already being built from another input: ${started.differences.join("; ")}`, "build-conflict");
      // Location: where the build is followed (RFC 9110 §15.3.3).
      return c.json({ buildId: started.workflowId, snapshotId, state: started.joined ? ("joined" as const) : ("started" as const), target: source.name, link: link?.(started.workflowId) ?? null }, 202, { location: `/builds/${encodeURIComponent(started.workflowId)}` });
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/builds", operationId: "listBuilds", tags: ["builds"], ...PUBLIC, summary: "Running builds, then the latest ones: what each was asked for, its state and times", request: { query: BuildListQuery }, responses: { 200: json("Builds", BuildList), 400: problem("Bad request"), 503: problem("Temporal cannot be reached, or this server has no Temporal settings") } }),
    async (c) => c.json({ builds: await recentBuilds(builds(), c.req.valid("query").limit) }, 200),
  );

  app.openapi(
    createRoute({ method: "get", path: "/builds/{id}", operationId: "getBuild", tags: ["builds"], ...PUBLIC, summary: "A build: its progress while running (shards still building included), else its result or failure", request: { params: BuildParams, query: NoQuery }, responses: { 200: json("The build", BuildStatus), 400: problem("Bad id"), 404: problem("No such build"), 503: problem("Temporal cannot be reached, or this server has no Temporal settings") } }),
    async (c) => c.json(await buildStatus(builds(), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({ method: "post", path: "/builds/{id}/cancel", operationId: "cancelBuild", tags: ["builds"], summary: "Cancel a running build; nothing is published", ...guard, request: { params: BuildParams }, responses: { 202: json("Cancellation requested", z.object({ buildId: z.string(), cancelRequested: z.literal(true) })), 401: problem("No or wrong token"), 403: problem("Builds disabled"), 404: problem("No such build"), 409: problem("Not running"), 503: problem("Temporal cannot be reached, or this server has no Temporal settings") } }),
    async (c) => {
      const options = builds();
      const { client } = options;
      const workflowId = workflowIdOf(c.req.valid("param").id);
      const handle = client.workflow.getHandle(workflowId);
      const { status } = await temporal(options, () => handle.describe(), workflowId);
      if (status.name !== "RUNNING") throw new Problem(409, "Not running", `build ${workflowId} is ${status.name}, not running: nothing to cancel`, "not-running");
      await temporal(options, () => handle.cancel(), workflowId);
      return c.json({ buildId: workflowId, cancelRequested: true as const }, 202, { location: `/builds/${encodeURIComponent(workflowId)}` });
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/schedules", operationId: "listSchedules", tags: ["builds"], ...PUBLIC, summary: "The nightly build schedules (read-only)", request: { query: NoQuery }, responses: { 200: json("Schedules", Schedules), 400: problem("An unknown query parameter"), 503: problem("Temporal cannot be reached, or this server has no Temporal settings") } }),
    async (c) => c.json({ schedules: await scheduleList(builds()) }, 200),
  );
}

/** The config with a recipe's dataset in place of its pack; a bad recipe is a 400 naming each problem's line and column. */
function withRecipe(config: SnapshotConfig, text: string): SnapshotConfig {
  if (config.recipe) throw badRequest("give the recipe once: as `recipe` (its text) or as config.recipe, not both");
  let name: string;
  try {
    name = parseRecipe(text, "recipe").document.name;
  } catch (error) {
    if (error instanceof RecipeError) throw badRequest(`the recipe is not valid: ${error.problems.slice(0, 10).map((p) => `${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ""}${p.message.slice(0, 300)}`).join("; ")}`);
    throw error;
  }
  if (PACK_NAMES.includes(name)) throw badRequest(`a recipe may not take the name of the shipped pack '${name}'; rename it`);
  return SnapshotConfig.parse({ ...config, pack: name, recipe: recipeSource(text) });
}

/** The build settings, or the 503 that says this server has none. */
export function requireBuilds(options: BuildOptions | undefined): BuildOptions {
  if (!options) throw new Problem(503, "Builds unavailable", "this server was started without Temporal settings, so it cannot start or follow builds", "builds-unavailable");
  return options;
}

/** A build id as given (a snapshot id, or the workflow id) as the workflow id; a bad one is a 400. */
function workflowIdOf(id: string): string {
  const workflow = /^snapshot-v\d+_\d+-(.+)$/.exec(id);
  const problemText = snapshotIdProblem(workflow?.[1] ?? id);
  if (problemText) throw badRequest(`build id '${id.slice(0, 80)}': ${problemText}`);
  // A workflow id is kept as given: one of an earlier layout version names that version's build.
  return workflow ? id : snapshotWorkflowId(id);
}

export type BuildStatus = z.infer<typeof BuildStatus>;

/** A build: its live progress while it runs (shards still building included), else its result or failure. */
export async function buildStatus(options: BuildOptions, id: string): Promise<BuildStatus> {
  const { client, link } = options;
  const workflowId = workflowIdOf(id);
  const handle = client.workflow.getHandle<() => Promise<SnapshotResult>>(workflowId);
  const description = await temporal(options, () => handle.describe(), workflowId);
  const status = description.status.name;
  const base = { buildId: workflowId, status, startTime: description.startTime.toISOString(), closeTime: description.closeTime?.toISOString() ?? null, link: link?.(workflowId) ?? null, planned: plannedOf(description.memo) };
  if (status === "RUNNING") return { ...base, progress: await liveProgress(handle) };
  const outcome = await handle.result().then(
    (result) => ({ result: result as unknown as Record<string, unknown> }),
    (error: unknown) => ({ failure: error instanceof WorkflowFailedError ? String(error.cause?.message ?? error.message) : String(error) }),
  );
  return { ...base, ...outcome };
}

/** The schedules of the namespace, as `sdh schedule list` shows them. */
export async function scheduleList(options: BuildOptions): Promise<z.infer<typeof Schedules>["schedules"]> {
  const { client } = options;
  return temporal(options, async () => {
    const schedules = [];
    for await (const s of client.schedule.list()) {
      schedules.push({ scheduleId: s.scheduleId, paused: s.state.paused, note: s.state.note ?? null, nextRun: s.info.nextActionTimes[0]?.toISOString() ?? null, lastRun: s.info.recentActions.at(-1)?.scheduledAt.toISOString() ?? null, memo: (s.memo ?? {}) as Record<string, unknown> });
    }
    return schedules;
  });
}
