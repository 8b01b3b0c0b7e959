// The practice store without a screen: the hook that sees each step before anything is shown, the
// mode attempts are saved as, a retry after the last question, when an answer's time starts, and
// a time limit. The clock is a variable the tests move.
import { describe, expect, it } from "vitest";
import type { Step } from "../../src/engine/types";
import { createProgressStore, SLOW_MS } from "../../src/progress";
import { createPracticeStore, type PracticeSessionConfig } from "../../src/ui/practice-store";
import { COURSE, rightAnswer } from "../engine/fixtures";

const T0 = Date.parse("2030-03-01T09:00:00.000Z");

function setup(config: Partial<PracticeSessionConfig> = {}, extra: Partial<Parameters<typeof createPracticeStore>[0]> = {}) {
  const clock = { now: T0 };
  const progress = createProgressStore({ dataDir: null, now: () => new Date(clock.now) });
  const store = createPracticeStore({
    course: COURSE,
    progress,
    config: {
      mode: "practice",
      hintsAllowed: true,
      retryAllowed: true,
      seed: 3,
      count: 2,
      queue: [
        { templateId: "fx-sigmoid", reason: "new" },
        { templateId: "fx-sigmoid", reason: "new" },
      ],
      ...config,
    },
    now: () => new Date(clock.now),
    ...extra,
  });
  const right = () => {
    const q = store.getState().question!;
    return rightAnswer(q.quantity, q.params);
  };
  const answer = (text: string) => {
    store.getState().typeText(text);
    store.getState().submit();
  };
  return { store, progress, clock, right, answer };
}

describe("createPracticeStore", () => {
  it("hands every step to onStep, the first included, before the store changes or saves anything", () => {
    const seen: { events: string[]; at: number; feedbackShown: boolean; saved: number }[] = [];
    // Filled in once setup returns (the first step arrives while the store is being made).
    const live: { feedback: () => unknown; saved: () => number } = { feedback: () => null, saved: () => 0 };
    const { store, progress, clock, right, answer } = setup(
      {},
      {
        onStep: (step: Step, at: number) =>
          seen.push({ events: step.events.map((e) => e.type), at, feedbackShown: live.feedback() != null, saved: live.saved() }),
      },
    );
    live.feedback = () => store.getState().feedback;
    live.saved = () => progress.getState().attempts.length;
    expect(seen).toEqual([{ events: ["question"], at: T0, feedbackShown: false, saved: 0 }]);
    clock.now = T0 + 3_000;
    answer(right());
    expect(seen[1]).toEqual({ events: ["graded", "feedback", "question"], at: T0 + 3_000, feedbackShown: false, saved: 0 });
    expect(store.getState().feedback?.verdict).toBe("correct");
    expect(progress.getState().attempts).toHaveLength(1);
  });

  it("saves attempts as the session's mode, or as recordAs says (Learn: learn)", () => {
    const practice = setup();
    practice.answer(practice.right());
    expect(practice.progress.getState().attempts[0]!.mode).toBe("practice");
    const learn = setup({}, { recordAs: "learn" });
    learn.answer(learn.right());
    expect(learn.progress.getState().attempts[0]!.mode).toBe("learn");
  });

  it("offers a retry after a missed last question, asks the same numbers again, and finishes after it", () => {
    const { store, answer, right } = setup({ count: 1, queue: [{ templateId: "fx-sigmoid", reason: "new" }] });
    const asked = store.getState().question!;
    answer("0.01");
    expect(store.getState()).toMatchObject({ phase: "answered", canRetry: true, pending: null });
    expect(store.getState().summary).not.toBeNull();
    store.getState().retry();
    const again = store.getState();
    expect(again).toMatchObject({ phase: "asking", canRetry: false, summary: null, feedback: null, input: "" });
    expect(again.question!.params).toEqual(asked.params);
    answer(right());
    expect(store.getState()).toMatchObject({ phase: "answered", canRetry: false });
    expect(store.getState().summary).toMatchObject({ attempts: 2, correct: 1 });
    store.getState().next();
    expect(store.getState().phase).toBe("finished");
  });

  it("never offers a retry when the session does not allow it", () => {
    const { store, answer } = setup({ count: 1, retryAllowed: false, queue: [{ templateId: "fx-sigmoid", reason: "new" }] });
    answer("0.01");
    expect(store.getState().canRetry).toBe(false);
    store.getState().retry();
    expect(store.getState().phase).toBe("answered");
  });

  it("does not count reading the previous feedback as answer time", () => {
    const { store, progress, clock, right, answer } = setup();
    clock.now = T0 + 5_000;
    answer(right());
    clock.now = T0 + 5_000 + 3 * 60_000; // reading the feedback, then Enter
    store.getState().next();
    clock.now += 4_000;
    answer(right());
    expect(progress.getState().attempts.map((a) => a.ms)).toEqual([5_000, 4_000]);
    // Fast and right: Easy, not Hard for being "slow".
    expect(progress.getState().attempts[1]!.rating).toBe(4);
  });

  it("with clockStartsOnTyping, starts a part's time at its first keystroke (reading the step first is free)", () => {
    const { store, progress, clock, right } = setup({}, { clockStartsOnTyping: true });
    const answer = right();
    clock.now = T0 + 2 * SLOW_MS; // reading the lesson's prose
    store.getState().typeText(answer.slice(0, 2));
    clock.now += 3_000;
    store.getState().typeText(answer.slice(2));
    store.getState().submit();
    expect(progress.getState().attempts[0]).toMatchObject({ ms: 3_000, verdict: "correct", rating: 4 });
  });

  it("without it, the same reading time makes a right answer slow (Hard)", () => {
    const { store, progress, clock, right } = setup();
    const answer = right();
    clock.now = T0 + 2 * SLOW_MS;
    store.getState().typeText(answer);
    clock.now += 3_000;
    store.getState().submit();
    expect(progress.getState().attempts[0]).toMatchObject({ ms: 2 * SLOW_MS + 3_000, rating: 2 });
  });

  it("past the deadline grades nothing: onTimeUp once, then the session ends", () => {
    let timeUps = 0;
    const { store, progress, clock, right } = setup({}, { deadline: () => T0 + 60_000, onTimeUp: () => timeUps++ });
    store.getState().typeText(right());
    clock.now = T0 + 60_000;
    store.getState().submit();
    expect(progress.getState().attempts).toHaveLength(0);
    expect(store.getState()).toMatchObject({ phase: "finished", timeUp: true });
    expect(store.getState().summary).toMatchObject({ attempts: 0, quit: true });
    store.getState().expire();
    expect(timeUps).toBe(1);
  });
});
