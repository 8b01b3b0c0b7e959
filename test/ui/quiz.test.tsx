// The quiz in the full-screen trainer (as `sigmoid-trainer quiz` starts it in a terminal): the
// result file holds each answer before the next question shows, hints off with --no-hints, no
// retry, the time left in the header, time running out ending the quiz with the rest unanswered,
// Esc twice ending it early, the end screen's score and path, and a result file that cannot be
// written said in the header. The clock is a variable the tests move; the timer looks at it
// every few milliseconds instead of every second.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n";
import { createProgressStore } from "../../src/progress";
import { type FileSystem, realFs } from "../../src/progress/fs-layer";
import type { QuizResult } from "../../src/quiz/result";
import type { QuizSettings } from "../../src/quiz/settings";
import { parseResult } from "../../src/quiz/verify";
import { ResultWriter } from "../../src/quiz/writer";
import type { QuizSession } from "../../src/ui/quiz-session";
import { prepareQuiz } from "../../src/ui/run";
import { COURSE, rightAnswer } from "../engine/fixtures";
import { tempDir } from "../quiz/helpers";
import { KEYS, renderContext, tick } from "./harness";

const T0 = Date.parse("2030-03-01T09:00:00.000Z");

const running: { quiz: QuizSession; unmount: () => void }[] = [];
afterEach(() => {
  for (const r of running.splice(0)) {
    r.quiz.end();
    r.unmount();
  }
});

interface QuizOptions {
  settings?: Partial<QuizSettings>;
  lang?: Lang;
  ascii?: boolean;
  columns?: number;
  rows?: number;
  /** File calls for the result writer (a test makes them fail). */
  fs?: FileSystem;
  /** How often the timer looks at the clock (ms). */
  tickMs?: number;
}

async function startQuiz(options: QuizOptions = {}) {
  const clock = { now: T0 };
  const now = () => clock.now;
  const progress = createProgressStore({ dataDir: null, now: () => new Date(clock.now) });
  const path = join(tempDir("ui-quiz-"), "ann.json");
  const settings: QuizSettings = {
    seed: 7,
    count: 2,
    skills: ["sigmoid-value"],
    timeLimitMinutes: null,
    hintsAllowed: true,
    ...options.settings,
  };
  const { context, quiz } = prepareQuiz({
    course: COURSE,
    progress,
    settings,
    name: "Ann",
    writer: new ResultWriter(path, false, options.fs ?? realFs),
    app: "test",
    now,
    tickMs: options.tickMs ?? 5,
    ui: { lang: options.lang ?? "en", ascii: options.ascii ?? false, color: false, screenReader: false },
    size: { columns: options.columns ?? 80, rows: options.rows ?? 24 },
  });
  const t = await renderContext(context, { initial: "quiz", alone: true });
  running.push({ quiz, unmount: t.unmount });
  quiz.start();
  const onDisk = (): QuizResult => {
    const read = parseResult(readFileSync(path, "utf8"));
    if (!read.ok) throw new Error(read.detail);
    return read.result;
  };
  /** The right answer to the question on screen. */
  const right = () => {
    const q = quiz.store.getState().question;
    if (!q) throw new Error("no question on screen");
    return rightAnswer(q.quantity, q.params);
  };
  /** Waits (polling, no fixed time) until the frame shows `text`. */
  const waitFor = async (text: string | RegExp) => {
    for (let i = 0; i < 400; i++) {
      const frame = t.frame();
      if (typeof text === "string" ? frame.includes(text) : text.test(frame)) return frame;
      await tick();
    }
    throw new Error(`never showed ${String(text)}:\n${t.frame()}`);
  };
  return { ...t, quiz, clock, path, onDisk, right, waitFor, progress };
}

