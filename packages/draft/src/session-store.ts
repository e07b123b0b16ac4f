import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import initSqlJs, { type Database, type SqlValue } from "sql.js";

/**
 * Draft sessions in one SQLite file (`sessions.sqlite` in the draft folder), through sql.js (SQLite
 * compiled to WASM): Node 20, which CI runs, has no node:sqlite, and nothing native has to build.
 * sql.js holds a database in memory, so each change is a short transaction under a lock file: read
 * the file, change, write a temporary file, rename it into place. Sessions record the requirements,
 * the questions and answers, each model exchange and each recipe version — never a key (the
 * providers hold those, and nothing here is given one).
 */

export type SessionStatus = "asking" | "drafting" | "written" | "failed";

export interface SessionRow {
  id: string;
  created: string;
  updated: string;
  requirements: string;
  provider: string;
  model: string;
  endpoint: string;
  status: SessionStatus;
  out: string | null;
  tokens: number;
  settings: string;
  failure: string | null;
}

export interface AnswerRow {
  id: string;
  ordinal: number;
  question: string;
  defaultAnswer: string;
  answer: string | null;
  /** 1 when the default was taken without asking (--yes, or no terminal): an assumption. */
  assumed: number;
}

export interface ExchangeRow {
  ordinal: number;
  at: string;
  request: string;
  response: string;
  inputTokens: number;
  outputTokens: number;
  cached: number;
  attempts: number;
}

export interface RecipeRow {
  version: number;
  at: string;
  text: string;
  valid: number;
  problems: string | null;
}

/** The session file is ours, but still read as data: a regular file, at most this big. */
const MAX_DATABASE_BYTES = 256 * 1024 * 1024;
/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_MS = 30_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created TEXT NOT NULL, updated TEXT NOT NULL, requirements TEXT NOT NULL,
  provider TEXT NOT NULL, model TEXT NOT NULL, endpoint TEXT NOT NULL, status TEXT NOT NULL, out TEXT, tokens INTEGER NOT NULL DEFAULT 0,
  settings TEXT NOT NULL, failure TEXT);
CREATE TABLE IF NOT EXISTS answers (session TEXT NOT NULL, id TEXT NOT NULL, ordinal INTEGER NOT NULL, question TEXT NOT NULL,
  default_answer TEXT NOT NULL, answer TEXT, assumed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (session, id));
CREATE TABLE IF NOT EXISTS exchanges (session TEXT NOT NULL, ordinal INTEGER NOT NULL, at TEXT NOT NULL, request TEXT NOT NULL,
  response TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cached INTEGER NOT NULL, attempts INTEGER NOT NULL,
  PRIMARY KEY (session, ordinal));
CREATE TABLE IF NOT EXISTS recipes (session TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL, text TEXT NOT NULL,
  valid INTEGER NOT NULL, problems TEXT, PRIMARY KEY (session, version));
