// A fresh learner starts at the beginning: practice on an empty profile asks new material in the
// course's order (σ(x) first), whatever the seed; with history, new items keep that order among
// the reviews and mistakes they are mixed with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import { courseOrder } from "../../src/engine/plan";
import { sessionQueue } from "../../src/progress/session-link";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error("the shipped content does not load");
const COURSE = loaded.course;
const EMPTY = { attempts: [], cards: {}, ratings: [] };
const ORDER = courseOrder(COURSE, []).map((t) => t.id);

describe("practice on an empty profile", () => {
  it("asks the course's exercises in course order, σ(x) first, for every seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 10 }), (seed, count) => {
        const queue = sessionQueue({
          mode: "practice",
          course: COURSE,
          progress: EMPTY,
          skills: [],
          count,
          seed,
          now: new Date("2030-01-01T00:00:00Z"),
        });
        expect(queue.map((q) => q.templateId)).toEqual(ORDER.slice(0, count));
        expect(COURSE.exercises.get(queue[0]!.templateId)?.skill).toBe("sigmoid-value");
      }),
    );
  });

  it("the seeds the newcomer report named (1, 4, 5, 9) open with σ(x)", () => {
    for (const seed of [1, 4, 5, 9]) {
      const queue = sessionQueue({
        mode: "practice",
        course: COURSE,
        progress: EMPTY,
        skills: [],
        count: 10,
        seed,
        now: new Date("2030-01-01T00:00:00Z"),
      });
      expect(COURSE.exercises.get(queue[0]!.templateId)?.skill).toBe("sigmoid-value");
    }
  });
});
