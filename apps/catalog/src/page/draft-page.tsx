/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { CatalogSource } from "../catalog-sources.js";
import { Notice } from "./components.js";

/** Whether this server can draft: no provider (with why), no token, or both present. */
export type DraftPageState = { state: "unavailable"; why: string } | { state: "disabled" } | { state: "enabled"; provider: string };

/**
 * Describe the data in words: the requirements, then the questions they leave open, then the recipe
 * (to read, download, or build at once). The script drives it through the same routes a script of the
 * user's own would call: POST /drafts, POST /drafts/{id}/answers, GET /drafts/{id}, POST /builds.
 */
export function DraftPage({ draft, sources }: { draft: DraftPageState; sources: readonly CatalogSource[] }) {
  if (draft.state === "unavailable") return <Notice>Drafting is unavailable on this server: {draft.why}</Notice>;
  if (draft.state === "disabled")
    return (
      <Notice>
        Drafting is disabled: start <code>sdh serve</code> with <code>SDH_SERVE_TOKEN</code> set.
      </Notice>
    );
  return (
    <>
      <p>
        Say what the data is for and what it holds. A model ({draft.provider}) drafts a recipe, which sdh checks with the recipe schema and sends back for repair until it passes; the engine then makes every row. Questions the words leave open come first. What leaves
        this server: your words, your answers, and sdh's recipe reference.
      </p>
      <form id="draft-form" class="stacked" data-draft-form>
        <label for="draft-requirements">Requirements</label>
        <textarea id="draft-requirements" name="requirements" rows={6} minlength={10} maxlength={65536} required></textarea>
        <label for="draft-token">Token</label>
        <input id="draft-token" name="token" type="password" autocomplete="current-password" required aria-describedby="draft-token-help" />
        <span></span>
        <small id="draft-token-help">The server's SDH_SERVE_TOKEN; kept in this tab only (session storage).</small>
        <div class="actions">
          <button type="submit">Draft</button>
        </div>
      </form>
      <form id="draft-questions" class="questions" hidden>
        <h2>Questions the requirements leave open</h2>
        <p>Leave an answer empty to take its default, which the recipe's header lists as an assumption.</p>
        <div data-questions></div>
        <div class="actions">
          <button type="submit">Draft with these answers</button>
        </div>
      </form>
      <div id="draft-status" role="status" aria-live="polite"></div>
      <section id="draft-result" aria-labelledby="draft-result-title" hidden>
        <h2 id="draft-result-title">The recipe</h2>
        <pre id="draft-recipe" tabindex={0}></pre>
        <p>
          <a id="draft-download" href="#" download="recipe.yaml">
            Download the recipe
          </a>
        </p>
        <form id="draft-build" class="stacked">
          <label for="draft-target">Target</label>
          <select id="draft-target" name="target" required>
            {sources.map((s) => (
              <option value={s.name}>
                {s.name} ({s.store.location})
              </option>
            ))}
          </select>
          <label for="draft-records">Root records</label>
          <input id="draft-records" name="records" type="number" min={1} max={100_000_000} value="200" required />
          <div class="actions">
            <button type="submit">Build it</button>
          </div>
        </form>
      </section>
      <noscript>
        <Notice>Drafting from this page needs script; without it, POST /drafts (see the API) or `sdh draft`.</Notice>
      </noscript>
    </>
  );
}
