// The dashboard model's fields the page shows in its header and learner table: the seed, each
// learner's own deadline (a learner's quiz and its time limit start when they join), and how many
// parts each question has (a learner's `part` counts from 0).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../support/server-db";
import { startTestServer } from "../support/server";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

describe("the dashboard model for the page", () => {
  it("gives the seed, each learner's deadline and each question's parts", async () => {
    const server = await startTestServer(database.db, { settings: { seed: 7, count: 5, timeLimitMinutes: 10 } });
    const code = server.session.code;
    const joinedAt = server.clock.now;
    await server.join("Aiko");
    server.clock.now += 60_000;
    await server.join("Kenji");
    const response = await server.app.inject({
      method: "GET",
      url: `/api/sessions/${code}/dashboard`,
      headers: server.instructorHeaders(),
    });
    expect(response.statusCode).toBe(200);
    const model = response.json();
    expect(model.session.seed).toBe(7);
    expect(model.learners.map((l: { deadline: string }) => l.deadline)).toEqual([
      new Date(joinedAt + 10 * 60_000).toISOString(),
      new Date(joinedAt + 11 * 60_000).toISOString(),
    ]);
    expect(model.learners[0].part).toBe(0);
    expect(model.questions).toHaveLength(5);
    for (const question of model.questions) expect(question.parts).toBeGreaterThanOrEqual(1);
    await server.stop();
  });

  it("has no deadline without a time limit", async () => {
    const server = await startTestServer(database.db);
    await server.join("Aiko");
    const model = await server.session.dashboard(server.clock.now);
    expect(model.learners[0]!.deadline).toBeNull();
    await server.stop();
  });
});
