// A quiz session in process on the hand-built fixture course: JSON lines in and out, a fake
// clock, fake timers for the time limit, and the result file read back after every line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import type { Timers } from "../../src/app/timed-lines";
import { type QuizResult, scoreOf } from "../../src/quiz/result";
import { type QuizOutcome, runQuizSession } from "../../src/plain/quiz";
import type { QuizSettings } from "../../src/quiz/settings";
import { parseResult } from "../../src/quiz/verify";
import { ResultWriter } from "../../src/quiz/writer";
import { COURSE, rightAnswer } from "../engine/fixtures";
import { tempDir } from "../quiz/helpers";

const NUMERIC = ["derivative-from-output", "derivative-value", "sigmoid-value"];
const SETTINGS: QuizSettings = { seed: 5, count: 4, skills: NUMERIC, timeLimitMinutes: null, hintsAllowed: true };

type Line = Record<string, unknown> & { type: string };

interface Harness {
  stdin: PassThrough;
  lines: Line[];
  stderr: string[];
  path: string;
  /** Resolves once a line of this type (after `from`) has been printed. */
  waitFor(type: string, from?: number): Promise<Line>;
  done: Promise<QuizOutcome>;
  /** The result file as it is on disk right now. */
  onDisk(): QuizResult;
  clock: { now: number };
  timers: { pending: (() => void)[] };
  /** For each graded feedback line: the answers in the file at the moment the line was written. */
  onDiskAtFeedback: number[];
}

