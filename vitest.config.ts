import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    // The second starts the run's throwaway PostgreSQL cluster (TEST_DATABASE_URL).
    globalSetup: ["test/support/global-setup.ts", "test/support/postgres-global-setup.ts"],
    // The machines have two cores and the end-to-end tests spawn processes and terminals.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
