// A content file of a few KB nested thousands of levels deep (brackets, compact "- - -" lists,
// indented maps): validate and practice list it at file:line:col and go on. Before, yaml's
// recursive parser went so deep that V8 aborted the process with a native stack dump (exit 134).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/content/source";
import { tempDir } from "../quiz/helpers";
import { runCli } from "../support/cli";

const DEEP = {
  brackets: `kind: course\nx: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
  dashes: `${"- ".repeat(5000)}x\n`,
  indented: `${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}a:\n`).join("")}${" ".repeat(1000)}b\n`,
};

describe("content nested far deeper than any course", () => {
  it("parseSource reports it without parsing it, whatever the shape", () => {
    for (const [shape, text] of Object.entries(DEEP)) {
      const { problems } = parseSource("c.yaml", text, 0);
      expect(
        problems.map((p) => p.message),
        shape,
      ).toEqual(["nested more than 64 levels deep; content is a few levels deep"]);
    }
    expect(parseSource("c.yaml", "a: [don't, '[[[', \"{{\"]\n# [[[[\n", 0).problems).toEqual([]);
  });

  it("validate lists the file at file:line:col and exits 1; practice refuses the pack the same way", async () => {
    for (const [shape, text] of Object.entries(DEEP)) {
      const pack = tempDir("st-deep-");
      mkdirSync(join(pack, "exercises"));
      writeFileSync(join(pack, "exercises", "deep.yaml"), text);
      const validate = await runCli(["validate", "--content", pack]);
      expect(validate.code, `${shape}: ${validate.stderr}`).toBe(1);
      expect(validate.stdout).toMatch(/deep\.yaml:\d+:\d+: nested more than 64 levels deep/);
      const practice = await runCli(["practice", "--plain", "--content", pack, "--data-dir", join(pack, "data")], { input: "" });
      expect(practice.code, shape).toBe(1);
      expect(practice.stderr).toMatch(/deep\.yaml:\d+:\d+: nested more than 64 levels deep/);
      expect(practice.stderr).not.toContain("FATAL");
    }
  }, 60_000);
});
