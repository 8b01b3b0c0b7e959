// The --help text names what a user can type: validate's flags and plain mode's commands.
import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/usage";
import { readCommand } from "../../src/plain/driver";

describe("usage", () => {
  it("lists validate's flags on its line", () => {
    expect(USAGE).toMatch(/^ {2}sigmoid-trainer validate \[DIR \.\.\.\] \[--content DIR\] \[--seeds N\]$/m);
  });

  it("lists every plain-mode command, and each one it lists is one plain mode knows", () => {
    const line = USAGE.split("\n").find((l) => l.includes(":hint"));
    expect(line).toBeDefined();
    const listed = line!.match(/:[a-z]+/g) ?? [];
    expect(listed).toEqual([":hint", ":skip", ":retry", ":quit", ":help"]);
    for (const command of listed) expect(readCommand(command)?.command).toBe(command.slice(1));
  });
});
