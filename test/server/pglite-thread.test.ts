// The built `serve` runs PGlite in a thread of its own (dist/pglite-worker.mjs, built by
// `npm test` before the tests run). Statements from the server's thread must behave as they do
// on PGlite in one thread: in order, a transaction's statements never mixed with anyone
// else's, PostgreSQL's error codes kept (the server tells a unique violation by its code).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteThread, type PgliteThread } from "../../src/server/pglite-thread";

const WORKER = new URL("../../dist/pglite-worker.mjs", import.meta.url);
let dir: string;
let db: PgliteThread;

describe.skipIf(!existsSync(WORKER))("PGlite in its own thread", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pglite-thread-"));
    db = await openPgliteThread(WORKER, join(dir, "db"));
    await db.exec("CREATE TABLE t (id integer PRIMARY KEY, note text)");
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers statements with their rows and parameters", async () => {
    await db.query("INSERT INTO t VALUES ($1, $2), ($3, $4)", [1, "σ′(x)", 2, null]);
    expect(await db.query("SELECT id, note FROM t ORDER BY id")).toEqual([
      { id: 1, note: "σ′(x)" },
      { id: 2, note: null },
    ]);
  });

  it("keeps PostgreSQL's error code", async () => {
    await expect(db.query("INSERT INTO t VALUES (1, 'again')")).rejects.toMatchObject({ code: "23505" });
  });

  it("holds other statements back while a transaction is open, and a rollback takes back only its own", async () => {
    let outsideDone = false;
    let outside: Promise<unknown> | null = null;
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (10, 'inside')");
        // Sent while the transaction is open: it must not run inside it (and be rolled back).
        outside = db.query("INSERT INTO t VALUES (11, 'outside')").then(() => (outsideDone = true));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(outsideDone).toBe(false);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await outside;
    expect(await db.query("SELECT id FROM t WHERE id >= 10 ORDER BY id")).toEqual([{ id: 11 }]);
  });

  it("commits a transaction's statements together", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (20, 'a')");
      await tx.query("INSERT INTO t VALUES (21, 'b')");
      return "done";
    });
    expect(result).toBe("done");
    expect(await db.query("SELECT count(*)::integer AS n FROM t WHERE id IN (20, 21)")).toEqual([{ n: 2 }]);
  });

  it("refuses to open a directory that is not a database", async () => {
    const file = join(dir, "a-file");
    await import("node:fs").then(({ writeFileSync }) => writeFileSync(file, "not a database"));
    await expect(openPgliteThread(WORKER, file)).rejects.toThrow();
  });
});
