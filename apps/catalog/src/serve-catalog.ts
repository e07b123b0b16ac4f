import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createCatalogApp, type CatalogOptions } from "./catalog-app.js";

export interface ServedCatalog {
  port: number;
  close(): Promise<void>;
}

/** Serves the catalog on host:port (0 picks a free port) until closed. */
export async function serveCatalog(options: CatalogOptions & { host: string; port: number }): Promise<ServedCatalog> {
  const { app, close } = createCatalogApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) => reject(new Error(`cannot serve on ${options.host}:${options.port}: ${error.code === "EADDRINUSE" ? "the port is in use" : error.message}`, { cause: error })));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}
