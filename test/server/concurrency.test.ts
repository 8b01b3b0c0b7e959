// Two servers on one database (as two `serve` processes on one PostgreSQL), one learner's
// actions arriving at both at once: each action is graded once, in one order, with the same
// attempt id answered alike by both. On PGlite the same code runs in one process.
import { expect, it } from "vitest";
import { createServer } from "../../src/server/app";
import { LiveSession } from "../../src/server/live-session";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { shippedCourse, startTestServer } from "../support/server";

let database: TestDatabase;

describeOnEachDatabase(
  "two servers on one session",
  (opened) => (database = opened),
  () => {
    it("grade a learner's concurrent actions once each, in one order", async () => {
      const first = await startTestServer(database.db);
      const code = first.session.code;
      const again = await LiveSession.open(database.db, await shippedCourse(), "0.0.0-test", code);
      const second = await createServer({ session: again!, now: () => first.clock.now });
      const token = await first.join("Aiko");
      const repeated = crypto.randomUUID();
      const bodies = [
        { id: repeated, action: "answer", text: "0.5" },
        { id: crypto.randomUUID(), action: "hint" },
        { id: repeated, action: "answer", text: "0.5" },
        { id: crypto.randomUUID(), action: "answer", text: "abc" },
        { id: crypto.randomUUID(), action: "skip" },
        { id: repeated, action: "answer", text: "0.5" },
      ];
      const responses = await Promise.all(
        bodies.map((payload, i) =>
          (i % 2 === 0 ? first.app : second.app).inject({
            method: "POST",
            url: `/api/sessions/${code}/actions`,
            headers: first.learnerHeaders(token),
            payload,
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      const repeats = responses.filter((_, i) => bodies[i]!.id === repeated).map((r) => r.body);
      expect(new Set(repeats).size).toBe(1);
      const rows = await database.db.query<{ seq: number; attempt_id: string }>(
        "SELECT a.seq, a.attempt_id FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1 ORDER BY a.seq",
        [code],
      );
      expect(rows.map((r) => Number(r.seq))).toEqual([0, 1, 2, 3]);
      expect(new Set(rows.map((r) => r.attempt_id)).size).toBe(4);
      await first.stop();
      await second.stop();
    });
  },
);
