import { describe, expect, it } from "vitest";
import { summarySentence } from "../../src/engine/texts";

describe("summarySentence", () => {
  it("counts in English without '1 hints' or '1 answers'", () => {
    expect(summarySentence({ attempts: 1, correct: 0, hintsUsed: 1, skipped: 0 }).en).toBe(
      "Done: 0 of 1 answer correct, 1 hint used, 0 skipped.",
    );
    expect(summarySentence({ attempts: 2, correct: 2, hintsUsed: 0, skipped: 1 }).en).toBe(
      "Done: 2 of 2 answers correct, 0 hints used, 1 skipped.",
    );
  });

  it("says the same in Japanese", () => {
    expect(summarySentence({ attempts: 1, correct: 1, hintsUsed: 1, skipped: 0 }).ja).toBe(
      "おつかれさまでした。1 件の回答のうち 1 件が正解でした。ヒント 1 回、飛ばした問題 0 問。",
    );
  });
});
