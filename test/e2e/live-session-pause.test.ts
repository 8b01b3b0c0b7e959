// The instructor pauses, extends and resumes a live session, end to end on the BUILT CLI, on
// loopback, on each storage backend: `serve --time 0.2` (12 s) and a learner through
// `quiz --join --json` who is still there after the deadline they were first given has passed
// during the pause, and whose answer, typed during the pause, waits (the client says why) and is
// graded after the resume; the next question's remainingMs shows the extension; and the files
// `serve --export` writes for the paused and extended session are accepted by `report`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { request } from "../support/live-session.mjs";
import { type Spawned, spawnCli, startServer, stop, tempDir } from "./join-support";
import { type Backend, backends } from "./live-support";
import { type QuestionLine, rightAnswer } from "./quiz-driver";

const LIMIT_MS = 12_000;
const QUIZ = ["--time", "0.2", "--seed", "2024", "--count", "3", "--skill", "sigmoid-value", "--skill", "derivative-value", "--lang", "en"];

/** The index of the first stdout line from `from` on whose JSON has this type. */
async function nextLineOf(learner: Spawned, type: string, from: number): Promise<{ index: number; line: QuestionLine }> {
  for (let i = from; ; i++) {
    const line = JSON.parse(await learner.line(i)) as QuestionLine;
    if (line.type === type) return { index: i, line };
  }
}

describe.each(backends)("pause, extend and resume with the built CLI on $name", (backend: Backend) => {
  let drop: () => Promise<void>;
  let database: string;

  beforeAll(async () => {
    const db = await backend.create("pause");
    drop = db.drop;
    database = db.database;
  }, 60_000);
  afterAll(async () => {
    await drop?.();
  });

  it("holds the learner's answer through the pause, grades it after the resume, shows the extension, and exports files report accepts", async () => {
    const out = tempDir("live-pause-export-");
    const { server, ready } = await startServer([...QUIZ, "--data-dir", tempDir("live-pause-home-"), "--export", out], database);
    const learner = spawnCli(["quiz", "--join", ready.join, "--name", "Aiko", "--json", "--data-dir", tempDir("live-pause-learner-")]);
    try {
      const api = `${ready.url}/api/sessions/${ready.session}`;
      const instructor = (what: string, body?: unknown) =>
        request(`${api}/${what}`, { method: "POST", token: ready.token, ...(body !== undefined ? { body } : {}) });
      const first = await nextLineOf(learner, "question", 0);
      expect(first.line.remainingMs).toBeLessThanOrEqual(LIMIT_MS);

      expect((await instructor("pause")).body).toMatchObject({ type: "timing", paused: true, changed: true });
      // Past the deadline the client was given: it asks the server, which is paused, and waits on.
      await new Promise((resolve) => setTimeout(resolve, LIMIT_MS + 3000));
      expect(learner.child.exitCode).toBeNull();
      expect(learner.lines.slice(first.index + 1)).toEqual([]);
      learner.send(`${rightAnswer(first.line)}\n`);
      await learner.stderrMatching(/The instructor paused the session; your answer will be sent when it resumes\./);
      // Nothing graded while paused: the dashboard counts no answer.
      const paused = await request(`${api}/dashboard`, { token: ready.token });
      expect(paused.body.session).toMatchObject({ paused: true });
      expect(paused.body.learners[0]).toMatchObject({ name: "Aiko", answered: 0 });
      expect(learner.lines.slice(first.index + 1).some((l) => JSON.parse(l).type === "feedback")).toBe(false);

      expect((await instructor("extend", { minutes: 5 })).body).toMatchObject({ paused: true, extendedMinutes: 5 });
      expect((await instructor("resume")).body).toMatchObject({ paused: false, extendedMinutes: 5 });
      const feedback = await nextLineOf(learner, "feedback", first.index + 1);
      expect(feedback.line).toMatchObject({ verdict: "correct" });
      await learner.stderrMatching(/The instructor resumed the session/);
      const second = await nextLineOf(learner, "question", feedback.index + 1);
      // The 12 s, less what ran before the pause, plus the five minutes added.
      expect(second.line.remainingMs).toBeGreaterThan(5 * 60_000);
      expect(second.line.remainingMs).toBeLessThanOrEqual(5 * 60_000 + LIMIT_MS);
      learner.child.stdin.end();
      expect((await learner.exit).code).toBe(0);
    } finally {
      await stop(learner);
      await stop(server, "SIGINT");
    }
    const files = readdirSync(out).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(1);
    // The file's deadline is its start, the limit and the time added (the 5 minutes and the pause).
    expect(JSON.parse(readFileSync(join(out, files[0]!), "utf8")).timeAddedMs).toBeGreaterThan(5 * 60_000);
    const report = await runCli(["report", out, "--format", "json"]);
    expect(report.code, report.stderr).toBe(0);
    const parsed = JSON.parse(report.stdout);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.learners).toMatchObject([{ name: "Aiko", score: 1 }]);
  }, 120_000);
});
