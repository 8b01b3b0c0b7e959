// `kill -9` the server in the middle of a learner's quiz and resume it (`serve --resume CODE`,
// same database, same port): the learner's client (`quiz --join`) waits and goes on by itself,
// nothing the learner was told is lost, and an answer sent again with the same attempt id (a
// client that never saw the response, spoken over raw HTTP) is not counted twice.
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../quiz/helpers";
import { CLI } from "../support/cli";
import {
  HttpLearner,
  type QuestionView,
  type RunningServe,
  request,
  rightAnswerFor,
  sigmoidForDerivativeFor,
  startServe,
} from "../support/live-session.mjs";
import { type Backend, backends, COUNT, eventsAsLines, expectedRow, serve, showSkippedOnPostgres, told } from "./live-support";
import { driveQuiz, isQuestion } from "./quiz-driver";

describe.each(backends)("kill -9 and resume on $name", (backend: Backend) => {
  const servers: RunningServe[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const server of servers) await server.stop("SIGKILL");
    await drop?.();
  });

  it("a learner's client waits through kill -9 and serve --resume by itself, and nothing is lost or counted twice", async () => {
    const db = await backend.create("resume-client");
    const data = tempDir("live-resume-client-data-");
    const first = await serve(db.database, [], data);
    servers.push(first);
    const { url, session, token } = first.ready;
    const port = new URL(url).port;
    let resumed: Promise<RunningServe> | null = null;
    const run = await driveQuiz(
      ["--join", first.ready.join, "--name", "Hana", "--data-dir", tempDir("live-hana-"), "--lang", "en"],
      (line) => {
        if (!isQuestion(line)) return undefined;
        const q = line as unknown as QuestionView;
        if (q.number === 3 && q.part === 0 && !resumed) {
          // Mid-quiz: the server dies before this answer is sent, and comes back on the same port.
          first.child.kill("SIGKILL");
          resumed = first.exited.then(async () => {
            const second = await startServe(CLI, ["--resume", session, "--port", port, "--database", db.database], {
              env: { SIGMOID_TRAINER_HOME: data, DATABASE_URL: undefined },
            });
            servers.push(second);
            return second;
          });
        }
        return q.number === 2 ? sigmoidForDerivativeFor(q) : rightAnswerFor(q);
      },
    );
    expect(resumed).not.toBeNull();
    const second = await resumed!;
    expect(second.ready).toMatchObject({ session, url, token });
    expect(run.code, run.stderr).toBe(0);
    // The client said that the server could not be reached, and went on by itself.
    expect(run.stderr).toContain("The server cannot be reached");
    const summary = run.lines.at(-1)!;
    expect(summary).toMatchObject({ type: "summary", quit: false, scoreOf: COUNT });
    const expected = expectedRow("Hana", run.lines);
    expect(summary).toMatchObject({ score: expected.score, attempts: expected.attempts, correct: expected.correct });
    expect(told(run.lines)).toHaveLength(COUNT);

    const report = await request(`${url}/api/sessions/${session}/report?format=json`, { token });
    expect(report.status).toBe(200);
    const learners = (typeof report.body === "string" ? JSON.parse(report.body) : report.body).learners;
    expect(learners).toHaveLength(1);
    expect(learners[0]).toMatchObject({
      name: "Hana",
      score: expected.score,
      outOf: COUNT,
      attempts: expected.attempts,
      correct: expected.correct,
      unanswered: 0,
      partial: false,
    });
    expect((await second.stop("SIGINT")).code).toBe(0);
    await db.drop();
  }, 180_000);

  it("the learner goes on where they were, and nothing is counted twice", async () => {
    const db = await backend.create("resume");
    drop = db.drop;
    const data = tempDir("live-resume-data-");
    const first = await serve(db.database, [], data);
    servers.push(first);
    const { url, session, token } = first.ready;
    const port = new URL(url).port;
    const learner = new HttpLearner(url, session, "Kenji");
    await learner.join();
    // What the learner was told, each event once: the first state and every fresh action's answer.
    const told = [...(await learner.state()).body.events];
    const act = async (text: string) => {
      const response = await learner.act("answer", text);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      told.push(...response.body.events);
      return response;
    };
    // Two questions answered: one right, one with σ for σ′ where it is asked.
    while (learner.question && learner.question.number <= 2) {
      await act(learner.question.number === 2 ? sigmoidForDerivativeFor(learner.question) : rightAnswerFor(learner.question));
    }
    // The next answer is committed, but the client never hears back: the server dies.
    const lastText = rightAnswerFor(learner.question!);
    const sent = await act(lastText);
    const questionBefore = learner.question;
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    await expect(request(`${url}/j/${session}`)).rejects.toThrow(); // nobody listens now

    const second = await startServe(CLI, ["--resume", session, "--port", port, "--database", db.database], {
      env: { SIGMOID_TRAINER_HOME: data, DATABASE_URL: undefined },
    });
    servers.push(second);
    expect(second.ready).toMatchObject({ session, url });
    expect(second.ready.token).toBe(token);

    // The client retries the answer it never saw acknowledged, with the same attempt id.
    const retried = await learner.act("answer", lastText, sent.id);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(sent.body);
    // The same id with another body is refused, and changes nothing.
    expect((await learner.act("answer", "0.5", sent.id)).status).toBe(409);
    // What the learner should see now: where they were before the crash.
    const state = await learner.state();
    expect(state.body.events.find((e: { type: string }) => e.type === "question")?.question).toEqual(questionBefore);

    while (learner.question) await act(rightAnswerFor(learner.question));
    const expected = expectedRow("Kenji", eventsAsLines(told));
    expect(expected.attempts).toBeGreaterThanOrEqual(COUNT);
    expect(expected.mistakes).toBeGreaterThanOrEqual(0);
    expect(learner.summary).toMatchObject({ score: expected.score, scoreOf: COUNT });
    expect(learner.summary.summary).toMatchObject({ attempts: expected.attempts, correct: expected.correct });

    const report = await request(`${url}/api/sessions/${session}/report?format=json`, { token });
    expect(report.status).toBe(200);
    const kenji = (typeof report.body === "string" ? JSON.parse(report.body) : report.body).learners[0];
    expect(kenji).toMatchObject({
      name: "Kenji",
      score: expected.score,
      outOf: COUNT,
      attempts: expected.attempts,
      correct: expected.correct,
    });
    expect((await second.stop("SIGINT")).code).toBe(0);
  }, 120_000);
});

showSkippedOnPostgres("kill -9 and resume");
