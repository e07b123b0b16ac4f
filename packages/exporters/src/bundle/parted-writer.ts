import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { Entity } from "@sdh/schemas";
import { createTextEntityWriter, type EntityWriter, type WrittenFile } from "../records/entity-writer.js";
import { dataFileName } from "./bundle-layout.js";

/**
 * Writes an entity's records in one format, starting a new numbered part whenever the current one
 * passes `partBytes`. A file that never splits keeps its plain name (persons_v0_1.csv); once it
 * splits, every part is numbered (persons_v0_1.part-0001.csv, ...). Split points depend only on
 * the bytes, so the same data always splits the same way.
 */
export class PartedEntityWriter {
  private current: EntityWriter;
  private readonly done: WrittenFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly entity: Entity,
    private readonly format: "csv" | "json" | "jsonl",
    private readonly partBytes: number,
  ) {
    this.current = this.open(dataFileName(entity, format));
  }

  write(record: object): Promise<void> | undefined {
    if (this.current.size >= this.partBytes) return this.roll().then(() => this.current.write(record));
    return this.current.write(record);
  }

  /** The files written, in order, with paths relative to the bundle folder. */
  async close(): Promise<WrittenFile[]> {
    await this.finishCurrent();
    return this.done;
  }

  abort(): void {
    this.current.abort();
  }

  private async roll(): Promise<void> {
    await this.finishCurrent();
    if (this.done.length === 1) {
      const first = this.done[0]!;
      const numbered = dataFileName(this.entity, this.format, 1);
      await rename(join(this.dir, first.path), join(this.dir, numbered));
      this.done[0] = { ...first, path: numbered };
    }
    this.current = this.open(dataFileName(this.entity, this.format, this.done.length + 1));
  }

  private async finishCurrent(): Promise<void> {
    const written = await this.current.close();
    this.done.push({ ...written, path: written.path.slice(this.dir.length + 1) });
  }

  private open(name: string): EntityWriter {
    return createTextEntityWriter(this.entity, this.format, join(this.dir, name));
  }
}
