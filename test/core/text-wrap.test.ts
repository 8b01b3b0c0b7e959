// The one text wrapper, as the full-screen trainer uses it (prose: white space collapsed, no
// indent). Plain mode's use (indents and second columns kept) is tested in test/plain/wrap.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth } from "../../src/core/latex";
import { wrapLines } from "../../src/core/text-wrap";

const prose = (text: string, width: number) => wrapLines(text, width, { prose: true });

describe("wrapping prose", () => {
  test("English breaks at spaces and drops the space it breaks at", () => {
    expect(prose("the slope underfoot is the derivative", 12)).toEqual(["the slope", "underfoot is", "the", "derivative"]);
  });

  test("a formula such as x = 1.386 stays on one line when a space between words can take the break", () => {
    // At 80 columns the trainer once showed "…the slope σ′(x) at x" / "= 1.386, to 3 significant figures."
    const text = "Use the Step 3 result σ′(x) = e^(−x)/(1 + e^(−x))^2 to find the slope σ′(x) at x = 1.386, to 3 significant figures.";
    expect(prose(text, 80)).toEqual([
      "Use the Step 3 result σ′(x) = e^(−x)/(1 + e^(−x))^2 to find the slope σ′(x) at",
      "x = 1.386, to 3 significant figures.",
    ]);
  });

  test("Japanese breaks between characters, but never puts 。 or 、 at the start of a line", () => {
    // "こ。" would end the second line at 12 cells; the 。 takes its character along instead.
    expect(prose("あいうえおかきくけこ。さしす", 10)).toEqual(["あいうえお", "かきくけ", "こ。さしす"]);
    expect(prose("「かぎ」かっこ", 4)).toEqual(["「か", "ぎ」", "かっ", "こ"]);
    expect(prose("ここで…と続く", 6)).toEqual(["ここ", "で…と", "続く"]);
  });

  test("a word wider than the line is cut; line breaks in the text are kept; runs of spaces are one", () => {
    expect(prose("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    expect(prose("one\n\ntwo", 10)).toEqual(["one", "", "two"]);
    expect(prose("  one   two  ", 20)).toEqual(["one two"]);
  });

  test("property: no line is wider than the width, none starts with a space, no text is lost", () => {
    const pieces = fc.constantFrom(
      "a",
      "bc",
      "σ′",
      " ",
      "  ",
      "日",
      "本",
      "。",
      "、",
      "「",
      "」",
      "(",
      ")",
      "e^(−x)",
      "ー",
      " = ",
      "1.386",
      " + ",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }).map((p) => p.join("")),
        fc.integer({ min: 1, max: 30 }),
        (text, width) => {
          const lines = prose(text, width);
          for (const line of lines) {
            expect(line.startsWith(" ")).toBe(false);
            expect(displayWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
          }
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
