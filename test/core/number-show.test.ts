// Numbers a learner reads: one minus sign (U+2212) and one brief 4-figure form everywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatShortest,
  formatSignificant,
  showBrief,
  showFixed,
  showShortest,
  showSignificant,
  withMinusSign,
} from "../../src/core/number-format";

const finite = fc.double({ noNaN: true, min: -1e300, max: 1e300 });

describe("learner-facing numbers", () => {
  it("write a negative value with a real minus sign, and nothing else changes", () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 1, max: 12 }), (value, digits) => {
        const shown = showSignificant(value, digits);
        expect(shown.includes("-") && !shown.includes("^-")).toBe(false);
        expect(shown.replace(/^−/, "-")).toBe(formatSignificant(value, digits));
        expect(showShortest(value).replace(/^−/, "-")).toBe(formatShortest(value));
      }),
    );
    expect(showSignificant(-0.25, 3)).toBe("−0.250");
  });

  it("keep the ASCII hyphen when the terminal asked for ASCII", () => {
    expect(showSignificant(-0.25, 2, { ascii: true })).toBe("-0.25");
    expect(showFixed(-1.5, 2, { ascii: true })).toBe("-1.50");
    expect(withMinusSign("-3", { ascii: true })).toBe("-3");
  });

  it("quote a value briefly: at most 4 significant figures, trailing zeros dropped", () => {
    expect(showBrief(Math.log(9))).toBe("2.197");
    expect(showBrief(-2)).toBe("−2");
    expect(showBrief(0.5)).toBe("0.5");
    expect(showFixed(-0, 2)).toBe("0.00");
    expect(showFixed(-0.5, 2)).toBe("−0.50");
  });
});
