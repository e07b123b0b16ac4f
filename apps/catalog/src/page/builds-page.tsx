/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { BuildSummary } from "../build-list.js";
import type { BuildStatus, scheduleList } from "../build-routes.js";
import { buildProgress } from "./client/build-progress.js";
import type { CatalogSource } from "../catalog-sources.js";
import { Notice, Table } from "./components.js";
import { count, when } from "./format.js";
import { buildHref } from "./page-links.js";
import { RECIPE_LIMITS } from "@sdh/recipes";

/** Whether this server can start builds: no Temporal settings, no token, or both present. */
export type BuildsState = "unavailable" | "disabled" | "enabled";

export interface BuildsPageProps {
  state: BuildsState;
  sources: readonly CatalogSource[];
  /** The packs a build may name, each with its root entity (what "records" counts). */
  packs: ReadonlyArray<{ name: string; root: string }>;
  schedules: Awaited<ReturnType<typeof scheduleList>> | { problem: string } | null;
  /** Running builds, then the latest (null without Temporal settings). */
  recent: BuildSummary[] | { problem: string } | null;
}

/** Start a build (needs the server's token), follow one by id, and the schedules (read-only). */
export function BuildsPage({ state, sources, packs, schedules, recent }: BuildsPageProps) {
  return (
    <>
      {state === "unavailable" && <Notice>This server was started without Temporal settings, so it cannot start or follow builds.</Notice>}
      {state === "disabled" && (
        <Notice>
          Starting builds is disabled: start <code>sdh serve</code> with <code>SDH_SERVE_TOKEN</code> set. Builds can still be followed.
        </Notice>
      )}
      {state !== "unavailable" && (
        <>
          <h2 id="recent">Recent builds</h2>
          <RecentBuilds recent={recent} />
        </>
      )}
      {state === "enabled" && <StartForm sources={sources} packs={packs} />}
      {state !== "unavailable" && (
        <>
          <h2 id="follow">Follow a build</h2>
          <form class="inline" method="get" action="/ui/builds/follow">
            <label>
              Build or snapshot id
              <input name="id" required maxlength={220} />
            </label>
            <button type="submit">Follow</button>
          </form>
          <h2 id="schedules">Schedules</h2>
          <Schedules schedules={schedules} />
        </>
      )}
    </>
  );
}

function StartForm({ sources, packs }: Pick<BuildsPageProps, "sources" | "packs">) {
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">Start a build</h2>
      <p>
        Builds a snapshot on the workers, validates it and publishes it to the target, as <code>sdh snapshot run</code> does. The rest of the config takes its defaults.
      </p>
      <form id="start-build" class="stacked" data-build-form data-recipe-max-bytes={String(RECIPE_LIMITS.bytes)}>
        <label for="build-target">Target</label>
        <select id="build-target" name="target" required>
          {sources.map((s) => (
            <option value={s.name}>
              {s.name} ({s.store.location})
            </option>
          ))}
        </select>
        <label for="build-pack">Pack</label>
        <select id="build-pack" name="pack">
          {packs.map((p) => (
            <option value={p.name}>
              {p.name} ({p.root} as root records)
            </option>
          ))}
        </select>
        <label for="build-recipe">Recipe (optional)</label>
        <input id="build-recipe" name="recipe" type="file" accept=".yaml,.yml,.json" aria-describedby="recipe-help" />
        <span></span>
        <small id="recipe-help">A recipe file (YAML or JSON, at most 1 MiB): its dataset is built instead of the pack's.</small>
        <label for="build-records">Root records</label>
        <input id="build-records" name="records" type="number" min={1} max={100_000_000} value="200" required />
        <label for="build-shard">Root records per shard</label>
        <input id="build-shard" name="shardSize" type="number" min={1} max={10_000_000} value="50000" required aria-describedby="shard-help" />
        <span></span>
        <small id="shard-help">How the work is split across workers; never changes the data.</small>
        <label for="build-seed">Seed</label>
        <input id="build-seed" name="seed" type="number" min={0} value="42" required />
        <label for="build-asof">As of</label>
        <input id="build-asof" name="asOf" type="date" value="2026-01-06" required />
        <span class="label" id="formats-label">
          <b>Formats</b>
        </span>
        <fieldset aria-labelledby="formats-label">
          {["csv", "json", "jsonl", "parquet"].map((f) => (
            <label>
              <input type="checkbox" name="formats" value={f} checked={f !== "jsonl"} /> {f}
            </label>
          ))}
        </fieldset>
        <label for="build-token">Token</label>
        <input id="build-token" name="token" type="password" autocomplete="current-password" required aria-describedby="token-help" />
        <span></span>
        <small id="token-help">The server's SDH_SERVE_TOKEN; kept in this tab only (session storage).</small>
        <div class="actions">
          <button type="submit">Start build</button>
        </div>
      </form>
      <div id="start-result" role="status" aria-live="polite"></div>
      <noscript>
        <Notice>Starting a build from this page needs script; without it, POST /builds (see the API).</Notice>
      </noscript>
    </section>
  );
}

