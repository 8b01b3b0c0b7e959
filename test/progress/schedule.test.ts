import { describe, expect, it } from "vitest";
import { createProgressStore, humanizeInterval, nextReviewFor, reviewQueue } from "../../src/progress";
import { attemptInput, DAY, fakeClock, MINUTE } from "./helpers";

describe("the schedule after an answer", () => {
  it("brings a wrong answer back within minutes and a fast right one back days later", () => {
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: null, now: clock.now });
    store.getState().recordAttempt(attemptInput({ templateId: "wrong", verdict: "incorrect" }));
    store.getState().recordAttempt(attemptInput({ templateId: "easy", ms: 3_000 }));
    const cards = store.getState().cards;
    const wrong = nextReviewFor(cards, "wrong", clock.now())!;
    const easy = nextReviewFor(cards, "easy", clock.now())!;
    expect(wrong.due.getTime() - clock.now().getTime()).toBeLessThanOrEqual(10 * MINUTE);
    expect(easy.due.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(2 * DAY);
    expect(wrong.sentence.en).toBe("Comes back in 1 minute.");
    expect(wrong.sentence.ja).toBe("1分後にもう一度出題します。");
    expect(easy.sentence.en).toMatch(/^Comes back in \d+ days\.$/);
    expect(nextReviewFor(cards, "never-seen", clock.now())).toBeNull();
    // The store's own shortcut uses the store's clock.
    clock.advance(DAY);
    expect(store.getState().nextReview("easy")?.sentence.en).toMatch(/^Comes back in \d+ days\.$/);
    // A day later the missed item is overdue: it is waiting now, not coming back.
    expect(store.getState().nextReview("wrong")?.sentence).toEqual({ ja: "もう復習の時期です。", en: "Due for review now." });
  });

  it("says a card that is due at this very moment is due now", () => {
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: null, now: clock.now });
    store.getState().recordAttempt(attemptInput({ templateId: "wrong", verdict: "incorrect" }));
    const due = store.getState().cards.wrong!.due;
    expect(nextReviewFor(store.getState().cards, "wrong", due)?.sentence.en).toBe("Due for review now.");
    expect(nextReviewFor(store.getState().cards, "wrong", new Date(due.getTime() - 1))?.sentence.en).toBe("Comes back in under a minute.");
  });
});

describe("humanizeInterval", () => {
  it("picks the largest unit that fits, in both languages", () => {
    expect(humanizeInterval(0)).toEqual({ ja: "今すぐ", en: "now" });
    expect(humanizeInterval(-3 * DAY)).toEqual({ ja: "今すぐ", en: "now" });
    expect(humanizeInterval(10_000)).toEqual({ ja: "1分以内", en: "in under a minute" });
    // A one-minute learning step, looked at a moment after the answer was saved.
    expect(humanizeInterval(MINUTE - 40)).toEqual({ ja: "1分後", en: "in 1 minute" });
    expect(humanizeInterval(10 * MINUTE)).toEqual({ ja: "10分後", en: "in 10 minutes" });
    expect(humanizeInterval(59.7 * MINUTE)).toEqual({ ja: "1時間後", en: "in 1 hour" });
    expect(humanizeInterval(3 * DAY)).toEqual({ ja: "3日後", en: "in 3 days" });
    expect(humanizeInterval(1 * DAY)).toEqual({ ja: "1日後", en: "in 1 day" });
    expect(humanizeInterval(90 * DAY)).toEqual({ ja: "約3か月後", en: "in about 3 months" });
    expect(humanizeInterval(400 * DAY)).toEqual({ ja: "約1年後", en: "in about 1 year" });
  });
});

describe("reviewQueue", () => {
  function learnerWith(templates: number) {
    const clock = fakeClock("2025-01-01T12:00:00.000Z");
    const store = createProgressStore({ dataDir: null, now: clock.now });
    for (let i = 0; i < templates; i++) {
      store.getState().recordAttempt(attemptInput({ templateId: `t${String(i).padStart(2, "0")}`, ms: 3_000 }));
      clock.advance(MINUTE);
    }
    return { store, clock };
  }

  it("after a long break offers at most the daily cap, oldest due first", () => {
    const { store, clock } = learnerWith(30);
    clock.advance(200 * DAY);
    const { cards, ratings } = store.getState();
    const queue = reviewQueue(cards, ratings, clock.now(), 20);
    expect(queue).toHaveLength(20);
    expect(queue.map((q) => q.templateId)).toEqual(Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, "0")}`));
    expect(queue.every((q) => q.kind === "review")).toBe(true);
  });

  it("counts reviews already done today against the cap, and offers more the next day", () => {
    const { store, clock } = learnerWith(30);
    clock.set("2025-08-01T09:00:00.000Z");
    for (let i = 0; i < 15; i++)
      store.getState().recordAttempt(attemptInput({ templateId: `t${String(i).padStart(2, "0")}`, seed: 2, ms: 20_000 }));
    const s = store.getState();
    expect(reviewQueue(s.cards, s.ratings, clock.now(), 20)).toHaveLength(5);
    clock.set("2025-08-02T09:00:00.000Z");
    expect(reviewQueue(s.cards, s.ratings, clock.now(), 20)).toHaveLength(15);
  });

  it("puts items in learning steps (recent mistakes) first and never caps them", () => {
    const { store, clock } = learnerWith(25);
    clock.advance(200 * DAY);
    store.getState().recordAttempt(attemptInput({ templateId: "missed", verdict: "incorrect" }));
    clock.advance(2 * MINUTE);
    const s = store.getState();
    const queue = reviewQueue(s.cards, s.ratings, clock.now(), 0);
    expect(queue.map((q) => [q.templateId, q.kind])).toEqual([["missed", "learning"]]);
  });
});
