// Japanese line breaks fall between words: never before hiragana that belongs to the word before
// it (no 「確か / め」, no lone 「す。」 after a number), never inside a kanji or katakana word,
// unless a line has no other place to break.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/latex";
import { wrapLines } from "../../src/core/text-wrap";

const HIRAGANA = /^[\u3041-\u309f]/u;

describe("Japanese line breaks", () => {
  it("keeps です。 with the number before it at 40 columns", () => {
    const lines = wrapLines("σ′(x) を使って x = 2 での傾きを求めると、傾きは −0.250 です。", 40);
    expect(lines.some((l) => l.trim() === "す。")).toBe(false);
    for (const line of lines.slice(1)) expect(line).not.toMatch(HIRAGANA);
  });

  it("does not split 確かめ, され or ください", () => {
    const text = "グラフで傾きを確かめてください。答えは結果ファイルに保存され、講師に渡します。";
    // From the width where the longest word (確かめてください。, 18 cells) fits on a line.
    for (let width = 20; width <= 80; width++) {
      for (const line of wrapLines(text, width)) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line, `at ${width}`).not.toMatch(/^(め|れ|さい|ださい)/u);
      }
    }
  });

  it("breaks only before a word's start when every word fits on a line", () => {
    const words = [
      "保存され",
      "確かめて",
      "入力してください",
      "値を",
      "講師に",
      "渡します。",
      "結果ファイルの",
      "傾きは",
      "シグモイド関数を",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 18, max: 80 }),
        (chosen, width) => {
          const lines = wrapLines(chosen.join(""), width);
          expect(lines.join("")).toBe(chosen.join(""));
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          for (const line of lines.slice(1)) expect(line).not.toMatch(HIRAGANA);
        },
      ),
    );
  });
});
