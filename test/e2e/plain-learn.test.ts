// `learn --plain` (and --screen-reader, INK_SCREEN_READER, --json) read the course through from
// the first step to the last with stdin: every step's text, its formulas in linear form, each
// check answered on one line (a choice's number, an exercise's value) with its feedback, and an
// empty line going on.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import { renderLinearFormula } from "../../src/core/latex";
import { formatSignificant } from "../../src/core/number-format";
import { variantSeed } from "../../src/engine/plan";
import { instantiateQuestion } from "../../src/engine/question";
import { courseSteps, LEARN_EXERCISE_SEED } from "../../src/engine/course-steps";
import { runCli } from "../support/cli";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error("the shipped content does not load");
const COURSE = loaded.course;
const STEPS = courseSteps(COURSE);

/** The lines a learner who answers every check right types, from the first step to the last. */
function rightAnswers(): string[] {
  const lines: string[] = [];
  for (const { step } of STEPS) {
    const check = step.check;
    if (check?.kind === "choice") lines.push(String(check.answer + 1));
    if (check?.kind === "exercise") {
      const made = instantiateQuestion(COURSE, {
        templateId: check.exercise,
        variantSeed: variantSeed(LEARN_EXERCISE_SEED, 0),
        reason: "new",
      });
      if (!made.ok) throw new Error(made.problem);
      for (const part of made.instance.parts) {
        // The one formula check asks for σ′(x) written with s = σ(x).
        lines.push(part.quantity === "derivative-formula" ? "s(1 - s)" : formatSignificant(part.expected, part.digits));
      }
    }
    lines.push("");
  }
  return lines;
}

const dataDir = () => mkdtempSync(join(tmpdir(), "st-plain-learn-"));

describe("learn in plain mode", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`reads the whole course from the first step to the last, every check answered right (${lang})`, async () => {
      const run = await runCli(["learn", "--plain", "--lang", lang, "--data-dir", dataDir()], { input: `${rightAnswers().join("\n")}\n` });
      expect(run.code).toBe(0);
      const out = run.stdout;
      for (const [i, at] of STEPS.entries()) {
        expect(out).toContain(lang === "en" ? `Step ${i + 1} of ${STEPS.length}` : `ステップ ${i + 1} / ${STEPS.length}`);
        expect(out).toContain(at.step.title[lang]);
        for (const latex of at.step.formulas) expect(out).toContain(renderLinearFormula(latex));
      }
      const checks = STEPS.filter((s) => s.step.check).length;
      // A choice says "✓ Correct." and an exercise "Correct: 0.240." (ja 正解です), one per check at least.
      const right = out.split("\n").filter((l) => (lang === "en" ? /^(✓ )?Correct\b/ : /^(✓ )?正解です/).test(l)).length;
      expect(right).toBeGreaterThanOrEqual(checks);
      expect(out).not.toMatch(lang === "en" ? /Not correct|Could not read/ : /不正解|読めません/);
      expect(out).toContain(lang === "en" ? "You have finished the course." : "コースを最後まで終えました。");
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    });
  }

  it("an empty line before a choice is answered asks for the answer; a wrong choice names the right one", async () => {
    const first = STEPS[0]!.step.check;
    if (first?.kind !== "choice") throw new Error("the first step has no choice check");
    const wrong = first.answer === 0 ? 2 : 1;
    const dir = dataDir();
    const run = await runCli(["learn", "--plain", "--lang", "en", "--data-dir", dir], { input: `\n${wrong}\n\n` });
    expect(run.stdout).toContain("Answer the check first (or :skip it).");
    // The answer is saved, wrong as it was: Home counts the step as done.
    const choices = readFileSync(join(dir, "journal.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.includes('"type":"choice"'))
      .map((l) => JSON.parse(l));
    expect(choices).toEqual([
      expect.objectContaining({ lessonId: STEPS[0]!.lesson.id, stepId: STEPS[0]!.step.id, chosen: wrong - 1, correct: false }),
    ]);
    expect(run.stdout).toContain(`✗ Not correct. The answer is ${first.answer + 1}: ${first.choices[first.answer]!.en}.`);
    expect(run.stdout).toContain("Step 2 of");
    // The end of input stops, and Learn goes on from there next time.
    expect(run.stdout).toContain("Stopped here. Learn goes on from step 2 next time.");
  });

  it("--screen-reader and INK_SCREEN_READER read the course line by line too", async () => {
    for (const [args, env] of [
      [["--screen-reader"], {}],
      [[], { INK_SCREEN_READER: "true" }],
    ] as const) {
      const run = await runCli(["learn", ...args, "--lang", "en", "--data-dir", dataDir()], { input: "\n", env });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Step 1 of");
      expect(run.stdout).toContain("Check: ");
    }
  });

  it("--json gives the same steps as events, one per line", async () => {
    const run = await runCli(["learn", "--json", "--lang", "en", "--data-dir", dataDir()], { input: `${rightAnswers().join("\n")}\n` });
    expect(run.code).toBe(0);
    const events = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; number?: number; correct?: boolean });
    expect(events.filter((e) => e.type === "step").map((e) => e.number)).toEqual(STEPS.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === "choice").every((e) => e.correct)).toBe(true);
    expect(events.at(-1)?.type).toBe("course-end");
  });
});
