import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { PAGE_STYLE } from "./page-style.js";

/** A file the page loads: its bytes, type and a content hash (its ETag and cache-busting query). */
export interface PageAsset {
  body: string;
  contentType: string;
  hash: string;
}

// This file sits two folders below the package root both as source (src/page/) and built (dist/page/),
// and the browser script ships as TypeScript (package.json "files"), so one path serves both.
const CLIENT_ENTRY = fileURLToPath(new URL("../../src/page/client/main.ts", import.meta.url));

const asset = (body: string, contentType: string): PageAsset => ({ body, contentType, hash: createHash("sha256").update(body).digest("hex").slice(0, 16) });

/**
 * The page's script and stylesheet. The script (ours and Chart.js) is bundled by esbuild inside the
 * server process, once, on first use: the page needs no separate build step or server (ADR 0021).
 */
export class PageAssets {
  private script: Promise<PageAsset> | undefined;
  readonly style = asset(PAGE_STYLE, "text/css; charset=utf-8");

  app(): Promise<PageAsset> {
    this.script ??= build({ entryPoints: [CLIENT_ENTRY], bundle: true, format: "esm", minify: true, target: "es2022", write: false, legalComments: "inline", logLevel: "silent" }).then(
      (result) => asset(result.outputFiles[0]!.text, "text/javascript; charset=utf-8"),
      (error: unknown) => {
        this.script = undefined;
        throw new Error(`cannot bundle the page's script from ${CLIENT_ENTRY}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      },
    );
    return this.script;
  }
}
