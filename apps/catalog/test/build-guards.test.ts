import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BUILD_REQUEST_BYTES } from "../src/build-routes.js";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

// Issue 33 items 4, 6 and 10: the POST routes authenticate before they read a byte of the body, cap
// it, refuse what is not JSON or has unknown keys, and a Temporal that cannot be reached is a prompt
// 503. Temporal here is a port nothing listens on: no request below may reach it, or wait for it long.

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-guards-"));
const TOKEN = "guard-test-token-0123456789";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { detail?: string; type?: string };
}

describe("the build routes' guards", () => {
  let served: ServedCatalog;
  let connection: Connection;
  const started = () => performance.now();

  /** A POST whose body is `body`, or (body null) a body that starts and then never ends. */
  const post = (path: string, { token, type = "application/json", body }: { token?: string; type?: string | null; body: string | null }) =>
    new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = { ...(type === null ? {} : { "content-type": type }), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      // A connection of its own each time: after a 413 the server drops the connection with the body unread.
      const req = request({ host: "127.0.0.1", port: served.port, path, method: "POST", headers, agent: false }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => {
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? (JSON.parse(text) as Answer["body"]) : {} });
          req.destroy();
        });
      });
      req.on("error", reject);
      if (body === null) req.write(`{"target":"local","padding":"${"x".repeat(MAX_BUILD_REQUEST_BYTES + 16 * 1024)}`);
      else req.end(body);
    });

  const BAD_RECIPE = "recipe: 1\nname: shop\ntitle: Shop\nentities:\n  items:\n    key: id\n    fields:\n      id: { type: uuid }\n      price: { type: monie }\n";

  beforeAll(async () => {
    connection = Connection.lazy({ address: "127.0.0.1:9", connectTimeout: "2s" });
    served = await serveCatalog({ sources: openSources([`local=${tmp()}`], {}), host: "127.0.0.1", port: 0, cacheDir: tmp(), builds: { client: new Client({ connection }), taskQueue: "nowhere", token: TOKEN, deadlineMs: 1_500 } });
  });
  afterAll(async () => {
    await served?.close();
    await connection?.close();
  });

  it("answers 401 with WWW-Authenticate before reading a body: one that never ends, and an invalid one", async () => {
    const at = started();
    const endless = await post("/builds", { body: null });
    expect([endless.status, endless.headers["www-authenticate"], endless.body.detail]).toEqual([401, 'Bearer realm=""', "this route needs `Authorization: Bearer <token>`"]);
    expect(performance.now() - at).toBeLessThan(3_000);
    const invalid = await post("/builds", { body: '{"nonsense": true' });
    expect([invalid.status, invalid.headers["www-authenticate"]]).toEqual([401, 'Bearer realm=""']);
    const wrong = await post("/builds/x/cancel", { token: "not-the-token-at-all", body: "" });
    expect([wrong.status, wrong.headers["www-authenticate"], wrong.body.detail]).toEqual([401, 'Bearer error="invalid_token"', "the bearer token is not this server's"]);
  });

  it("with the token: 413 above the cap, 415 for another type, 400 for broken JSON and unknown keys, never a 500", async () => {
    const cases: Array<[{ type?: string | null; body: string | null }, number, string]> = [
      [{ body: null }, 413, `a request body is at most ${MAX_BUILD_REQUEST_BYTES} bytes`],
      [{ body: JSON.stringify({ target: "local", config: { records: 10 }, padding: "x".repeat(MAX_BUILD_REQUEST_BYTES) }) }, 413, `a request body is at most ${MAX_BUILD_REQUEST_BYTES} bytes`],
      [{ type: "text/plain", body: '{"target":"local","config":{}}' }, 415, "the body must be application/json (got 'text/plain')"],
      [{ type: null, body: '{"target":"local","config":{}}' }, 415, "the body must be application/json (got no content-type)"],
      [{ body: '{"target": "local", "config": ' }, 400, "Malformed JSON"],
      [{ body: JSON.stringify({ target: "local", config: { records: 10 }, extra: 1 }) }, 400, 'Unrecognized key: "extra"'],
      [{ body: JSON.stringify({ target: "local", config: { records: 10, shards: "many" } }) }, 400, "config"],
      // A recipe is checked as `sdh snapshot run --recipe` checks it, before anything starts.
      [{ body: JSON.stringify({ target: "local", config: { records: 10 }, recipe: BAD_RECIPE }) }, 400, "the recipe is not valid: 9:22: entities.items.fields.price.type: unknown type 'monie'"],
      [{ body: JSON.stringify({ target: "local", config: { records: 10 }, recipe: BAD_RECIPE.replace("name: shop", "name: pc").replace("monie", "money, min: 1, max: 9") }) }, 400, "may not take the name of the shipped pack 'pc'"],
      [{ body: JSON.stringify({ target: "local", config: { records: 10, recipe: { sha256: "0".repeat(64), text: "x" } }, recipe: BAD_RECIPE }) }, 400, "give the recipe once"],
      [{ body: JSON.stringify({ target: "local", config: { records: 10 }, recipe: BAD_RECIPE.replace("monie", "money, min: 1, max: 9") }) }, 503, "Temporal"],
    ];
    for (const [given, status, detail] of cases) {
      const answer = await post("/builds", { token: TOKEN, ...given });
      expect([answer.status, answer.headers["content-type"]], detail).toEqual([status, "application/problem+json"]);
      expect(answer.body.detail, detail).toContain(detail);
    }
  });

  it("answers 503 within its deadline when Temporal cannot be reached: schedules, a build's status, starting one, the builds page", async () => {
    for (const [what, run] of [
      ["schedules", () => fetch(`http://127.0.0.1:${served.port}/schedules`)],
      ["status", () => fetch(`http://127.0.0.1:${served.port}/builds/2026-01-06-s1-00000000`)],
      ["start", () => fetch(`http://127.0.0.1:${served.port}/builds`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ target: "local", config: { records: 10 } }) })],
    ] as const) {
      const at = started();
      const answer = await run();
      const body = (await answer.json()) as { detail: string; type: string };
      expect([what, answer.status, body.type]).toEqual([what, 503, "https://sdh.example/problems/temporal-unavailable"]);
      expect(performance.now() - at, what).toBeLessThan(3_000);
    }
    const at = started();
    const page = await fetch(`http://127.0.0.1:${served.port}/ui/builds`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Temporal did not answer");
    expect(performance.now() - at).toBeLessThan(3_000);
  }, 20_000);
});
