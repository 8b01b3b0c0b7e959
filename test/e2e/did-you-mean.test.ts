// A mistyped command gets a "did you mean" naming the nearest command, and exit 2.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

describe("a mistyped command", () => {
  it.each([
    ["practise", "practice"],
    ["lern", "learn"],
    ["revew", "review"],
    ["qiuz", "quiz"],
    ["stast", "stats"],
  ])("%s: did you mean %s?", async (typed, meant) => {
    const run = await runCli([typed]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`unknown command "${typed}"; did you mean "${meant}"?`);
  });

  it("suggests nothing for a word unlike any command", async () => {
    const run = await runCli(["xyzzy"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "xyzzy"\n');
  });
});
