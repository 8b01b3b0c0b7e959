import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateFormula, type FormulaNode, formulaToText, MAX_FORMULA_LENGTH, parseFormula } from "../../src/core/formula";
import { sigmoid } from "../../src/core/sigmoid";

function parsed(input: string): FormulaNode {
  const result = parseFormula(input);
  if (!result.ok) throw new Error(`"${input}" did not parse: ${result.message.en} (at ${result.position})`);
  return result.ast;
}

const echo = (input: string) => formulaToText(parsed(input));
const valueAt = (input: string, x: number) => evaluateFormula(parsed(input), x);

function closeTo(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-300;
}

describe("parseFormula: accepted forms and how they are read", () => {
  it.each([
    ["s*(1-s)", "s·(1 − s)"],
    ["s(1-s)", "s·(1 − s)"],
    ["s - s^2", "s − s^2"],
    ["σ(x)(1−σ(x))", "σ(x)·(1 − σ(x))"],
    ["sigma(x)*sigma(-x)", "σ(x)·σ(−x)"],
    ["e^-x/(1+e^-x)^2", "e^(−x)/(1 + e^(−x))^2"],
    ["exp(-x)/(1+exp(-x))^2", "exp(−x)/(1 + exp(−x))^2"],
    ["1/(1+e^-x)", "1/(1 + e^(−x))"],
    ["2x", "2·x"],
    ["x s", "x·s"],
    ["xs", "x·s"],
    ["(1+e^-x)(2)", "(1 + e^(−x))·2"],
    ["2^3^2", "2^(3^2)"],
    ["-x^2", "−x^2"],
    ["(-x)^2", "(−x)^2"],
    ["-s(1-s)", "−s·(1 − s)"],
    ["+x", "x"],
    ["1/2x", "(1/2)·x"],
    ["1-(2-3)", "1 − (2 − 3)"],
    ["1-2-3", "1 − 2 − 3"],
    ["1+2*3", "1 + 2·3"],
    ["2*(3+4)", "2·(3 + 4)"],
    ["x^2**3", "x^(2^3)"],
    ["e^(-x)", "e^(−x)"],
    ["e⁻ˣ", "e^(−x)"],
    ["(1+e^-x)²", "(1 + e^(−x))^2"],
    ["s³", "s^3"],
    ["s × (1 − s)", "s·(1 − s)"],
    ["s ⋅ (1 – s)", "s·(1 − s)"],
    ["ｓ（１－ｓ）", "s·(1 − s)"],
    ["s\u200b(1-s)\ufeff", "s·(1 − s)"],
    ["s\ufe0f(1\u034f-s\u3164)", "s·(1 − s)"],
    ["s ✖ (1 ➖ s) ÷ 2", "s·(1 − s)/2"],
    ["1⁄2", "1/2"],
    ["1e-3x", "0.001·x"],
    ["2.5E+2", "250"],
    [".5s", "0.5·s"],
    ["2e", "2·e"],
    ["2e-x", "2·e − x"],
    ["sexp(x)", "s·exp(x)"],
    ["  x  ", "x"],
    ["\u3000x\u3000", "x"],
  ])("%s is read as %s", (input, text) => {
    expect(echo(input)).toBe(text);
  });

  it("reads e^-x/(1+e^-x)^2 as (e^(−x))/((1+e^(−x))^2): unary minus binds inside the exponent", () => {
    const ast = parsed("e^-x/(1+e^-x)^2");
    expect(ast).toMatchObject({ kind: "binary", op: "/", left: { op: "^", right: { kind: "negate" } }, right: { op: "^" } });
    const x = 0.7;
    expect(evaluateFormula(ast, x)).toBeCloseTo(Math.exp(-x) / (1 + Math.exp(-x)) ** 2, 15);
  });

  it("evaluates variables, constants and functions", () => {
    expect(valueAt("x", 1.5)).toBe(1.5);
    expect(valueAt("s", 1.5)).toBe(sigmoid(1.5));
    expect(valueAt("e", 0)).toBe(Math.E);
    expect(valueAt("exp(2)", 0)).toBe(Math.exp(2));
    expect(valueAt("σ(2x)", 1)).toBe(sigmoid(2));
    expect(valueAt("2^3^2", 0)).toBe(512);
    expect(valueAt("-x^2", 3)).toBe(-9);
    expect(valueAt("2e-3", 0)).toBe(0.002);
    expect(valueAt("1/2x", 4)).toBe(2);
    expect(valueAt("8/2/2", 0)).toBe(2);
  });

  it("gives NaN or Infinity for undefined values instead of throwing", () => {
    expect(valueAt("1/(x-x)", 2)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(valueAt("(x-x)/(x-x)", 2))).toBe(true);
    expect(valueAt("e^(e^x)", 10)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("parseFormula: errors say what and where (1-based character)", () => {
  it.each([
    ["", 1, /empty/],
    ["   ", 1, /empty/],
    ["\u200b", 1, /empty/],
    ["x+y", 3, /Unknown name "y"/],
    ["2*sin(x)", 3, /Unknown name "sin"/],
    ["X", 1, /Unknown name "X"/],
    ["(1-s", 1, /never closed/],
    ["s(1-s", 2, /never closed/],
    ["s)", 2, /no matching "\("/],
    ["x+", 2, /"\+" has nothing after it/],
    ["x*", 2, /"\*" has nothing after it/],
    ["*x", 1, /"\*" has nothing before it/],
    ["x^", 2, /"\^" has nothing after it/],
    ["(x-)", 3, /"-" has nothing after it/],
    ["x*/2", 2, /"\*" has nothing after it/],
    ["()", 1, /parentheses are empty/],
    ["exp x", 1, /needs its argument in parentheses/],
    ["x2", 2, /operator .* missing before 2/],
    ["1.5.3", 4, /missing before \.3/],
    ["s, 1", 2, /"," cannot be used/],
    ["s′", 2, /"′" cannot be used/],
    ["1e999", 1, /too large/],
    ["−−ｙ", 3, /Unknown name "y"/],
    ["𝑥+q", 3, /Unknown name "q"/],
  ])("%j fails at %i", (input, position, message) => {
    const result = parseFormula(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(position);
    expect(result.message.en).toMatch(message);
    expect(result.message.ja.length).toBeGreaterThan(0);
  });

  it("refuses more than 200 characters, pointing at the first one too many", () => {
    const ok = `x${"+x".repeat((MAX_FORMULA_LENGTH - 1) / 2)}`;
    expect(Array.from(ok).length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(parseFormula(ok).ok).toBe(true);
    const result = parseFormula(`${ok}+x`);
    expect(result).toMatchObject({ ok: false, position: MAX_FORMULA_LENGTH + 1 });
    if (!result.ok) expect(result.message.en).toMatch(/too long/);
  });

  it("counts positions in characters as typed, even after full-width and superscript forms", () => {
    expect(parseFormula("ｘ²＋ｙ")).toMatchObject({ ok: false, position: 4 });
    expect(parseFormula("😀")).toMatchObject({ ok: false, position: 1 });
    expect(parseFormula("x😀y")).toMatchObject({ ok: false, position: 2 });
  });
});

// Trees the parser can produce: non-negative finite numbers, no unary plus.
const formulaTree: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(
      fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: "number" as const, value })),
      fc.integer({ min: 0, max: 20 }).map((value) => ({ kind: "number" as const, value })),
      fc.constantFrom("x" as const, "s" as const).map((name) => ({ kind: "variable" as const, name })),
      fc.constant({ kind: "constant" as const, name: "e" as const }),
    ),
    tie("node").map((operand) => ({ kind: "negate" as const, operand })),
    fc
      .record({
        op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const, "^" as const),
        left: tie("node"),
        right: tie("node"),
      })
      .map(({ op, left, right }) => ({ kind: "binary" as const, op, left, right })),
    fc
      .record({ fn: fc.constantFrom("sigma" as const, "exp" as const), arg: tie("node") })
      .map(({ fn, arg }) => ({ kind: "call" as const, fn, arg })),
  ),
})).node;

