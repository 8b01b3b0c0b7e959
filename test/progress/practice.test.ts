import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProgressStore, practiceQueue, type TemplateRef } from "../../src/progress";
import { attemptInput, DAY, fakeClock, MINUTE } from "./helpers";

const TEMPLATES: TemplateRef[] = Array.from({ length: 12 }, (_, i) => ({
  id: `t${String(i).padStart(2, "0")}`,
  skill: i < 6 ? "sigmoid-value" : "derivative-value",
}));

function progressWith(
  setup: (record: (templateId: string, verdict?: "correct" | "incorrect") => void, clock: ReturnType<typeof fakeClock>) => void,
) {
  const clock = fakeClock("2025-01-01T12:00:00.000Z");
  const store = createProgressStore({ dataDir: null, now: clock.now });
  let seed = 0;
  setup((templateId, verdict = "correct") => {
    const skill = TEMPLATES.find((t) => t.id === templateId)?.skill ?? "sigmoid-value";
    store.getState().recordAttempt(attemptInput({ templateId, skill, verdict, ms: 3_000, seed: ++seed }));
    clock.advance(MINUTE);
  }, clock);
  return { progress: store.getState(), now: clock.now() };
}

describe("practiceQueue", () => {
  it("for a new learner offers new templates in course order", () => {
    const { progress, now } = progressWith(() => {});
    const picks = practiceQueue({ templates: TEMPLATES, progress, now, seed: 1, count: 5 });
    expect(picks.every((p) => p.reason === "new")).toBe(true);
    expect(picks.map((p) => p.templateId).sort()).toEqual(["t00", "t01", "t02", "t03", "t04"]);
  });

  it("mixes due reviews, recent mistakes and new templates", () => {
    const { progress, now } = progressWith((record, clock) => {
      for (const id of ["t00", "t01", "t02", "t03"]) record(id);
      clock.advance(30 * DAY);
      record("t04", "incorrect");
      record("t05", "incorrect");
      clock.advance(DAY);
    });
    const picks = practiceQueue({ templates: TEMPLATES, progress, now, seed: 7, count: 8 });
    const by = (reason: string) =>
      picks
        .filter((p) => p.reason === reason)
        .map((p) => p.templateId)
        .sort();
    // Half reviews, a quarter mistakes (due again, but offered as mistakes), the rest new in course order.
    expect(by("review")).toEqual(["t00", "t01", "t02", "t03"]);
    expect(by("mistake")).toEqual(["t04", "t05"]);
    expect(by("new")).toEqual(["t06", "t07"]);
    expect(picks).toHaveLength(8);
  });

  it("offers a recent mistake that is not due yet", () => {
    const { progress, now } = progressWith((record) => {
      record("t03", "incorrect");
    });
    const picks = practiceQueue({ templates: TEMPLATES, progress, now, seed: 3, count: 4 });
    expect(picks.find((p) => p.templateId === "t03")?.reason).toBe("mistake");
  });

  it("is the same for the same seed and differs in order for another", () => {
    const { progress, now } = progressWith((record) => record("t00", "incorrect"));
    const a = practiceQueue({ templates: TEMPLATES, progress, now, seed: 42, count: 10 });
    expect(practiceQueue({ templates: TEMPLATES, progress, now, seed: 42, count: 10 })).toEqual(a);
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        practiceQueue({ templates: TEMPLATES, progress, now, seed, count: 10 })
          .map((p) => p.templateId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it("keeps to one skill when asked", () => {
    const { progress, now } = progressWith(() => {});
    const picks = practiceQueue({ templates: TEMPLATES, progress, now, seed: 1, count: 20, skill: "derivative-value" });
    expect(new Set(picks.map((p) => p.skill))).toEqual(new Set(["derivative-value"]));
    expect(picks).toHaveLength(20);
  });

  it("gives exactly `count` picks and repeats a template only when there are fewer templates than picks", () => {
    const { progress, now } = progressWith((record) => {
      record("t00", "incorrect");
      record("t01");
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (count, seed) => {
        const picks = practiceQueue({ templates: TEMPLATES, progress, now, seed, count });
        expect(picks).toHaveLength(count);
        const distinct = new Set(picks.map((p) => p.templateId)).size;
        expect(distinct).toBe(Math.min(count, TEMPLATES.length));
      }),
    );
  });
});
