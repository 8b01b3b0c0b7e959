// The quiz's counted sentences follow the English plural rule; Japanese is unchanged.
import { describe, expect, it } from "vitest";
import { quizStartText, scoreText } from "../../src/quiz/texts";

describe("quiz texts with a count", () => {
  it("say '1 question' for a quiz of one, 'questions' otherwise", () => {
    expect(scoreText({ right: 1, of: 1 }).en).toBe("Score: 1 of 1 question right.");
    expect(scoreText({ right: 0, of: 3 }).en).toBe("Score: 0 of 3 questions right.");
    expect(scoreText({ right: 1, of: 1 }).ja).toBe("得点: 1 / 1 問正解");
    expect(quizStartText("Ann", 1).en).toMatch(/^Quiz for Ann: 1 question\. /);
    expect(quizStartText("Ann", 2).en).toMatch(/^Quiz for Ann: 2 questions\. /);
    expect(quizStartText("Ann", 1).ja).toMatch(/^Ann さんのクイズ: 1 問です。/);
  });
});
