// A company pack extends the shipped course with `--content DIR`: its skills, chapters, lessons
// and exercises join the course; its mistakes are reported like any others, never a crash.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourseDirs, requireCourse, shippedContentDir } from "../../src/cli/content-dirs";
import { UserError } from "../../src/cli/io";
import { loadContent } from "../../src/content/load";
import { formatProblem } from "../../src/content/problems";

const ROOT = join(import.meta.dirname, "../..");
const GOOD = "test/fixtures/content/good";
const PACK = "test/fixtures/content/pack";

describe("a pack on top of a course", () => {
  const result = loadContent([GOOD, PACK], ROOT);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  const { course } = result;

  it("appends the pack's chapters and skills after the course's", () => {
    expect(course.chapters.map((c) => c.id)).toEqual(["basics", "company-extras"]);
    expect(course.skills.map((s) => s.id)).toEqual(["sigmoid-value", "derivative-from-output", "derivative-formula", "relu-derivative"]);
    expect([...course.lessons.keys()]).toEqual(["definition", "derivative", "relu"]);
  });

  it("lets the pack's exercises use the course's skills and steps", () => {
    const template = course.exercises.get("sigmoid-again")!;
    expect(template.skill).toBe("sigmoid-value");
    expect(template.step).toBe("definition-formula");
    expect(template.pos.file).toBe(`${PACK}/exercises.yaml`);
  });

  it("gives the extended course its own content version", () => {
    const alone = loadContent([GOOD], ROOT);
    expect(alone.ok && alone.course.version).not.toBe(course.version);
  });

  it("counts files, lessons, steps and templates of both", () => {
    expect(result.summary).toEqual({ files: 8, lessons: 3, steps: 4, templates: 5 });
  });
});

describe("a broken pack", () => {
  it("is reported, not thrown: the pack alone has no course and cannot resolve the course's ids", () => {
    const result = loadContent([PACK], ROOT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      `${PACK}: no course: exactly one file must have kind: course (to check a pack on top of the shipped course: sigmoid-trainer validate --content DIR)`,
      `${PACK}/exercises.yaml:15:12: unknown skill "sigmoid-value"`,
      `${PACK}/exercises.yaml:16:11: unknown step "definition-formula"`,
    ]);
  });

  it("reports an id that repeats one of the course's, at the pack's file", () => {
    const dir = mkdtempSync(join(tmpdir(), "st-pack-"));
    try {
      writeFileSync(
        join(dir, "lesson.yaml"),
        "kind: lesson\nid: definition\ntitle: {ja: 重複, en: Again}\nsteps:\n  - {id: x1, title: {ja: 題, en: T}, text: {ja: 文, en: T}}\n",
      );
      const result = loadContent([GOOD, dir], ROOT);
      expect(!result.ok && result.problems.map(formatProblem)).toEqual([
        `${join(dir, "lesson.yaml")}:2:5: duplicate lesson id "definition"; first defined at ${GOOD}/lessons/definition.yaml:2:5`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops a command that needs the course with every problem listed (exit code 1)", async () => {
    let error: unknown;
    try {
      await requireCourse([join(ROOT, "test/fixtures/content/broken")], { cwd: ROOT, env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(1);
    const message = (error as UserError).message;
    expect(message).toMatch(/^the content has \d+ problems:\n/);
    expect(message).toContain('test/fixtures/content/broken/exercises.yaml:7:5: unknown key "promt"; did you mean "prompt"?');
  });
});

describe("the shipped content directory", () => {
  it("is the content/ folder next to the package.json named sigmoid-trainer", () => {
    expect(shippedContentDir()).toBe(join(ROOT, "content"));
  });

  it("comes first, then the packs in the order given", async () => {
    // The good fixture is a whole course: loaded as a pack, its course file is the second one.
    const result = await loadCourseDirs([GOOD], { cwd: ROOT, env: {} });
    expect(!result.ok && result.problems.map(formatProblem)).toContain(
      `${GOOD}/course.yaml:1:7: a second course; the course is defined at content/course.yaml:1:7 (a pack adds lessons, exercises, kind: skills and kind: chapter files)`,
    );
  });
});
