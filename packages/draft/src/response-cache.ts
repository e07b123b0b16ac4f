import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { z } from "zod";
import type { ChatRequest, ChatResponse, DraftProvider } from "./providers/provider.js";

/** An answer on disk is at most this big (a recipe is at most 1 MiB; the answer carries it once). */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

const Entry = z.strictObject({ key: z.string(), response: z.strictObject({ text: z.string(), inputTokens: z.number().int().nonnegative(), outputTokens: z.number().int().nonnegative() }) });

/**
 * Answers kept by the hash of what was asked (provider, endpoint, model, the whole request; never a
 * key): asking the same again costs nothing and gives the same recipe. One file per answer, written
 * whole (temporary file, then rename), so concurrent drafts never read half an entry.
 */
export class ResponseCache {
  constructor(private readonly folder: string) {}

  static keyOf(provider: Pick<DraftProvider, "kind" | "endpoint" | "model">, request: ChatRequest): string {
    return createHash("sha256").update(JSON.stringify({ kind: provider.kind, endpoint: provider.endpoint, model: provider.model, request })).digest("hex");
  }

  get(key: string): ChatResponse | undefined {
    let text: string;
    try {
      text = readRegularFileSync(join(this.folder, `${key}.json`), { maxBytes: MAX_ENTRY_BYTES, label: "cached answer" }).toString("utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      // Something else in the cache's place is not an answer: ask the provider again.
      if (error instanceof NotRegularFileError) return undefined;
      throw error;
    }
    try {
      const entry = Entry.parse(JSON.parse(text));
      return entry.key === key ? entry.response : undefined;
    } catch {
      return undefined;
    }
  }

  put(key: string, response: ChatResponse): void {
    mkdirSync(this.folder, { recursive: true });
    const path = join(this.folder, `${key}.json`);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ key, response }), { flag: "wx" });
      renameSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}
