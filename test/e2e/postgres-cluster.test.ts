// The throwaway PostgreSQL cluster the live-session tests and the bench run on.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startCluster } from "../support/pg-cluster.mjs";
import setup from "../support/postgres-global-setup";
import { createTestDatabase, postgresSkipReason, postgresUrl } from "../support/postgres";

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresUrl)(`the run's PostgreSQL cluster${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ""}`, () => {
  const dropped: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  it("is a real PostgreSQL server on 127.0.0.1, and each file gets a database of its own", async () => {
    expect(new URL(postgresUrl!).hostname).toBe("127.0.0.1");
    const a = await createTestDatabase("cluster a");
    const b = await createTestDatabase("cluster b");
    dropped.push(a.drop, b.drop);
    expect(a.url).not.toBe(b.url);
    await query(a.url, "CREATE TABLE only_in_a (n int)");
    const inA = await query(a.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
    const inB = await query(b.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
    expect(inA.rows[0].n).toBe(1);
    expect(inB.rows[0].n).toBe(0);
    expect((await query(a.url, "SELECT version() AS v")).rows[0].v).toMatch(/^PostgreSQL \d+/);
  });

  it("runs as an unprivileged user in a temporary directory that stop() deletes", async () => {
    const cluster = await startCluster();
    try {
      const pid = Number(readFileSync(join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
      const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
      expect(uid).not.toBe(0); // PostgreSQL refuses root; as root the cluster belongs to nobody
      expect(statSync(cluster.dir).uid).toBe(uid);
      expect((await query(cluster.url, "SELECT 1 AS one")).rows[0].one).toBe(1);
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.dir)).toBe(false);
    await expect(query(cluster.url, "SELECT 1")).rejects.toThrow();
  });
});

describe("the global setup without PostgreSQL's binaries", () => {
  const saved = { ...process.env };
  const empty = mkdtempSync(join(tmpdir(), "st-no-pg-"));
  afterAll(() => {
    for (const key of ["CI", "PG_BIN", "TEST_DATABASE_URL", "TEST_POSTGRES_SKIPPED"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    rmSync(empty, { recursive: true, force: true });
  });

  it("skips the PostgreSQL tests with a reason outside CI, and fails loudly under CI", async () => {
    delete process.env.TEST_DATABASE_URL;
    process.env.PG_BIN = empty;
    delete process.env.CI;
    const teardown = await setup();
    teardown();
    expect(process.env.TEST_DATABASE_URL).toBeUndefined();
    expect(process.env.TEST_POSTGRES_SKIPPED).toMatch(/initdb and pg_ctl were not found/);
    process.env.CI = "true";
    await expect(setup()).rejects.toThrow(/CI must run the PostgreSQL tests, but PostgreSQL's initdb and pg_ctl were not found/);
  });
});
