import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula, SAMPLE_POINTS } from "../../src/core/check-formula";

describe("checkFormula: σ′(x)", () => {
  it.each([
    "e^-x/(1+e^-x)^2",
    "s*(1-s)",
    "s(1-s)",
    "s - s^2",
    "sigma(x)*sigma(-x)",
    "σ(x)(1−σ(x))",
    "exp(-x)/(1+exp(-x))^2",
    "1/(e^x + 2 + e^-x)",
    "(1-s)s",
    "ｓ（１－ｓ）",
    "σ(x)·(1 − σ(x))",
    "e^x/(1+e^x)^2",
    "s·σ(−x)",
  ])("%s is correct", (input) => {
    const result = checkFormula("derivative", input);
    expect(result).toMatchObject({ verdict: "correct", expected: "σ(x)(1 − σ(x))", parsed: null, diagnosis: null, position: null });
    expect(result.message.en).toMatch(/^Correct/);
    expect(result.message.ja).toMatch(/正解/);
  });

  it.each([
    ["sigma(x)^2", "squared-sigmoid"],
    ["s^2", "squared-sigmoid"],
    ["s*s", "squared-sigmoid"],
    ["1-s", "complement"],
    ["sigma(-x)", "complement"],
    ["s", "sigmoid-instead-of-derivative"],
    ["1/(1+e^-x)", "sigmoid-instead-of-derivative"],
    ["-s(1-s)", "sign-error"],
    ["s^2 - s", "sign-error"],
    ["-e^-x/(1+e^-x)^2", "sign-error"],
  ])("%s is incorrect and diagnosed %s", (input, id) => {
    const result = checkFormula("derivative", input);
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: id, parsed: null, position: null });
    // The verdict is said in words too: scripts read `message` without the verdict field.
    expect(result.message.en).toMatch(/^Not correct\. /);
    expect(result.message.ja).toMatch(/^不正解です。/);
  });

  it("names the squared-sigmoid mistake in words a learner can act on", () => {
    const result = checkFormula("derivative", "sigma(x)^2");
    expect(result.readAs).toBe("σ(x)^2");
    expect(result.message.en).toMatch(/σ\(x\)²/);
    expect(result.message.en).toMatch(/1 − σ\(x\)/);
  });

  it("echoes how the formula was read", () => {
    expect(checkFormula("derivative", "s(1-s)").readAs).toBe("s·(1 − s)");
    expect(checkFormula("derivative", "e^-x/(1+e^-x)^2").readAs).toBe("e^(−x)/(1 + e^(−x))^2");
  });

  it("points out that a form without σ can be written reusing σ(x)", () => {
    expect(checkFormula("derivative", "e^-x/(1+e^-x)^2").message.en).toMatch(/reuses the σ\(x\)/);
    expect(checkFormula("derivative", "s(1-s)").message.en).not.toMatch(/reuses/);
  });

  it("a wrong formula with no known mistake is incorrect, quoting a point where it differs", () => {
    const result = checkFormula("derivative", "x");
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: null });
    // Shown where the difference is plain to see: x = 0, where σ′ is 1/4.
    expect(result.message.en).toMatch(/at x = 0 this formula gives 0, but σ′\(0\) = 0\.2500/);
    const plusInstead = checkFormula("derivative", "s(1+s)");
    expect(plusInstead.message.en).toMatch(/at x = 0 this formula gives 0\.7500, but σ′\(0\) = 0\.2500/);
    expect(plusInstead.message.ja).toMatch(/x = 0 でこの式は 0\.7500 ですが、σ′\(0\) = 0\.2500 です/);
  });

  it("σ′(0) = 1/4 typed as a constant is not σ′(x): one coincidence is not equality", () => {
    const result = checkFormula("derivative", "1/4");
    // 0.25 at every x is a named mistake: the largest slope used everywhere.
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: "constant-quarter" });
    expect(checkFormula("derivative", "1/3").message.en).toMatch(/neither x nor s/);
    expect(checkFormula("sigmoid", "e/(1+e)").message.en).toMatch(/neither x nor s/);
  });

  it("a rounded e is close but not equal, and the message says why", () => {
    const result = checkFormula("derivative", "2.718^-x/(1+2.718^-x)^2");
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: null });
    expect(result.message.en).toMatch(/rounded number such as 2\.718/);
  });

  it("a formula without a value at a sample point is incorrect, naming the point, never a crash", () => {
    const result = checkFormula("derivative", "s(1-s)(x+0.4)/(x+0.4)");
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: null });
    expect(result.message.en).toMatch(/no value at x = −0\.4/);
    expect(checkFormula("derivative", "e^(e^(e^x))")).toMatchObject({ verdict: "incorrect" });
    expect(checkFormula("derivative", "(x-x)/(x-x)")).toMatchObject({ verdict: "incorrect" });
  });

  it("input that cannot be read is invalid, with the position and the parser's message", () => {
    const result = checkFormula("derivative", "s(1-y)");
    expect(result).toMatchObject({ verdict: "invalid", position: 5, readAs: null, diagnosis: null, parsed: null });
    expect(result.message.en).toMatch(/Unknown name "y"/);
    // The learner reads where, as for a number they typed: "… (position 5)."
    expect(result.message.en).toMatch(/^Could not read the formula\. Unknown name "y".* \(position 5\)\.$/);
    expect(result.message.ja).toMatch(/^式を読み取れませんでした。.*（5文字目）。$/);
    expect(checkFormula("derivative", "")).toMatchObject({ verdict: "invalid", position: 1 });
    expect(checkFormula("derivative", "s*(1-s")).toMatchObject({ verdict: "invalid", position: 3 });
  });

  it("never samples at 0, where σ(x)² and σ′(x) coincide", () => {
    expect(SAMPLE_POINTS).not.toContain(0);
  });
});

