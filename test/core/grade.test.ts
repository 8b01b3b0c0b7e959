import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeNumber, type NumericVerdict, sameNumber } from "../../src/core/grade";
import { type ReadNumber, readAnswer } from "../../src/core/read-answer";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { halfUnit, MAX_DIGITS } from "../../src/core/tolerance";

function read(input: string): ReadNumber {
  const result = readAnswer(input);
  if (!result.ok) throw new Error(`${JSON.stringify(input)} was not read: ${result.message.en}`);
  return result;
}

const verdict = (input: string, expected: number, digits = 3): NumericVerdict => gradeNumber(read(input), expected, digits).verdict;

const S2 = sigmoid(2); // 0.8807970779778823
const D2 = sigmoidDerivative(2); // 0.10499358540350662
const S10 = sigmoid(10); // 0.9999546021312976
const D20 = sigmoidDerivative(20); // 2.0611536181902037e-9

describe("gradeNumber", () => {
  it("accepts the value to the required figures, and more figures within tolerance", () => {
    expect(verdict("0.881", S2)).toBe("correct");
    expect(verdict("0.8808", S2)).toBe("correct");
    expect(verdict("0.88079707797788", S2)).toBe("correct");
    expect(verdict("0.105", D2)).toBe("correct");
    expect(verdict("1.05e-1", D2)).toBe("correct");
    expect(verdict("1.05×10^-1", D2)).toBe("correct");
    expect(verdict("0,105", D2)).toBe("correct");
    expect(verdict("０．１０５", D2)).toBe("correct");
  });

  it("refuses a value just outside half a unit of the last required digit", () => {
    // σ(2) = 0.88080 to 5 figures: 0.8803 and 0.8813 are 0.0005 away, beyond 0.0005 − tiny.
    expect(verdict("0.8802", S2)).toBe("incorrect");
    // More figures than asked are graded rounded to the asked ones: 0.8814 is 0.881, right.
    expect(verdict("0.8814", S2)).toBe("correct");
    expect(verdict("0.8816", S2)).toBe("incorrect");
    expect(verdict("0.880", S2)).toBe("incorrect");
    expect(verdict("0.882", S2)).toBe("incorrect");
    expect(verdict("0.104", D2)).toBe("incorrect");
  });

  it("counts exact forms and exactly-right short decimals as correct", () => {
    const quarter = sigmoidDerivative(0);
    expect(quarter).toBe(0.25);
    expect(verdict("1/4", quarter)).toBe("correct");
    expect(verdict("１／４", quarter)).toBe("correct");
    expect(verdict("0.25", quarter)).toBe("correct");
    expect(verdict("0.5", sigmoid(0))).toBe("correct");
    expect(verdict("1/2", sigmoid(0), 12)).toBe("correct");
    // 0.7 · 0.3 is 0.21000000000000002 in doubles; 0.21 is that number.
    expect(verdict("0.21", 0.7 * (1 - 0.7))).toBe("correct");
  });

  it("treats only the last bits of a double as the same number, not 1e-12", () => {
    expect(sameNumber(0.21, 0.7 * (1 - 0.7))).toBe(true);
    // σ(27.63) = 1 − 1e-12: "1" is σ to 1 figure, not the reference itself (and one figure
    // is never "right value" when two are asked).
    expect(verdict("1", sigmoid(27.63), 2)).toBe("incorrect");
    expect(gradeNumber(read("1"), sigmoid(27.63), 2).roundedRight).toBe(true);
    expect(verdict("1.0", sigmoid(27.63), 2)).toBe("correct");
  });

  it("does not pass '1' for σ(10) = 0.99995 (the right value to 1 figure, which is too few to count)", () => {
    const grade = gradeNumber(read("1"), S10, 3);
    expect(grade.verdict).toBe("incorrect");
    expect(grade.roundedRight).toBe(true);
    expect(grade.digitsNeeded).toBe(3);
    expect(grade.digitsGiven).toBe(1);
    expect(verdict("1.0", S10)).toBe("imprecise");
    expect(verdict("1.00", S10)).toBe("correct");
    expect(verdict("0.99995", S10)).toBe("correct");
    expect(verdict("0", S10)).toBe("incorrect");
  });

  it("does not pass '0' for σ′(20) ≈ 2.06e-9", () => {
    expect(verdict("0", D20)).toBe("incorrect");
    expect(verdict("0.000", D20)).toBe("incorrect");
    expect(verdict("2e-9", D20)).toBe("incorrect");
    expect(verdict("2.1e-9", D20)).toBe("imprecise");
    expect(verdict("2.06e-9", D20)).toBe("correct");
    expect(verdict("2.06×10^-9", D20)).toBe("correct");
    expect(verdict("2.05e-9", D20)).toBe("incorrect");
  });

  it("calls the right value with too few figures imprecise, and says how many are needed", () => {
    const grade = gradeNumber(read("0.88"), S2, 3);
    expect(grade).toEqual({ verdict: "imprecise", digitsNeeded: 3, digitsGiven: 2, roundedDown: false, roundedRight: true });
    // One significant figure is never "right value" unless one is asked for.
    expect(verdict("0.9", S2)).toBe("incorrect");
    expect(verdict("0.9", S2, 1)).toBe("correct");
    expect(verdict("0.89", S2)).toBe("incorrect");
    expect(verdict("0.1", D2)).toBe("incorrect");
    expect(verdict("0.10", D2)).toBe("imprecise");
    expect(verdict("0.11", D2)).toBe("incorrect");
    expect(verdict("0.88", S2, 2)).toBe("correct");
  });

  it("never calls more figures imprecise: a wrong digit further right is incorrect", () => {
    expect(verdict("0.8800", S2)).toBe("incorrect");
    expect(verdict("0.1040", D2)).toBe("incorrect");
  });

  it("uses an absolute tolerance for a reference of 0", () => {
    expect(verdict("0", 0)).toBe("correct");
    expect(verdict("-0", 0)).toBe("correct");
    expect(verdict("0.0004", 0)).toBe("correct");
    expect(verdict("0.001", 0)).toBe("incorrect");
    expect(verdict("1e-300", 0)).toBe("correct");
  });

  it("grades negative values by magnitude and sign", () => {
    const inner = -Math.exp(-2);
    expect(verdict("-0.135", inner)).toBe("correct");
    expect(verdict("−0.135", inner)).toBe("correct");
    expect(verdict("0.135", inner)).toBe("incorrect");
    expect(verdict("-0.14", inner)).toBe("imprecise");
  });

  describe("properties", () => {
    const xs = fc.double({ min: -30, max: 30, noNaN: true });
    const digitsArb = fc.integer({ min: 1, max: MAX_DIGITS });

    it("the reference written to the required figures (or more) is correct", () => {
      fc.assert(
        fc.property(xs, digitsArb, fc.integer({ min: 0, max: 4 }), fc.boolean(), (x, digits, extra, useDerivative) => {
          const expected = useDerivative ? sigmoidDerivative(x) : sigmoid(x);
          const typed = expected.toPrecision(Math.min(17, digits + extra));
          expect(gradeNumber(read(typed), expected, digits).verdict).toBe("correct");
        }),
        { numRuns: 3000 },
      );
    });

    it("the reference rounded to fewer figures (2 or more) is imprecise, to 1 figure incorrect, unless it is exactly the reference", () => {
      fc.assert(
        fc.property(xs, fc.integer({ min: 2, max: MAX_DIGITS }), fc.nat(), (x, digits, pick) => {
          const expected = sigmoid(x);
          const fewer = 1 + (pick % (digits - 1));
          const typed = expected.toPrecision(fewer);
          const grade = gradeNumber(read(typed), expected, digits);
          if (sameNumber(Number(typed), expected)) expect(grade.verdict).toBe("correct");
          else expect(grade.verdict).toBe(fewer >= 2 ? "imprecise" : "incorrect");
          if (!sameNumber(Number(typed), expected)) expect(grade.roundedRight).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });

    it("a value two half-units away, typed with the required figures, is incorrect", () => {
      fc.assert(
        fc.property(xs, digitsArb, fc.boolean(), (x, digits, up) => {
          const expected = sigmoidDerivative(x);
          const off = expected + (up ? 2.2 : -2.2) * halfUnit(expected, digits);
          const typed = off.toPrecision(Math.min(17, digits + 1));
          expect(gradeNumber(read(typed), expected, digits).verdict).toBe("incorrect");
        }),
        { numRuns: 3000 },
      );
    });
  });
});
