// Many learners answering at once: their answers are stored together (group commit,
// src/server/action-writer.ts), yet each is graded as if it came alone, stored once, and
// answered only after it is committed. One answer the database refuses fails no other.
import { expect, it } from "vitest";
import type { Database } from "../../src/server/database";
import { rightAnswerFor } from "../support/server-answers";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { type Json, startTestServer, type TestServer } from "../support/server";

let database: TestDatabase;

/** The database, counting the statements that store a batch of answers; `refuse` makes one fail. */
function watched(db: Database, refuse: (params: readonly unknown[]) => boolean = () => false) {
  const batches: number[] = [];
  const wrapped: Database = Object.create(db);
  wrapped.query = async (sql, params = []) => {
    if (sql.includes("jsonb_to_recordset")) {
      batches.push((JSON.parse(String(params[0])) as unknown[]).length);
      if (refuse(params)) throw Object.assign(new Error("refused by the test"), { code: "22P02" });
    }
    return db.query(sql, params);
  };
  return { db: wrapped, batches };
}

async function learnersReady(server: TestServer, count: number) {
  const learners: { name: string; token: string }[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Learner ${i + 1}`;
    const token = await server.join(name);
    // Reading the state is what a client does on joining; the server keeps the learner's quiz
    // from it, and grades their next answer on it.
    const state = await server.app.inject({ url: `/api/sessions/${server.session.code}/state`, headers: server.learnerHeaders(token) });
    expect(state.statusCode).toBe(200);
    learners.push({ name, token });
  }
  return learners;
}

async function currentState(server: TestServer, name: string) {
  const found = (await server.session.learners(server.clock.now)).find((l) => l.learner.name === name);
  return found!.replay.state;
}

function verdictOf(body: Json): string | undefined {
  return (body.events as Json[]).find((e) => e.type === "feedback")?.feedback.verdict;
}

async function storedCounts(db: Database) {
  const [actions] = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM actions");
  const [attempts] = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM attempts");
  return { actions: actions!.n, attempts: attempts!.n };
}

describeOnEachDatabase(
  "answers arriving at once",
  (opened) => (database = opened),
  () => {
    it("are stored in fewer statements than answers, each once, each learner graded on their own quiz", async () => {
      const { db, batches } = watched(database.db);
      const server = await startTestServer(db, { settings: { count: 3 }, rateWindowMs: 60_000 });
      const learners = await learnersReady(server, 24);
      const before = await storedCounts(database.db);
      // Every third learner gives a wrong value; the others the right one for their own question.
      const texts = await Promise.all(
        learners.map(async ({ name }, i) => (i % 3 === 2 ? "0.123" : rightAnswerFor(await currentState(server, name)))),
      );
      const responses = await Promise.all(learners.map(({ token }, i) => server.act(token, "answer", texts[i])));

      expect(responses.map((r) => r.status)).toEqual(learners.map(() => 200));
      const verdicts = responses.map((r) => verdictOf(r.body));
      expect(verdicts).toEqual(learners.map((_, i) => (i % 3 === 2 ? "incorrect" : "correct")));
      // Together, not one statement an answer.
      expect(batches.reduce((a, b) => a + b, 0)).toBe(learners.length);
      expect(batches.length).toBeLessThan(learners.length / 2);
      const after = await storedCounts(database.db);
      expect(after.actions - before.actions).toBe(learners.length);
      expect(after.attempts - before.attempts).toBe(learners.length);
      // What the instructor's report counts: one attempt each.
      const results = await server.session.results(server.clock.now);
      for (const result of results) expect(result.questions.flatMap((q) => q.answers)).toHaveLength(1);
      await server.stop();
    });

    it("a retried answer gets the same bytes and is stored once, though it went in a batch", async () => {
      const server = await startTestServer(database.db, { rateWindowMs: 60_000 });
      const [aiko, ben] = await learnersReady(server, 2);
      const id = crypto.randomUUID();
      const send = (token: string, text: string, attempt: string = crypto.randomUUID()) =>
        server.app.inject({
          method: "POST",
          url: `/api/sessions/${server.session.code}/actions`,
          headers: server.learnerHeaders(token),
          payload: { id: attempt, action: "answer", text },
        });
      const [first] = await Promise.all([send(aiko!.token, "0.5", id), send(ben!.token, "0.5")]);
      const again = await send(aiko!.token, "0.5", id);
      expect(first.statusCode).toBe(200);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      const rows = await database.db.query<{ n: number }>("SELECT count(*)::integer AS n FROM actions WHERE attempt_id = $1", [id]);
      expect(rows[0]!.n).toBe(1);
      await server.stop();
    });

    it("one answer the database refuses fails only that learner's request; the others are stored, and its retry is too", async () => {
      let refusedLearner = -1;
      const withRefused: number[] = [];
      const { db } = watched(database.db, (params) => {
        const rows = JSON.parse(String(params[0])) as { learner_id: number }[];
        if (!rows.some((row) => row.learner_id === refusedLearner)) return false;
        withRefused.push(rows.length);
        return true;
      });
      const server = await startTestServer(db, { rateWindowMs: 60_000 });
      const learners = await learnersReady(server, 6);
      const found = await server.session.learnerByToken(learners[3]!.token);
      if (found === null || found === "other") throw new Error("no learner");
      refusedLearner = found.id;
      const before = await storedCounts(database.db);
      const ids = learners.map(() => crypto.randomUUID());
      // The first answer goes alone; the other five arrive while it is written, and go together.
      const responses = await Promise.all(learners.map(({ token }, i) => server.act(token, "answer", "0.5", ids[i])));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 500, 200, 200]);
      expect(responses[3]!.body).toMatchObject({ error: "internal" });
      // It was refused in a batch with others, then alone.
      expect(withRefused[0]).toBeGreaterThan(1);
      expect(withRefused.at(-1)).toBe(1);
      expect((await storedCounts(database.db)).actions - before.actions).toBe(5);

      // The client retries with the same attempt id: graded from the database this time.
      refusedLearner = -1;
      const retry = await server.act(learners[3]!.token, "answer", "0.5", ids[3]);
      expect(retry.status).toBe(200);
      expect(verdictOf(retry.body)).toBe(verdictOf(responses[0]!.body));
      expect((await storedCounts(database.db)).actions - before.actions).toBe(6);
      await server.stop();
    });

    it("stores nothing while the session is paused, though this server has not heard of the pause yet", async () => {
      const server = await startTestServer(database.db, { rateWindowMs: 60_000 });
      const [aiko] = await learnersReady(server, 1);
      const before = await storedCounts(database.db);
      // Another server's pause, as stored, before its notice reaches this one.
      await database.db.query("INSERT INTO session_changes (session_code, seq, kind, at, minutes) VALUES ($1, 0, 'pause', $2, 0)", [
        server.session.code,
        server.clock.now,
      ]);
      const answer = await server.act(aiko!.token, "answer", "0.5");
      expect(answer.status).toBe(423);
      expect(answer.body).toMatchObject({ error: "paused" });
      expect(await storedCounts(database.db)).toEqual(before);
      await server.stop();
    });
  },
);
