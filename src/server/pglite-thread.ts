// PGlite in a thread of its own (pglite-worker.ts), behind the same Queryable as in this one.
// Statements are sent as they come and answered in order; while a transaction is open, the
// statements of everyone else wait for its end, as PGlite's own transaction() makes them wait.
import { Worker } from "node:worker_threads";
import type { Queryable } from "./database";

export type PgliteRequest =
  | { id: number; op: "open"; dir: string }
  | { id: number; op: "query"; sql: string; params: readonly unknown[] }
  | { id: number; op: "exec"; sql: string }
  | { id: number; op: "close" };

export type PgliteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code: string | null };

/** An error from the database, with PostgreSQL's SQLSTATE as `code` (as PGlite and pg give it). */
export class PgliteThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export interface PgliteThread extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Body<R> = R extends unknown ? Omit<R, "id"> : never;

/** Starts the worker at `workerUrl` and opens the database in `dir` there. */
export async function openPgliteThread(workerUrl: URL, dir: string): Promise<PgliteThread> {
  const worker = new Worker(workerUrl);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  const failAll = (error: Error) => {
    failed = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (reply: PgliteReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new PgliteThreadError(reply.message, reply.code));
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`the database thread stopped (exit code ${code})`)));

  const send = (request: Body<PgliteRequest>): Promise<unknown> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const direct: Queryable = {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await send({ op: "query", sql, params })) as Row[];
    },
    async exec(sql: string) {
      await send({ op: "exec", sql });
    },
  };

  // The open transaction, if any: everything else waits for it. Each waiter checks again when
  // it wakes and acts in the same turn, so two never both see it closed and both go on.
  let open: Promise<void> | null = null;

  try {
    await send({ op: "open", dir });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      while (open) await open;
      return direct.query<Row>(sql, params);
    },
    async exec(sql: string) {
      while (open) await open;
      return direct.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      while (open) await open;
      let end!: () => void;
      open = new Promise((resolve) => (end = resolve));
      try {
        await direct.exec("BEGIN");
        try {
          const result = await fn(direct);
          await direct.exec("COMMIT");
          return result;
        } catch (error) {
          await direct.exec("ROLLBACK").catch(() => {});
          throw error;
        }
      } finally {
        open = null;
        end();
      }
    },
    async close() {
      while (open) await open;
      try {
        await send({ op: "close" });
      } finally {
        await worker.terminate();
      }
    },
  };
}
