import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULA_MISTAKES, getQuantity, isQuantityId, QUANTITIES, QUANTITY_IDS, type QuantityId } from "../../src/core/quantities";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import type { Params } from "../../src/core/types";

// The quantities of docs/content-format.md (Exercises): params, and intermediates besides the params and `expected`.
const TABLE: Record<QuantityId, { params: string[]; intermediates: string[] }> = {
  sigmoid: {
    params: ["x"],
    intermediates: ["e_neg_x", "one_plus_e_neg_x", "sigma", "one_minus_sigma", "derivative", "sigma_squared"],
  },
  derivative: {
    params: ["x"],
    intermediates: ["e_neg_x", "one_plus_e_neg_x", "sigma", "one_minus_sigma", "derivative", "sigma_squared"],
  },
  "derivative-from-output": { params: ["sigma"], intermediates: ["one_minus_sigma", "sigma_squared", "derivative"] },
  "inner-derivative": { params: ["x"], intermediates: ["e_neg_x", "u"] },
  "outer-derivative": { params: ["x"], intermediates: ["e_neg_x", "u", "u_squared"] },
  "max-slope": { params: [], intermediates: ["sigma", "one_minus_sigma"] },
  logit: { params: ["p"], intermediates: ["one_minus_p", "ratio"] },
  "backprop-local-gradient": { params: ["sigma", "upstream"], intermediates: ["one_minus_sigma", "local"] },
  "gradient-descent-step": { params: ["w", "x", "y", "t", "lr"], intermediates: ["error", "local", "gradient"] },
  "relu-derivative": { params: ["x"], intermediates: ["relu"] },
  "derivative-formula": { params: [], intermediates: [] },
};

/** A sensible params set for each quantity. */
const SAMPLE: Record<QuantityId, Params> = {
  sigmoid: { x: 2 },
  derivative: { x: 2 },
  "derivative-from-output": { sigma: 0.7 },
  "inner-derivative": { x: 1 },
  "outer-derivative": { x: 1 },
  "max-slope": {},
  logit: { p: 0.8 },
  "backprop-local-gradient": { sigma: 0.7, upstream: 2 },
  "gradient-descent-step": { w: 0.5, x: 1, y: 0.6, t: 1, lr: 0.1 },
  "relu-derivative": { x: 2 },
  "derivative-formula": { x: 1.5 },
};

const sorted = (names: Iterable<string>) => [...names].sort();
const mistakeIds = (id: QuantityId, params: Params) => [
  ...new Set(
    getQuantity(id)
      .mistakes(params)
      .map((m) => m.id),
  ),
];
const mistakeValue = (id: QuantityId, params: Params, mistake: string) =>
  getQuantity(id)
    .mistakes(params)
    .find((m) => m.id === mistake)?.value;

describe("the registry", () => {
  it("has every quantity of docs/content-format.md under its own id", () => {
    expect(sorted(Object.keys(QUANTITIES))).toEqual(sorted(Object.keys(TABLE)));
    expect(sorted(QUANTITY_IDS)).toEqual(sorted(Object.keys(TABLE)));
    for (const id of QUANTITY_IDS) expect(getQuantity(id).id).toBe(id);
  });

  it("declares exactly the table's params and intermediates", () => {
    for (const id of QUANTITY_IDS) {
      const q = getQuantity(id);
      expect(q.params, id).toEqual(TABLE[id].params);
      const expectedNames = q.answer === "number" ? [...TABLE[id].intermediates, "expected"] : [];
      expect(sorted(q.intermediateNames), id).toEqual(sorted(expectedNames));
    }
  });

  it("computes exactly the declared intermediates, with the params and the answer among them", () => {
    for (const id of QUANTITY_IDS) {
      const q = getQuantity(id);
      const values = q.intermediates(SAMPLE[id]);
      expect(sorted(Object.keys(values)), id).toEqual(sorted([...Object.keys(SAMPLE[id]), ...q.intermediateNames]));
      for (const name of q.params) expect(values[name], `${id}.${name}`).toBe(SAMPLE[id][name]);
      if (q.answer === "number") expect(values.expected, id).toBe(q.expected(SAMPLE[id]));
    }
  });

  it("marks only derivative-formula as a formula answer", () => {
    expect(QUANTITY_IDS.filter((id) => getQuantity(id).answer === "formula")).toEqual(["derivative-formula"]);
  });

  it("recognises quantity ids and nothing else", () => {
    for (const id of QUANTITY_IDS) expect(isQuantityId(id)).toBe(true);
    for (const s of ["sigmoid2", "Sigmoid", "", "__proto__", "toString", "constructor"]) expect(isQuantityId(s)).toBe(false);
  });

  it("gives a finite answer and finite mistakes for the sample params", () => {
    for (const id of QUANTITY_IDS) {
      const q = getQuantity(id);
      expect(Number.isFinite(q.expected(SAMPLE[id])), id).toBe(true);
      for (const m of q.mistakes(SAMPLE[id])) expect(Number.isFinite(m.value), `${id} ${m.id}`).toBe(true);
      expect(q.paramProblems(SAMPLE[id]), id).toEqual([]);
    }
  });

  it("never lets a missing param look like a number", () => {
    expect(getQuantity("sigmoid").expected({})).toBeNaN();
    expect(getQuantity("gradient-descent-step").expected({ w: 1, x: 1, y: 0.5, t: 0 })).toBeNaN();
  });
});