`;

export class SessionError extends Error {
  override name = "SessionError";
}

let sqlite: Promise<initSqlJs.SqlJsStatic> | undefined;

export class SessionStore {
  private readonly file: string;
  private readonly lock: string;

  constructor(readonly folder: string) {
    this.file = join(folder, "sessions.sqlite");
    this.lock = join(folder, "sessions.lock");
  }

  static newId(now = new Date()): string {
    return `${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(4).toString("hex")}`;
  }

  async create(row: Omit<SessionRow, "created" | "updated" | "tokens" | "failure" | "out">): Promise<void> {
    const at = new Date().toISOString();
    await this.change((db) => db.run("INSERT INTO sessions (id, created, updated, requirements, provider, model, endpoint, status, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [row.id, at, at, row.requirements, row.provider, row.model, row.endpoint, row.status, row.settings]));
  }

  async update(id: string, fields: Partial<Pick<SessionRow, "status" | "out" | "tokens" | "failure" | "provider" | "model" | "endpoint" | "settings">>): Promise<void> {
    const names = Object.keys(fields);
    await this.change((db) => db.run(`UPDATE sessions SET updated = ?, ${names.map((n) => `${n} = ?`).join(", ")} WHERE id = ?`, [new Date().toISOString(), ...names.map((n) => (fields as Record<string, SqlValue>)[n]!), id]));
  }

  async saveAnswers(id: string, answers: AnswerRow[]): Promise<void> {
    await this.change((db) => {
      for (const a of answers) db.run("INSERT OR REPLACE INTO answers (session, id, ordinal, question, default_answer, answer, assumed) VALUES (?, ?, ?, ?, ?, ?, ?)", [id, a.id, a.ordinal, a.question, a.defaultAnswer, a.answer, a.assumed]);
    });
  }

  async addExchange(id: string, row: Omit<ExchangeRow, "ordinal" | "at">): Promise<void> {
    await this.change((db) => {
      const next = Number(db.exec("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM exchanges WHERE session = ?", [id])[0]!.values[0]![0]);
      db.run("INSERT INTO exchanges (session, ordinal, at, request, response, input_tokens, output_tokens, cached, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [id, next, new Date().toISOString(), row.request, row.response, row.inputTokens, row.outputTokens, row.cached, row.attempts]);
    });
  }

  async addRecipe(id: string, row: Omit<RecipeRow, "version" | "at">): Promise<number> {
    let version = 0;
    await this.change((db) => {
      version = Number(db.exec("SELECT COALESCE(MAX(version), 0) + 1 FROM recipes WHERE session = ?", [id])[0]!.values[0]![0]);
      db.run("INSERT INTO recipes (session, version, at, text, valid, problems) VALUES (?, ?, ?, ?, ?, ?)", [id, version, new Date().toISOString(), row.text, row.valid, row.problems]);
    });
    return version;
  }

  async session(id: string): Promise<{ session: SessionRow; answers: AnswerRow[]; exchanges: ExchangeRow[]; recipes: RecipeRow[] } | undefined> {
    return this.read((db) => {
      const session = rows<SessionRow>(db, "SELECT * FROM sessions WHERE id = ?", [id])[0];
      if (!session) return undefined;
      return {
        session,
        answers: rows<AnswerRow>(db, "SELECT id, ordinal, question, default_answer AS defaultAnswer, answer, assumed FROM answers WHERE session = ? ORDER BY ordinal", [id]),
        exchanges: rows<ExchangeRow>(db, "SELECT ordinal, at, request, response, input_tokens AS inputTokens, output_tokens AS outputTokens, cached, attempts FROM exchanges WHERE session = ? ORDER BY ordinal", [id]),
        recipes: rows<RecipeRow>(db, "SELECT version, at, text, valid, problems FROM recipes WHERE session = ? ORDER BY version", [id]),
      };
    });
  }

  async list(): Promise<SessionRow[]> {
    return this.read((db) => rows<SessionRow>(db, "SELECT * FROM sessions ORDER BY created DESC, id DESC", []));
  }

  /** Removes sessions last changed before `before`, with everything recorded for them; their ids. */
  async prune(before: Date): Promise<string[]> {
    let pruned: string[] = [];
    await this.change((db) => {
      pruned = rows<{ id: string }>(db, "SELECT id FROM sessions WHERE updated < ? ORDER BY id", [before.toISOString()]).map((r) => r.id);
      for (const table of ["answers", "exchanges", "recipes"]) db.run(`DELETE FROM ${table} WHERE session IN (SELECT id FROM sessions WHERE updated < ?)`, [before.toISOString()]);
      db.run("DELETE FROM sessions WHERE updated < ?", [before.toISOString()]);
    });
    return pruned;
  }

  private async open(): Promise<Database> {
    sqlite ??= initSqlJs();
    const SQL = await sqlite;
    let bytes: Buffer | undefined;
    if (existsSync(this.file)) {
      try {
        bytes = readRegularFileSync(this.file, { maxBytes: MAX_DATABASE_BYTES, label: `draft sessions ${this.file}` });
      } catch (error) {
        if (error instanceof NotRegularFileError) throw new SessionError(`${error.message}; remove it, or prune old sessions (sdh draft sessions --prune)`);
        throw error;
      }
    }
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      db.exec(SCHEMA);
    } catch (error) {
      throw new SessionError(`draft sessions ${this.file} is not a session database (${(error as Error).message}); move it aside to start afresh`);
    }
    return db;
  }

  private async read<T>(use: (db: Database) => T): Promise<T> {
    const db = await this.open();
    try {
      return use(db);
    } finally {
      db.close();
    }
  }

  /** One transaction: under the lock, read the file, change it, write it whole. */
  private async change(use: (db: Database) => void): Promise<void> {
    mkdirSync(this.folder, { recursive: true });
    await this.acquire();
    try {
      const db = await this.open();
      try {
        use(db);
        const temporary = `${this.file}.${process.pid}.tmp`;
        try {
          writeFileSync(temporary, db.export(), { flag: "wx" });
          renameSync(temporary, this.file);
        } finally {
          rmSync(temporary, { force: true });
        }
      } finally {
        db.close();
      }
    } finally {
      rmSync(this.lock, { force: true });
    }
  }

  private async acquire(): Promise<void> {
    const started = Date.now();
    for (;;) {
      try {
        closeSync(openSync(this.lock, "wx"));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      try {
        if (Date.now() - statSync(this.lock).mtimeMs > STALE_LOCK_MS) rmSync(this.lock, { force: true });
      } catch {
        // Gone meanwhile: try again.
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new SessionError(`draft sessions are locked by another process (${this.lock}) for more than ${LOCK_WAIT_MS / 1000} s`);
      await sleep(20);
    }
  }
}

function rows<T>(db: Database, sql: string, params: SqlValue[]): T[] {
  const statement = db.prepare(sql, params);
  const out: T[] = [];
  try {
    while (statement.step()) out.push(statement.getAsObject() as T);
  } finally {
    statement.free();
  }
  return out;
}
