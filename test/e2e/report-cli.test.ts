// `sigmoid-trainer report` as an instructor runs it: the BUILT CLI over files and directories,
// its refusals and exit codes, and a start-up that never loads Ink or React.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultText } from "../../src/quiz/result";
import { ALL_RIGHT, QUIZ, result, tempDir } from "../quiz/helpers";
import { ROOT, runCli } from "../support/cli";
import { packagesBundledFor } from "./bundle-support";

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

function cohortDir(): string {
  const dir = tempDir("report-");
  writeFileSync(join(dir, "ann.json"), resultText(result("Ann", ALL_RIGHT)));
  writeFileSync(join(dir, "bob.json"), resultText(result("Bob", [{ parts: [{ verdict: "incorrect", mistake: "complement" }] }])));
  writeFileSync(join(dir, "notes.txt"), "not a result, not read");
  writeFileSync(join(dir, ".ann.json.123.tmp"), "a writer's temporary file");
  return dir;
}

describe("report", () => {
  it("reads every *.json of a directory and files named one by one", async () => {
    const dir = cohortDir();
    const extra = join(tempDir(), "cy.json");
    writeFileSync(extra, resultText(result("Cy", ALL_RIGHT)));
    const run = await runCli(["report", dir, extra, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.learners.map((l: { name: string; score: number }) => [l.name, l.score])).toEqual([
      ["Ann", 3],
      ["Bob", 0],
      ["Cy", 3],
    ]);
    expect(report.mistakes).toEqual([expect.objectContaining({ id: "complement", count: 1, learners: [{ name: "Bob", count: 1 }] })]);
  });

  it("lists missing, unreadable and foreign files apart, and says so on stderr", async () => {
    const dir = cohortDir();
    writeFileSync(join(dir, "broken.json"), "{");
    writeFileSync(join(dir, "other.json"), resultText(result("Zed", ALL_RIGHT, { quiz: { ...QUIZ, seed: 99 } })));
    const run = await runCli(["report", dir, join(dir, "nope.json"), "--seed", "7"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("3 files left out of the figures (listed in the report)");
    expect(run.stdout).toMatch(/^\| [^|]*broken\.json \| {2}\| unreadable \| not JSON/m);
    expect(run.stdout).toMatch(/^\| [^|]*nope\.json \| {2}\| missing \| no such file or directory \|$/m);
    expect(run.stdout).toMatch(/^\| [^|]*other\.json \| Zed \| different seed \| seed 99, not 7 \(--seed\) \|$/m);
    expect(run.stdout).toContain("2 learners (0 partial). 3 files left out.");
  });

  it("--seed reports another quiz than the one most files took", async () => {
    const dir = cohortDir();
    writeFileSync(join(dir, "other.json"), resultText(result("Zed", ALL_RIGHT, { quiz: { ...QUIZ, seed: 99 } })));
    const report = JSON.parse((await runCli(["report", dir, "--seed", "99", "--format", "json"])).stdout);
    expect(report.reference).toBe("--seed");
    expect(report.learners.map((l: { name: string }) => l.name)).toEqual(["Zed"]);
  });

  it("--config reports the quiz of the session file; --seed next to it is a usage error", async () => {
    const dir = cohortDir();
    writeFileSync(join(dir, "other.json"), resultText(result("Zed", ALL_RIGHT, { quiz: { ...QUIZ, seed: 7, count: 2 } })));
    const config = join(tempDir(), "onboarding.yaml");
    writeFileSync(config, "seed: 7\ncount: 3\n");
    const report = JSON.parse((await runCli(["report", dir, "--config", config, "--format", "json"])).stdout);
    expect(report.reference).toBe("--config");
    expect(report.rejected.map((r: { name: string; reason: string }) => [r.name, r.reason])).toEqual([["Zed", "different-settings"]]);
    const both = await runCli(["report", dir, "--config", config, "--seed", "7"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--seed and --config both choose the quiz");
    const unchosen = await runCli(["report", dir]);
    expect(unchosen.code).toBe(1);
    expect(unchosen.stderr).toContain("the files took 2 different quizzes");
    // One file of the same seed with other settings: --seed cannot settle it, and says what can.
    const seedOnly = await runCli(["report", dir, "--seed", "7"]);
    expect(seedOnly.code).toBe(1);
    expect(seedOnly.stdout).toBe("");
    expect(seedOnly.stderr).toContain(
      "the files took 2 different quizzes; --seed 7 cannot tell which one was handed out; say which with --config FILE",
    );
  });

  it("exits 1 when no file could be used, still listing why", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.json"), "[]");
    const run = await runCli(["report", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no result could be used");
    expect(run.stdout).toContain("No result could be used.");
    expect(run.stdout).toMatch(/\| not a result file \|/);
  });

  it("without the content, steps are shown by id and answers are not graded again", async () => {
    const dir = cohortDir();
    const run = await runCli(["report", dir, "--content", join(ROOT, "test/fixtures/content/broken")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("the content could not be loaded; steps are shown by id");
    expect(run.stdout).toContain("answers were not graded again (checksums only)");
    expect(run.stdout).toMatch(/^\| step-b \| 1 \| /m);
  });

  it("CSV keeps names with commas, quotes and Japanese, and opens with a BOM", async () => {
    const dir = tempDir();
    for (const [i, name] of ["Suzuki, Ichiro", 'Ann "Annie" Lee', "山田 花子", "=1+1"].entries()) {
      writeFileSync(join(dir, `${i}.json`), resultText(result(name, ALL_RIGHT)));
    }
    const run = await runCli(["report", dir, "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFlearner,")).toBe(true);
    expect(run.stdout).toContain('\r\n"Suzuki, Ichiro",complete,');
    expect(run.stdout).toContain('\r\n"Ann ""Annie"" Lee",complete,');
    expect(run.stdout).toContain("\r\n山田 花子,complete,");
    expect(run.stdout).toContain("\r\n'=1+1,complete,");
  });

  it("usage errors exit 2 without a trace", async () => {
    for (const [args, message] of [
      [["report"], "name the result files or directories"],
      [["report", ".", "--format", "xml"], '--format takes md, csv or json, got "xml"'],
      [["report", ".", "--seed", "-1"], "--seed"],
      [["report", ".", "--lang", "fr"], "--lang takes ja or en"],
    ] as const) {
      const run = await runCli([...args]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
      noTrace(run.stderr);
    }
  });

  it("never loads Ink or React: no chunk it imports statically bundles them", () => {
    const packages = packagesBundledFor("report");
    expect(packages).toBeDefined();
    // The walk does see bundled packages (zod for the result schema), so an absent Ink is really absent.
    expect(packages).toContain("zod");
    for (const ui of ["ink", "react", "react-reconciler", "yoga-layout", "ink-testing-library"]) expect(packages).not.toContain(ui);
  });
});

describe("report of a directory being written", () => {
  it("ignores hidden and temporary files beside the results", async () => {
    const dir = cohortDir();
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "deep.json"), "{");
    const report = JSON.parse((await runCli(["report", dir, "--format", "json"])).stdout);
    expect(report.rejected).toEqual([]);
    expect(report.learners).toHaveLength(2);
  });
});
