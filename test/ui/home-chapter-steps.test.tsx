// Home's chapter bars count a step as done only when its check was answered (or it has none):
// passing a check by with → is not progress. The figure names what it counts ("2/6 steps").
import { afterEach, describe, expect, test } from "vitest";
import type { Course } from "../../src/content/model";
import { loadContent } from "../../src/content/load";
import { createProgressStore } from "../../src/progress";
import { courseSteps } from "../../src/engine/course-steps";
import { chapterProgress } from "../../src/ui/screens/Home";
import { attempt as fixtureAttempt } from "./home-helpers";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE: Course = loaded.course;
const STEPS = courseSteps(COURSE);
const FIRST = COURSE.chapters[0]!;
const inFirst = STEPS.filter((s) => s.chapter.id === FIRST.id);
/** The first step of the first chapter with a choice check, and the first with an exercise. */
const choiceAt = inFirst.findIndex((s) => s.step.check?.kind === "choice");
const exerciseAt = inFirst.findIndex((s) => s.step.check?.kind === "exercise");

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

/** The first chapter's row on Home, e.g. "What σ is  ███░░  2/6 steps". */
function chapterRow(frame: string): string {
  return frame.split("\n").find((l) => l.startsWith(FIRST.title.en.slice(0, 8))) ?? "";
}

describe("Home's chapter bars", () => {
  test("the first chapter has a choice check and an exercise to count", () => {
    expect(choiceAt).toBeGreaterThanOrEqual(0);
    expect(exerciseAt).toBeGreaterThanOrEqual(0);
  });

  test("steps passed with → do not count; a choice answered does (right or not), and the figure says steps", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    const t = await renderTrainer({ course: COURSE, store, rows: 40 });
    open.push(t);
    // Open Learn and go with → to the step after the choice, leaving the choice unanswered.
    await t.press("l");
    for (let i = 0; i <= choiceAt; i++) await t.press(KEYS.right);
    await t.press(KEYS.escape);
    const reached = inFirst.slice(0, choiceAt + 2).filter((s) => s.step.check === null).length;
    expect(chapterRow(t.frame())).toMatch(new RegExp(` ${reached}/${inFirst.length} steps( |$)`));

    // Back to the choice, answered wrong: now it counts.
    await t.press("l", KEYS.left);
    expect(t.frame()).toContain(`Step ${choiceAt + 1} of`);
    const check = inFirst[choiceAt]!.step.check;
    if (check?.kind !== "choice") throw new Error("not a choice");
    const wrong = check.answer === 0 ? 1 : 0;
    await t.press(String(wrong + 1), KEYS.enter);
    expect(t.frame()).toContain("✗");
    await t.press(KEYS.escape);
    expect(chapterRow(t.frame())).toMatch(new RegExp(` ${reached + 1}/${inFirst.length} steps( |$)`));
    // Saved, so a restart on the same journal counts it too.
    expect(store.getState().choices[inFirst[choiceAt]!.lesson.id]).toEqual([inFirst[choiceAt]!.step.id]);
  });

  test("in Japanese the figure names its unit too", async () => {
    const t = await renderTrainer({ course: COURSE, lang: "ja" });
    open.push(t);
    expect(t.frame()).toMatch(new RegExp(` 0/${inFirst.length} ステップ`));
  });

  test("an exercise step counts once its last part was graded while learning, not after practice", () => {
    const exercise = inFirst[exerciseAt]!.step.check;
    if (exercise?.kind !== "exercise") throw new Error("not an exercise");
    const tpl = COURSE.exercises.get(exercise.exercise)!;
    const position = { [inFirst[exerciseAt]!.lesson.id]: inFirst[exerciseAt]!.stepInLesson };
    const count = (attempts: ReturnType<typeof fixtureAttempt>[]) =>
      chapterProgress(COURSE, { lessons: position, choices: {}, attempts })[0]!.done;
    const base = count([]);
    const parts = tpl.parts.length;
    expect(count([fixtureAttempt(tpl.id, tpl.skill, "practice", parts - 1, parts)])).toBe(base);
    if (parts > 1) expect(count([fixtureAttempt(tpl.id, tpl.skill, "learn", 0, parts)])).toBe(base);
    expect(count([fixtureAttempt(tpl.id, tpl.skill, "learn", parts - 1, parts, "incorrect")])).toBe(base + 1);
  });
});
