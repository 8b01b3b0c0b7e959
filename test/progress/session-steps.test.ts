// The one handler for engine events (src/progress/session-steps.ts): plain mode's driver and the
// full-screen trainer's store both go through it, so the same answers give the same saved
// attempts and the same retry offers; a list of events from elsewhere (a server, as JSON, with no
// `graded`) goes through it too.
import { describe, expect, it } from "vitest";
import type { Localized } from "../../src/core/i18n";
import { answer, hint, retry, skip, start } from "../../src/engine/session";
import type { EngineEvent, Feedback, QuestionView, SessionConfig } from "../../src/engine/types";
import { driveSession, type Presenter } from "../../src/plain/driver";
import type { LineReader } from "../../src/plain/line-reader";
import { createProgressStore } from "../../src/progress";
import { attemptInputOf } from "../../src/progress/session-link";
import { handleEngineEvents, retryOffered, type ShownEvent } from "../../src/progress/session-steps";
import { createPracticeStore } from "../../src/ui/practice-store";
import { config, rightAnswer } from "../engine/fixtures";

const T0 = Date.parse("2030-03-01T09:00:00.000Z");

/** An answer to the current part: right, or a wrong number. */
type Move = "right" | "wrong";

/** The same moves through plain mode's driver: what was saved and each graded feedback's retry offer. */
async function throughPlain(session: SessionConfig, moves: Move[]) {
  const progress = createProgressStore({ dataDir: null, now: () => new Date(T0) });
  let last: QuestionView | null = null;
  const offers: boolean[] = [];
  const presenter: Presenter = {
    question: (view) => {
      last = view;
    },
    feedback: (feedback, _review, canRetry) => {
      if (feedback.verdict !== "invalid") offers.push(canRetry);
    },
    hint() {},
    skipped() {},
    notice() {},
    summary() {},
    help() {},
    unknownCommand() {},
    prompt() {},
  };
  let i = 0;
  const lines: LineReader = {
    next: async () => {
      const move = moves[i++];
      if (move === undefined || last === null) return null;
      return move === "right" ? rightAnswer(last.quantity, last.params) : "0.0123";
    },
    close() {},
  };
  await driveSession(start(session, T0), lines, presenter, {
    now: () => T0,
    record: (attempt) => {
      progress.getState().recordAttempt(attemptInputOf(attempt, "practice"));
      return null;
    },
  });
  return { saved: progress.getState().attempts, offers };
}

/** The same moves through the trainer's store, pressing Enter past each feedback as a learner does. */
function throughStore(session: SessionConfig, moves: Move[]) {
  const progress = createProgressStore({ dataDir: null, now: () => new Date(T0) });
  const store = createPracticeStore({
    course: session.course,
    progress,
    config: { ...session, queue: session.queue },
    now: () => new Date(T0),
  });
  const offers: boolean[] = [];
  for (const move of moves) {
    const s = store.getState();
    if (s.phase === "answered") s.next();
    const q = store.getState().question!;
    store.getState().typeText(move === "right" ? rightAnswer(q.quantity, q.params) : "0.0123");
    store.getState().submit();
    const after = store.getState();
    // What the learner is offered while this feedback is on screen.
    offers.push(after.canRetry);
  }
  return { saved: progress.getState().attempts, offers };
}

const comparable = (saved: readonly { templateId: string; part: number; answer: string; verdict: string; mistake: string | null }[]) =>
  saved.map(({ templateId, part, answer, verdict, mistake }) => ({ templateId, part, answer, verdict, mistake }));

