// One throwaway PostgreSQL cluster per test run (test/support/pg-cluster.mjs), its URL passed to
// the test files in TEST_DATABASE_URL; each file makes its own database on it
// (createTestDatabase in ./postgres.ts), so files run in parallel. Without PostgreSQL's binaries
// the PostgreSQL tests are skipped and say why, except under CI, where that is an error: CI
// (.ci/run) installs them, so their absence means the proof did not run.
import { type Cluster, findPostgresBin, startCluster } from "./pg-cluster.mjs";

let cluster: Cluster | null = null;
const stopOnExit = () => cluster?.stop();
// A run killed with SIGTERM or SIGHUP gets no exit event: stop the cluster, then die of the same
// signal (the handler is gone by then, so the default action follows).
const stopOnSignal = (signal: NodeJS.Signals) => {
  stopOnExit();
  process.kill(process.pid, signal);
};
const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGHUP"];

export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {}; // a server given by whoever runs the tests
  const bin = findPostgresBin();
  if (!bin) {
    const reason = "PostgreSQL's initdb and pg_ctl were not found (Debian: apt-get install postgresql; or set PG_BIN)";
    if (process.env.CI) throw new Error(`CI must run the PostgreSQL tests, but ${reason}`);
    process.env.TEST_POSTGRES_SKIPPED = reason;
    console.warn(`PostgreSQL tests skipped: ${reason}`);
    return () => {};
  }
  cluster = await startCluster({ bin });
  process.env.TEST_DATABASE_URL = cluster.url;
  // Vitest runs the teardown below even when tests fail; the exit handler covers an interrupted run.
  process.once("exit", stopOnExit);
  for (const signal of SIGNALS) process.once(signal, stopOnSignal);
  return () => {
    process.off("exit", stopOnExit);
    for (const signal of SIGNALS) process.off(signal, stopOnSignal);
    cluster?.stop();
    cluster = null;
  };
}