function uses(node: FormulaNode, name: "x" | "s"): boolean {
  if (node.kind === "variable") return node.name === name;
  if (node.kind === "call") return uses(node.arg, name);
  if (node.kind === "negate") return uses(node.operand, name);
  if (node.kind === "binary") return uses(node.left, name) || uses(node.right, name);
  return false;
}
function hasSigmaOfSOnly(node: FormulaNode): boolean {
  if (node.kind === "call") return (node.fn === "sigma" && uses(node.arg, "s") && !uses(node.arg, "x")) || hasSigmaOfSOnly(node.arg);
  if (node.kind === "negate") return hasSigmaOfSOnly(node.operand);
  if (node.kind === "binary") return hasSigmaOfSOnly(node.left) || hasSigmaOfSOnly(node.right);
  return false;
}

const sameNumber = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe("parseFormula: properties", () => {
  it("any tree printed by formulaToText parses back to the same tree, and evaluates the same", () => {
    fc.assert(
      fc.property(formulaTree, fc.double({ min: -20, max: 20, noNaN: true }), (tree, x) => {
        // σ of a bracket in s alone reads as a product (σ(1 − σ) is σ·(1 − σ)): such a call
        // has no text of its own.
        fc.pre(!hasSigmaOfSOnly(tree));
        const text = formulaToText(tree);
        fc.pre(Array.from(text).length <= MAX_FORMULA_LENGTH);
        const again = parseFormula(text);
        if (!again.ok) throw new Error(`${text}: ${again.message.en} at ${again.position}`);
        expect(again.ast).toEqual(tree);
        expect(sameNumber(evaluateFormula(again.ast, x), evaluateFormula(tree, x))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("the echo of anything accepted parses back to the same tree (the echo never changes the meaning)", () => {
    const pieces = [
      "x",
      "s",
      "e",
      "σ(",
      "sigma(",
      "exp(",
      "(",
      ")",
      "+",
      "-",
      "−",
      "*",
      "·",
      "/",
      "^",
      "²",
      "⁻",
      "2",
      ".5",
      "1e-3",
      " ",
      "3",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 25 }), (parts) => {
        const first = parseFormula(parts.join(""));
        if (!first.ok) return;
        const again = parseFormula(formulaToText(first.ast));
        expect(again.ok && again.ast).toEqual(first.ast);
      }),
      { numRuns: 20000 },
    );
  });

  it("random strings (Unicode included) never throw: a tree, or an error with a position inside the input", () => {
    const alphabet = fc.oneof(
      fc.constantFrom(..."xse()+-*/^.0123456789σ−·×² ⁻ˣｘ（）E,"),
      fc.string({ unit: "grapheme", maxLength: 1 }),
      fc.string({ unit: "binary", maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")),
        (input) => {
          const result = parseFormula(input);
          if (result.ok) {
            expect(typeof evaluateFormula(result.ast, 0.3)).toBe("number");
          } else {
            expect(result.position).toBeGreaterThanOrEqual(1);
            expect(result.position).toBeLessThanOrEqual(Array.from(input).length + 1);
            expect(result.message.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100_000 },
    );
    // 100,000 inputs: 22 s on the shared 2-core machine under load, 75 s under heavier load.
  }, 180_000);

  it("equivalent forms of σ′ agree wherever they are evaluated", () => {
    const forms = ["s(1-s)", "s - s^2", "sigma(x)*sigma(-x)", "e^-x/(1+e^-x)^2", "exp(-x)/(1+exp(-x))^2", "1/(2+e^x+e^-x)"].map(parsed);
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        const [reference, ...others] = forms.map((f) => evaluateFormula(f, x));
        // s − s² cancels: near |x| = 8 it keeps ~13 digits, so compare to 1e-10 here.
        for (const value of others) expect(closeTo(value, reference!, 1e-10)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("σ written as 1/(1+e^-x), σ(x) and s agree", () => {
    const forms = ["1/(1+e^-x)", "1/(1+exp(-x))", "σ(x)", "s", "e^x/(1+e^x)"].map(parsed);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const [reference, ...others] = forms.map((f) => evaluateFormula(f, x));
        for (const value of others) expect(closeTo(value, reference!, 1e-14)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
