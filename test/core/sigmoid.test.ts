import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exp, LogitDomainError, logit, sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";

// 3,969 points with σ and σ′ to 80 significant digits, each as [hi, lo]:
// hi the nearest double, lo the remainder (test/fixtures/sigmoid-reference.json).
interface ReferenceRow {
  x: number;
  sigma: [number, number];
  dsigma: [number, number];
}
const reference = JSON.parse(readFileSync(new URL("../fixtures/sigmoid-reference.json", import.meta.url), "utf8")) as {
  rows: ReferenceRow[];
};

const bits = new DataView(new ArrayBuffer(8));
/** Unit in the last place of v: the gap between v and the next double away from zero. */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return Number.MIN_VALUE;
  bits.setFloat64(0, a);
  const exponent = ((bits.getUint32(0) >>> 20) & 0x7ff) - 1023;
  return 2 ** (exponent - 52);
}

/** Error in ulps of a computed value against an [hi, lo] reference. */
function ulpError(computed: number, [hi, lo]: [number, number]): number {
  return Math.abs(computed - hi - lo) / ulp(hi);
}

function maxUlps(f: (x: number) => number, pick: (row: ReferenceRow) => [number, number]) {
  let max = 0;
  let at = 0;
  for (const row of reference.rows) {
    const e = ulpError(f(row.x), pick(row));
    if (e > max) {
      max = e;
      at = row.x;
    }
  }
  return { max, at };
}

const sigmaErr = maxUlps(sigmoid, (r) => r.sigma);
const derivErr = maxUlps(sigmoidDerivative, (r) => r.dsigma);
const normalErr = Math.max(
  ...reference.rows.flatMap((row) => [
    Math.abs(row.sigma[0]) >= 2 ** -1022 ? ulpError(sigmoid(row.x), row.sigma) : 0,
    Math.abs(row.dsigma[0]) >= 2 ** -1022 ? ulpError(sigmoidDerivative(row.x), row.dsigma) : 0,
  ]),
);

// What the bound is up against: the simple stable forms, and the naive ones.
const stableSigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const stableDerivative = (x: number) => {
  const t = Math.exp(-Math.abs(x));
  return t / ((1 + t) * (1 + t));
};
const naiveSigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const naiveDerivative = (x: number) => naiveSigmoid(x) * (1 - naiveSigmoid(x));

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

describe("accuracy against the 80-digit reference", () => {
  it("has the expected number of reference points", () => {
    expect(reference.rows.length).toBe(3969);
  });

  it(`σ is within 2 ulps at every reference point (max measured ${sigmaErr.max.toFixed(3)} ulps at x = ${sigmaErr.at})`, () => {
    console.log(`σ: max ${sigmaErr.max} ulps at x = ${sigmaErr.at}`);
    expect(sigmaErr.max).toBeLessThanOrEqual(2);
  });

  it(`σ′ is within 2 ulps at every reference point (max measured ${derivErr.max.toFixed(3)} ulps at x = ${derivErr.at})`, () => {
    console.log(`σ′: max ${derivErr.max} ulps at x = ${derivErr.at}`);
    expect(derivErr.max).toBeLessThanOrEqual(2);
  });

  it(`is within 0.51 ulps wherever the result is a normal double (max measured ${normalErr.toFixed(3)})`, () => {
    // In the subnormal range the reference's lo is itself rounded to a multiple of 2^−1074, so
    // a correctly rounded answer can measure as 1 ulp off there; elsewhere we expect ≤ 0.5 + ε.
    console.log(`σ and σ′ on normal results: max ${normalErr} ulps`);
    expect(normalErr).toBeLessThanOrEqual(0.51);
  });

  it("has teeth: the simple stable σ′ and the naive forms break the 2-ulp bound", () => {
    expect(maxUlps(stableDerivative, (r) => r.dsigma).max).toBeGreaterThan(2);
    expect(maxUlps(stableSigmoid, (r) => r.sigma).max).toBeGreaterThan(1);
    expect(maxUlps(naiveSigmoid, (r) => r.sigma).max).toBeGreaterThan(1e10);
    expect(maxUlps(naiveDerivative, (r) => r.dsigma).max).toBeGreaterThan(1e10);
  });
});

