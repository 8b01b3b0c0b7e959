// The self-test grades every template's variants the way learners will answer them; a grader
// or a template that would mark a right answer wrong, or a mistake right, is reported.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import type { Course } from "../../src/content/model";
import {
  correctNotations,
  exactFraction,
  type Graders,
  outsideNotations,
  selfTestCourse,
  selfTestTemplate,
  toFullWidth,
} from "../../src/content/selftest";
import { checkFormula } from "../../src/core/check-formula";
import { checkNumeric } from "../../src/core/check";

const ROOT = join(import.meta.dirname, "../..");

function course(dir = "test/fixtures/content/good"): Course {
  const result = loadContent([dir], ROOT);
  if (!result.ok) throw new Error("fixture does not load");
  return result.course;
}

describe("notations of the right answer", () => {
  it("writes σ′(2) as a learner may: decimal, more digits, scientific, ×10^, full-width", () => {
    expect(correctNotations(0.10499358540350662, 3)).toEqual(["0.105", "0.10499", "1.05e-1", "1.05×10^-1", "０．１０５"]);
  });

  it("adds the exact fraction when there is one", () => {
    expect(exactFraction(0.25)).toBe("1/4");
    expect(exactFraction(-0.375)).toBe("-3/8");
    expect(exactFraction(0.8807970779778823)).toBeNull();
    expect(correctNotations(0.25, 3)).toContain("1/4");
    expect(toFullWidth("-0.25")).toBe("−０．２５");
  });

  it("each is graded correct, and the values 1.5 half-units outside are not", () => {
    for (const [expected, digits] of [
      [0.10499358540350662, 3],
      [-0.1353352832366127, 3],
      [0.25, 2],
      [1.4945246824867015e-5, 3],
      [2.0611536181902037e-9, 4],
    ] as const) {
      const question = { expected, digits, mistakes: [] };
      for (const input of correctNotations(expected, digits)) expect(checkNumeric(question, input).verdict, input).toBe("correct");
      for (const input of outsideNotations(expected, digits)) expect(checkNumeric(question, input).verdict, input).toBe("incorrect");
    }
  });
});

describe("selfTestTemplate", () => {
  it("passes every template of the good fixture, numeric and formula", () => {
    const result = selfTestCourse(course(), 50);
    expect(result.problems).toEqual([]);
    // sigmoid-at-point: 4 choices; slope-from-output: 8 of 9 values (0.5 is a trap); the formula: 1.
    expect(result.variantsTested).toBe(4 + 8 + 1);
  });

  it("reports a grader that marks right answers wrong, at the template's place", () => {
    const template = course().exercises.get("sigmoid-at-point")!;
    const harsh: Graders = {
      checkNumeric: (question, input) => ({
        ...checkNumeric(question, input),
        verdict: input.includes("e") ? "invalid" : checkNumeric(question, input).verdict,
      }),
      checkFormula,
    };
    const { problems } = selfTestTemplate(template, 10, harsh);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col}`)).toEqual(["test/fixtures/content/good/exercises.yaml:3:5"]);
    expect(problems[0]!.message).toMatch(
      /^self-test of exercise "sigmoid-at-point": the right answer in some notation is not graded correct \(\d+ times\); e\.g\. "\d\.\d+e-1" at x = -?\d was graded invalid$/,
    );
  });

  it("reports a grader that diagnoses no mistakes, or lets values outside the tolerance pass", () => {
    const template = course().exercises.get("sigmoid-at-point")!;
    const lenient: Graders = {
      checkNumeric: (question, input) => ({ ...checkNumeric({ ...question, mistakes: [], digits: 1 }, input) }),
      checkFormula,
    };
    const messages = selfTestTemplate(template, 10, lenient).problems.map((p) => p.message);
    expect(messages.some((m) => m.includes("a typical mistake is not diagnosed as itself"))).toBe(true);
    expect(messages.some((m) => m.includes("a value just outside the tolerance is not graded wrong"))).toBe(true);
  });

  it("types each mistake with 1 and 2 figures too, and reports a grader that misses it there", () => {
    const template = course().exercises.get("sigmoid-at-point")!;
    // Diagnoses only answers typed with all the asked figures.
    const fullOnly: Graders = {
      checkNumeric: (question, input) => {
        const result = checkNumeric(question, input);
        const figures = input.replace(/^[-−]?0*\.?0*/, "").replace(/\D/g, "").length;
        return figures < question.digits ? { ...result, diagnosis: null } : result;
      },
      checkFormula,
    };
    const messages = selfTestTemplate(template, 10, fullOnly).problems.map((p) => p.message);
    expect(
      messages.some((m) => /a typical mistake is not diagnosed as itself .*\(1 significant figure\)|\(2 significant figures\)/.test(m)),
    ).toBe(true);
    expect(selfTestTemplate(template, 10).problems).toEqual([]);
  });

  it("checks formula templates with several correct spellings and the typical wrong formulas", () => {
    const template = course().exercises.get("derivative-as-formula")!;
    const swapped: Graders = {
      checkNumeric,
      checkFormula: (quantity, input) => ({ ...checkFormula(quantity, input), diagnosis: null }),
    };
    const [problem] = selfTestTemplate(template, 5, swapped).problems;
    expect(problem?.message).toMatch(
      /a typical wrong formula is not diagnosed as itself \(9 times\); e\.g\. sigmoid-instead-of-derivative "s" was diagnosed as no mistake/,
    );
  });

  it("reports a template none of whose variants can be asked", () => {
    const template = course().exercises.get("slope-from-output")!;
    const { problems, variants } = selfTestTemplate({ ...template, params: { sigma: { choices: [0.5] } } }, 3);
    expect(variants).toBe(0);
    expect(problems[0]!.message).toMatch(/^self-test of exercise "slope-from-output": no question could be drawn \(3 times\)/);
  });

  it('flags a number slot that rendered as NaN, but not the word "undefined" in prose', () => {
    const template = course().exercises.get("sigmoid-at-point")!;
    const prose = { ja: "x = 0 では微分は定義されません (undefined)。", en: "At x = 0 the derivative is undefined." };
    expect(selfTestTemplate({ ...template, solution: prose }, 3).problems).toEqual([]);
    const broken = { ja: "σ = NaN", en: "σ = NaN" };
    expect(selfTestTemplate({ ...template, solution: broken }, 3).problems[0]?.message).toMatch(/shows NaN or Infinity/);
  });
});
