// Learners' quizzes through the HTTP API (Fastify's inject, no socket), graded by the server:
// the dashboard model, the report (the same text `report FILE…` prints for the same results),
// the export, retried and reused attempt ids, the time limit, --feedback end, and the end.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { unzipSync } from "fflate";
import { expect, it } from "vitest";
import { run as reportCommand } from "../../src/cli/commands/report";
import { showSignificant } from "../../src/core/number-format";
import { sigmoid } from "../../src/core/sigmoid";
import { resultText } from "../../src/quiz/result";
import { resultFileNames } from "../../src/server/session-report";
import { rightAnswerFor } from "../support/server-answers";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { type Json, startTestServer, type TestServer } from "../support/server";

let database: TestDatabase;

type Events = Json[];

async function replayOf(server: TestServer, name: string) {
  const all = await server.session.learners(server.clock.now);
  const found = all.find((l) => l.learner.name === name);
  if (!found) throw new Error(`no learner ${name}`);
  return found.replay;
}

/** The answer σ(x) given where σ′(x) was asked, at the question's digits. */
async function sigmaForDerivative(server: TestServer, name: string): Promise<string> {
  const current = (await replayOf(server, name)).state.current!;
  const part = current.instance.parts[current.part]!;
  return showSignificant(sigmoid(current.instance.params.x!), part.digits);
}

async function answerRight(server: TestServer, token: string, name: string): Promise<Events> {
  const text = rightAnswerFor((await replayOf(server, name)).state);
  server.clock.now += 3000;
  const res = await server.act(token, "answer", text);
  expect(res.status).toBe(200);
  return res.body.events;
}

async function countRows(server: TestServer): Promise<number[]> {
  const db = database.db;
  const [actions] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1",
    [server.session.code],
  );
  const [learners] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM learners WHERE session_code = $1", [
    server.session.code,
  ]);
  return [Number(actions!.n), Number(learners!.n)];
}

const DERIVATIVES = { skills: ["derivative-value"], count: 3 };

