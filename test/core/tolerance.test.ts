import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalExponent, halfUnit, pow10, RELATIVE_SLACK, roundToSignificant, withinTolerance } from "../../src/core/tolerance";

const nonZeroFinite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v !== 0);
const digitsArb = fc.integer({ min: 1, max: 12 });
/** The exponent of the shortest round-trip decimal form, e.g. 9.999999999999999e-5 → −5. */
const shortestExponent = (v: number) => Number(Math.abs(v).toExponential().split("e")[1]);

describe("decimalExponent", () => {
  it("is exact at every power of ten and just below it", () => {
    for (let n = -307; n <= 308; n++) {
      const p = pow10(n);
      expect(decimalExponent(p)).toBe(n);
      expect(decimalExponent(-p)).toBe(n);
      const below = p - p * Number.EPSILON; // a double below p (several ulps at most)
      if (below < p) expect(decimalExponent(below)).toBe(n - 1);
    }
  });

  it("agrees with the exponent of the shortest decimal form for any double", () => {
    fc.assert(
      fc.property(nonZeroFinite, (v) => {
        expect(decimalExponent(v)).toBe(shortestExponent(v));
      }),
      { numRuns: 20000 },
    );
  });

  it("refuses 0 and non-finite numbers", () => {
    expect(() => decimalExponent(0)).toThrow(RangeError);
    expect(() => decimalExponent(Number.NaN)).toThrow(RangeError);
    expect(() => decimalExponent(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("halfUnit", () => {
  it("is half a unit of the last required digit", () => {
    expect(halfUnit(0.8807970779778824, 3)).toBe(0.0005);
    expect(halfUnit(0.10499358540350652, 3)).toBe(0.0005);
    expect(halfUnit(0.09999, 3)).toBe(0.00005);
    expect(halfUnit(-123.4, 2)).toBe(5);
    expect(halfUnit(0.001, 1)).toBe(0.0005);
    expect(halfUnit(1, 3)).toBe(0.005);
    expect(halfUnit(2.0611536181902037e-9, 3)).toBe(5e-12);
  });

  it("uses the absolute tolerance 0.5 · 10^(−digits) for 0", () => {
    expect(halfUnit(0, 3)).toBe(0.0005);
    expect(halfUnit(-0, 1)).toBe(0.05);
  });

  it("refuses digits that are not a whole number from 1 to 15", () => {
    for (const d of [0, 13, 2.5, Number.NaN, -1]) {
      expect(() => halfUnit(1, d)).toThrow(/significant figures must be a whole number from 1 to 12, got/);
    }
  });

  it("is a tenth for each extra digit and ignores the sign", () => {
    fc.assert(
      fc.property(nonZeroFinite, fc.integer({ min: 1, max: 11 }), (v, d) => {
        expect(halfUnit(-v, d)).toBe(halfUnit(v, d));
        const ratio = halfUnit(v, d) / halfUnit(v, d + 1);
        if (Number.isFinite(ratio) && halfUnit(v, d + 1) > 1e-300) expect(ratio).toBeCloseTo(10, 10);
      }),
    );
  });

  it("lies between 0.05 · 10^(1−d) and 0.5 · 10^(1−d) times |v|", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-290, max: 1e290, noNaN: true }), digitsArb, (v, d) => {
        const rel = halfUnit(v, d) / v;
        expect(rel).toBeGreaterThan(0.05 * 10 ** (1 - d) * (1 - 1e-9));
        expect(rel).toBeLessThanOrEqual(0.5 * 10 ** (1 - d) * (1 + 1e-9));
      }),
    );
  });
});

describe("withinTolerance", () => {
  it("accepts anything within half a unit of the last digit and nothing beyond", () => {
    expect(withinTolerance(0.8805, 0.8807970779, 3)).toBe(true);
    expect(withinTolerance(0.881, 0.8807970779778824, 3)).toBe(true);
    expect(withinTolerance(0.88, 0.8807970779778824, 3)).toBe(false);
    expect(withinTolerance(0.8813, 0.8807970779778824, 3)).toBe(false);
    expect(withinTolerance(0.105, 0.10499358540350652, 3)).toBe(true);
    expect(withinTolerance(0.1, 0.10499358540350652, 3)).toBe(false);
    expect(withinTolerance(-0.881, -0.8807970779778824, 3)).toBe(true);
    expect(withinTolerance(0.881, -0.8807970779778824, 3)).toBe(false);
  });

  it("includes the bounds despite binary representation", () => {
    expect(withinTolerance(0.255, 0.25, 2)).toBe(true);
    expect(withinTolerance(0.245, 0.25, 2)).toBe(true);
    expect(withinTolerance(0.2551, 0.25, 2)).toBe(false);
    expect(withinTolerance(0.2449, 0.25, 2)).toBe(false);
    expect(withinTolerance(1.005, 1, 3)).toBe(true);
    expect(withinTolerance(1.00501, 1, 3)).toBe(false);
  });

  it("keeps a tiny expected value strict: 0 is not 2.06e−9", () => {
    expect(withinTolerance(0, 2.0611536181902037e-9, 3)).toBe(false);
    // …whereas 1 is σ(10) = 0.99995 to 3 figures: the variant generator must avoid such questions.
    expect(withinTolerance(1, 0.9999546021312976, 3)).toBe(true);
    expect(withinTolerance(2.06e-9, 2.0611536181902037e-9, 3)).toBe(true);
  });

  it("uses an absolute tolerance around 0", () => {
    expect(withinTolerance(0.0005, 0, 3)).toBe(true);
    expect(withinTolerance(-0.0005, 0, 3)).toBe(true);
    expect(withinTolerance(0.0006, 0, 3)).toBe(false);
  });

  it("never accepts NaN or Infinity", () => {
    expect(withinTolerance(Number.NaN, 1, 3)).toBe(false);
    expect(withinTolerance(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 3)).toBe(false);
    expect(withinTolerance(1, Number.NaN, 3)).toBe(false);
  });

  it("accepts the expected value itself and its rounding to the required digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), digitsArb, (v, d) => {
        expect(withinTolerance(v, v, d)).toBe(true);
        expect(withinTolerance(roundToSignificant(v, d), v, d)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("rejects values a little more than half a unit away", () => {
    expect(withinTolerance(0.25 + 0.005 * (1 + 1e-6), 0.25, 2)).toBe(false);
    expect(withinTolerance(0.8807970779778824 + 0.0005 * (1 + 1e-6), 0.8807970779778824, 3)).toBe(false);
    fc.assert(
      fc.property(fc.double({ min: 1e-200, max: 1e200, noNaN: true }), digitsArb, fc.boolean(), (v, d, up) => {
        const off = halfUnit(v, d) * (1 + 2e-3);
        expect(withinTolerance(up ? v + off : v - off, v, d)).toBe(false);
        const inside = halfUnit(v, d) * (1 - 1e-9);
        expect(withinTolerance(up ? v + inside : v - inside, v, d)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("includes the bound at every allowed digit count although the doubles round", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-200, max: 1e200, noNaN: true }), digitsArb, (v, d) => {
        // The exact bound v + half, rounded to a double, must be accepted.
        expect(withinTolerance(v + halfUnit(v, d), v, d)).toBe(true);
        expect(withinTolerance(v - halfUnit(v, d), v, d)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(RELATIVE_SLACK).toBeLessThanOrEqual(1e-12);
  });
});

describe("roundToSignificant", () => {
  it("rounds halves away from zero and can carry into a new digit", () => {
    expect(roundToSignificant(0.8807970779778824, 3)).toBe(0.881);
    expect(roundToSignificant(0.99995, 3)).toBe(1);
    expect(roundToSignificant(0.125, 2)).toBe(0.13);
    expect(roundToSignificant(-0.125, 2)).toBe(-0.13);
    expect(roundToSignificant(0.10499358540350652, 3)).toBe(0.105);
    expect(roundToSignificant(2.0611536181902037e-9, 3)).toBe(2.06e-9);
    expect(roundToSignificant(0, 3)).toBe(0);
    expect(Object.is(roundToSignificant(-0, 3), 0)).toBe(true);
  });

  it("is idempotent and keeps at most the requested digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), digitsArb, (v, d) => {
        const r = roundToSignificant(v, d);
        if (!Number.isFinite(r)) return; // 1.5e308 to one figure is 2e308: past the largest double
        expect(roundToSignificant(r, d)).toBe(r);
        if (r !== 0) {
          const mantissa = Math.abs(r).toExponential().split("e")[0]!.replace(".", "");
          expect(mantissa.length).toBeLessThanOrEqual(d);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it("accepts up to 100 digits (for echoing what a learner typed) and refuses others", () => {
    expect(roundToSignificant(0.1, 20)).toBe(0.1);
    expect(() => roundToSignificant(0.1, 0)).toThrow(RangeError);
    expect(() => roundToSignificant(0.1, 101)).toThrow(RangeError);
    expect(() => roundToSignificant(0.1, 1.5)).toThrow(RangeError);
  });

  it("leaves non-finite values alone", () => {
    expect(roundToSignificant(Number.POSITIVE_INFINITY, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(roundToSignificant(Number.NaN, 3)).toBeNaN();
  });
});
