// Rounding as a learner rounds on paper: from the decimal a value stands for, halves away from
// zero; the same as toPrecision wherever the value is not at a tie.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalRound, decimalToPrecision, isRoundingTie, truncateToSignificant } from "../../src/core/decimal-round";
import { formatSignificant } from "../../src/core/number-format";

describe("decimal rounding", () => {
  it("rounds ties from the decimal, halves away from zero", () => {
    const product = 5 * (0.95 * (1 - 0.95));
    expect(decimalToPrecision(product, 3)).toBe("0.238");
    expect(decimalToPrecision(1.005, 3)).toBe("1.01"); // toPrecision gives 1.00 (the double is below)
    expect(decimalToPrecision(-0.1425, 3)).toBe("-0.143");
    expect(decimalToPrecision(0.99995, 3)).toBe("1.00");
    expect(decimalRound(9.995, 3)).toBe(10);
    expect(formatSignificant(0.2375, 3)).toBe("0.238");
  });

  it("agrees with toPrecision away from ties (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (v, d, negative) => {
        const value = negative ? -v : v;
        fc.pre(!isRoundingTie(value, d));
        expect(decimalToPrecision(value, d)).toBe(value.toPrecision(d));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds ties up to the last bits of a double, and only those", () => {
    expect(isRoundingTie(0.2375, 3)).toBe(true);
    expect(isRoundingTie(-3 * (0.95 * (1 - 0.95)), 3)).toBe(true);
    expect(isRoundingTie(0.1875, 3)).toBe(true);
    expect(isRoundingTie(0.2376, 3)).toBe(false);
    expect(isRoundingTie(0.25, 3)).toBe(false);
    expect(isRoundingTie(0.105, 2)).toBe(true);
  });

  it("cuts instead of rounding for truncated", () => {
    expect(truncateToSignificant(0.8807970779778824, 3)).toBe(0.88);
    expect(truncateToSignificant(-0.0451766, 3)).toBe(-0.0451);
    expect(truncateToSignificant(0.3, 3)).toBe(0.3);
  });
});