describeOnEachDatabase(
  "a session over HTTP",
  (opened) => (database = opened),
  () => {
    it("grades three learners (right, σ for σ′, mixed) and shows them on the dashboard and in the report", async () => {
      const server = await startTestServer(database.db, { settings: DERIVATIVES });
      const code = server.session.code;
      const tokens = { Aiko: await server.join("Aiko"), Ben: await server.join("Ben"), Chie: await server.join("Chie") };
      const finished = async (name: string) => (await replayOf(server, name)).state.finished;
      while (!(await finished("Aiko"))) await answerRight(server, tokens.Aiko, "Aiko");
      while (!(await finished("Ben"))) {
        const current = (await replayOf(server, "Ben")).state.current!;
        if (current.instance.parts[current.part]!.quantity !== "derivative") {
          await answerRight(server, tokens.Ben, "Ben");
          continue;
        }
        const slip = await server.act(tokens.Ben, "answer", await sigmaForDerivative(server, "Ben"));
        const feedback = slip.body.events.find((e: { type: string }) => e.type === "feedback").feedback;
        expect(feedback.verdict).toBe("incorrect");
        expect(feedback.diagnosis).toBe("sigmoid-instead-of-derivative");
      }
      while (!(await finished("Chie"))) {
        if ((await replayOf(server, "Chie")).state.current!.index === 1) await server.act(tokens.Chie, "skip");
        else await answerRight(server, tokens.Chie, "Chie");
      }
      const model = (await server.app.inject({ url: `/api/sessions/${code}/dashboard`, headers: server.instructorHeaders() })).json();
      expect(model.learners.map((l: { name: string; right: number; finished: boolean }) => [l.name, l.right, l.finished])).toEqual([
        ["Aiko", 3, true],
        ["Ben", 0, true],
        ["Chie", 2, true],
      ]);
      expect(model.learners[2].results).toEqual(["correct", "skipped", "correct"]);
      expect(model.mistakes[0]).toMatchObject({ id: "sigmoid-instead-of-derivative", count: 3, learners: ["Ben"] });
      expect(model.mistakes[0].label.en.length).toBeGreaterThan(0);
      expect(model.questions.map((q: { answered: number; right: number }) => [q.answered, q.right])).toEqual([
        [3, 2],
        [2, 1],
        [3, 2],
      ]);
      expect(model.steps.length).toBeGreaterThan(0);

      // The report is what `report FILE…` prints for the same results, in every format.
      const results = await server.session.results(server.clock.now);
      const dir = mkdtempSync(join(tmpdir(), "sigmoid-server-report-"));
      const names = resultFileNames(results);
      for (const [i, r] of results.entries()) writeFileSync(join(dir, names[i]!), resultText(r));
      for (const format of ["md", "csv", "json"]) {
        const served = await server.app.inject({
          url: `/api/sessions/${code}/report?format=${format}`,
          headers: server.instructorHeaders(),
        });
        expect(served.statusCode).toBe(200);
        const out = new PassThrough();
        let printed = "";
        out.on("data", (chunk) => (printed += chunk));
        const exit = await reportCommand([...names.map((n) => join(dir, n)), "--format", format, "--lang", "en"], {
          stdin: new PassThrough(),
          stdout: out,
          stderr: new PassThrough(),
          env: {},
          cwd: dir,
        });
        expect(exit).toBe(0);
        expect(served.body).toBe(printed.replaceAll(`${dir}/`, ""));
      }
      const json = (
        await server.app.inject({ url: `/api/sessions/${code}/report?format=json`, headers: server.instructorHeaders() })
      ).json();
      expect(json.learners.length).toBe(3);

      // The export holds the same files.
      const zip = await server.app.inject({ url: `/api/sessions/${code}/export`, headers: server.instructorHeaders() });
      expect(zip.headers["content-type"]).toBe("application/zip");
      const files = unzipSync(new Uint8Array(zip.rawPayload));
      expect(Object.keys(files).sort()).toEqual([...names].sort());
      expect(new TextDecoder().decode(files[names[0]!])).toBe(resultText(results[0]!));
      await server.stop();
    });

    it("answers a retried attempt id with the stored response and refuses an id reused for something else", async () => {
      const server = await startTestServer(database.db);
      const token = await server.join("Aiko");
      const id = crypto.randomUUID();
      const first = await server.act(token, "answer", "0.5", id);
      const before = await countRows(server);
      server.clock.now += 60_000;
      const again = await server.act(token, "answer", "0.5", id);
      expect(again).toEqual(first);
      const reused = await server.act(token, "answer", "0.6", id);
      expect(reused.status).toBe(409);
      expect(reused.body.error).toBe("id-reused");
      expect(await countRows(server)).toEqual(before);
      await server.stop();
    });

    it("ends the learner's quiz as time-up after the time limit, and stores nothing after it", async () => {
      const server = await startTestServer(database.db, { settings: { timeLimitMinutes: 1 } });
      const token = await server.join("Aiko");
      const state = (
        await server.app.inject({ url: `/api/sessions/${server.session.code}/state`, headers: server.learnerHeaders(token) })
      ).json();
      expect(state.events[0].remainingMs).toBe(60_000);
      await answerRight(server, token, "Aiko");
      const before = await countRows(server);
      server.clock.now += 61_000;
      const late = await server.act(token, "answer", "0.5");
      expect(late.status).toBe(200);
      expect(late.body.events.map((e: { type: string }) => e.type)).toEqual(["notice", "summary"]);
      const summary = late.body.events[1];
      expect(summary).toMatchObject({ ending: "time-up", timeUp: true, score: 1, scoreOf: 4 });
      expect(await countRows(server)).toEqual(before);
      const results = await server.session.results(server.clock.now);
      expect(results[0]!.ending).toBe("time-up");
      await server.stop();
    });

    it("with --feedback end says only 'recorded' until the summary, which gives the verdicts", async () => {
      const server = await startTestServer(database.db, { feedback: "end", settings: DERIVATIVES });
      const token = await server.join("Aiko");
      const wrong = await server.act(token, "answer", await sigmaForDerivative(server, "Aiko"));
      const feedback = wrong.body.events[0].feedback;
      expect(feedback).toMatchObject({ verdict: "recorded", expected: null, diagnosis: null, solution: null });
      const dash = (
        await server.app.inject({ url: `/api/sessions/${server.session.code}/dashboard`, headers: server.instructorHeaders() })
      ).json();
      expect(dash.learners[0].results[0]).toBe("recorded");
      let last: Events = [];
      while (!(await replayOf(server, "Aiko")).state.finished) last = await answerRight(server, token, "Aiko");
      const summary = last.find((e) => e.type === "summary")!;
      expect(summary.results.map((r: { verdicts: string[] }) => r.verdicts)).toEqual([["incorrect"], ["correct", "correct"], ["correct"]]);
      expect(JSON.stringify(summary)).not.toContain('"expected"');
      await server.stop();
    });

    it("with --feedback end keeps the worked solution (a hint's last stage) for after the quiz", async () => {
      const server = await startTestServer(database.db, { feedback: "end" });
      const token = await server.join("Aiko");
      const stages = (await replayOf(server, "Aiko")).state.current!.instance.hints.length + 1;
      for (let stage = 1; stage < stages; stage++) {
        const hint = await server.act(token, "hint");
        expect(hint.body.events[0]).toMatchObject({ type: "hint", stage, solution: false });
      }
      const last = await server.act(token, "hint");
      expect(last.body.events).toEqual([
        { type: "notice", message: expect.objectContaining({ en: expect.stringContaining("after the quiz") }) },
      ]);
      expect((await replayOf(server, "Aiko")).state.current!.hintsShown).toBe(stages - 1);
      await server.stop();
    });

    it("shows a learner as stuck after 2 minutes on one question, and as gone after 30 s without a request", async () => {
      const server = await startTestServer(database.db);
      const code = server.session.code;
      const token = await server.join("Aiko");
      const model = async () =>
        (await server.app.inject({ url: `/api/sessions/${code}/dashboard`, headers: server.instructorHeaders() })).json().learners[0];
      expect(await model()).toMatchObject({ connected: true, stuck: false, question: 1, part: 0 });
      server.clock.now += 31_000;
      expect(await model()).toMatchObject({ connected: false, stuck: false });
      server.clock.now += 90_000;
      expect(await model()).toMatchObject({ connected: false, stuck: true });
      const beat = await server.app.inject({
        method: "POST",
        url: `/api/sessions/${code}/heartbeat`,
        headers: server.learnerHeaders(token),
      });
      expect(beat.json()).toEqual({ ok: true, paused: false, pausedSince: null, extendedMinutes: 0 });
      expect(await model()).toMatchObject({ connected: true, stuck: true });
      await server.stop();
    });

    it("ends: learners then get 410, and a learner still answering finishes as quit", async () => {
      const server = await startTestServer(database.db);
      const code = server.session.code;
      const token = await server.join("Aiko");
      await answerRight(server, token, "Aiko");
      const learnerEnd = await server.app.inject({
        method: "POST",
        url: `/api/sessions/${code}/end`,
        headers: server.learnerHeaders(token),
      });
      expect(learnerEnd.statusCode).toBe(403);
      const end = await server.app.inject({ method: "POST", url: `/api/sessions/${code}/end`, headers: server.instructorHeaders() });
      expect(end.statusCode).toBe(200);
      expect((await server.act(token, "answer", "0.5")).status).toBe(410);
      const join = await server.app.inject({ method: "POST", url: `/api/sessions/${code}/join`, payload: { name: "Late" } });
      expect(join.statusCode).toBe(410);
      expect((await server.app.inject({ url: `/j/${code}` })).json().state).toBe("ended");
      const results = await server.session.results(server.clock.now);
      expect(results[0]!.ending).toBe("quit");
      const state = (await server.app.inject({ url: `/api/sessions/${code}/state`, headers: server.learnerHeaders(token) })).json();
      expect(state.events[0].type).toBe("summary");
      await server.stop();
    });

    it("rejoins with the same token and refuses a taken name without it", async () => {
      const server = await startTestServer(database.db);
      const code = server.session.code;
      const token = await server.join("Aiko");
      const again = await server.app.inject({
        method: "POST",
        url: `/api/sessions/${code}/join`,
        headers: server.learnerHeaders(token),
        payload: { name: "Aiko" },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().token).toBe(token);
      const taken = await server.app.inject({ method: "POST", url: `/api/sessions/${code}/join`, payload: { name: "Aiko" } });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toBe("name-taken");
      const bad = await server.app.inject({ method: "POST", url: `/api/sessions/${code}/join`, payload: { name: "A\u202Eb" } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toBe("bad-name");
      await server.stop();
    });

    it("gives the last hint, a skip and a quit as the engine does, and the state after each", async () => {
      const server = await startTestServer(database.db);
      const code = server.session.code;
      const token = await server.join("Aiko");
      const hint = await server.act(token, "hint");
      expect(hint.body.events[0]).toMatchObject({ type: "hint", stage: 1 });
      const skip = await server.act(token, "skip");
      expect(skip.body.events.map((e: { type: string }) => e.type)).toEqual(["skipped", "question"]);
      const state = (await server.app.inject({ url: `/api/sessions/${code}/state`, headers: server.learnerHeaders(token) })).json();
      expect(state.events[0].question.number).toBe(2);
      const quit = await server.act(token, "quit");
      expect(quit.body.events[0]).toMatchObject({ type: "summary", ending: "quit", unanswered: 3 });
      await server.stop();
    });
  },
);
