// One table of super- and subscript characters serves the formula writers and the readers: what
// the writers print as an exponent or an index, the answer readers and --ascii read back as it was.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAscii } from "../../src/core/ascii";
import { evaluateFormula, parseFormula } from "../../src/core/formula";
import { readAnswer } from "../../src/core/read-answer";
import { SUBSCRIPTS, SUPERSCRIPTS } from "../../src/core/script-characters";
import { renderFormula } from "../../src/core/latex";

const raised = (plain: string) => [...plain].map((char) => SUPERSCRIPTS.get(char)!).join("");
const lowered = (plain: string) => [...plain].map((char) => SUBSCRIPTS.get(char)!).join("");

describe("super- and subscript characters", () => {
  it("a power of ten written with the superscripts reads as that power", () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 300 }), (k) => {
        const read = readAnswer(`1×10${raised(String(k))}`);
        expect(read.ok && read.value).toBe(Number(`1e${k}`));
      }),
    );
  });

  it("an exponent as the 2-D layout prints it reads back as the same exponent in a formula answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (n) => {
        const [line] = renderFormula(`x^{${n}}`);
        expect(line).toBe(`x${raised(String(n))}`);
        const parsed = parseFormula(line!);
        expect(parsed.ok && evaluateFormula(parsed.ast, 1.01)).toBeCloseTo(1.01 ** n, 10);
      }),
    );
  });

  it("--ascii writes subscript digits and superscripts back as plain characters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,6}$/), (digits) => {
        expect(toAscii(`x${lowered(digits)}`)).toBe(`x_${digits}`);
        expect(toAscii(`e${raised(digits)}`)).toBe(digits.length === 1 ? `e^${digits}` : `e^(${digits})`);
      }),
    );
  });
});
