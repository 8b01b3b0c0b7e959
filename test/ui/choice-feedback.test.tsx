// Learn's choice checks with per-choice feedback (content's `feedback:`): a wrong pick is named in
// its own sentence right under ✗, before the right answer and the general explanation; the right
// pick gets ✓, its own sentence, then the explanation. A check without feedback shows no extra line.
import { afterEach, describe, expect, test } from "vitest";
import { loadContent } from "../../src/content/load";
import type { ChoiceCheck, Course, Lesson } from "../../src/content/model";
import { createProgressStore } from "../../src/progress";
import { courseSteps } from "../../src/engine/course-steps";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE: Course = loaded.course;
const STEPS = courseSteps(COURSE);
const STEP_ID = "definition-at-zero";

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

/** Learn opened at a step, in a terminal wide enough that no sentence wraps. */
async function learnAt(stepId: string, options: Parameters<typeof renderTrainer>[0] = {}) {
  const course = options.course ?? COURSE;
  const at = courseSteps(course).find((s) => s.step.id === stepId)!;
  const store = createProgressStore({ dataDir: null, now: () => NOW });
  store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
  const trainer = await renderTrainer({ course, initial: "learn", store, columns: 200, rows: 50, ...options });
  open.push(trainer);
  const lines = () =>
    trainer
      .frame()
      .split("\n")
      .map((line) => line.trimEnd());
  /** The line index of the first line containing `text` (-1 when absent). */
  const lineOf = (text: string) => lines().findIndex((line) => line.includes(text));
  return { ...trainer, lines, lineOf };
}

function choiceCheck(course: Course, stepId: string): ChoiceCheck {
  const check = courseSteps(course).find((s) => s.step.id === stepId)?.step.check;
  if (check?.kind !== "choice") throw new Error(`${stepId} has no choice check`);
  return check;
}

/** The course with the feedback of one step's choice check removed, as a pack without it would be. */
function withoutFeedback(course: Course, stepId: string): Course {
  const lessons = new Map<string, Lesson>();
  for (const [id, lesson] of course.lessons) {
    const steps = lesson.steps.map((step) => {
      if (step.id !== stepId || step.check?.kind !== "choice") return step;
      const { feedback: _dropped, ...check } = step.check;
      return { ...step, check };
    });
    lessons.set(id, { ...lesson, steps });
  }
  return { ...course, lessons };
}

describe("the shipped course", () => {
  test("every choice check has one feedback sentence per choice", () => {
    const checks = STEPS.flatMap(({ step }) => (step.check?.kind === "choice" ? [[step.id, step.check] as const] : []));
    expect(checks.length).toBeGreaterThanOrEqual(10);
    for (const [id, check] of checks) expect(check.feedback?.length, id).toBe(check.choices.length);
  });
});

describe("a choice check with per-choice feedback", () => {
  const check = choiceCheck(COURSE, STEP_ID);
  const wrong = check.answer === 0 ? 1 : 0;

  test("a wrong choice: ✗, then that choice's own sentence, then the right answer and the explanation", async () => {
    const { press, frame, lineOf } = await learnAt(STEP_ID);
    for (const feedback of check.feedback!) expect(frame()).not.toContain(feedback.en);
    await press(String(wrong + 1), KEYS.enter);
    const verdict = lineOf("✗ not correct");
    const own = lineOf(check.feedback![wrong]!.en);
    const answer = lineOf(`The answer is ${check.answer + 1}: ${check.choices[check.answer]!.en}.`);
    const explanation = lineOf(check.explanation.en);
    expect(verdict).toBeGreaterThan(-1);
    expect([own, answer, explanation]).toEqual([verdict + 1, verdict + 2, verdict + 3]);
    // Only the chosen one's sentence: the others' would name mistakes the learner did not make.
    check.feedback!.forEach((feedback, i) => {
      if (i !== wrong) expect(frame()).not.toContain(feedback.en);
    });
  });

  test("the right choice: ✓, then its own sentence, then the explanation (no 'The answer is')", async () => {
    const { press, frame, lineOf } = await learnAt(STEP_ID);
    await press(String(check.answer + 1), KEYS.enter);
    const verdict = lineOf("✓ correct");
    expect(verdict).toBeGreaterThan(-1);
    expect(lineOf(check.feedback![check.answer]!.en)).toBe(verdict + 1);
    expect(lineOf(check.explanation.en)).toBe(verdict + 2);
    expect(frame()).not.toContain("The answer is");
    expect(frame()).not.toContain(check.feedback![wrong]!.en);
  });

  test("answering again with another choice replaces the sentence", async () => {
    const { press, frame } = await learnAt(STEP_ID);
    await press(String(wrong + 1), KEYS.enter);
    expect(frame()).toContain(check.feedback![wrong]!.en);
    await press(String(check.answer + 1), KEYS.enter);
    expect(frame()).toContain(check.feedback![check.answer]!.en);
    expect(frame()).not.toContain(check.feedback![wrong]!.en);
  });

  test("in Japanese the sentence is the Japanese one", async () => {
    const { press, frame, lineOf } = await learnAt(STEP_ID, { lang: "ja" });
    await press(String(wrong + 1), KEYS.enter);
    expect(lineOf(check.feedback![wrong]!.ja)).toBe(lineOf("✗ 不正解") + 1);
    expect(frame()).not.toContain(check.feedback![wrong]!.en);
  });

  test("at 80 columns a long sentence wraps under the verdict and nothing is cut off", async () => {
    const { press, lines, lineOf } = await learnAt(STEP_ID, { columns: 80 });
    await press(String(wrong + 1), KEYS.enter);
    const verdict = lineOf("✗ not correct");
    const answer = lineOf("The answer is ");
    const between = lines()
      .slice(verdict + 1, answer)
      .map((line) => line.trim())
      .join(" ");
    expect(between).toBe(check.feedback![wrong]!.en);
  });
});

