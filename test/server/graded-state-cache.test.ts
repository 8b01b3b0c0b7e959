// A server grades a learner's answer on the quiz state it cached from their last action. Two
// servers on one session (as two `serve` processes on one PostgreSQL), one learner answering
// through both in turn: each server must notice what the other stored for that learner and
// grade against the learner's true state, counting every attempt once. A second learner
// answering the same texts through one server only gives the responses to expect.
import { expect, it } from "vitest";
import { createServer } from "../../src/server/app";
import { LiveSession } from "../../src/server/live-session";
import { rightAnswerFor } from "../support/server-answers";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { type Json, shippedCourse, startTestServer, type TestServer } from "../support/server";

let database: TestDatabase;

async function currentState(server: TestServer, name: string) {
  const found = (await server.session.learners(server.clock.now)).find((l) => l.learner.name === name);
  if (!found) throw new Error(`no learner ${name}`);
  return found.replay.state;
}

describeOnEachDatabase(
  "the cached quiz state of two servers on one session",
  (opened) => (database = opened),
  () => {
    it("an answer through B, then one through A: graded against the learner's true state, each counted once", async () => {
      const a = await startTestServer(database.db, { settings: { count: 4 } });
      const code = a.session.code;
      const other = await LiveSession.open(database.db, await shippedCourse(), "0.0.0-test", code);
      const b = await createServer({ session: other!, now: () => a.clock.now });
      const aiko = await a.join("Aiko");
      const ren = await a.join("Ren");
      const send = async (app: typeof b.app, token: string, text: string, id: string = crypto.randomUUID()) => {
        const res = await app.inject({
          method: "POST",
          url: `/api/sessions/${code}/actions`,
          headers: a.learnerHeaders(token),
          payload: { id, action: "answer", text },
        });
        return { status: res.statusCode, body: res.json() as Json, id };
      };

      // Aiko answers through A, A, B, A, B, B, A; each server's cache goes stale in turn.
      const route = [a.app, a.app, b.app, a.app, b.app, b.app, a.app];
      const sentThroughB: { id: string; text: string; body: Json }[] = [];
      for (const [i, app] of route.entries()) {
        const state = await currentState(a, "Ren");
        if (state.finished) break;
        // Every third answer is wrong: the learner then answers the same question again.
        const text = i % 3 === 1 ? "0.1" : rightAnswerFor(state);
        a.clock.now += 2000;
        const expected = await send(a.app, ren, text);
        const got = await send(app, aiko, text);
        expect(expected.status, `answer ${i + 1}`).toBe(200);
        expect(got.status, `answer ${i + 1}`).toBe(200);
        // The learner's name (in the closing summary's result) is the only difference allowed.
        const asRen = JSON.parse(JSON.stringify(got.body).replaceAll('"Aiko"', '"Ren"')) as Json;
        expect(asRen, `answer ${i + 1} (${app === a.app ? "A" : "B"})`).toEqual(expected.body);
        if (app === b.app) sentThroughB.push({ id: got.id, text, body: got.body });
      }
      expect(await currentState(a, "Aiko")).toEqual(await currentState(a, "Ren"));

      // Retried through A, an answer B stored is answered as B answered it, and stored once.
      const countOf = async () =>
        (
          await database.db.query<{ seq: number }>(
            "SELECT a.seq FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1 AND l.name = 'Aiko' ORDER BY a.seq",
            [code],
          )
        ).map((row) => Number(row.seq));
      const stored = await countOf();
      expect(stored).toEqual(stored.map((_, i) => i));
      expect(sentThroughB.length).toBeGreaterThan(0);
      for (const { id, text, body } of sentThroughB) {
        const again = await send(a.app, aiko, text, id);
        expect(again.status).toBe(200);
        expect(again.body).toEqual(body);
        expect((await send(a.app, aiko, `${text}1`, id)).status).toBe(409);
      }
      expect(await countOf()).toEqual(stored);
      const [attempts] = await database.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM attempts t JOIN learners l ON l.id = t.learner_id WHERE l.session_code = $1 AND l.name = 'Aiko'",
        [code],
      );
      const [renAttempts] = await database.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM attempts t JOIN learners l ON l.id = t.learner_id WHERE l.session_code = $1 AND l.name = 'Ren'",
        [code],
      );
      expect(Number(attempts!.n)).toBe(Number(renAttempts!.n));
      await a.stop();
      await b.stop();
    });
  },
);