describe("answers", () => {
  it("σ and σ′ at x, with their intermediates", () => {
    const v = getQuantity("sigmoid").intermediates({ x: 2 });
    expect(v.expected).toBe(0.8807970779778824);
    expect(v.sigma).toBe(0.8807970779778824);
    expect(v.e_neg_x).toBe(0.1353352832366127);
    expect(v.one_plus_e_neg_x).toBe(1.1353352832366128);
    expect(v.one_minus_sigma).toBeCloseTo(0.11920292202211755, 16);
    expect(v.derivative).toBe(0.10499358540350652);
    expect(v.sigma_squared).toBe(0.8807970779778824 * 0.8807970779778824);
    expect(getQuantity("derivative").expected({ x: 2 })).toBe(0.10499358540350652);
    expect(getQuantity("derivative").intermediates({ x: 2 }).expected).toBe(0.10499358540350652);
  });

  it("keeps the σ identities among the intermediates", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const v = getQuantity("derivative").intermediates({ x });
        expect(v.derivative! / (v.sigma! * v.one_minus_sigma!)).toBeCloseTo(1, 14);
        expect(v.sigma! + v.one_minus_sigma!).toBeCloseTo(1, 15);
        expect(v.sigma! * v.one_plus_e_neg_x!).toBeCloseTo(1, 14);
        expect(v.sigma_squared! / (v.sigma! * v.sigma!)).toBe(1);
        const outer = getQuantity("outer-derivative").intermediates({ x });
        expect(outer.expected! * outer.u_squared!).toBeCloseTo(-1, 13);
        const inner = getQuantity("inner-derivative").intermediates({ x });
        expect(inner.expected).toBe(-inner.e_neg_x!);
        expect(inner.u).toBe(1 + inner.e_neg_x!);
        // The article's product: outer · inner = σ′.
        expect((outer.expected! * inner.expected!) / v.derivative!).toBeCloseTo(1, 12);
      }),
      { numRuns: 2000 },
    );
  });

  it("the other numeric quantities", () => {
    expect(getQuantity("derivative-from-output").expected({ sigma: 0.7 })).toBeCloseTo(0.21, 15);
    expect(getQuantity("derivative-from-output").intermediates({ sigma: 0.7 })).toMatchObject({
      sigma: 0.7,
      one_minus_sigma: 1 - 0.7,
      sigma_squared: 0.7 * 0.7,
    });
    expect(getQuantity("inner-derivative").expected({ x: 0 })).toBe(-1);
    expect(getQuantity("outer-derivative").expected({ x: 0 })).toBe(-0.25);
    expect(getQuantity("outer-derivative").intermediates({ x: 0 })).toMatchObject({ e_neg_x: 1, u: 2, u_squared: 4 });
    expect(getQuantity("max-slope").expected({})).toBe(0.25);
    expect(getQuantity("max-slope").intermediates({})).toEqual({ sigma: 0.5, one_minus_sigma: 0.5, expected: 0.25 });
    expect(getQuantity("logit").expected({ p: 0.5 })).toBe(0);
    expect(getQuantity("logit").expected({ p: sigmoid(2) })).toBeCloseTo(2, 14);
    expect(getQuantity("logit").intermediates({ p: 0.8 })).toMatchObject({ one_minus_p: 1 - 0.8, ratio: 0.8 / (1 - 0.8) });
    expect(getQuantity("backprop-local-gradient").expected({ sigma: 0.5, upstream: 2 })).toBe(0.5);
    expect(getQuantity("relu-derivative").expected({ x: 2 })).toBe(1);
    expect(getQuantity("relu-derivative").expected({ x: -1 })).toBe(0);
    expect(getQuantity("relu-derivative").expected({ x: 0 })).toBe(0);
    expect(getQuantity("relu-derivative").intermediates({ x: -1 })).toEqual({ x: -1, relu: 0, expected: 0 });
  });

  it("one gradient-descent step for L = ½(y − t)², y = σ(w·x)", () => {
    const v = getQuantity("gradient-descent-step").intermediates({ w: 0.5, x: 1, y: 0.6, t: 1, lr: 0.1 });
    expect(v.error).toBeCloseTo(-0.4, 15);
    expect(v.local).toBeCloseTo(0.24, 15);
    expect(v.gradient).toBeCloseTo(-0.096, 15);
    expect(v.expected).toBeCloseTo(0.5096, 15);
  });

  it("derivative-formula's reference value at x is σ′(x)", () => {
    expect(getQuantity("derivative-formula").expected({ x: 1.5 })).toBe(sigmoidDerivative(1.5));
  });
});