function RecentBuilds({ recent }: { recent: BuildsPageProps["recent"] }) {
  if (recent === null) return <p>No builds.</p>;
  if ("problem" in recent) return <Notice error>{recent.problem}</Notice>;
  if (recent.length === 0) return <p>No builds in this namespace yet.</p>;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="Recent builds">
      <table id="recent-builds">
        <caption>The latest {recent.length} build(s), running ones first; root records and shards as asked</caption>
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">State</th>
            <th scope="col" class="num">Root records</th>
            <th scope="col" class="num">Shards</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col">Closed (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((b) => (
            <tr>
              <th scope="row">
                <a href={buildHref(b.buildId)}>{b.snapshotId ?? b.buildId}</a>
              </th>
              <td>
                <span class={`badge ${b.status === "COMPLETED" ? "ok" : b.status === "RUNNING" ? "" : "bad"}`}>{b.status.toLowerCase()}</span>
              </td>
              <td class="num">{b.records === null ? "—" : count(b.records)}</td>
              <td class="num">{b.shards ?? "—"}</td>
              <td>{when(b.startTime)}</td>
              <td>{b.closeTime ? when(b.closeTime) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Schedules({ schedules }: { schedules: BuildsPageProps["schedules"] }) {
  if (schedules === null) return <p>No schedules.</p>;
  if ("problem" in schedules) return <Notice error>{schedules.problem}</Notice>;
  if (schedules.length === 0) return <p>No schedules in this namespace.</p>;
  return <Table caption="Nightly build schedules (change them with sdh schedule)" headers={["Schedule", "State", "Next run", "Last run", "Note"]} rows={schedules.map((s) => [s.scheduleId, s.paused ? "paused" : "active", s.nextRun ?? "—", s.lastRun ?? "—", s.note ?? ""])} />;
}

/** One build: its state and progress, kept current by the page's script while it runs. */
export function BuildMonitor({ build, cancellable }: { build: BuildStatus; cancellable: boolean }) {
  const p = build.progress;
  const planned = build.planned;
  const bar = buildProgress(build.status, p);
  const result = build.result as { snapshotId?: string; counts?: Record<string, number>; bytes?: number } | undefined;
  return (
    <section data-build-monitor={build.buildId} data-status={build.status} aria-labelledby="build-state">
      <p class="status-line" id="build-state" role="status" aria-live="polite">
        <span data-field="status">{build.status}</span>
        {p && (
          <>
            {" "}
            — step <span data-field="step">{p.step}</span>
          </>
        )}
      </p>
      <label for="build-progress">
        Progress: generate, validate, export, publish (<span data-field="progress-text">{bar.text}</span>)
      </label>
      <progress id="build-progress" max={1} value={bar.value}></progress>
      <dl class="facts">
        <dt>Root records</dt>
        <dd data-field="records">{p ? `${count(p.recordsDone)} of ${count(p.recordsTotal)}` : planned.records !== null && build.status === "COMPLETED" ? `${count(planned.records)} of ${count(planned.records)}` : "—"}</dd>
        <dt>Shards</dt>
        <dd data-field="shards">{p ? `${p.shardsDone} of ${p.shardsTotal}` : planned.shards !== null && build.status === "COMPLETED" ? `${planned.shards} of ${planned.shards}` : "—"}</dd>
        <dt>Started</dt>
        <dd>{when(build.startTime)}</dd>
        <dt>Closed</dt>
        <dd data-field="closed">{build.closeTime ? when(build.closeTime) : "—"}</dd>
        <dt>Workflow</dt>
        <dd>{build.link ? <a href={build.link}>{build.buildId} in the Temporal Web UI</a> : <code>{build.buildId}</code>}</dd>
      </dl>
      <div data-field="outcome">
        {result?.snapshotId && (
          <p>
            Published <a href={`/ui/snapshots/${encodeURIComponent(result.snapshotId)}`}>{result.snapshotId}</a>
            {result.counts && `: ${Object.entries(result.counts).map(([e, n]) => `${count(n)} ${e}`).join(", ")}`}.
          </p>
        )}
        {build.failure && <Notice error>{build.failure}</Notice>}
      </div>
      {cancellable && build.status === "RUNNING" && (
        <form class="inline" data-cancel-form={build.buildId}>
          <label>
            Token
            <input name="token" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit" class="secondary">
            Cancel build
          </button>
        </form>
      )}
      <p class="muted">
        <a href={buildHref(build.buildId)}>Link to this build</a>
      </p>
    </section>
  );
}
