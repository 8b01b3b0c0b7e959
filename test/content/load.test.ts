// Loading a valid pack: the YAML becomes the course model the rest of the trainer reads.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import type { Course } from "../../src/content/model";
import { formatProblem } from "../../src/content/problems";

const ROOT = join(import.meta.dirname, "../..");
const GOOD = "test/fixtures/content/good";

function loadCourse(dirs: string[], cwd = ROOT): Course {
  const result = loadContent(dirs, cwd);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.course;
}

describe("loading the good fixture", () => {
  const course = loadCourse([GOOD]);

  it("builds chapters, skills, lessons and exercises in order", () => {
    expect(course.id).toBe("tiny-course");
    expect(course.title).toEqual({ ja: "小さなコース", en: "A tiny course" });
    expect(course.chapters.map((c) => c.id)).toEqual(["basics"]);
    expect(course.skills.map((s) => s.id)).toEqual(["sigmoid-value", "derivative-from-output", "derivative-formula"]);
    expect([...course.lessons.keys()]).toEqual(["definition", "derivative"]);
    expect([...course.exercises.keys()]).toEqual(["sigmoid-at-point", "slope-from-output", "derivative-as-formula"]);
  });

  it("normalises the single-part shorthand to parts with 3 digits by default", () => {
    const template = course.exercises.get("sigmoid-at-point")!;
    expect(template.parts).toEqual([
      {
        quantity: "sigmoid",
        digits: 3,
        prompt: { ja: "x = {x} のとき σ(x) を求めてください。", en: "Find σ(x) at x = {x}." },
        carryFrom: null,
      },
    ]);
    expect(template.params).toEqual({ x: { choices: [-2, -1, 1, 2] } });
    expect(template.given).toEqual(["e_neg_x"]);
    expect(template.step).toBe("definition-formula");
    expect(Object.keys(template.feedback)).toEqual(["complement"]);
    const multi = course.exercises.get("slope-from-output")!;
    expect(multi.parts.map((p) => [p.quantity, p.digits])).toEqual([["derivative-from-output", 2]]);
    expect(multi.params).toEqual({ sigma: { min: 0.1, max: 0.9, step: 0.1 } });
    expect(course.exercises.get("derivative-as-formula")!.params).toEqual({});
  });

  it("turns step checks into tagged unions and fills optional fields", () => {
    const [formula, range] = course.lessons.get("definition")!.steps;
    expect(formula!.check).toEqual({ kind: "exercise", exercise: "sigmoid-at-point" });
    expect(formula!.formulas).toEqual(["\\sigma(x) = \\frac{1}{1 + e^{-x}}"]);
    expect(formula!.rule).toBeNull();
    expect(range!.check).toMatchObject({ kind: "choice", answer: 1 });
    expect(range!.formulas).toEqual([]);
    expect(course.lessons.get("derivative")!.steps[0]!.rule).toEqual({ ja: "分数の分割", en: "splitting a fraction" });
  });

  it("records where lessons, steps and templates were written", () => {
    const lesson = course.lessons.get("definition")!;
    expect(lesson.pos).toEqual({ file: `${GOOD}/lessons/definition.yaml`, line: 2, col: 5 });
    expect(lesson.steps[1]!.pos).toEqual({ file: `${GOOD}/lessons/definition.yaml`, line: 14, col: 5 });
    expect(course.exercises.get("slope-from-output")!.pos).toEqual({ file: `${GOOD}/exercises.yaml`, line: 18, col: 5 });
  });

  it("shows file paths relative to the working directory, or absolute outside it", () => {
    // A fresh folder is never an ancestor of the checkout (which may itself live under /tmp).
    const elsewhere = loadCourse([join(ROOT, GOOD)], mkdtempSync(join(tmpdir(), "elsewhere-")));
    expect(elsewhere.lessons.get("definition")!.pos.file).toBe(join(ROOT, GOOD, "lessons/definition.yaml"));
    const inside = loadCourse([join(ROOT, GOOD)], join(ROOT, "test"));
    expect(inside.lessons.get("definition")!.pos.file).toBe("fixtures/content/good/lessons/definition.yaml");
  });
});

describe("the content version", () => {
  it("is a short hash that stays the same for the same bytes, wherever the files are", () => {
    const a = loadCourse([GOOD]).version;
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    const copy = mkdtempSync(join(tmpdir(), "st-content-"));
    try {
      cpSync(join(ROOT, GOOD), copy, { recursive: true });
      expect(loadCourse([copy]).version).toBe(a);
      // Any edit, even of prose, gives a new version (seeded results are tied to it)...
      const file = join(copy, "lessons/derivative.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("The beautiful form", "The beautiful shape"));
      const edited = loadCourse([copy]);
      expect(edited.version).not.toBe(a);
      // ...but ids, which progress is keyed by, stay.
      expect([...edited.exercises.keys()]).toEqual([...loadCourse([GOOD]).exercises.keys()]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("docs/content-format.md's authoring example (test/fixtures/content/readme-example)", () => {
  it("loads as a course, so the documented example stays valid", () => {
    const course = loadCourse(["test/fixtures/content/readme-example"]);
    expect([...course.exercises.keys()]).toEqual(["sigmoid-at-point", "slope-from-output"]);
    expect(course.lessons.get("definition")!.steps.map((s) => s.check?.kind)).toEqual(["exercise", "choice"]);
  });
});
