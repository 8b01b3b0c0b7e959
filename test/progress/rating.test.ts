// The FSRS grade is derived from the attempt (docs/progress.md, Scheduling: learners mis-rate themselves).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGAIN, createProgressStore, EASY, FAST_MS, GOOD, gradePart, HARD, SLOW_MS } from "../../src/progress";
import { attemptInput } from "./helpers";

describe("gradePart", () => {
  it("follows the stated rules at their boundaries", () => {
    expect(gradePart("incorrect", 0, 1_000)).toBe(AGAIN);
    expect(gradePart("correct", 0, FAST_MS - 1)).toBe(EASY);
    expect(gradePart("correct", 0, FAST_MS)).toBe(GOOD);
    expect(gradePart("correct", 0, SLOW_MS)).toBe(GOOD);
    expect(gradePart("correct", 0, SLOW_MS + 1)).toBe(HARD);
    expect(gradePart("correct", 1, 1_000)).toBe(HARD);
    expect(gradePart("imprecise", 0, 1_000)).toBe(HARD);
  });

  it("never gives more than Again to a wrong answer, nor Easy after a hint, whatever the time", () => {
    fc.assert(
      fc.property(fc.constantFrom("correct", "imprecise", "incorrect" as const), fc.nat(5), fc.nat(600_000), (verdict, hints, ms) => {
        const g = gradePart(verdict, hints, ms);
        if (verdict === "incorrect") expect(g).toBe(AGAIN);
        else expect(g).toBeGreaterThanOrEqual(HARD);
        if (hints > 0) expect(g).toBeLessThanOrEqual(HARD);
        if (verdict === "correct" && hints === 0 && ms < FAST_MS) expect(g).toBe(EASY);
      }),
    );
  });

  it("is monotone: more hints or more time never grade a correct answer higher", () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), fc.nat(600_000), fc.nat(600_000), (h1, h2, t1, t2) => {
        const [ha, hb] = [Math.min(h1, h2), Math.max(h1, h2)];
        const [ta, tb] = [Math.min(t1, t2), Math.max(t1, t2)];
        expect(gradePart("correct", hb, tb)).toBeLessThanOrEqual(gradePart("correct", ha, ta));
      }),
    );
  });
});

describe("the grade a recorded attempt gives its card", () => {
  it("grades a one-part exercise on its first answer, and not again on a retry of the same variant", () => {
    const store = createProgressStore({ dataDir: null });
    const first = store.getState().recordAttempt(attemptInput({ verdict: "imprecise", ms: 5_000 }));
    const retry = store.getState().recordAttempt(attemptInput({ verdict: "correct", ms: 5_000 }));
    expect([first.rating, retry.rating]).toEqual([HARD, null]);
    expect(store.getState().cards["sigmoid-at-x"]?.reps).toBe(1);
  });

  it("grades a two-part exercise once, at the last part, with the worse of the two parts", () => {
    const store = createProgressStore({ dataDir: null });
    const p0 = store.getState().recordAttempt(attemptInput({ templateId: "two", parts: 2, part: 0, verdict: "incorrect" }));
    expect(store.getState().cards.two).toBeUndefined();
    const p1 = store.getState().recordAttempt(attemptInput({ templateId: "two", parts: 2, part: 1, verdict: "correct", ms: 1_000 }));
    expect([p0.rating, p1.rating]).toEqual([null, AGAIN]);
    expect(store.getState().cards.two?.reps).toBe(1);
    expect(store.getState().cards.two?.lapses).toBe(0);
  });

  it("grades a new variant (another seed) of the same template again", () => {
    const store = createProgressStore({ dataDir: null });
    store.getState().recordAttempt(attemptInput({ seed: 1 }));
    const next = store.getState().recordAttempt(attemptInput({ seed: 2, ms: 1_000 }));
    expect(next.rating).toBe(EASY);
    expect(store.getState().cards["sigmoid-at-x"]?.reps).toBe(2);
  });
});
