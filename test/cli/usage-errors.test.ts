// Usage errors a user or script trips over, read as they are printed: one prefix, the value as
// typed, the allowed range even for a negative number, and no argument silently ignored.
import { describe, expect, it } from "vitest";
import { runMain as run } from "../support/main-in-process";

describe("usage errors", () => {
  it("an unknown flag on the bare command is named once, not 'sigmoid-trainer: sigmoid-trainer:'", async () => {
    const r = await run(["--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("sigmoid-trainer: Unknown option '--bogus'.\nTry 'sigmoid-trainer --help'.\n");
  });

  it("a control or bidi character in what was given is quoted as an escape, never sent to the terminal", async () => {
    const unknown = await run(["\u001b[2Jfoo"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "\\x1B[2Jfoo"');
    const skill = await run(["quiz", "--plain", "--name", "A", "--skill", "\u001b]0;x\u0007\u202e"]);
    expect(skill.code).toBe(2);
    expect(skill.stderr).toContain('unknown skill "\\x1B]0;x\\x07\\u202E"');
    for (const r of [unknown, skill]) expect(r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it("a negative --seed is told the range, not that it is not a whole number", async () => {
    const r = await run(["practice", "--seed", "-1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--seed must be between 0 and 2147483647, got -1");
  });

  it("a huge --count is quoted as typed, not rounded by floating point", async () => {
    const r = await run(["practice", "--count", "99999999999999999999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--count must be between 1 and 200, got 99999999999999999999\n");
  });

  it("a value that is not a number says what is allowed", async () => {
    const r = await run(["practice", "--count", "ten"]);
    expect(r.stderr).toContain('--count takes a whole number between 1 and 200, got "ten"');
  });

  it("schema refuses an argument instead of ignoring it", async () => {
    const r = await run(["schema", "content.schema.json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('schema: unexpected argument "content.schema.json"');
  });
});
