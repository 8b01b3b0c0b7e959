// The database for the server's tests: an embedded PGlite in a temporary directory by default,
// or, with TEST_DATABASE_URL=postgres://…, a fresh database created on that server for each
// call and dropped afterwards, so the same tests prove both drivers.
import { afterAll, beforeAll, describe } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../../src/server/database";
import { openDatabase } from "../../src/server/database";

export interface TestDatabase {
  db: Database;
  /** What `serve --database` would be given for this database. */
  target: string;
  cleanup(): Promise<void>;
}

export type DatabaseBackend = "PGlite" | "PostgreSQL";

/** The backends this test run has: PGlite always, PostgreSQL when the run has a cluster (TEST_DATABASE_URL). */
export const testDatabaseBackends: DatabaseBackend[] = process.env.TEST_DATABASE_URL ? ["PGlite", "PostgreSQL"] : ["PGlite"];

export async function openTestDatabase(
  backend: DatabaseBackend = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite",
): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (backend === "PostgreSQL") {
    if (!url) throw new Error("no PostgreSQL for this test run (TEST_DATABASE_URL is not set)");
    const { default: pg } = await import("pg");
    const name = `sigmoid_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openDatabase(target.toString());
    return {
      db,
      target: target.toString(),
      async cleanup() {
        await db.close();
        const again = new pg.Client({ connectionString: url });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "sigmoid-server-db-"));
  const db = await openDatabase(dir);
  return {
    db,
    target: dir,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `tests` in a describe block of their own for each backend of this run ("TITLE on PGlite",
 * "TITLE on PostgreSQL"), each with a database opened before them (handed to `opened`) and
 * dropped after them.
 */
export function describeOnEachDatabase(
  title: string,
  opened: (database: TestDatabase) => void,
  tests: (backend: DatabaseBackend) => void,
): void {
  describe.each(testDatabaseBackends)(`${title} on %s`, (backend) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await openTestDatabase(backend);
      opened(database);
    });
    afterAll(async () => {
      await database?.cleanup();
    });
    tests(backend);
  });
}