describe("the quiz screen", () => {
  it("says whose quiz it is, and writes each answer to the result file before the next question shows", async () => {
    const t = await startQuiz();
    expect(t.frame()).toContain("σ Quiz · Question 1 of 2");
    expect(t.frame()).toContain("Quiz for Ann: 2 questions (seed 7).");
    // No time limit: no timer.
    expect(t.frame()).not.toMatch(/\d:\d\d left/);
    expect(t.onDisk().questions.map((q) => q.status)).toEqual(["unanswered", "unanswered"]);

    // What the file holds at the moment the first verdict, and then the second question, appear on screen.
    const seenWithVerdict: QuizResult[] = [];
    const seenWithQuestion2: QuizResult[] = [];
    t.quiz.store.subscribe((state, before) => {
      if (state.feedback && !before.feedback) seenWithVerdict.push(t.onDisk());
      if (state.question?.number === 2 && before.question?.number !== 2) seenWithQuestion2.push(t.onDisk());
    });
    const answer = t.right();
    t.clock.now += 4_000;
    await t.type(answer);
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✓ correct");
    // In the file already when its verdict appeared.
    expect(seenWithVerdict[0]!.questions[0]).toMatchObject({ status: "answered", answers: [{ answer, verdict: "correct" }] });
    // A quiz says nothing about reviews.
    expect(t.frame()).not.toContain("Comes back");
    t.clock.now += 60_000; // reading the feedback
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Question 2 of 2");
    expect(seenWithQuestion2).toHaveLength(1);
    expect(seenWithQuestion2[0]!.questions[0]).toMatchObject({ status: "answered", answers: [{ answer, verdict: "correct" }] });

    // The second answer's time starts when it was shown, not when the first was graded.
    t.clock.now += 5_000;
    await t.type("0.5");
    await t.press(KEYS.enter);
    const second = t.onDisk().questions[1]!;
    expect(second).toMatchObject({ status: "answered", ms: 5_000, answers: [{ answer: "0.5", verdict: "incorrect", ms: 5_000 }] });
    expect(t.onDisk().questions[0]!.ms).toBe(4_000);
    // The answers count in the learner's progress too, as quiz answers.
    expect(t.progress.getState().attempts.map((a) => a.mode)).toEqual(["quiz", "quiz"]);
  });

  it("ends with the score and the result file's path; Enter leaves", async () => {
    const t = await startQuiz();
    await t.type(t.right());
    await t.press(KEYS.enter, KEYS.enter);
    await t.type("0.01");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Enter: see the results");
    await t.press(KEYS.enter);
    const end = t.frame();
    expect(end).toContain("Quiz finished");
    expect(end).toContain("Score: 1 of 2 questions right.");
    expect(end.replace(/\n/g, "")).toContain(`Your result is saved in ${t.path}.`);
    expect(end).toContain("Enter or Esc: quit.");
    expect(t.onDisk()).toMatchObject({ ending: "completed" });
    expect(t.onDisk().questions.map((q) => q.status)).toEqual(["answered", "answered"]);
  });

  it("with --no-hints there is no hint key, it says hints are off, and h shows no hint and counts none", async () => {
    const t = await startQuiz({ settings: { hintsAllowed: false } });
    expect(t.frame()).toContain("Hints are off in this quiz.");
    expect(t.frame()).not.toContain("h hint");
    await t.press("h");
    expect(t.frame()).not.toContain("Hint 1");
    expect(t.frame()).not.toContain("Nudge");
    // h is not typed into the answer either.
    expect(t.frame()).toContain("Answer: ▏");
    await t.type(t.right());
    await t.press(KEYS.enter);
    expect(t.onDisk().questions[0]).toMatchObject({ hintsUsed: 0, answers: [{ hintsUsed: 0 }] });
    expect(t.onDisk().quiz.hintsAllowed).toBe(false);
  });

  it("with hints allowed, a hint shows and is counted in the file at once", async () => {
    const t = await startQuiz();
    expect(t.frame()).toContain("h hint");
    await t.press("h");
    expect(t.frame()).toContain("Nudge");
    expect(t.onDisk().questions[0]!.hintsUsed).toBe(1);
  });

  it("asks each question once: after a miss no retry is offered, and r does nothing", async () => {
    const t = await startQuiz();
    await t.type("0.01");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✗ not correct");
    expect(t.frame()).not.toContain("r retry");
    expect(t.frame()).not.toContain("try it again");
    await t.press("r");
    expect(t.frame()).toContain("✗ not correct");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Question 2 of 2");
    expect(t.onDisk().questions[0]!.answers).toHaveLength(1);
    expect(t.quiz.store.getState().session.plan).toHaveLength(2);
  });

  it("shows the time left, and when it runs out ends the quiz: what was not answered counts as unanswered", async () => {
    const t = await startQuiz({ settings: { timeLimitMinutes: 2 } });
    expect(t.frame()).toMatch(/Question 1 of 2 +2:00 left/);
    t.clock.now += 30_000;
    await t.waitFor("1:30 left");
    await t.type(t.right());
    await t.press(KEYS.enter, KEYS.enter);
    expect(t.frame()).toContain("Question 2 of 2");
    await t.type("0.7");
    await t.press(KEYS.escape);
    await t.waitFor("Press Esc again");
    // The time runs out while the second answer is being typed (after a stray Esc).
    t.clock.now = T0 + 2 * 60_000;
    const end = await t.waitFor("Time is up");
    expect(end).not.toContain("Press Esc again");
    expect(end).toContain("Questions not answered are recorded as unanswered.");
    expect(end).toContain("Score: 1 of 2 questions right.");
    expect(end).toContain("1 unanswered.");
    expect(end).not.toMatch(/\d:\d\d left/);
    const result = t.onDisk();
    expect(result.ending).toBe("time-up");
    expect(result.questions.map((q) => q.status)).toEqual(["answered", "unanswered"]);
    expect(result.questions[1]!.answers).toEqual([]);
  });

  it("does not grade an answer given after the time is up, even before the clock has looked", async () => {
    // The timer looks only once, at the start: here only the answer itself meets the deadline.
    const t = await startQuiz({ settings: { timeLimitMinutes: 1 }, tickMs: 3_600_000 });
    await t.type(t.right());
    t.clock.now = T0 + 61_000;
    await t.press(KEYS.enter);
    await t.waitFor("Time is up");
    expect(t.onDisk()).toMatchObject({ ending: "time-up" });
    expect(t.onDisk().questions[0]).toMatchObject({ status: "unanswered", answers: [] });
  });

  it("Esc asks first; any other key goes on; Esc twice ends the quiz early with a valid partial file", async () => {
    const t = await startQuiz();
    await t.type(t.right());
    await t.press(KEYS.enter, KEYS.enter);
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("Press Esc again to end the quiz");
    await t.press("0");
    expect(t.frame()).not.toContain("Press Esc again");
    expect(t.frame()).toContain("Answer: 0▏");
    await t.press(KEYS.escape, KEYS.escape);
    const end = t.frame();
    expect(end).toContain("Quiz ended early");
    expect(end).toContain("Score: 1 of 2 questions right.");
    expect(end).toContain("1 unanswered.");
    expect(end.replace(/\n/g, "")).toContain(`Your result is saved in ${t.path}.`);
    expect(t.onDisk()).toMatchObject({ ending: "quit" });
    expect(t.onDisk().questions.map((q) => q.status)).toEqual(["answered", "unanswered"]);
  });

  it("a result file that cannot be written is said in the header, not on stderr, until writing works again", async () => {
    const disk = { full: false };
    const fullDisk: FileSystem = {
      ...realFs,
      writeSync: ((...args: unknown[]) => {
        if (disk.full) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        return (realFs.writeSync as (...a: unknown[]) => number)(...args);
      }) as FileSystem["writeSync"],
    };
    const writes: string[] = [];
    const stderrWrite = process.stderr.write;
    process.stderr.write = ((chunk: string) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const t = await startQuiz({ fs: fullDisk });
      disk.full = true;
      await t.type(t.right());
      await t.press(KEYS.enter);
      expect(t.frame()).toContain("✓ correct");
      expect(t.frame().replace(/\n/g, " ")).toMatch(/⚠ Could not save the quiz result to .*ann\.json \(ENOSPC\)/);
      disk.full = false;
      await t.press(KEYS.enter);
      await t.type("0.5");
      await t.press(KEYS.enter);
      expect(t.frame()).not.toContain("Could not save");
      expect(t.onDisk().questions.map((q) => q.status)).toEqual(["answered", "answered"]);
    } finally {
      process.stderr.write = stderrWrite;
    }
    expect(writes.join("")).toBe("");
  });

  it("in Japanese at 40×15: the time left, the question and the end fit", async () => {
    const t = await startQuiz({ lang: "ja", columns: 40, rows: 15, settings: { timeLimitMinutes: 10 } });
    const first = t.frame();
    expect(first).toContain("問題 1 / 2");
    expect(first).toContain("残り 10:00");
    expect(first).toContain("Ann さんのクイズ: 2 問です（シード 7）。");
    const lines = first.split("\n");
    expect(lines.length).toBeLessThanOrEqual(14);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    await t.type(t.right());
    await t.press(KEYS.enter, KEYS.enter);
    await t.press("\t");
    await t.press(KEYS.enter);
    const end = t.frame();
    expect(end).toContain("クイズが終わりました");
    expect(end).toContain("得点: 1 / 2 問正解");
    expect(end).not.toMatch(/Score|Quiz/);
  });

  it("with --ascii, the header and the timer are plain ASCII", async () => {
    const t = await startQuiz({ ascii: true, settings: { timeLimitMinutes: 3 } });
    const header = t.frame().split("\n")[0]!;
    expect(header).toMatch(/^sigma Quiz \| Question 1 of 2 +3:00 left$/);
    expect(t.frame()).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
