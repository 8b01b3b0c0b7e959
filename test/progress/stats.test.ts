import { describe, expect, it } from "vitest";
import { computeStats, createProgressStore } from "../../src/progress";
import { streak } from "../../src/progress/stats";
import { attemptInput, DAY, fakeClock } from "./helpers";

describe("computeStats", () => {
  it("counts attempts, correct answers, per-skill accuracy and mistakes by id", () => {
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: null, now: clock.now });
    const r = store.getState().recordAttempt;
    r(attemptInput({ skill: "sigmoid-value", templateId: "s1" }));
    r(attemptInput({ skill: "sigmoid-value", templateId: "s1", seed: 2, verdict: "incorrect", mistake: "derivative-instead-of-sigmoid" }));
    r(attemptInput({ skill: "derivative-value", templateId: "d1", verdict: "imprecise", hints: 2 }));
    r(attemptInput({ skill: "derivative-value", templateId: "d1", seed: 3, verdict: "incorrect", mistake: "complement" }));
    r(attemptInput({ skill: "derivative-value", templateId: "d2", verdict: "incorrect", mistake: "complement" }));
    const stats = computeStats(store.getState(), clock.now());
    expect(stats).toMatchObject({ attempts: 5, correct: 1, accuracy: 0.2, streak: 1 });
    expect(stats.skills["sigmoid-value"]).toMatchObject({ attempts: 2, correct: 1, incorrect: 1, accuracy: 0.5 });
    expect(stats.skills["derivative-value"]).toMatchObject({ attempts: 3, correct: 0, imprecise: 1, incorrect: 2, accuracy: 0, hints: 2 });
    expect(Object.entries(stats.mistakes)).toEqual([
      ["complement", 2],
      ["derivative-instead-of-sigmoid", 1],
    ]);
  });

  it("reports what is due, all of it, and what today's capped queue offers", () => {
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: null, now: clock.now });
    for (let i = 0; i < 25; i++) store.getState().recordAttempt(attemptInput({ templateId: `t${i}`, ms: 3_000 }));
    expect(computeStats(store.getState(), clock.now()).due).toBe(0);
    clock.advance(300 * DAY);
    const stats = computeStats(store.getState(), clock.now(), 20);
    expect(stats.due).toBe(25);
    expect(stats.reviewQueue).toBe(20);
    expect(stats.skills["sigmoid-value"]?.due).toBe(25);
  });
});

describe("streak", () => {
  const at = (iso: string) => new Date(iso);
  it("counts consecutive days up to today", () => {
    const now = at("2025-03-10T12:00:00Z");
    expect(streak([at("2025-03-08T12:00:00Z"), at("2025-03-09T12:00:00Z"), at("2025-03-10T11:00:00Z")], now)).toBe(3);
  });
  it("is not broken before today is over", () => {
    expect(streak([at("2025-03-08T12:00:00Z"), at("2025-03-09T12:00:00Z")], at("2025-03-10T12:00:00Z"))).toBe(2);
  });
  it("is broken by a missed day", () => {
    expect(streak([at("2025-03-06T12:00:00Z"), at("2025-03-07T12:00:00Z")], at("2025-03-10T12:00:00Z"))).toBe(0);
    expect(streak([at("2025-03-07T12:00:00Z"), at("2025-03-09T12:00:00Z"), at("2025-03-10T12:00:00Z")], at("2025-03-10T13:00:00Z"))).toBe(
      2,
    );
  });
  it("is 0 with no answers", () => {
    expect(streak([], at("2025-03-10T12:00:00Z"))).toBe(0);
  });
});