describe("tails and special inputs", () => {
  it("keeps the tiny left tail instead of flushing it to 0", () => {
    expect(sigmoid(-745)).toBe(5e-324);
    expect(sigmoid(-700)).toBeGreaterThan(0);
    expect(sigmoidDerivative(745)).toBe(5e-324);
    expect(sigmoidDerivative(-745)).toBe(5e-324);
  });

  it("makes σ′(x) behave like e^−|x| for large |x|", () => {
    for (const x of [40, 50, 100, 300, 700, -40, -123.5, -700]) {
      const ratio = sigmoidDerivative(x) / Math.exp(-Math.abs(x));
      expect(Math.abs(ratio - 1)).toBeLessThan(4e-16);
    }
  });

  it("reaches exactly 1 on the right and 0 far left", () => {
    expect(sigmoid(40)).toBe(1);
    expect(sigmoid(1e300)).toBe(1);
    expect(sigmoid(-1e300)).toBe(0);
    expect(sigmoid(-Number.MAX_VALUE)).toBe(0);
    expect(sigmoidDerivative(Number.MAX_VALUE)).toBe(0);
  });

  it("is exact at 0 and symmetric at −0", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-0)).toBe(0.5);
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(sigmoidDerivative(-0)).toBe(0.25);
  });

  it("gives the limits at ±Infinity and NaN at NaN (documented)", () => {
    expect(sigmoid(Number.POSITIVE_INFINITY)).toBe(1);
    expect(sigmoid(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(sigmoidDerivative(Number.POSITIVE_INFINITY)).toBe(0);
    expect(sigmoidDerivative(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(sigmoid(Number.NaN)).toBeNaN();
    expect(sigmoidDerivative(Number.NaN)).toBeNaN();
  });

  it("rounds well-known values correctly where the naive formulas do not", () => {
    // Exact: σ(2) = 0.880797077977882444…, σ′(2) = 0.104993585403506517…; the naive forms give
    // 0.8807970779778823 and 0.10499358540350662 (1 and 7 ulps off).
    expect(sigmoid(2)).toBe(0.8807970779778824);
    expect(sigmoidDerivative(2)).toBe(0.10499358540350652);
    expect(naiveSigmoid(2)).toBe(0.8807970779778823);
    expect(naiveDerivative(2)).toBe(0.10499358540350662);
  });
});

describe("exp", () => {
  it("agrees with Math.exp to within 1 ulp over its whole range", () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (y) => {
        expect(Math.abs(exp(y) - Math.exp(y))).toBeLessThanOrEqual(ulp(Math.exp(y)));
      }),
      { numRuns: 5000 },
    );
  });

  it("overflows to Infinity and underflows to 0 like Math.exp", () => {
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(Number.NaN)).toBeNaN();
  });
});

describe("properties of σ and σ′", () => {
  it("never returns NaN or Infinity for a finite x, and stays within 0 ≤ σ ≤ 1, 0 ≤ σ′ ≤ 1/4", () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const s = sigmoid(x);
        const d = sigmoidDerivative(x);
        expect(s >= 0 && s <= 1).toBe(true);
        expect(d >= 0 && d <= 0.25).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("satisfies σ(−x) = 1 − σ(x) to within rounding", () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        expect(Math.abs(sigmoid(-x) - (1 - sigmoid(x)))).toBeLessThanOrEqual(Number.EPSILON);
      }),
      { numRuns: 20000 },
    );
  });

  it("is monotonic non-decreasing", () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(sigmoid(lo)).toBeLessThanOrEqual(sigmoid(hi));
      }),
      { numRuns: 20000 },
    );
    // Neighbouring doubles, where a sloppy rounding would show first.
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const next = x + ulp(x);
        expect(sigmoid(x)).toBeLessThanOrEqual(sigmoid(next));
      }),
      { numRuns: 20000 },
    );
  });

  it("satisfies σ′(x) = σ(x)σ(−x) within a few ulps, and is even", () => {
    fc.assert(
      fc.property(fc.double({ min: -800, max: 800, noNaN: true }), (x) => {
        const d = sigmoidDerivative(x);
        expect(Math.abs(d - sigmoid(x) * sigmoid(-x))).toBeLessThanOrEqual(3 * ulp(d));
        expect(sigmoidDerivative(-x)).toBe(d);
      }),
      { numRuns: 20000 },
    );
  });

  it("has its maximum 1/4 at 0", () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        expect(sigmoidDerivative(x)).toBeLessThanOrEqual(sigmoidDerivative(0));
      }),
    );
  });
});

describe("logit", () => {
  it("inverts σ where that is well-conditioned", () => {
    // A half-ulp error in σ(x) moves x by about ulp(σ)/σ′(x): tiny on the left, growing like e^x on the right.
    fc.assert(
      fc.property(fc.double({ min: -700, max: 30, noNaN: true }), (x) => {
        const bound = 1e-15 * (1 + Math.abs(x)) + (x > 0 ? Number.EPSILON / sigmoidDerivative(x) : 0);
        expect(Math.abs(logit(sigmoid(x)) - x)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 20000 },
    );
  });

  it("is accurate near p = 1/2, where the answer is near 0", () => {
    expect(logit(0.5)).toBe(0);
    // logit(1/2 + d) = 4d + O(d³); a naive log(p/(1−p)) only gets this to about 1e−16 absolute.
    const d = 2 ** -30;
    expect(Math.abs(logit(0.5 + d) - 4 * d) / (4 * d)).toBeLessThan(1e-15);
    expect(logit(0.75)).toBeCloseTo(Math.log(3), 15);
    expect(logit(0.25)).toBeCloseTo(-Math.log(3), 15);
    expect(logit(1e-300)).toBeCloseTo(Math.log(1e-300), 12);
  });

  it("is odd around 1/2: logit(1 − p) = −logit(p)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), (p) => {
        // 1 − p is exact for p in [1/2, 1].
        expect(Math.abs(logit(1 - p) + logit(p))).toBeLessThanOrEqual(4 * ulp(logit(p)));
      }),
    );
  });

  it("refuses p outside (0, 1) with a RangeError that names the value", () => {
    expect(() => logit(1)).toThrow(/^logit needs 0 < p < 1, got 1$/);
    for (const p of [0, 1, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => logit(p)).toThrow(RangeError);
      expect(() => logit(p)).toThrow(LogitDomainError);
      expect(() => logit(p)).toThrow(`got ${String(p)}`);
    }
  });
});
