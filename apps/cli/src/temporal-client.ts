import { explainConnectionFailure, temporalSettings } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { securityOf } from "./temporal-security.js";

export interface TemporalSession {
  client: Client;
  namespace: string;
  /** The Web UI page of a workflow, when a UI is known (SDH_TEMPORAL_UI). */
  link(workflowId: string): string | null;
}

/** Runs `work` with a client of the configured Temporal; the connection is closed afterwards. */
export async function withTemporal<T>(env: NodeJS.ProcessEnv, work: (session: TemporalSession) => Promise<T>): Promise<T> {
  const { address, namespace, uiUrl } = temporalSettings(env);
  const security = securityOf(env);
  const connection = await Connection.connect({ address, tls: security.tls, apiKey: security.apiKey, connectTimeout: "5s" }).catch(async (e: Error) => {
    throw new Error(await explainConnectionFailure(address, security, e), { cause: e });
  });
  try {
    const client = new Client({ connection, namespace });
    return await work({ client, namespace, link: (workflowId) => (uiUrl ? `${uiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}` : null) });
  } finally {
    await connection.close();
  }
}
