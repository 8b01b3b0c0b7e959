// `sigmoid-trainer validate` and `schema` as an author runs them: the built bundle, spawned.
// (test/support/global-setup.ts rebuilds dist/cli.js first whenever a source is newer.)
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

const SUMMARY = /^\d+ files, \d+ lessons?, \d+ steps?, \d+ templates?, \d+ variants? tested, \d+ problems?$/;

describe("sigmoid-trainer validate", () => {
  it("lists every problem of a broken pack as file:line:col and exits 1", async () => {
    const run = await runCli(["validate", "test/fixtures/content/broken"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("6 files, 2 lessons, 3 steps, 4 templates, 0 variants tested, 30 problems");
    const problems = lines.slice(0, -1);
    expect(problems).toHaveLength(30);
    for (const line of problems) expect(line).toMatch(/^test\/fixtures\/content\/broken\/[\w/.-]+\.yaml:\d+:\d+: \S/);
    expect(problems).toContain('test/fixtures/content/broken/exercises.yaml:7:5: unknown key "promt"; did you mean "prompt"?');
    expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("passes the good fixture, self-testing its variants, and exits 0", async () => {
    const run = await runCli(["validate", "test/fixtures/content/good"]);
    expect(run.stdout).toBe("4 files, 2 lessons, 3 steps, 3 templates, 13 variants tested, 0 problems\n");
    expect(run.code).toBe(0);
  });

  it("adds a pack with --content", async () => {
    const run = await runCli(["validate", "test/fixtures/content/good", "--content", "test/fixtures/content/pack"]);
    expect(run.stdout).toMatch(/^8 files, 3 lessons, 4 steps, 5 templates, \d+ variants tested, 0 problems\n$/);
    expect(run.code).toBe(0);
  });

  it("passes the shipped course by default", async () => {
    const run = await runCli(["validate"]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual([]);
    expect(lines.at(-1)).toMatch(SUMMARY);
    expect(lines.at(-1)).toMatch(/, 0 problems$/);
    expect(run.code).toBe(0);
  });

  it("reports a missing directory as a problem, not a crash", async () => {
    const run = await runCli(["validate", "no/such/dir"]);
    expect(run.stdout).toBe(
      "no/such/dir: content directory not found\n0 files, 0 lessons, 0 steps, 0 templates, 0 variants tested, 1 problem\n",
    );
    expect(run.code).toBe(1);
  });

  it("rejects a bad --seeds with a usage error (exit 2)", async () => {
    const run = await runCli(["validate", "--seeds", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--seeds must be between 1 and 10000/);
  });
});

describe("sigmoid-trainer schema", () => {
  it("prints a JSON Schema naming every file kind", async () => {
    const run = await runCli(["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema: string; oneOf: { properties: { kind: { const: string } } }[] };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.oneOf.map((branch) => branch.properties.kind.const)).toEqual(["course", "lesson", "exercises", "skills", "chapter"]);
  });
});
