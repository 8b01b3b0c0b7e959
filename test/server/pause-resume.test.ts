// The instructor pauses, resumes and extends a live session (every learner at once), through the
// HTTP API on both databases: while paused nothing a learner sends is stored and their time
// stands still; an extension moves every deadline; a replay of the stored actions (another
// server, empty caches) grades as the first did; and the exported files pass `report`'s checks.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { expect, it, vi } from "vitest";
import { run as reportCommand } from "../../src/cli/commands/report";
import { resultText } from "../../src/quiz/result";
import { findForgedRecord } from "../../src/quiz/verify";
import { createServer } from "../../src/server/app";
import { LiveSession } from "../../src/server/live-session";
import { resultFileNames } from "../../src/server/session-report";
import { rightAnswerFor } from "../support/server-answers";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { type Json, shippedCourse, startTestServer, type TestServer } from "../support/server";

let database: TestDatabase;

const MINUTE = 60_000;

async function countRows(server: TestServer): Promise<number[]> {
  const count = async (sql: string) => Number((await database.db.query<{ n: number }>(sql, [server.session.code]))[0]!.n);
  return [
    await count("SELECT count(*)::int AS n FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1"),
    await count("SELECT count(*)::int AS n FROM attempts a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1"),
  ];
}

async function instructor(server: TestServer, what: "pause" | "resume" | "extend", minutes?: number) {
  const res = await server.app.inject({
    method: "POST",
    url: `/api/sessions/${server.session.code}/${what}`,
    headers: server.instructorHeaders(),
    ...(minutes !== undefined ? { payload: { minutes } } : {}),
  });
  return { status: res.statusCode, body: res.json() as Json };
}