function harness(settings: Partial<QuizSettings> = {}, store = createProgressStore({ dataDir: null })): Harness {
  const path = join(tempDir(), "result.json");
  const lines: Line[] = [];
  const stderr: string[] = [];
  const waiters: (() => void)[] = [];
  const clock = { now: Date.parse("2026-03-01T09:00:00.000Z") };
  const pending: (() => void)[] = [];
  const timers: Timers = {
    setTimeout: (fn) => {
      pending.push(fn);
      return fn;
    },
    clearTimeout: (handle) => {
      const i = pending.indexOf(handle as () => void);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  let partial = "";
  const onDiskAtFeedback: number[] = [];
  const stdout = new Writable({
    write(chunk, _enc, cb) {
      partial += String(chunk);
      let nl = partial.indexOf("\n");
      while (nl >= 0) {
        const line = JSON.parse(partial.slice(0, nl)) as Line;
        lines.push(line);
        if (line.type === "feedback" && line.verdict !== "invalid") {
          const read = parseResult(readFileSync(path, "utf8"));
          onDiskAtFeedback.push(read.ok ? read.result.questions.flatMap((q) => q.answers).length : -1);
        }
        partial = partial.slice(nl + 1);
        nl = partial.indexOf("\n");
      }
      for (const w of waiters.splice(0)) w();
      cb();
    },
  });
  const stderrStream = new Writable({
    write(chunk, _enc, cb) {
      stderr.push(String(chunk));
      cb();
    },
  });
  const stdin = new PassThrough();
  const done = runQuizSession({
    course: COURSE,
    settings: { ...SETTINGS, ...settings },
    name: "Ann",
    writer: new ResultWriter(path, false),
    store,
    app: "test",
    lang: "en",
    ascii: false,
    json: true,
    showPrompt: false,
    stdin,
    stdout,
    stderr: stderrStream,
    now: () => (clock.now += 1000),
    timers,
  });
  const waitFor = async (type: string, from = 0): Promise<Line> => {
    for (;;) {
      const found = lines.slice(from).find((l) => l.type === type);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const onDisk = () => {
    const read = parseResult(readFileSync(path, "utf8"));
    if (!read.ok) throw new Error(read.detail);
    return read.result;
  };
  return { stdin, lines, stderr, path, waitFor, done, onDisk, clock, timers: { pending }, onDiskAtFeedback };
}

/** Answers one question line; returns the index of the next line to look at. */
async function send(h: Harness, text: string): Promise<number> {
  const from = h.lines.length;
  h.stdin.write(`${text}\n`);
  await h.waitFor(text === ":skip" ? "skipped" : text === ":hint" ? "hint" : "feedback", from);
  return from;
}

const currentQuestion = (h: Harness) => h.lines.filter((l) => l.type === "question").at(-1) as Line & { quantity: never; params: never };

describe("quiz session", () => {
  it("asks the same questions for the same seed, whatever the learner's progress", async () => {
    const fresh = harness();
    await fresh.waitFor("question");
    fresh.stdin.end();
    const a = await fresh.done;
    const practised = createProgressStore({ dataDir: null });
    for (let i = 0; i < 5; i++) {
      practised.getState().recordAttempt({
        templateId: "fx-sigmoid",
        skill: "sigmoid-value",
        seed: i,
        params: { x: 1 },
        part: 0,
        parts: 1,
        answer: "0.1",
        verdict: "incorrect",
        mistake: null,
        hints: 0,
        ms: 1000,
        mode: "practice",
      });
    }
    const other = harness({}, practised);
    await other.waitFor("question");
    other.stdin.end();
    const b = await other.done;
    const asked = (r: QuizResult) => r.questions.map((q) => [q.templateId, q.variantSeed, q.params]);
    expect(asked(b.result)).toEqual(asked(a.result));
    expect(asked(a.result)).toHaveLength(4);
    const reseeded = harness({ seed: 6 });
    reseeded.stdin.end();
    expect(asked((await reseeded.done).result)).not.toEqual(asked(a.result));
  });

  it("has the file on disk, with the answer in it, before the feedback line is printed", async () => {
    const h = harness();
    await h.waitFor("question");
    expect(h.onDisk().questions.every((q) => q.status === "unanswered")).toBe(true);
    while (h.lines.at(-1)?.type === "question") {
      const q = currentQuestion(h);
      await send(h, rightAnswer(q.quantity, q.params));
    }
    const outcome = await h.done;
    expect(outcome.saved).toBe(true);
    // At the n-th feedback line, n answers are on disk (a two-part question gives two).
    const total = outcome.result.questions.flatMap((q) => q.answers).length;
    expect(total).toBeGreaterThanOrEqual(4);
    expect(h.onDiskAtFeedback).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(h.onDisk()).toEqual(outcome.result);
    expect(outcome.result.ending).toBe("completed");
    expect(scoreOf(outcome.result)).toEqual({ right: 4, of: 4 });
    const summary = h.lines.at(-1)!;
    expect(summary).toMatchObject({
      type: "summary",
      mode: "quiz",
      score: 4,
      scoreOf: 4,
      unanswered: 0,
      ending: "completed",
      resultFile: h.path,
      saved: true,
    });
    expect(h.stderr.join("")).toContain(h.path);
  });

  it("records answers as typed, invalid input not at all, skips and unanswered questions as such", async () => {
    const h = harness();
    await h.waitFor("question");
    const first = currentQuestion(h);
    await send(h, "zero point five");
    expect(h.lines.at(-1)).toMatchObject({ type: "feedback", verdict: "invalid" });
    expect(h.onDisk().questions[0]!.answers).toEqual([]);
    await send(h, rightAnswer(first.quantity, first.params));
    await send(h, ":skip");
    expect(h.onDisk().questions[1]!.status).toBe("skipped");
    h.stdin.end();
    const { result } = await h.done;
    expect(result.questions.map((q) => q.status)).toEqual(["answered", "skipped", "unanswered", "unanswered"]);
    expect(result.questions[0]!.answers[0]!.answer).toBe(rightAnswer(first.quantity, first.params));
    expect(result.ending).toBe("quit");
    expect(h.lines.at(-1)).toMatchObject({ type: "summary", unanswered: 2, ending: "quit", score: 1 });
  });

  it("the quiz asks each question once: no retry", async () => {
    const h = harness();
    await h.waitFor("question");
    await send(h, "0.001");
    const from = h.lines.length;
    h.stdin.write(":retry\n");
    await h.waitFor("notice", from);
    expect(currentQuestion(h).number).toBe(2);
    h.stdin.end();
    expect((await h.done).result.questions[0]!.answers).toHaveLength(1);
  });

  it("with hints off, :hint is refused with a notice and not counted", async () => {
    const h = harness({ hintsAllowed: false });
    await h.waitFor("question");
    const from = h.lines.length;
    h.stdin.write(":hint\n");
    const notice = await h.waitFor("notice", from);
    expect(notice.message).toBe("Hints are off in this quiz.");
    h.stdin.end();
    const { result } = await h.done;
    expect(result.quiz.hintsAllowed).toBe(false);
    expect(result.questions.every((q) => q.hintsUsed === 0)).toBe(true);
  });

  it("with hints on, a hint is saved at once and counted on its question", async () => {
    const h = harness();
    await h.waitFor("question");
    await send(h, ":hint");
    await send(h, ":hint");
    expect(h.onDisk().questions[0]!.hintsUsed).toBe(2);
    h.stdin.end();
    expect((await h.done).result.questions[0]!.hintsUsed).toBe(2);
  });

  it("with a time limit, question lines carry the deadline and the time left", async () => {
    const h = harness({ timeLimitMinutes: 10 });
    const q = await h.waitFor("question");
    const started = Date.parse(h.onDisk().startedAt);
    expect(q.deadline).toBe(new Date(started + 600_000).toISOString());
    expect(q.remainingMs).toBeGreaterThan(590_000);
    expect(q.remainingMs).toBeLessThanOrEqual(600_000);
    h.stdin.end();
    await h.done;
  });

  it("when time is up, the quiz ends while waiting for input: unanswered stay unanswered", async () => {
    const h = harness({ timeLimitMinutes: 1 });
    await h.waitFor("question");
    const q = currentQuestion(h);
    await send(h, rightAnswer(q.quantity, q.params));
    // The reader is waiting with a timer set; the clock passes the deadline and the timer fires.
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.timers.pending).toHaveLength(1);
    h.clock.now += 120_000;
    h.timers.pending[0]!();
    const { result } = await h.done;
    expect(result.ending).toBe("time-up");
    expect(result.questions.map((x) => x.status)).toEqual(["answered", "unanswered", "unanswered", "unanswered"]);
    expect(h.lines.some((l) => l.type === "notice" && String(l.message).startsWith("Time is up"))).toBe(true);
    expect(h.lines.at(-1)).toMatchObject({ type: "summary", ending: "time-up", timeUp: true, unanswered: 3 });
    expect(h.onDisk()).toEqual(result);
  });

  it("an answer that arrives after the deadline is not graded", async () => {
    const h = harness({ timeLimitMinutes: 1 });
    await h.waitFor("question");
    h.clock.now += 61_000;
    const q = currentQuestion(h);
    h.stdin.write(`${rightAnswer(q.quantity, q.params)}\n`);
    const { result } = await h.done;
    expect(result.ending).toBe("time-up");
    expect(result.questions[0]!.answers).toEqual([]);
    expect(h.lines.some((l) => l.type === "feedback")).toBe(false);
  });

  it("quiz answers also go to the learner's progress, with mode quiz", async () => {
    const store = createProgressStore({ dataDir: null });
    const h = harness({}, store);
    await h.waitFor("question");
    const q = currentQuestion(h);
    await send(h, rightAnswer(q.quantity, q.params));
    h.stdin.end();
    await h.done;
    expect(store.getState().attempts.map((a) => a.mode)).toEqual(["quiz"]);
  });
});
