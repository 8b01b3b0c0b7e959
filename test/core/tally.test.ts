// Counting answers by verdict and mistake (src/core/tally.ts), as the session summary and the
// instructor's report both do.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tallyAnswers } from "../../src/core/tally";

describe("tallyAnswers", () => {
  it("counts each verdict and each recognised mistake", () => {
    expect(
      tallyAnswers([
        { verdict: "correct", mistake: null },
        { verdict: "incorrect", mistake: "complement" },
        { verdict: "imprecise", mistake: null },
        { verdict: "incorrect", mistake: "complement" },
      ]),
    ).toEqual({ attempts: 4, correct: 1, imprecise: 1, incorrect: 2, mistakes: { complement: 2 } });
  });

  it("the verdict counts always add up to the answers (property)", () => {
    const answer = fc.record({
      verdict: fc.constantFrom("correct", "imprecise", "incorrect"),
      mistake: fc.option(fc.constantFrom("a", "b")),
    });
    fc.assert(
      fc.property(fc.array(answer), (answers) => {
        const t = tallyAnswers(answers);
        expect(t.correct + t.imprecise + t.incorrect).toBe(answers.length);
        expect(Object.values(t.mistakes).reduce((a, b) => a + b, 0)).toBe(answers.filter((a) => a.mistake).length);
      }),
    );
  });
});