describe("mistakes", () => {
  it("names the brief's mistakes for each quantity", () => {
    expect(mistakeIds("sigmoid", { x: 2 })).toEqual(["derivative-instead-of-sigmoid", "complement", "sign-error", "power-of-ten"]);
    expect(mistakeIds("derivative", { x: 2 })).toEqual([
      "sigmoid-instead-of-derivative",
      "squared-sigmoid",
      "complement",
      "numerator-only",
      "square-only-exp",
      "x-for-sigma",
      "constant-quarter",
      "sign-error",
      "power-of-ten",
    ]);
    expect(mistakeIds("derivative-from-output", { sigma: 0.7 })).toEqual([
      "sigmoid-instead-of-derivative",
      "squared-sigmoid",
      "complement",
      "constant-quarter",
      "sign-error",
      "power-of-ten",
    ]);
    expect(mistakeIds("inner-derivative", { x: 1 })).toEqual(["sign-error", "power-of-ten"]);
    expect(mistakeIds("outer-derivative", { x: 1 })).toEqual(["sign-error", "power-of-ten"]);
    expect(mistakeIds("logit", { p: 0.8 })).toEqual(["sign-error", "power-of-ten"]);
    expect(mistakeIds("backprop-local-gradient", { sigma: 0.7, upstream: 2 })).toEqual([
      "forgot-upstream",
      "squared-sigmoid",
      "sigmoid-instead-of-derivative",
      "complement",
      "constant-quarter",
      "sign-error",
      "power-of-ten",
    ]);
    expect(mistakeIds("gradient-descent-step", SAMPLE["gradient-descent-step"])).toEqual(["sign-error", "sigmoid-instead-of-derivative"]);
    expect(mistakeIds("max-slope", {})).toEqual(["sigmoid-instead-of-derivative", "power-of-ten"]);
  });

  it("gives each mistake its value", () => {
    const x = 2;
    const s = sigmoid(x);
    const d = sigmoidDerivative(x);
    expect(mistakeValue("sigmoid", { x }, "derivative-instead-of-sigmoid")).toBe(d);
    expect(mistakeValue("sigmoid", { x }, "complement")).toBeCloseTo(1 - s, 16);
    expect(mistakeValue("sigmoid", { x }, "sign-error")).toBe(-s);
    expect(mistakeValue("derivative", { x }, "sigmoid-instead-of-derivative")).toBe(s);
    expect(mistakeValue("derivative", { x }, "squared-sigmoid")).toBe(s * s);
    expect(mistakeValue("derivative", { x }, "sign-error")).toBe(-d);
    expect(mistakeValue("derivative-from-output", { sigma: 0.7 }, "squared-sigmoid")).toBe(0.7 * 0.7);
    expect(mistakeValue("derivative-from-output", { sigma: 0.7 }, "complement")).toBe(1 - 0.7);
    expect(mistakeValue("inner-derivative", { x: 1 }, "sign-error")).toBeCloseTo(Math.exp(-1), 15);
    expect(mistakeValue("outer-derivative", { x: 0 }, "sign-error")).toBe(0.25);
    expect(mistakeValue("logit", { p: 0.8 }, "sign-error")).toBeCloseTo(-Math.log(4), 15);
    expect(mistakeValue("backprop-local-gradient", { sigma: 0.7, upstream: 2 }, "squared-sigmoid")).toBeCloseTo(0.98, 15);
    expect(mistakeValue("backprop-local-gradient", { sigma: 0.7, upstream: 2 }, "sigmoid-instead-of-derivative")).toBe(1.4);
    const gd = SAMPLE["gradient-descent-step"];
    expect(mistakeValue("gradient-descent-step", gd, "sign-error")).toBeCloseTo(0.5 - 0.0096, 15);
    expect(mistakeValue("gradient-descent-step", gd, "sigmoid-instead-of-derivative")).toBeCloseTo(0.5 + 0.1 * 0.4 * 0.6, 15);
    expect(mistakeValue("max-slope", {}, "sigmoid-instead-of-derivative")).toBe(0.5);
  });

  it("moves the decimal point 1 to 3 places either way", () => {
    const moved = getQuantity("derivative")
      .mistakes({ x: 2 })
      .filter((m) => m.id === "power-of-ten")
      .map((m) => m.value / sigmoidDerivative(2));
    expect(moved.sort((a, b) => a - b).map((r) => Number(r.toPrecision(12)))).toEqual([0.001, 0.01, 0.1, 10, 100, 1000]);
  });

  it("lists value-instead-of-derivative for ReLU only when the value differs from the slope", () => {
    expect(getQuantity("relu-derivative").mistakes({ x: 3 })).toEqual([{ id: "value-instead-of-derivative", value: 3 }]);
    expect(getQuantity("relu-derivative").mistakes({ x: 0.5 })).toEqual([{ id: "value-instead-of-derivative", value: 0.5 }]);
    expect(getQuantity("relu-derivative").mistakes({ x: 1 })).toEqual([]);
    expect(getQuantity("relu-derivative").mistakes({ x: -2 })).toEqual([]);
    expect(getQuantity("relu-derivative").mistakes({ x: 0 })).toEqual([]);
  });

  it("never lists squared-sigmoid for the maximum slope, where σ(0)² = σ′(0)", () => {
    expect(mistakeValue("max-slope", {}, "squared-sigmoid")).toBeUndefined();
  });

  it("offers the formula checker the wrong formulas for σ′", () => {
    expect(FORMULA_MISTAKES.map((m) => m.id)).toEqual([
      "sigmoid-instead-of-derivative",
      "squared-sigmoid",
      "complement",
      "sign-error",
      "numerator-only",
      "square-only-exp",
      "x-for-sigma",
      "constant-quarter",
    ]);
    const at = (id: string, x: number) => FORMULA_MISTAKES.find((m) => m.id === id)!.f(x);
    expect(at("sigmoid-instead-of-derivative", 2)).toBe(sigmoid(2));
    expect(at("squared-sigmoid", 2)).toBe(sigmoid(2) ** 2);
    expect(at("complement", 2)).toBeCloseTo(1 - sigmoid(2), 16);
    expect(at("sign-error", 2)).toBe(-sigmoidDerivative(2));
    expect(mistakeIds("derivative-formula", { x: 1 })).toEqual(FORMULA_MISTAKES.map((m) => m.id));
  });
});