describe("checkFormula: σ(x)", () => {
  it.each(["1/(1+e^-x)", "1/(1+exp(-x))", "sigma(x)", "s", "σ(x)", "e^x/(1+e^x)", "1 - σ(-x)", "(1+e^-x)^-1"])("%s is correct", (input) => {
    expect(checkFormula("sigmoid", input)).toMatchObject({ verdict: "correct", expected: "1/(1 + e^(−x))", diagnosis: null });
  });

  it.each([
    ["s(1-s)", "derivative-instead-of-sigmoid"],
    ["1/(1+e^x)", "complement"],
    ["-1/(1+e^-x)", "sign-error"],
  ])("%s is incorrect and diagnosed %s", (input, id) => {
    expect(checkFormula("sigmoid", input)).toMatchObject({ verdict: "incorrect", diagnosis: id });
  });

  it("1/(1+e^x) is not accepted for σ: the sign in the exponent matters", () => {
    expect(checkFormula("sigmoid", "1/(1+e^x)").verdict).not.toBe("correct");
  });
});

describe("checkFormula: properties", () => {
  it("never throws, and every result is one of the four verdicts with a consistent shape", () => {
    const alphabet = fc.oneof(
      fc.constantFrom(..."xse()+-*/^.0123456789σ−·² ⁻ˣ", "sigma(", "exp("),
      fc.string({ unit: "grapheme", maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.constantFrom("sigmoid" as const, "derivative" as const), fc.array(alphabet, { maxLength: 30 }), (quantity, parts) => {
        const input = parts.join("");
        const result = checkFormula(quantity, input);
        expect(["correct", "incorrect", "invalid"]).toContain(result.verdict);
        expect(result.parsed).toBeNull();
        if (result.verdict === "invalid") {
          expect(result.position).toBeGreaterThanOrEqual(1);
          expect(result.position).toBeLessThanOrEqual(Array.from(input).length + 1);
          expect(result.readAs).toBeNull();
        } else {
          expect(result.position).toBeNull();
          expect(typeof result.readAs).toBe("string");
        }
        expect(result.message.en.length).toBeGreaterThan(0);
        expect(result.message.ja.length).toBeGreaterThan(0);
      }),
      { numRuns: 10000 },
    );
  });

  it("a correct formula scaled by any factor other than 1 is not correct", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1000, noNaN: true }), (k) => {
        fc.pre(Math.abs(k - 1) > 1e-6);
        expect(checkFormula("derivative", `${k}*s(1-s)`).verdict).toBe("incorrect");
      }),
      { numRuns: 500 },
    );
  });

  it("a correct formula shifted in x is not correct", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (shift) => {
        fc.pre(Math.abs(shift) > 1e-6);
        expect(checkFormula("sigmoid", `σ(x + ${shift})`).verdict).toBe("incorrect");
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkFormula: where a wrong formula is shown", () => {
  it("never prints the formula's value and σ′'s as the same number, even for a tiny difference (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 5, max: 30 }),
        fc.constantFrom("5.8", "-5.3", "4.4"),
        (k, half, far) => {
          // σ′ off by k/1000 at one far sample point and by almost nothing nearer 0: just past
          // the near-miss tolerance, where the printed numbers are closest.
          const result = checkFormula("derivative", `s(1-s)*(1 + ${k}*(x/(${far}))^${2 * half}/1000)`);
          if (result.verdict === "correct" || result.diagnosis !== null) return;
          const shown = /this formula gives (\S+), but σ′\([^)]*\) = (\S+)\./.exec(result.message.en);
          if (!shown) return; // another message (near miss, no value somewhere)
          expect(shown[1]).not.toBe(shown[2]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
