/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { z } from "zod";
import type { SnapshotList } from "../api-schemas.js";
import type { CatalogSource } from "../catalog-sources.js";
import { Notice, Verdict } from "./components.js";
import { count, size } from "./format.js";
import { snapshotHref } from "./page-links.js";

/** The catalog: committed snapshots of every served target, newest first, a page at a time. */
export function CatalogPage({ list, sources, target }: { list: z.infer<typeof SnapshotList>; sources: readonly CatalogSource[]; target: string | undefined }) {
  const { snapshots, total, limit, offset, skipped } = list;
  const pageHref = (at: number) => `/?${new URLSearchParams({ ...(target ? { target } : {}), offset: String(at) }).toString()}`;
  return (
    <>
      <form class="inline" method="get" action="/">
        <label>
          Target
          <select name="target">
            <option value="">All targets</option>
            {sources.map((s) => (
              <option value={s.name} selected={s.name === target}>
                {s.name} ({s.store.location})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {skipped.length > 0 && (
        <Notice error>
          {skipped.length} stored document(s) could not be read and are not listed: {skipped.map((s) => `${s.target} ${s.key}: ${s.problem}`).join("; ")}
        </Notice>
      )}
      {snapshots.length === 0 ? (
        <p>No committed snapshot {target ? `in target ${target}` : "in the served targets"} yet.</p>
      ) : (
        <div class="table-wrap" tabindex={0} role="region" aria-label="Snapshots">
          <table id="snapshots">
            <caption>
              Snapshots {offset + 1}–{offset + snapshots.length} of {count(total)}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Snapshot</th>
                <th scope="col">Target</th>
                <th scope="col">As of</th>
                <th scope="col" class="num">Seed</th>
                <th scope="col">Pack</th>
                <th scope="col">Built (UTC)</th>
                <th scope="col" class="num">Root records</th>
                <th scope="col" class="num">Files</th>
                <th scope="col" class="num">Size</th>
                <th scope="col">Validation</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={snapshotHref(s.snapshotId, s.target)}>{s.snapshotId}</a> {s.latest && <span class="badge ok">latest</span>}
                  </th>
                  <td>{s.target}</td>
                  <td>{s.asOf}</td>
                  <td class="num">{s.seed}</td>
                  <td>{s.pack}</td>
                  <td>
                    <time datetime={s.generatedAt}>{builtAt(s.generatedAt)}</time>
                  </td>
                  <RootRecords counts={s.counts} />
                  <td class="num">{s.files}</td>
                  <td class="num">{size(s.bytes)}</td>
                  <td>
                    <Verdict passed={s.validation.passed} /> {s.validation.warnings > 0 && <span class="warn">{s.validation.warnings} warning(s)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > limit && (
        <nav class="pager" aria-label="Pages of snapshots">
          {offset > 0 && <a href={pageHref(Math.max(0, offset - limit))}>Newer</a>}
          <span>
            Page {Math.floor(offset / limit) + 1} of {Math.ceil(total / limit)}
          </span>
          {offset + limit < total && <a href={pageHref(offset + limit)}>Older</a>}
        </nav>
      )}
    </>
  );
}

/** When a snapshot was built, to the minute: `2026-01-06 02:00` (UTC, as the column says). */
export const builtAt = (iso: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso);

/**
 * The root entity's count (households in the P&C pack, customers in the fintech one: the first
 * entity counted, what `records` asks for), not the sum of every entity's; every count in its title.
 */
function RootRecords({ counts }: { counts: Record<string, number> }) {
  const [root, n] = Object.entries(counts)[0] ?? ["records", 0];
  return (
    <td class="num" title={Object.entries(counts).map(([e, k]) => `${e}: ${count(k)}`).join(", ")}>
      {count(n)} <span class="muted">{root}</span>
    </td>
  );
}