async function state(server: TestServer, token: string): Promise<Json> {
  const res = await server.app.inject({ url: `/api/sessions/${server.session.code}/state`, headers: server.learnerHeaders(token) });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function rightAnswer(server: TestServer, name: string): Promise<string> {
  const found = (await server.session.learners(server.clock.now)).find((l) => l.learner.name === name)!;
  return rightAnswerFor(found.replay.state);
}

describeOnEachDatabase(
  "pause, resume and extend",
  (opened) => (database = opened),
  () => {
    it("refuses answers, hints and skips while paused (423, nothing stored), keeps the time left, and takes them after the resume", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 10 } });
      const token = await server.join("Aiko");
      server.clock.now += 30_000;
      const early = crypto.randomUUID();
      const first = await rightAnswer(server, "Aiko");
      expect((await server.act(token, "answer", first, early)).status).toBe(200);

      const paused = await instructor(server, "pause");
      expect(paused).toEqual({
        status: 200,
        body: {
          type: "timing",
          session: server.session.code,
          changed: true,
          paused: true,
          pausedSince: expect.any(String),
          extendedMinutes: 0,
        },
      });
      // A learner's heartbeat says so too: a client learns of the pause while its learner thinks.
      const beat = await server.app.inject({
        method: "POST",
        url: `/api/sessions/${server.session.code}/heartbeat`,
        headers: server.learnerHeaders(token),
      });
      expect(beat.json()).toMatchObject({ ok: true, paused: true });
      // Pausing a paused session changes nothing.
      const rows = await database.db.query("SELECT * FROM session_changes WHERE session_code = $1", [server.session.code]);
      expect((await instructor(server, "pause")).body).toMatchObject({ changed: false, paused: true });
      expect(await database.db.query("SELECT * FROM session_changes WHERE session_code = $1", [server.session.code])).toEqual(rows);

      const before = await countRows(server);
      server.clock.now += 5 * MINUTE;
      const waiting = crypto.randomUUID();
      const text = await rightAnswer(server, "Aiko");
      for (const [action, body] of [
        ["answer", text],
        ["hint", undefined],
        ["skip", undefined],
      ] as const) {
        const res = await server.act(token, action, body, action === "answer" ? waiting : undefined);
        expect(res).toEqual({ status: 423, body: { error: "paused", message: expect.stringContaining("paused") } });
      }
      expect(await countRows(server)).toEqual(before);
      // An attempt stored before the pause is still answered, the same as before.
      expect((await server.act(token, "answer", first, early)).status).toBe(200);
      expect(await countRows(server)).toEqual(before);

      // The learner's state says so, and the time left stands still: 10 min less the 30 s before the pause.
      const seen = await state(server, token);
      expect(seen).toMatchObject({ paused: true, extendedMinutes: 0 });
      expect(seen.events[0].remainingMs).toBe(10 * MINUTE - 30_000);
      server.clock.now += 2 * MINUTE;
      expect((await state(server, token)).events[0].remainingMs).toBe(10 * MINUTE - 30_000);
      const info = (await server.app.inject({ url: `/j/${server.session.code}` })).json();
      expect(info).toMatchObject({ state: "open", paused: true });

      expect((await instructor(server, "resume")).body).toMatchObject({ changed: true, paused: false, pausedSince: null });
      expect((await instructor(server, "resume")).body).toMatchObject({ changed: false, paused: false });
      server.clock.now += 10_000;
      const resumed = await state(server, token);
      expect(resumed).toMatchObject({ paused: false });
      expect(resumed.events[0].remainingMs).toBe(10 * MINUTE - 40_000);
      // The same attempt id, sent again after the resume, is graded once.
      const taken = await server.act(token, "answer", text, waiting);
      expect(taken.status).toBe(200);
      expect(taken.body.events[0]).toMatchObject({ type: "feedback", feedback: { verdict: "correct" } });
      expect(await countRows(server)).toEqual([before[0]! + 1, before[1]! + 1]);
      await server.stop();
    });

    it("lets a learner quit while paused: quitting takes none of their time", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 10 } });
      const token = await server.join("Aiko");
      await instructor(server, "pause");
      const quit = await server.act(token, "quit");
      expect(quit.status).toBe(200);
      expect(quit.body.events.at(-1)).toMatchObject({ type: "summary", ending: "quit" });
      await server.stop();
    });

    it("moves each deadline by every extension and the time paused since that learner joined (also one who joins during the pause)", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 1 } });
      const code = server.session.code;
      const t0 = server.clock.now;
      const aiko = await server.join("Aiko");
      server.clock.now = t0 + 20_000;
      await instructor(server, "pause");
      server.clock.now = t0 + 120_000;
      // Ben joins during the pause: his time does not start until the resume.
      const ben = await server.join("Ben");
      expect((await state(server, ben)).events[0].remainingMs).toBe(MINUTE);
      server.clock.now = t0 + 320_000;
      await instructor(server, "resume");
      const extended = await instructor(server, "extend", 2);
      expect(extended.body).toMatchObject({ changed: true, paused: false, extendedMinutes: 2 });
      expect((await instructor(server, "extend", 3)).body).toMatchObject({ extendedMinutes: 5 });

      // Aiko: joined at t0, 300 s paused, 5 min added. Ben: joined at t0+120 s, 200 s of the pause.
      const aikoDeadline = t0 + MINUTE + 300_000 + 5 * MINUTE;
      const benDeadline = t0 + 120_000 + MINUTE + 200_000 + 5 * MINUTE;
      const aikoState = await state(server, aiko);
      expect(aikoState).toMatchObject({ paused: false, extendedMinutes: 5 });
      expect(aikoState.events[0]).toMatchObject({
        deadline: new Date(aikoDeadline).toISOString(),
        remainingMs: aikoDeadline - server.clock.now,
      });
      const model = (await server.app.inject({ url: `/api/sessions/${code}/dashboard`, headers: server.instructorHeaders() })).json();
      expect(model.session).toMatchObject({ paused: false, pausedSince: null, extendedMinutes: 5 });
      expect(model.learners.map((l: { name: string; deadline: string }) => [l.name, l.deadline])).toEqual([
        ["Aiko", new Date(aikoDeadline).toISOString()],
        ["Ben", new Date(benDeadline).toISOString()],
      ]);

      // Long after the first deadline, before the moved one: the answer counts.
      server.clock.now = aikoDeadline - 1000;
      const late = await server.act(aiko, "answer", await rightAnswer(server, "Aiko"));
      expect(late.body.events[0]).toMatchObject({ type: "feedback", feedback: { verdict: "correct" } });
      // At the moved deadline the time is up, and a pause after it does not bring the learner back.
      server.clock.now = aikoDeadline;
      const over = await server.act(aiko, "answer", "0.5");
      expect(over.body.events.map((e: { type: string }) => e.type)).toEqual(["notice", "summary"]);
      expect(over.body.events[1]).toMatchObject({ ending: "time-up", score: 1 });
      await instructor(server, "pause");
      server.clock.now += MINUTE;
      expect((await state(server, aiko)).events[0]).toMatchObject({ type: "summary", ending: "time-up" });
      const results = await server.session.results(server.clock.now);
      expect(results[0]).toMatchObject({ deadline: new Date(aikoDeadline).toISOString(), timeAddedMs: 600_000, ending: "time-up" });
      await server.stop();
    });

    it("refuses to extend an untimed session (409), and anything after the end (410)", async () => {
      const server = await startTestServer(database.db);
      expect(await instructor(server, "extend", 5)).toMatchObject({ status: 409, body: { error: "untimed" } });
      await server.app.inject({ method: "POST", url: `/api/sessions/${server.session.code}/end`, headers: server.instructorHeaders() });
      for (const what of ["pause", "resume"] as const)
        expect(await instructor(server, what)).toMatchObject({ status: 410, body: { error: "ended" } });
      await server.stop();
    });

    it("announces each change to the dashboard's stream, and another server on the database refuses while paused and takes the answer after the resume", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 5 } });
      const other = await createServer({
        session: (await LiveSession.open(database.db, await shippedCourse(), "0.0.0-test", server.session.code))!,
        now: () => server.clock.now,
      });
      const token = await server.join("Aiko");
      const announced: number[] = [];
      const stop = await server.session.onChange(() => announced.push(1));
      const actOnOther = async (id: string, text: string) => {
        const res = await other.app.inject({
          method: "POST",
          url: `/api/sessions/${server.session.code}/actions`,
          headers: server.learnerHeaders(token),
          payload: { id, action: "answer", text },
        });
        return { status: res.statusCode, body: res.json() as Json };
      };
      // The other server has the learner's state cached (a client reads its state before answering).
      await other.app.inject({ url: `/api/sessions/${server.session.code}/state`, headers: server.learnerHeaders(token) });
      await instructor(server, "pause");
      await vi.waitFor(() => expect(announced.length).toBeGreaterThanOrEqual(1));
      const id = crypto.randomUUID();
      const text = await rightAnswer(server, "Aiko");
      await vi.waitFor(async () => expect((await actOnOther(crypto.randomUUID(), "0.5")).status).toBe(423));
      expect((await actOnOther(id, text)).status).toBe(423);
      const snapshot = (
        await other.app.inject({ url: `/api/sessions/${server.session.code}/dashboard`, headers: server.instructorHeaders() })
      ).json();
      expect(snapshot.session).toMatchObject({ paused: true });
      await instructor(server, "resume");
      await vi.waitFor(() => expect(announced.length).toBeGreaterThanOrEqual(2));
      const taken = await actOnOther(id, text);
      expect(taken.status).toBe(200);
      expect(taken.body.events[0]).toMatchObject({ type: "feedback", feedback: { verdict: "correct" } });
      await stop();
      await other.stop();
      await server.stop();
    });

    it("replays the stored actions to the same grading on a fresh server, and `report` accepts the exported files", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 1 } });
      const code = server.session.code;
      const aiko = await server.join("Aiko");
      const ben = await server.join("Ben");
      const answered: { name: string; verdict: string }[] = [];
      const answer = async (token: string, name: string, text?: string) => {
        server.clock.now += 1000;
        const res = await server.act(token, "answer", text ?? (await rightAnswer(server, name)));
        expect(res.status).toBe(200);
        const feedback = res.body.events.find((e: { type: string }) => e.type === "feedback");
        if (feedback) answered.push({ name, verdict: feedback.feedback.verdict });
      };
      server.clock.now += 20_000;
      await answer(aiko, "Aiko"); // before any change: stays valid after the extension
      await answer(ben, "Ben", "0.5");
      await instructor(server, "pause");
      server.clock.now += 3 * MINUTE;
      await instructor(server, "resume");
      await instructor(server, "extend", 1);
      server.clock.now += 88_000; // past the first deadline (60 s), inside the moved one (60 + 180 + 60 s)
      await answer(aiko, "Aiko");
      await answer(ben, "Ben");
      server.clock.now += 3_000;
      await answer(aiko, "Aiko");
      const results = await server.session.results(server.clock.now);

      // Another server on the database: nothing cached, every learner replayed from the rows.
      const fresh = (await LiveSession.open(database.db, await shippedCourse(), "0.0.0-test", code))!;
      const replayed = await fresh.results(server.clock.now);
      expect(replayed).toEqual(results);
      const verdicts = (name: string) => replayed.find((r) => r.name === name)!.questions.flatMap((q) => q.answers.map((a) => a.verdict));
      expect(verdicts("Aiko")).toEqual(answered.filter((a) => a.name === "Aiko").map((a) => a.verdict));
      expect(verdicts("Ben")).toEqual(answered.filter((a) => a.name === "Ben").map((a) => a.verdict));
      expect(verdicts("Aiko")).toEqual(["correct", "correct", "correct"]);
      for (const result of replayed) {
        expect(result.timeAddedMs).toBe(4 * MINUTE);
        expect(findForgedRecord(result)).toBeNull();
      }

      // The files `serve --export` writes, read by `report`: both learners counted, none set aside.
      const dir = mkdtempSync(join(tmpdir(), "sigmoid-paused-export-"));
      const names = resultFileNames(results);
      for (const [i, r] of results.entries()) writeFileSync(join(dir, names[i]!), resultText(r));
      const out = new PassThrough();
      let printed = "";
      out.on("data", (chunk) => (printed += chunk));
      const exit = await reportCommand([...names.map((n) => join(dir, n)), "--format", "json"], {
        stdin: new PassThrough(),
        stdout: out,
        stderr: new PassThrough(),
        env: {},
        cwd: dir,
      });
      expect(exit, printed).toBe(0);
      const report = JSON.parse(printed);
      expect(report.rejected).toEqual([]);
      expect(report.learners.map((l: { name: string; score: number }) => [l.name, l.score])).toEqual([
        ["Aiko", 3],
        ["Ben", 1],
      ]);
      await server.stop();
    });
  },
);
