import type { Key } from "ink";
import { clampScroll } from "../../src/ui/components/ScrollBody";
import { describe, expect, test } from "vitest";
import type { Course } from "../../src/content/model";
import { loadContent } from "../../src/content/load";
import { NO_KEY } from "../../src/ui/keypress";
import { answerChoice, choiceCorrect, FRESH_CHOICE, learnIntent, moveChoice, pickChoice, type StepFocus } from "../../src/ui/learn-model";
import { courseSteps, moveStep, resumeIndex } from "../../src/engine/course-steps";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error("the shipped content does not load");
const COURSE: Course = loaded.course;
const STEPS = courseSteps(COURSE);

const key = (k: Partial<Key>): Key => ({ ...NO_KEY, ...k });
const focus = (f: Partial<StepFocus>): StepFocus => ({
  check: "none",
  choices: 0,
  asking: false,
  typed: 0,
  done: false,
  canRetry: false,
  page: 10,
  ...f,
});

describe("course steps", () => {
  test("every step of every lesson once, in chapter and lesson order", () => {
    const expected = COURSE.chapters.flatMap((c) => c.lessons.flatMap((id) => COURSE.lessons.get(id)!.steps.map((s) => s.id)));
    expect(STEPS.map((s) => s.step.id)).toEqual(expected);
    expect(STEPS.map((s) => s.index)).toEqual(expected.map((_, i) => i));
    for (const s of STEPS) expect(s.lesson.steps[s.stepInLesson]).toBe(s.step);
  });

  test("resume: nothing saved is the first step; a saved lesson opens at its step; the furthest lesson wins", () => {
    expect(resumeIndex(STEPS, {})).toBe(0);
    const outer = STEPS.findIndex((s) => s.step.id === "chain-rule-outer");
    expect(resumeIndex(STEPS, { "chain-rule": 1 })).toBe(outer);
    expect(resumeIndex(STEPS, { "why-derivatives": 1, "chain-rule": 1 })).toBe(outer);
  });

  test("resume: a position past the end of a lesson (content shrank) stays inside it; unknown lessons are ignored", () => {
    const lesson = COURSE.lessons.get("definition")!;
    const lastOfDefinition = STEPS.findIndex((s) => s.step.id === lesson.steps.at(-1)!.id);
    expect(resumeIndex(STEPS, { definition: 99 })).toBe(lastOfDefinition);
    expect(resumeIndex(STEPS, { "no-such-lesson": 3 })).toBe(0);
  });

  test("moving never leaves the course", () => {
    expect(moveStep(STEPS, 0, -1)).toBe(0);
    expect(moveStep(STEPS, STEPS.length - 1, 1)).toBe(STEPS.length - 1);
    expect(moveStep(STEPS, 3, 1)).toBe(4);
  });
});

describe("choices", () => {
  test("the pointer stays on the list; numbers out of range change nothing; Enter answers", () => {
    expect(moveChoice(FRESH_CHOICE, -1, 4).selected).toBe(0);
    expect(moveChoice({ selected: 3, chosen: null }, 1, 4).selected).toBe(3);
    expect(pickChoice(FRESH_CHOICE, 7, 4)).toBe(FRESH_CHOICE);
    const check = { kind: "choice" as const, question: { ja: "", en: "" }, choices: [], answer: 2, explanation: { ja: "", en: "" } };
    expect(choiceCorrect(check, FRESH_CHOICE)).toBeNull();
    expect(choiceCorrect(check, answerChoice(pickChoice(FRESH_CHOICE, 2, 4)))).toBe(true);
    expect(choiceCorrect(check, answerChoice(pickChoice(FRESH_CHOICE, 1, 4)))).toBe(false);
  });
});

describe("keys", () => {
  test("← / → move steps, except inside a typed answer, where the answer field takes them (it moves the cursor)", () => {
    expect(learnIntent(focus({}), "", key({ rightArrow: true }))).toEqual({ type: "step", delta: 1 });
    expect(learnIntent(focus({ check: "exercise", asking: true }), "", key({ leftArrow: true }))).toEqual({ type: "step", delta: -1 });
    expect(learnIntent(focus({ check: "exercise", asking: true, typed: 2 }), "", key({ leftArrow: true }))).toEqual({ type: "field" });
    expect(learnIntent(focus({ check: "exercise", done: true }), "", key({ rightArrow: true }))).toEqual({ type: "step", delta: 1 });
  });

  test("letters and Enter are the answer field's (h asks for a hint); on other steps they do not type", () => {
    const asking = focus({ check: "exercise", asking: true });
    expect(learnIntent(asking, "5", key({}))).toEqual({ type: "field" });
    expect(learnIntent(asking, "j", key({}))).toEqual({ type: "field" });
    expect(learnIntent(asking, "", key({ return: true }))).toEqual({ type: "field" });
    expect(learnIntent(asking, "h", key({}))).toEqual({ type: "hint" });
    expect(learnIntent(focus({}), "5", key({}))).toEqual({ type: "none" });
  });

  test("choice steps: ↑/↓ and j/k move the pointer, numbers pick, Enter answers", () => {
    const choice = focus({ check: "choice", choices: 4 });
    expect(learnIntent(choice, "", key({ downArrow: true }))).toEqual({ type: "choiceMove", delta: 1 });
    expect(learnIntent(choice, "k", key({}))).toEqual({ type: "choiceMove", delta: -1 });
    expect(learnIntent(choice, "3", key({}))).toEqual({ type: "choicePick", index: 2 });
    expect(learnIntent(choice, "5", key({}))).toEqual({ type: "none" });
    expect(learnIntent(choice, "\r", key({ return: true }))).toEqual({ type: "choiceAnswer" });
  });

  test("after an exercise: Enter goes on, r retries only after a miss; PgDn scrolls a page less one line", () => {
    expect(learnIntent(focus({ check: "exercise", done: true }), "\r", key({ return: true }))).toEqual({ type: "step", delta: 1 });
    expect(learnIntent(focus({ check: "exercise", done: true }), "r", key({}))).toEqual({ type: "none" });
    expect(learnIntent(focus({ check: "exercise", done: true, canRetry: true }), "r", key({}))).toEqual({ type: "retry" });
    expect(learnIntent(focus({ page: 10 }), "", key({ pageDown: true }))).toEqual({ type: "scroll", lines: 9 });
  });

  test("Esc and Ctrl+C are left to App", () => {
    expect(learnIntent(focus({ check: "exercise", asking: true }), "", key({ escape: true }))).toEqual({ type: "none" });
    expect(learnIntent(focus({ check: "exercise", asking: true }), "c", key({ ctrl: true }))).toEqual({ type: "none" });
  });

  test("scrolling stays between the top and the last full page", () => {
    expect(clampScroll(-3, 30, 10)).toBe(0);
    expect(clampScroll(25, 30, 10)).toBe(20);
    expect(clampScroll(5, 8, 10)).toBe(0);
  });
});
