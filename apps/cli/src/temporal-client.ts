import { temporalSettings } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";

export interface TemporalSession {
  client: Client;
  namespace: string;
  /** The Web UI page of a workflow, when a UI is known (SDH_TEMPORAL_UI). */
  link(workflowId: string): string | null;
}

/** Runs `work` with a client of the configured Temporal; the connection is closed afterwards. */
export async function withTemporal<T>(env: NodeJS.ProcessEnv, work: (session: TemporalSession) => Promise<T>): Promise<T> {
  const { address, namespace, uiUrl } = temporalSettings(env);
  const connection = await Connection.connect({ address, connectTimeout: "5s" }).catch((e: Error) => {
    throw new Error(`cannot reach Temporal at ${address}: ${e.message}`, { cause: e });
  });
  try {
    const client = new Client({ connection, namespace });
    return await work({ client, namespace, link: (workflowId) => (uiUrl ? `${uiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}` : null) });
  } finally {
    await connection.close();
  }
}
