import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNumeric } from "../../src/core/check";
import { CATALOGUE_IDS, mistakeMessage, mistakeName } from "../../src/core/mistakes";
import { getQuantity, type QuantityId } from "../../src/core/quantities";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import type { KnownMistakeId, NumericQuestion, Params } from "../../src/core/types";

function question(quantity: QuantityId, params: Params, digits = 3): NumericQuestion {
  const q = getQuantity(quantity);
  return { expected: q.expected(params), digits, mistakes: q.mistakes(params) };
}

function check(quantity: QuantityId, params: Params, input: string, digits = 3) {
  return checkNumeric(question(quantity, params, digits), input, undefined, { params, quantity });
}

describe("checkNumeric", () => {
  it("says correct in words, with the expected value, and diagnoses nothing", () => {
    const result = check("derivative", { x: 2 }, "0.105");
    expect(result).toMatchObject({ verdict: "correct", parsed: 0.105, readAs: "0.105", diagnosis: null, position: null });
    expect(result.expected).toBe(sigmoidDerivative(2));
    expect(result.message.en).toBe("Correct: 0.105.");
    expect(result.message.ja).toBe("正解です。答えは 0.105 です。");
  });

  it("quotes what was asked when given a label", () => {
    const q = question("derivative", { x: 2 });
    expect(checkNumeric(q, "0.105", undefined, { label: "σ′(2)" }).message.en).toBe("Correct: σ′(2) ≈ 0.105.");
    expect(checkNumeric(q, "0.5", undefined, { label: "σ′(2)" }).message.en).toMatch(/^Not correct\. The answer is σ′\(2\) ≈ 0\.105\.$/);
  });

  it("never diagnoses a correct answer, even where a mistake gives the same value (σ(0)² = σ′(0) = 1/4)", () => {
    const q = question("derivative", { x: 0 });
    expect(q.mistakes.find((m) => m.id === "squared-sigmoid")?.value).toBe(0.25);
    for (const answer of ["0.25", "0.250", "1/4", "2.5e-1", "０．２５"]) {
      const result = checkNumeric(q, answer);
      expect(result.verdict).toBe("correct");
      expect(result.diagnosis).toBeNull();
    }
  });

  it("reports invalid input with its position and never grades or diagnoses it", () => {
    const result = check("derivative", { x: 2 }, "0.1o5");
    expect(result).toMatchObject({ verdict: "invalid", parsed: null, readAs: null, diagnosis: null, position: 4 });
    expect(result.message.en).toContain("Could not read the answer.");
    expect(result.message.en).toContain("position 4");
    expect(result.message.ja).toContain("読み取れませんでした");
    expect(result.message.ja).toContain("4文字目");
    expect(result.message.en).not.toContain("0.105"); // the answer is not given away for a typo
    expect(check("sigmoid", { x: 2 }, "").verdict).toBe("invalid");
    expect(check("sigmoid", { x: 2 }, "1,234").message.en).toContain("Did you mean 1.234 or 1234?");
  });

  it("says how many figures are needed for a right value with too few, without a diagnosis", () => {
    const result = check("derivative", { x: 2 }, "0.10");
    expect(result).toMatchObject({ verdict: "imprecise", diagnosis: null, digitsNeeded: 3, parsed: 0.1 });
    expect(result.message.en).toBe("Right value, but give 3 significant figures (you gave 2). The answer is 0.105.");
    expect(result.message.ja).toContain("有効数字3桁");
    expect(result.message.ja).toContain("入力は2桁");
    // One figure is never "right value" when three are asked.
    expect(check("sigmoid", { x: 10 }, "1").verdict).toBe("incorrect");
    expect(check("sigmoid", { x: 10 }, "1").message.en).toContain("give 3 significant figures");
  });

  it("says incorrect in words and always gives the expected value", () => {
    const result = check("sigmoid", { x: 2 }, "0.5");
    expect(result).toMatchObject({ verdict: "incorrect", diagnosis: null, parsed: 0.5 });
    expect(result.message.en).toBe("Not correct. The answer is 0.881.");
    expect(result.message.ja).toBe("不正解です。正解は 0.881 です。");
  });

  describe("diagnoses each built-in mistake by its value", () => {
    // quantity, params, answer typed, mistake id
    const cases: [QuantityId, Params, string, string][] = [
      ["derivative", { x: 2 }, "0.881", "sigmoid-instead-of-derivative"],
      ["derivative", { x: 2 }, "0.776", "squared-sigmoid"],
      ["derivative", { x: 2 }, "0.119", "complement"],
      ["derivative", { x: 2 }, "-0.105", "sign-error"],
      ["derivative", { x: 2 }, "1.05", "power-of-ten"],
      ["derivative", { x: 2 }, "0.0105", "power-of-ten"],
      ["sigmoid", { x: 2 }, "0.105", "derivative-instead-of-sigmoid"],
      ["sigmoid", { x: 2 }, "0.119", "complement"],
      ["sigmoid", { x: -2 }, "0.881", "complement"],
      ["sigmoid", { x: 2 }, "−0.881", "sign-error"],
      ["sigmoid", { x: 2 }, "88.1", "power-of-ten"],
      ["derivative-from-output", { sigma: 0.7 }, "0.7", "sigmoid-instead-of-derivative"],
      ["derivative-from-output", { sigma: 0.7 }, "0.49", "squared-sigmoid"],
      ["derivative-from-output", { sigma: 0.7 }, "0.3", "complement"],
      ["relu-derivative", { x: 3 }, "3", "value-instead-of-derivative"],
      ["max-slope", {}, "0.5", "sigmoid-instead-of-derivative"],
    ];
    it.each(cases)("%s at %j: %j is %s", (quantity, params, answer, id) => {
      const result = check(quantity, params, answer);
      expect(result.verdict).toBe("incorrect");
      expect(result.diagnosis).toBe(id);
      expect(result.message.en).toContain(
        mistakeMessage(id, {
          digits: 3,
          expected: result.expected as number,
          mistakeValue: question(quantity, params).mistakes.find((m) => m.id === id)!.value,
          answer: result.parsed!,
          params,
          quantity,
        }).en,
      );
    });
  });

  it("writes a negative expected value with a Unicode minus, as prompts and solutions do", () => {
    const result = check("inner-derivative", { x: 1 }, "0.5");
    expect(result.message.en).toContain("−0.368");
    expect(result.message.en).not.toMatch(/ -0\.368/);
  });

  it("quotes x as the prompt shows it, not with every digit of the double", () => {
    const result = check("derivative", { x: Math.log(9) }, "0.1");
    expect(result.diagnosis).toBe("complement");
    expect(result.message.en).toContain("1 − σ(2.197)");
    expect(result.message.en).not.toContain("2.1972245");
  });

  it("recognizes a mistake typed with fewer figures (0.88 for σ′(2) is σ(2))", () => {
    expect(check("derivative", { x: 2 }, "0.88").diagnosis).toBe("sigmoid-instead-of-derivative");
    // One figure is compared at its own precision too: 0.9 is σ(2) = 0.8808 to one figure.
    expect(check("derivative", { x: 2 }, "0.9").diagnosis).toBe("sigmoid-instead-of-derivative");
  });

  it("takes the first matching mistake in the question's order", () => {
    const q: NumericQuestion = {
      expected: 0.105,
      digits: 3,
      mistakes: [
        { id: "pack-specific", value: 0.5 },
        { id: "sigmoid-instead-of-derivative", value: 0.5 },
      ],
    };
    expect(checkNumeric(q, "0.5").diagnosis).toBe("pack-specific");
    expect(checkNumeric(q, "0.5").message.en).toContain("pack-specific");
  });

  it("uses a template's own sentence for a mistake, with placeholders filled", () => {
    const q = question("derivative", { x: 2 });
    const overrides = {
      "squared-sigmoid": {
        ja: "σ({x})² = {value} ではありません（答え {answer}）。",
        en: "Not σ({x})² = {value} (you typed {answer}; {unknown} stays).",
      },
    };
    const result = checkNumeric(q, "0.776", overrides, { params: { x: 2 } });
    expect(result.diagnosis).toBe("squared-sigmoid");
    expect(result.message.en).toBe("Not correct. Not σ(2)² = 0.776 (you typed 0.776; {unknown} stays). The answer is 0.105.");
    expect(result.message.ja).toBe("不正解です。σ(2)² = 0.776 ではありません（答え 0.776）。正解は 0.105 です。");
  });

  it("a correct answer is never diagnosed, for any x, digits and form (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (x, digits, derivative) => {
        const quantity = derivative ? "derivative" : "sigmoid";
        const q = question(quantity, { x }, digits);
        for (const typed of [q.expected.toPrecision(digits), q.expected.toExponential(digits - 1), String(q.expected)]) {
          const result = checkNumeric(q, typed);
          expect(result.verdict).toBe("correct");
          expect(result.diagnosis).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the mistake catalogue", () => {
  // The contract's list of ids: a compile error here when the catalogue gains or loses one.
  const KNOWN: Record<KnownMistakeId, true> = {
    "sigmoid-instead-of-derivative": true,
    "derivative-instead-of-sigmoid": true,
    complement: true,
    "squared-sigmoid": true,
    "sign-error": true,
    "power-of-ten": true,
    "numerator-only": true,
    "forgot-square": true,
    "square-only-exp": true,
    "x-for-sigma": true,
    "constant-quarter": true,
    truncated: true,
    "forgot-upstream": true,
    "value-instead-of-derivative": true,
  };

  it("has an entry for every id of the contract, and no other", () => {
    expect([...CATALOGUE_IDS].sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it.each([...CATALOGUE_IDS])("%s has a name and a sentence in polite Japanese and in English", (id) => {
    const ctx = { digits: 3, expected: sigmoidDerivative(2), mistakeValue: sigmoid(2), answer: 0.881, params: { x: 2 } };
    const message = mistakeMessage(id, ctx);
    expect(message.en.length).toBeGreaterThan(20);
    expect(message.ja).toMatch(/(です|ます|ません|しょう)。$/);
    expect(message.en).toMatch(/\.$/);
    expect(message.en).not.toBe(message.ja);
    expect(mistakeName(id).en).not.toBe(id);
    expect(mistakeName(id).ja).not.toBe(mistakeName(id).en);
  });

  it("names the mistake and says how to tell next time, quoting the learner's numbers", () => {
    const ctx = { digits: 3, expected: sigmoidDerivative(2), mistakeValue: sigmoid(2), params: { x: 2 } };
    const message = mistakeMessage("sigmoid-instead-of-derivative", ctx);
    expect(message.en).toContain("σ(2) ≈ 0.881");
    expect(message.en).toContain("height");
    expect(message.en).toContain("slope");
    expect(message.ja).toContain("σ(2) ≈ 0.881");
    expect(message.ja).toContain("傾き");
    expect(mistakeMessage("complement", { digits: 3, expected: sigmoid(-2), mistakeValue: sigmoid(2), params: { x: -2 } }).en).toContain(
      "1 − σ(−2) = σ(2) ≈ 0.881",
    );
    expect(mistakeMessage("power-of-ten", { digits: 3, expected: 0.105, answer: 10.5 }).en).toContain("100 times too large");
    expect(mistakeMessage("power-of-ten", { digits: 3, expected: 0.105, answer: 0.0105 }).en).toContain("10 times too small");
  });

  it("falls back to a generic sentence naming an unknown id", () => {
    const message = mistakeMessage("forgot-chain-rule", { digits: 3, expected: 1 });
    expect(message.en).toContain("forgot-chain-rule");
    expect(message.ja).toContain("forgot-chain-rule");
    expect(mistakeName("forgot-chain-rule").en).toBe("forgot-chain-rule");
  });
});
