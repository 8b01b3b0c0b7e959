import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { instantiate } from "../../src/content/instantiate";
import { sigmoid } from "../../src/core/sigmoid";
import { carriedExpected } from "../../src/engine/carry";
import { courseOrder, courseQueue, planSession, quizQueue, unknownSkills, variantSeed } from "../../src/engine/plan";
import { COURSE } from "./fixtures";

describe("courseOrder", () => {
  it("puts exercises tied to lesson steps in chapter, lesson and step order, then the rest as loaded", () => {
    expect(courseOrder(COURSE).map((t) => t.id)).toEqual(["fx-from-output", "fx-sigmoid", "fx-derivative", "fx-two-part", "fx-formula"]);
  });
  it("keeps only the skills asked for", () => {
    expect(courseOrder(COURSE, ["derivative-value"]).map((t) => t.id)).toEqual(["fx-derivative", "fx-two-part"]);
  });
});

describe("courseQueue and quizQueue", () => {
  it("courseQueue goes round the course again when more questions are asked for", () => {
    expect(courseQueue(COURSE, ["sigmoid-value", "derivative-formula"], 3).map((e) => e.templateId)).toEqual([
      "fx-sigmoid",
      "fx-formula",
      "fx-sigmoid",
    ]);
  });
  it("quizQueue gives everyone with the same seed the same order, each template once before any repeats", () => {
    const a = quizQueue(COURSE, [], 7, 123).map((e) => e.templateId);
    expect(quizQueue(COURSE, [], 7, 123).map((e) => e.templateId)).toEqual(a);
    expect(new Set(a.slice(0, 5)).size).toBe(5);
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        quizQueue(COURSE, [], 5, seed)
          .map((e) => e.templateId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("planSession", () => {
  it("derives each variant's seed from the session seed and the position", () => {
    const queue = [
      { templateId: "fx-sigmoid", reason: "new" as const },
      { templateId: "fx-derivative", reason: "review" as const },
    ];
    const plan = planSession(COURSE, queue, 5, 99);
    expect(plan).toEqual([
      { templateId: "fx-sigmoid", variantSeed: variantSeed(99, 0), reason: "new" },
      { templateId: "fx-derivative", variantSeed: variantSeed(99, 1), reason: "review" },
    ]);
    expect(variantSeed(99, 0)).not.toBe(variantSeed(99, 1));
    expect(variantSeed(99, 0)).not.toBe(variantSeed(100, 0));
  });
});

describe("planSession with a template asked more than once", () => {
  const paramsOf = (planned: { templateId: string; variantSeed: number }) => {
    const made = instantiate(COURSE.exercises.get(planned.templateId)!, planned.variantSeed);
    if (!made.ok) throw new Error(made.problem);
    return made.question.params;
  };

  it("never asks the same numbers twice while the template has others (fx-sigmoid has 4 values of x)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const queue = Array.from({ length: 4 }, () => ({ templateId: "fx-sigmoid", reason: "more" as const }));
        const xs = planSession(COURSE, queue, 4, seed).map((p) => paramsOf(p).x);
        expect(new Set(xs).size).toBe(4);
      }),
      { numRuns: 300 },
    );
  });

  it("with every value used, still never repeats the numbers just asked", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const queue = Array.from({ length: 9 }, () => ({ templateId: "fx-sigmoid", reason: "more" as const }));
        const xs = planSession(COURSE, queue, 9, seed).map((p) => paramsOf(p).x);
        for (let i = 1; i < xs.length; i++) expect(xs[i]).not.toBe(xs[i - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it("stays reproducible: the same seed gives the same plan", () => {
    const queue = Array.from({ length: 6 }, () => ({ templateId: "fx-sigmoid", reason: "more" as const }));
    expect(planSession(COURSE, queue, 6, 1234)).toEqual(planSession(COURSE, queue, 6, 1234));
  });
});

describe("unknownSkills", () => {
  it("names the skills the course does not have", () => {
    expect(unknownSkills(COURSE, ["sigmoid-value", "sigmoid-valu"])).toEqual(["sigmoid-valu"]);
  });
});

describe("carriedExpected", () => {
  it("computes σ′ from the learner's σ(x) as s(1 − s)", () => {
    expect(carriedExpected("derivative", { x: 2 }, "sigmoid", 0.8)).toBeCloseTo(0.16, 15);
    expect(carriedExpected("derivative-from-output", { sigma: 0.7 }, "sigmoid", 0.6)).toBeCloseTo(0.24, 15);
    expect(carriedExpected("backprop-local-gradient", { sigma: 0.7, upstream: 2 }, "sigmoid", 0.5)).toBeCloseTo(0.5, 15);
  });
  it("multiplies the learner's chain-rule factor by the true other factor", () => {
    const x = 1;
    const e = Math.exp(-x);
    const outer = -1 / (1 + e) ** 2;
    // With both factors right the product is σ′(x): the relation is the chain rule itself.
    expect(carriedExpected("derivative", { x }, "inner-derivative", -e)).toBeCloseTo(sigmoid(x) * (1 - sigmoid(x)), 14);
    expect(carriedExpected("derivative", { x }, "outer-derivative", outer)).toBeCloseTo(sigmoid(x) * (1 - sigmoid(x)), 14);
    expect(carriedExpected("derivative", { x }, "inner-derivative", e)).toBeCloseTo(e * -outer * -1, 14);
  });
  it("has no relation for unrelated quantities", () => {
    expect(carriedExpected("logit", { p: 0.3 }, "sigmoid", 0.5)).toBeNull();
    expect(carriedExpected("derivative", { x: 1 }, "sigmoid", Number.NaN)).toBeNull();
  });
});