describe("param problems", () => {
  it("explains params outside their meaning", () => {
    expect(getQuantity("derivative-from-output").paramProblems({ sigma: 1.2 })).toEqual([
      "sigma must be between 0 and 1 (exclusive; it is an output σ(x)), got 1.2",
    ]);
    expect(getQuantity("logit").paramProblems({ p: 1 })[0]).toMatch(/^p must be between 0 and 1/);
    expect(getQuantity("backprop-local-gradient").paramProblems({ sigma: 0, upstream: 1 })).toHaveLength(1);
    expect(getQuantity("gradient-descent-step").paramProblems({ w: 1, x: 1, y: 1, t: 0, lr: 0 })).toEqual([
      "y must be between 0 and 1 (exclusive; it is the neuron's output σ(w·x)), got 1",
      "lr must be positive (a learning rate), got 0",
    ]);
    expect(getQuantity("logit").expected({ p: 1 })).toBeNaN();
    // σ(40) is exactly 1 as a double although the true value is not.
    expect(getQuantity("sigmoid").paramProblems({ x: 40 })).toEqual([
      "x = 40 is so large that σ(x) is 1 to double precision; use x below 36",
    ]);
    expect(getQuantity("outer-derivative").paramProblems({ x: 40 })).toHaveLength(1);
    expect(getQuantity("sigmoid").paramProblems({ x: 30 })).toEqual([]);
  });
});
