// The number reader and the formula reader take the same dashes, pluses, superscripts and
// invisible characters from one table, so both kinds of answer read them alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateFormula, parseFormula } from "../../src/core/formula";
import { DASH_LOOKALIKES, isInvisible, NUMBER_SUPERSCRIPTS, PLUS_LOOKALIKES } from "../../src/core/input-characters";
import { readAnswer } from "../../src/core/read-answer";

const number = (text: string) => {
  const read = readAnswer(text);
  return read.ok ? read.value : `error: ${read.message.en}`;
};
const formulaAt2 = (text: string) => {
  const parsed = parseFormula(text);
  return parsed.ok ? evaluateFormula(parsed.ast, 2) : `error: ${parsed.message.en}`;
};

describe("shared input characters", () => {
  it("every dash look-alike is a minus and every plus look-alike a plus, in a number and in a formula", () => {
    for (const dash of DASH_LOOKALIKES) {
      expect(number(`${dash}0.5`), `U+${dash.codePointAt(0)!.toString(16)}`).toBe(-0.5);
      expect(formulaAt2(`1${dash}x`), `U+${dash.codePointAt(0)!.toString(16)}`).toBe(-1);
    }
    for (const plus of PLUS_LOOKALIKES) {
      expect(number(`${plus}0.5`)).toBe(0.5);
      expect(formulaAt2(`1${plus}x`)).toBe(3);
    }
  });

  it("superscript digits are exponents in both", () => {
    expect(number("1×10⁻³")).toBe(0.001);
    expect(formulaAt2("x²")).toBe(4);
    for (const [sup, plain] of Object.entries(NUMBER_SUPERSCRIPTS)) {
      if (/\d/.test(plain)) expect(formulaAt2(`x${sup}`)).toBe(2 ** Number(plain));
    }
  });

  it("an invisible character anywhere is dropped by both readers", () => {
    const invisibles = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2066", "\ufe0f", "\u3164", "\u{e0100}"];
    for (const ch of invisibles) expect(isInvisible(ch)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...invisibles), fc.nat({ max: 3 }), (ch, at) => {
        expect(number(`0.25`.slice(0, at) + ch + `0.25`.slice(at))).toBe(0.25);
        expect(formulaAt2(`x*x`.slice(0, at) + ch + `x*x`.slice(at))).toBe(4);
      }),
    );
    for (const ch of ["a", "0", " ", "−", "ー"]) expect(isInvisible(ch)).toBe(false);
  });
});
