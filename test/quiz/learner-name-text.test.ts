// The one wording of a bad learner's name: `quiz --name` and the session server's `bad-name`
// answer say the same thing, each naming the name as the learner gave it.
import { describe, expect, it } from "vitest";
import { checkLearnerName, learnerNameProblemText, MAX_NAME_LENGTH } from "../../src/quiz/learner-name";

function problemOf(typed: string) {
  const checked = checkLearnerName(typed);
  if (checked.ok) throw new Error(`"${typed}" passed`);
  return checked.problem;
}

describe("learnerNameProblemText", () => {
  it("says each problem for --name and for a join request in the same words", () => {
    const cases: [string, string][] = [
      ["\u0007Bob", "must not contain control characters"],
      ["\u202eboB", "must not contain bidirectional control characters (U+202A–U+202E"],
      ["B\u200bob", "must not contain invisible characters such as zero-width spaces; found \\u200B at character 2"],
      ["x".repeat(MAX_NAME_LENGTH + 1), `is longer than ${MAX_NAME_LENGTH} characters`],
    ];
    for (const [typed, words] of cases) {
      expect(learnerNameProblemText(problemOf(typed), "--name")).toContain(`--name ${words}`);
      expect(learnerNameProblemText(problemOf(typed), "the name")).toContain(`the name ${words}`);
    }
  });

  it("asks --name for a name, and tells a join request its name is empty", () => {
    expect(learnerNameProblemText(problemOf("  "), "--name")).toBe("--name needs a name");
    expect(learnerNameProblemText(problemOf("  "), "the name")).toBe("the name is empty");
  });
});
