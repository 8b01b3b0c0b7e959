// The server's one database interface, with two drivers: PGlite (embedded PostgreSQL in a
// directory, the default) and PostgreSQL through `pg` (a `postgres://` URL). Both take the same
// SQL with $1-style parameters, so the queries in store.ts run unchanged on either.
//
// No query builder: Kysely 0.29 requires Node 22 (this package supports Node 20), and the
// server's few queries read as well in plain SQL as in a builder.
import { EventEmitter } from "node:events";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { MIGRATIONS, type Migration } from "./migrations";

export interface Queryable {
  /** Rows of one statement with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Tells every process on this database (PGlite: this process) that `channel` changed. */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `fn` for each notification on `channel`; resolves with a function that stops. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The database could not be opened: said in one line, for a one-line error and exit 1. */
export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/** Opens `target` (a directory for PGlite, or a postgres:// URL) and brings its schema up to date. */
export async function openDatabase(target: string): Promise<Database> {
  const db = isPostgresUrl(target) ? await openPostgres(target) : await openPglite(target);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw new DatabaseOpenError(`cannot prepare the database: ${messageOf(error)}`);
  }
  return db;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Applies the migrations not yet recorded, each in its own transaction, in order. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // Two servers starting at once on one PostgreSQL: the second waits here, then sees the row.
      await tx.query("SELECT pg_advisory_xact_lock(72144014)");
      await tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
      );
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A lock file beside the directory holds the owner's pid; one left by a process that died
 * (kill -9) is taken over.
 */
function lockPglite(dir: string): () => void {
  const lock = `${dir}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new DatabaseOpenError(`cannot lock the database in ${dir}: ${messageOf(error)}`);
    }
    const owner = Number.parseInt(readFileSync(lock, "utf8"), 10);
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      throw new DatabaseOpenError(`the database in ${dir} is in use by another serve (pid ${owner}); stop it, or give another --database`);
    }
    rmSync(lock, { force: true });
  }
  throw new DatabaseOpenError(`cannot lock the database in ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const unlock = dir.startsWith("memory://") ? () => {} : lockPglite(dir);
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create(dir);
  } catch (error) {
    unlock();
    throw new DatabaseOpenError(`cannot open the database in ${dir}: ${messageOf(error)}`);
  }
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const wrap = (q: { query: typeof pg.query; exec: typeof pg.exec }): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: "pglite",
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async notify(channel, payload) {
      events.emit(channel, payload);
    },
    async listen(channel, fn) {
      events.on(channel, fn);
      return async () => {
        events.off(channel, fn);
      };
    },
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import("pg");
  // bigint columns come back as strings by default; the server's are milliseconds and ids, well
  // inside a double's exact range.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  let pool: InstanceType<typeof pg.Pool>;
  try {
    pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  } catch (error) {
    throw new DatabaseOpenError(`bad database URL: ${messageOf(error)}`);
  }
  // An idle client's connection dropping must not end the server; the next query reconnects.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(`cannot connect to the database: ${messageOf(error)}`);
  }
  const listeners: (InstanceType<typeof pg.Client> | null)[] = [];
  const on = (q: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await q.query(sql, params as unknown[])).rows as Row[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: "postgres",
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async notify(channel, payload) {
      await pool.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async listen(channel, fn) {
      // LISTEN needs a connection of its own that stays open (a pooled one goes back to the pool).
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel === channel) fn(message.payload ?? "");
      });
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      listeners.push(client);
      return async () => {
        await client.end().catch(() => {});
        listeners[listeners.indexOf(client)] = null;
      };
    },
    async close() {
      for (const client of listeners) await client?.end().catch(() => {});
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
