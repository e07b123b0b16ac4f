// Starting, following and cancelling builds from the page, through the same API routes a script of
// the operator's own would call (POST /builds, GET /builds/{id}, POST /builds/{id}/cancel).

import { buildProgress } from "./build-progress.js";
import { when } from "./moment.js";

export const TOKEN_KEY = "sdh-serve-token";
const POLL_MS = 1000;

interface Problem {
  detail?: string;
  title?: string;
}
interface Progress {
  step: string;
  shardsDone: number;
  shardsTotal: number;
  recordsDone: number;
  recordsTotal: number;
}
interface Build {
  buildId: string;
  status: string;
  closeTime: string | null;
  progress?: Progress | null;
  result?: { snapshotId?: string; counts?: Record<string, number> };
  failure?: string;
  planned?: { records: number | null; shards: number | null };
}

const grouped = (n: number) => n.toLocaleString("en-US");

export async function call(path: string, init: RequestInit): Promise<{ ok: boolean; body: unknown }> {
  const response = await fetch(path, init);
  const body: unknown = await response.json().catch(() => ({ detail: `${response.status} ${response.statusText}` }));
  return { ok: response.ok, body };
}

export const problemText = (body: unknown) => {
  const p = body as Problem;
  return p.detail ?? p.title ?? "the server refused the request";
};

export function tokenInput(form: HTMLFormElement): HTMLInputElement {
  const input = form.elements.namedItem("token") as HTMLInputElement;
  // The token lives in this tab only: sessionStorage ends with the tab, and no cookie carries it.
  input.value ||= sessionStorage.getItem(TOKEN_KEY) ?? "";
  return input;
}

/** The "Start a build" form: POST /builds with the token, then on to the new build's monitor. */
export function wireStartForm(root: Document): void {
  const form = root.querySelector<HTMLFormElement>("form[data-build-form]");
  const out = root.getElementById("start-result");
  if (!form || !out) return;
  const token = tokenInput(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const config = { pack: data.get("pack"), records: Number(data.get("records")), shardSize: Number(data.get("shardSize")), seed: Number(data.get("seed")), asOf: data.get("asOf"), formats: data.getAll("formats") };
    const file = data.get("recipe");
    const recipe = file instanceof File && file.size > 0 ? file : null;
    const button = form.querySelector("button[type=submit]") as HTMLButtonElement;
    // The recipe language's bound (the page states it): a file above it fails here, before it is sent.
    const RECIPE_MAX_BYTES = Number(form.dataset.recipeMaxBytes);
    if (recipe && recipe.size > RECIPE_MAX_BYTES) {
      out.textContent = `Not started: the recipe is ${recipe.size.toLocaleString("en-US")} bytes; a recipe is at most ${RECIPE_MAX_BYTES.toLocaleString("en-US")}`;
      out.className = "notice error";
      return;
    }
    button.disabled = true;
    out.textContent = "Starting…";
    // A recipe goes as its text: the server checks it as `sdh snapshot run --recipe` does, and its dataset replaces the pack.
    const request = (recipe ? recipe.text() : Promise.resolve(null)).then((text) => ({ target: data.get("target"), config: text === null ? config : { ...config, pack: undefined }, ...(text === null ? {} : { recipe: text }) }));
    void request.then((body) => call("/builds", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token.value}` }, body: JSON.stringify(body) })).then(({ ok, body }) => {
      button.disabled = false;
      if (!ok) {
        out.textContent = `Not started: ${problemText(body)}`;
        out.className = "notice error";
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, token.value);
      const started = body as { buildId: string; state: string };
      out.textContent = started.state === "joined" ? "That build is already running; following it…" : "Started; following it…";
      location.assign(`/ui/builds/${encodeURIComponent(started.buildId)}`);
    });
  });
}

/** Each "Cancel build" form: POST /builds/{id}/cancel with the token. */
export function wireCancelForms(root: Document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>("form[data-cancel-form]")) {
    const token = tokenInput(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const id = form.dataset.cancelForm ?? "";
      void call(`/builds/${encodeURIComponent(id)}/cancel`, { method: "POST", headers: { authorization: `Bearer ${token.value}` } }).then(({ ok, body }) => {
        const note = root.createElement("p");
        note.setAttribute("role", "status");
        note.textContent = ok ? "Cancellation requested; nothing will be published." : `Not cancelled: ${problemText(body)}`;
        if (ok) sessionStorage.setItem(TOKEN_KEY, token.value);
        form.replaceWith(note);
      });
    });
  }
}

/** While the build runs: its status, step, shards and records, refreshed every second from GET /builds/{id}. */
export function monitorBuild(section: HTMLElement): void {
  const id = section.dataset.buildMonitor ?? "";
  const field = (name: string) => section.querySelector<HTMLElement>(`[data-field="${name}"]`);
  const bar = section.querySelector("progress");
  const show = (build: Build) => {
    section.dataset.status = build.status;
    field("status")!.textContent = build.status;
    const p = build.progress;
    if (p) {
      const step = field("step");
      if (step) step.textContent = p.step;
      field("records")!.textContent = `${grouped(p.recordsDone)} of ${grouped(p.recordsTotal)}`;
      field("shards")!.textContent = `${p.shardsDone} of ${p.shardsTotal}`;
    }
    const shown = buildProgress(build.status, p);
    if (bar) bar.value = shown.value;
    field("progress-text")!.textContent = shown.text;
    if (build.status === "RUNNING") return;
    const planned = build.planned;
    if (build.status === "COMPLETED" && planned?.records && planned.shards) {
      field("records")!.textContent = `${grouped(planned.records)} of ${grouped(planned.records)}`;
      field("shards")!.textContent = `${planned.shards} of ${planned.shards}`;
    }
    field("closed")!.textContent = build.closeTime ? when(build.closeTime) : "—";
    const outcome = field("outcome")!;
    outcome.replaceChildren();
    const line = document.createElement("p");
    if (build.result?.snapshotId) {
      const link = document.createElement("a");
      link.href = `/ui/snapshots/${encodeURIComponent(build.result.snapshotId)}`;
      link.textContent = build.result.snapshotId;
      const counts = Object.entries(build.result.counts ?? {}).map(([e, n]) => `${grouped(n)} ${e}`).join(", ");
      line.append("Published ", link, counts ? `: ${counts}.` : ".");
    } else {
      line.className = "notice error";
      line.textContent = build.failure ?? `The build ended ${build.status}.`;
    }
    outcome.append(line);
    section.querySelector("form[data-cancel-form]")?.remove();
  };
  const poll = () => {
    if (section.dataset.status !== "RUNNING") return;
    void call(`/builds/${encodeURIComponent(id)}`, { headers: { accept: "application/json" } }).then(
      ({ ok, body }) => {
        if (ok) show(body as Build);
        setTimeout(poll, POLL_MS);
      },
      () => setTimeout(poll, POLL_MS * 3),
    );
  };
  setTimeout(poll, POLL_MS);
}
