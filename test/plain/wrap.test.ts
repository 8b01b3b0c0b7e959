// Wrapping plain-mode text to a terminal's width: at spaces, between Japanese characters where
// the line-breaking rules allow, never losing or reordering a character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/latex/width";
import { wrapLine, wrapText } from "../../src/core/text-wrap";

describe("wrapLine", () => {
  it("leaves a line that fits alone", () => {
    expect(wrapLine("Comes back in 6 minutes.", 40)).toEqual(["Comes back in 6 minutes."]);
  });

  it("breaks English at spaces, never inside a word or a number, and keeps 'x = −1.099' together", () => {
    expect(wrapLine("Find σ(x) at the negative input x = −1.099, to 3 significant figures.", 39)).toEqual([
      "Find σ(x) at the negative input",
      "x = −1.099, to 3 significant figures.",
    ]);
  });

  it("breaks a formula at an operator only when it does not fit on a line of its own", () => {
    expect(wrapLine("Hint 1 of 4: The numerator is the given e^(−x) itself. The denominator is 1 + e^(−x), squared.", 79)).toEqual([
      "Hint 1 of 4: The numerator is the given e^(−x) itself. The denominator is",
      "1 + e^(−x), squared.",
    ]);
    expect(wrapLine("so p/(1 − p) = 0.9526/0.04740 ≈ 20.10", 20)).toEqual(["so", "p/(1 − p) =", "0.9526/0.04740 ≈", "20.10"]);
  });

  it("breaks Japanese between characters, but never puts 、 or 。 or a closing bracket at a line start", () => {
    const lines = wrapLine("σ(x) = 0.9 となる x を有効数字3桁で求めてください。ln 3 ≈ 1.0986、ln 4 ≈ 1.3863、ln 9 ≈ 2.1972 です。", 39);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(39);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、。）」]/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("keeps a comma with the character before it even where the break would fall right before it", () => {
    // 18 wide characters fill 36 cells; the 、 would start line 2 if the break came just before it.
    const text = `${"あ".repeat(18)}、いう`;
    const lines = wrapLine(text, 37);
    expect(lines[1]?.startsWith("、")).toBe(false);
    expect(lines.join("")).toBe(text);
  });

  it("continues an indented line under its text, and a two-column line under its second column", () => {
    expect(wrapLine("  u = 1.2500, so dσ/du = −1/u^2 = −1/1.5625 ≈ −0.640.", 40)).toEqual([
      "  u = 1.2500, so",
      "  dσ/du = −1/u^2 = −1/1.5625 ≈ −0.640.",
    ]);
    expect(wrapLine("  :retry  try the question you just missed again", 30)).toEqual([
      "  :retry  try the question you",
      "          just missed again",
    ]);
  });

  it("cuts a word longer than the line where it must", () => {
    expect(wrapLine("x".repeat(25), 10)).toEqual(["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"]);
  });
});

describe("wrapText properties", () => {
  const piece = fc.constantFrom(
    "σ(x)",
    "0.881",
    "the",
    "slope",
    "です。",
    "傾き",
    "、",
    "（",
    "）",
    "有効数字3桁",
    "e^(−x)",
    " ",
    "  ",
    "x",
    "σ′(2)",
  );
  const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("").trim());

  it("never loses, adds or reorders a character other than spaces at a break", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 100 }), (t, width) => {
        const wrapped = wrapText(t, width);
        expect(wrapped.replace(/[\s]/g, "")).toBe(t.replace(/[\s]/g, ""));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps every line within the width", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 100 }), (t, width) => {
        for (const line of wrapText(t, width).split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 3000 },
    );
  });

  it("breaks only at spaces when every word fits", () => {
    const words = fc.array(fc.constantFrom("sigma", "slope", "0.881", "x", "derivative", "σ′(x)"), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(words, fc.integer({ min: 12, max: 80 }), (ws, width) => {
        const lines = wrapText(ws.join(" "), width).split("\n");
        expect(lines.flatMap((l) => l.split(" "))).toEqual(ws);
      }),
      { numRuns: 2000 },
    );
  });
});
