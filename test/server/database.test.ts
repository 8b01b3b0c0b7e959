// The database layer: migrations applied once and recorded, a transaction rolled back on error,
// and PGlite's directory kept to one process (a second open is refused, a dead owner's lock taken over).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DatabaseOpenError, migrate, openDatabase } from "../../src/server/database";
import { MIGRATIONS } from "../../src/server/migrations";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";

let database: TestDatabase;

describeOnEachDatabase(
  "the database",
  (opened) => (database = opened),
  (backend) => {
    it("records each migration once; applying them again changes nothing", async () => {
      const rows = await database.db.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(database.db)).toEqual([]);
    });

    it("rolls a transaction back when it throws", async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.query(
            "INSERT INTO sessions (code, instructor_token, settings, lang, feedback, content_version, started_at) VALUES ('ROLLBACK', 't', '{}', 'en', 'now', 'v', 0)",
          );
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await database.db.query("SELECT code FROM sessions WHERE code = 'ROLLBACK'")).toEqual([]);
    });

    it.skipIf(backend !== "PGlite")(
      "refuses a PGlite directory another process has open, and takes over a dead one's lock",
      async () => {
        const dir = mkdtempSync(join(tmpdir(), "sigmoid-lock-"));
        const target = join(dir, "pglite");
        // A lock left by a process that is gone (kill -9): taken over.
        writeFileSync(`${target}.lock`, "999999999\n");
        const db = await openDatabase(target);
        const second = openDatabase(target);
        await expect(second).rejects.toBeInstanceOf(DatabaseOpenError);
        await expect(second).rejects.toThrow(/in use by another serve \(pid \d+\)/);
        await db.close();
        const again = await openDatabase(target);
        await again.close();
      },
      120_000,
    ); // PGlite opened twice: 15 s or more on the loaded shared machine
  },
);