describe("one handler for engine steps, plain and full screen", () => {
  it("the same answers save the same attempts and offer the same retries", async () => {
    const session = config(["fx-sigmoid", "fx-two-part", "fx-derivative"], { seed: 5 });
    const moves: Move[] = ["wrong", "right", "wrong", "right"];
    const plain = await throughPlain(session, moves);
    const screen = throughStore(session, moves);
    expect(comparable(screen.saved)).toEqual(comparable(plain.saved));
    expect(plain.saved).toHaveLength(4);
    // Missed first question: retry offered. Part 1 of the next: never (only a missed question's
    // last part offers one). Its part 2, missed: offered. The last question, right: not.
    expect(plain.offers).toEqual([true, false, true, false]);
    expect(screen.offers).toEqual(plain.offers);
  });

  it("fixes the trainer's old copy: a question's first part never shows a retry for the question before it", () => {
    const session = config(["fx-sigmoid", "fx-two-part"], { seed: 5 });
    const screen = throughStore(session, ["wrong", "right"]);
    // Before, the store offered a retry under part 1's feedback of the next question because the
    // engine still remembered the earlier miss; plain mode never did.
    expect(screen.offers).toEqual([true, false]);
  });

  it("offers a retry after the last question only where the session goes on after its summary", async () => {
    const session = config(["fx-sigmoid"], { seed: 5 });
    expect((await throughPlain(session, ["wrong"])).offers).toEqual([false]);
    expect(throughStore(session, ["wrong"]).offers).toEqual([true]);
  });
});

describe("handleEngineEvents", () => {
  const session = config(["fx-sigmoid", "fx-two-part"], { seed: 5 });

  it("saves every graded attempt before returning anything, and puts the review on its own feedback", () => {
    const first = start(session, T0);
    const q = first.state.current!;
    const step = answer(first.state, "0.0123", T0 + 1);
    expect(q.index).toBe(0);
    const order: string[] = [];
    const review = { due: new Date(T0 + 86_400_000), sentence: { ja: "明日", en: "Tomorrow." } satisfies Localized };
    const shown = handleEngineEvents(step.events, {
      record: (attempt) => {
        order.push(`saved ${attempt.templateId}`);
        return review;
      },
      goesOnAfterSummary: false,
    });
    expect(order).toEqual(["saved fx-sigmoid"]);
    expect(shown.map((e) => e.type)).toEqual(["feedback", "question"]);
    expect(shown[0]).toMatchObject({ type: "feedback", review, canRetry: true });
    expect(shown[1]).toMatchObject({ type: "question", cause: "next-question" });
  });

  it("takes events that came as JSON from elsewhere, without graded events or a local session", () => {
    const first = start(session, T0);
    const step = answer(first.state, "0.0123", T0 + 1);
    const remote = JSON.parse(JSON.stringify(step.events.filter((e) => e.type !== "graded"))) as EngineEvent[];
    let saves = 0;
    const shown = handleEngineEvents(remote, {
      record: () => {
        saves++;
        return null;
      },
      goesOnAfterSummary: false,
    });
    expect(saves).toBe(0);
    expect(shown.map((e) => e.type)).toEqual(["feedback", "question"]);
    expect(retryOffered(shown)).toBe(true);
    expect((shown[0] as Extract<ShownEvent, { type: "feedback" }>).feedback.verdict).toBe("incorrect");
  });

  it("never offers a retry on invalid input, and an invalid answer carries no review", () => {
    const first = start(session, T0);
    const step = answer(first.state, "0..1", T0 + 1);
    const shown = handleEngineEvents(step.events, { record: () => null, goesOnAfterSummary: true });
    expect(shown).toHaveLength(1);
    const feedback = shown[0] as { feedback: Feedback; review: unknown; canRetry: boolean };
    expect(feedback.feedback.verdict).toBe("invalid");
    expect(feedback.review).toBeNull();
    expect(retryOffered(shown)).toBe(false);
  });

  it("says why each question was asked: the next question, the next part, a retry", () => {
    const first = start(session, T0);
    expect(first.events).toContainEqual(expect.objectContaining({ type: "question", cause: "next-question" }));
    const missed = answer(first.state, "0.0123", T0 + 1);
    const again = retry(missed.state, T0 + 2);
    expect(again.events).toEqual([expect.objectContaining({ type: "question", cause: "retry" })]);
    const q = again.state.current!.instance;
    const right = answer(again.state, rightAnswer(q.parts[0]!.quantity, q.params), T0 + 3);
    const twoPart = right.state.current!.instance;
    const part1 = answer(right.state, rightAnswer(twoPart.parts[0]!.quantity, twoPart.params), T0 + 4);
    expect(part1.events.at(-1)).toMatchObject({ type: "question", cause: "next-part" });
    const skipped = skip(hint(part1.state).state, T0 + 5);
    expect(skipped.events.map((e) => e.type)).toEqual(["skipped", "summary"]);
  });
});
