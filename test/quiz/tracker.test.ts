// The tracker fed engine steps directly, as a screen that applies steps itself would feed it
// (the full-screen trainer): the same result and file as the plain front end produces.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { quizQueue } from "../../src/engine/plan";
import { answer, currentView, hint, quit, skip, start } from "../../src/engine/session";
import type { SessionConfig, Step } from "../../src/engine/types";
import { QuizTracker } from "../../src/quiz/tracker";
import type { QuizSettings } from "../../src/quiz/settings";
import { parseResult } from "../../src/quiz/verify";
import { ResultExistsError, ResultWriter } from "../../src/quiz/writer";
import { COURSE, rightAnswer } from "../engine/fixtures";
import { tempDir } from "./helpers";

const SETTINGS: QuizSettings = {
  seed: 5,
  count: 4,
  skills: ["derivative-value", "sigmoid-value"],
  timeLimitMinutes: 30,
  hintsAllowed: true,
};

function setup() {
  const config: SessionConfig = {
    mode: "quiz",
    course: COURSE,
    queue: quizQueue(COURSE, SETTINGS.skills, SETTINGS.count, SETTINGS.seed),
    count: SETTINGS.count,
    seed: SETTINGS.seed,
    hintsAllowed: true,
    retryAllowed: false,
  };
  const t0 = Date.parse("2026-03-01T09:00:00.000Z");
  const first = start(config, t0);
  const path = join(tempDir(), "r.json");
  const failures: string[] = [];
  const tracker = new QuizTracker({
    course: COURSE,
    settings: SETTINGS,
    name: "Screen user",
    app: "test",
    writer: new ResultWriter(path, false),
    plan: first.state.plan,
    startedAt: t0,
    onSaveFailed: (_p, reason) => failures.push(reason),
  });
  const onDisk = () => {
    const read = parseResult(readFileSync(path, "utf8"));
    if (!read.ok) throw new Error(read.detail);
    return read.result;
  };
  return { first, tracker, t0, onDisk, path, failures };
}

const right = (step: Step) => {
  const view = currentView(step.state)!;
  return rightAnswer(view.quantity, view.params);
};

describe("QuizTracker.observe", () => {
  it("records each step before it is shown, and the end", () => {
    const { first, tracker, t0, onDisk } = setup();
    tracker.begin();
    tracker.observe(first, t0);
    expect(tracker.deadline).toBe(t0 + 30 * 60_000);
    expect(tracker.remaining(t0 + 60_000)).toBe(29 * 60_000);

    let step = answer(first.state, right(first), t0 + 10_000);
    tracker.observe(step, t0 + 10_000);
    let secondShownAt = t0 + 10_000;
    expect(onDisk().questions.flatMap((q) => q.answers)).toHaveLength(1);
    // Finish whatever parts the first question has, then hint twice on the next and skip it.
    while (step.state.current?.index === 0) {
      step = answer(step.state, right(step), t0 + 12_000);
      tracker.observe(step, t0 + 12_000);
      secondShownAt = t0 + 12_000;
    }
    const onSecond = step.state.current!.index;
    step = hint(step.state);
    tracker.observe(step, t0 + 13_000);
    step = hint(step.state);
    tracker.observe(step, t0 + 14_000);
    expect(onDisk().questions[onSecond]!.hintsUsed).toBe(2);
    step = skip(step.state, t0 + 20_000);
    tracker.observe(step, t0 + 20_000);
    step = quit(step.state, t0 + 30_000);
    tracker.observe(step, t0 + 30_000);

    const result = tracker.result();
    expect(onDisk()).toEqual(result);
    expect(result.ending).toBe("quit");
    expect(result.finishedAt).toBe(new Date(t0 + 30_000).toISOString());
    expect(result.questions.map((q) => q.status)).toEqual(["answered", "skipped", "unanswered", "unanswered"]);
    expect(result.questions[1]).toMatchObject({ hintsUsed: 2, ms: t0 + 20_000 - secondShownAt });
    expect(tracker.score()).toEqual({ right: 1, of: 4 });
    expect(tracker.unanswered()).toBe(2);
  });

  it("says time-up when the time limit ended the session", () => {
    const { first, tracker, t0 } = setup();
    tracker.begin();
    tracker.observe(first, t0);
    tracker.markTimeUp();
    tracker.observe(quit(first.state, t0 + 31 * 60_000), t0 + 31 * 60_000);
    expect(tracker.ending()).toBe("time-up");
    expect(tracker.result().questions.every((q) => q.status === "unanswered")).toBe(true);
  });

  it("a taken file stops it before anything is asked", () => {
    const { tracker, path } = setup();
    new ResultWriter(path, false).write(tracker.result());
    expect(() => tracker.begin()).toThrow(ResultExistsError);
  });
});
