// `stats` as a learner reads it: skills by their course titles (with the id reset takes),
// mistakes by name, both languages; --json keeps the ids of the contract.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import { attemptInput, tempDir } from "../progress/helpers";
import { runCli } from "../support/cli";

function seeded(): string {
  const dir = tempDir();
  const r = createProgressStore({ dataDir: dir }).getState().recordAttempt;
  r(attemptInput({ templateId: "a", skill: "derivative-value", verdict: "incorrect", mistake: "sigmoid-instead-of-derivative" }));
  r(attemptInput({ templateId: "b", skill: "sigmoid-value" }));
  r(attemptInput({ templateId: "c", skill: "skill-from-an-old-pack", verdict: "incorrect", mistake: "squared-sigmoid" }));
  return dir;
}

describe("stats text", () => {
  it("names skills by their titles in course order, and mistakes by name, in English", async () => {
    const run = await runCli(["stats", "--data-dir", seeded(), "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        "By skill:",
        "  Value of σ(x) [sigmoid-value]",
        "    1 answer, 1 correct (100%)",
        "  Value of σ′(x) [derivative-value]",
        "    1 answer, 0 correct (0%)",
        // A skill the course no longer has keeps its id.
        "  skill-from-an-old-pack",
        "    1 answer, 0 correct (0%)",
        "Mistakes:",
      ].join("\n"),
    );
    expect(run.stdout).toContain("  σ instead of σ′: 1\n");
    expect(run.stdout).toContain("  σ² instead of σ(1 − σ): 1\n");
    expect(run.stdout).not.toContain("sigmoid-instead-of-derivative");
  });

  it("in Japanese", async () => {
    const run = await runCli(["stats", "--data-dir", seeded(), "--lang", "ja"]);
    expect(run.stdout).toContain("  σ(x) の値 [sigmoid-value]\n    解答 1 件、正解 1 件（100%）\n");
    expect(run.stdout).toContain("  σ′ の代わりに σ: 1 回\n");
  });

  it("--json keeps ids as keys", async () => {
    const run = await runCli(["stats", "--json", "--data-dir", seeded()]);
    const stats = JSON.parse(run.stdout);
    expect(Object.keys(stats.skills)).toEqual(["derivative-value", "sigmoid-value", "skill-from-an-old-pack"]);
    expect(stats.mistakes).toEqual({ "sigmoid-instead-of-derivative": 1, "squared-sigmoid": 1 });
  });

  it("with a broken --content pack still shows the progress, by id, and says why on stderr", async () => {
    const pack = tempDir();
    mkdirSync(join(pack, "exercises"));
    writeFileSync(join(pack, "exercises", "bad.yaml"), "kind: exercises\nexercises: [\n");
    const run = await runCli(["stats", "--data-dir", seeded(), "--lang", "en", "--content", pack]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  sigmoid-value\n    1 answer, 1 correct (100%)\n");
    expect(run.stderr).toMatch(/^sigmoid-trainer: stats: skills are shown by id, as the content has problems: .*bad\.yaml:\d+:\d+: /);
  });
});
