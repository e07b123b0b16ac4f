import { randomUUID } from "node:crypto";
import { createHash } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { createS3Client, s3SettingsFromEnv } from "@sdh/storage";
import { explainConnectionFailure, createWorker, registeredSearchAttributes, SEARCH_ATTRIBUTES, searchAttributeCommands, temporalSettings, type HealthcheckResult } from "@sdh/worker";
import { securityOf } from "../temporal-security.js";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection } from "@temporalio/worker";
import { EXIT, UsageError } from "../usage-error.js";

/** A check's detail; `warning` when it passes but something is worth doing (nothing fails for it). */
type Check = () => Promise<string | { warning: string }>;

export async function doctor(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length) throw new UsageError(`unknown option(s) ${unknown.join(" ")}; see \`sdh doctor --help\``);
  const json = args.includes("--json");
  const results: Array<{ check: string; ok: boolean; warning?: true; detail: string; ms: number }> = [];
  const checks: Array<[string, Check]> = [
    ["Temporal", () => temporalRoundTrip(env)],
    ["S3", () => s3RoundTrip(env)],
    ["Search attributes", () => searchAttributes(env)],
  ];
  let failed = 0;
  for (const [name, check] of checks) {
    const started = performance.now();
    let ok = true;
    let warning = false;
    let detail;
    try {
      const outcome = await check();
      warning = typeof outcome !== "string";
      detail = typeof outcome === "string" ? outcome : outcome.warning;
    } catch (error) {
      failed += 1;
      ok = false;
      detail = error instanceof Error ? error.message : String(error);
    }
    const ms = Math.round(performance.now() - started);
    results.push({ check: name, ok, ...(warning ? { warning: true as const } : {}), detail, ms });
    if (!json) console.log(!ok ? `FAIL  ${name.padEnd(9)} ${detail}` : `${warning ? "warn" : "ok  "}  ${name.padEnd(9)} ${detail} (${ms} ms)`);
  }
  if (json) console.log(JSON.stringify(results, null, 2));
  else if (failed > 0) console.log("\nAre the services running? `pnpm services:status` shows them; `pnpm services:up` starts them.");
  return failed === 0 ? EXIT.ok : EXIT.failed;
}

async function temporalRoundTrip(env: NodeJS.ProcessEnv): Promise<string> {
  const { address, namespace, uiUrl } = temporalSettings(env);
  const security = securityOf(env);
  const connection = await Connection.connect({ address, tls: security.tls, apiKey: security.apiKey, connectTimeout: "5s" }).catch(async (e: Error) => {
    throw new Error(await explainConnectionFailure(address, security, e), { cause: e });
  });
  const native = await NativeConnection.connect({ address, tls: security.tls, apiKey: security.apiKey });
  try {
    // A private task queue: the round trip must be served by the worker inside this process.
    const taskQueue = `sdh-doctor-${randomUUID()}`;
    const worker = await createWorker({ connection: native, namespace, taskQueue });
    const client = new Client({ connection, namespace });
    const result = await worker.runUntil(
      client.workflow.execute<(m: string) => Promise<HealthcheckResult>>("healthcheckWorkflow", {
        taskQueue,
        workflowId: taskQueue,
        args: ["ping"],
        workflowExecutionTimeout: "30s",
      }),
    );
    const link = uiUrl ? ` — ${uiUrl}/namespaces/${namespace}/workflows/${result.workflowId}` : "";
    return `workflow ${result.workflowId} ran its activity on ${result.activityHost} via ${address}${link}`;
  } finally {
    await connection.close();
    await native.close();
  }
}

/** Our search attributes in the namespace: builds run without them, but cannot be found by them in the Web UI. */
async function searchAttributes(env: NodeJS.ProcessEnv): Promise<string | { warning: string }> {
  const { address, namespace } = temporalSettings(env);
  const security = securityOf(env);
  const connection = await Connection.connect({ address, tls: security.tls, apiKey: security.apiKey, connectTimeout: "5s" }).catch(async (e: Error) => {
    throw new Error(await explainConnectionFailure(address, security, e), { cause: e });
  });
  try {
    const registered = await registeredSearchAttributes(new Client({ connection, namespace }));
    const missing = SEARCH_ATTRIBUTES.filter((a) => !registered.has(a.name));
    if (missing.length === 0) return `${SEARCH_ATTRIBUTES.map((a) => a.name).join(", ")} registered in namespace ${namespace}`;
    const commands = searchAttributeCommands(namespace).filter((c) => missing.some((a) => c.includes(` --name ${a.name} `)));
    return { warning: `${missing.map((a) => a.name).join(", ")} not registered in namespace ${namespace} (or not listable with these credentials): builds run, but cannot be searched by them. Register once:\n        ${commands.join("\n        ")}` };
  } finally {
    await connection.close();
  }
}

async function s3RoundTrip(env: NodeJS.ProcessEnv): Promise<string> {
  const bucket = env.SDH_S3_BUCKET;
  if (!bucket) throw new Error("SDH_S3_BUCKET is not set (and no .sdh/services.env provides it)");
  const settings = s3SettingsFromEnv(env);
  const s3 = createS3Client(settings);
  const key = `_sdh/doctor/${randomUUID()}`;
  const body = Buffer.from(`sdh doctor ${key}\n`);
  const sha256 = createHash("sha256").update(body).digest("base64");
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ChecksumSHA256: sha256 }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: "ENABLED" }));
    const back = Buffer.from(await got.Body!.transformToByteArray());
    if (!back.equals(body)) throw new Error(`s3://${bucket}/${key} came back different from what was written`);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    return `wrote, read back and removed s3://${bucket}/${key} with SHA-256 checks at ${settings.endpoint ?? "AWS"}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`S3 at ${settings.endpoint ?? "AWS"}, bucket ${bucket}: ${message}`, { cause: error });
  } finally {
    s3.destroy();
  }
}