describe("a choice check without feedback", () => {
  const course = withoutFeedback(COURSE, STEP_ID);
  const check = choiceCheck(course, STEP_ID);
  const wrong = check.answer === 0 ? 1 : 0;

  test("a wrong choice: ✗, then straight to the right answer and the explanation", async () => {
    expect(check.feedback).toBeUndefined();
    const { press, lineOf } = await learnAt(STEP_ID, { course });
    await press(String(wrong + 1), KEYS.enter);
    const verdict = lineOf("✗ not correct");
    expect(verdict).toBeGreaterThan(-1);
    expect(lineOf("The answer is ")).toBe(verdict + 1);
    expect(lineOf(check.explanation.en)).toBe(verdict + 2);
  });

  test("the right choice: ✓, then the explanation", async () => {
    const { press, lineOf } = await learnAt(STEP_ID, { course });
    await press(String(check.answer + 1), KEYS.enter);
    expect(lineOf(check.explanation.en)).toBe(lineOf("✓ correct") + 1);
  });
});

describe("at 40×15, where the result is taller than the view", () => {
  const squash = (text: string) => text.replace(/\s+/g, "");

  test("after any answer to any shipped choice check, the verdict and the start of that choice's sentence are in view (ja and en)", async () => {
    for (const lang of ["en", "ja"] as const) {
      for (const { step } of STEPS) {
        if (step.check?.kind !== "choice") continue;
        for (let choice = 0; choice < step.check.choices.length; choice++) {
          const { press, lines, unmount } = await learnAt(step.id, { lang, columns: 40, rows: 15 });
          await press(String(choice + 1), KEYS.enter);
          const shown = lines();
          const verdict = shown.findIndex((line) => /^[✓✗] /.test(line));
          const where = `${lang} ${step.id} choice ${choice + 1}`;
          expect(verdict, where).toBeGreaterThan(-1);
          const after = squash(shown.slice(verdict + 1).join(""));
          expect(after.slice(0, 20), where).toBe(squash(step.check.feedback![choice]![lang]).slice(0, 20));
          unmount();
        }
      }
    }
    // Every choice of every check, in two languages, each on a freshly opened step: slow on a
    // shared machine (Learn now measures the check to keep it in view when a step opens).
  }, 120_000);

  test("PgDn then shows the rest: the right answer and the explanation", async () => {
    const check = choiceCheck(COURSE, "why-learning");
    const { press, frame } = await learnAt("why-learning", { columns: 40, rows: 15 });
    await press("1", KEYS.enter);
    expect(frame()).toContain("✗ not correct");
    expect(frame()).toMatch(/Lines \d+–\d+ of \d+/);
    await press(KEYS.pageDown);
    expect(frame()).toContain("You may pick another and press Enter");
    expect(squash(frame())).toContain(squash(check.explanation.en));
  });
});
