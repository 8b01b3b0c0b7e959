// What a test file needs from the run's throwaway PostgreSQL cluster (postgres-global-setup.ts):
// whether there is one, why not, and a database of its own.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The cluster's admin URL, or undefined when PostgreSQL tests are skipped. */
export const postgresUrl: string | undefined = process.env.TEST_DATABASE_URL;

/** Shown in the name of a skipped PostgreSQL suite, so a run says what it did not prove. */
export const postgresSkipReason: string = postgresUrl ? "" : (process.env.TEST_POSTGRES_SKIPPED ?? "TEST_DATABASE_URL is not set");

export interface TestDatabase {
  /** postgres://… of a new, empty database. */
  url: string;
  /** Drops it (forcing out connections a killed server left behind). */
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!postgresUrl) throw new Error(`no PostgreSQL for this test run: ${postgresSkipReason}`);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the run's cluster, named after `label` and a random suffix. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
