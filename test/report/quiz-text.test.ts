// The line that names a quiz on stderr when the files took different quizzes: its content
// version and skills are the file's own text, and reach the instructor's terminal.
import { describe, expect, it } from "vitest";
import { quizText } from "../../src/report/trust";
import { QUIZ } from "../quiz/helpers";
import { unsafeFound } from "../support/terminal-unsafe";

describe("quizText", () => {
  it("names the quiz's settings", () => {
    expect(quizText({ ...QUIZ, skills: [], timeLimitMinutes: null, hintsAllowed: true })).toBe(
      `seed ${QUIZ.seed}, content ${QUIZ.contentVersion}, ${QUIZ.count} questions, skills all, no time limit, hints allowed`,
    );
  });

  it("shows escape sequences in a forged content version or skill as escapes", () => {
    const text = quizText({ ...QUIZ, contentVersion: "\u001b]0;pwn\u0007\u202e", skills: ["\u001bc\u200b"] });
    expect(text).toContain("content \\x1B]0;pwn\\x07\\u202E,");
    expect(text).toContain("skills \\x1Bc\\u200B,");
    expect(unsafeFound(text)).toEqual([]);
  });
});
