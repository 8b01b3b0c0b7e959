// Bytes that are not UTF-8 (a terminal or file in Shift_JIS, a binary paste) arrive as U+FFFD:
// the learner is told that, with where it is, not only that "�" cannot be part of a number.
import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/core/read-answer";

describe("an answer holding bytes that are not UTF-8", () => {
  it("says so, with the position", () => {
    const bytes = Buffer.from([0x30, 0x2e, 0x38, 0x80, 0x31]); // "0.8", a stray continuation byte, "1"
    const read = readAnswer(bytes.toString("utf8"));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.position).toBe(4);
    expect(read.message.en).toBe("“�” stands for bytes that are not UTF-8 text; type the answer again (position 4).");
    expect(read.message.ja).toBe("「�」は文字として読めないバイトです（UTF-8 ではない入力）。答えを入力し直してください（4文字目）。");
  });
});
