// The Learn screen on the shipped course: formulas in 2-D, moving between steps, resuming,
// choice checks and exercises answered inline (graded by the engine, saved in the store).
import { afterEach, describe, expect, test } from "vitest";
import type { ChoiceCheck, Course } from "../../src/content/model";
import { loadContent } from "../../src/content/load";
import { displayWidth } from "../../src/core/latex";
import { formatSignificant } from "../../src/core/number-format";
import { variantSeed } from "../../src/engine/plan";
import { instantiateQuestion } from "../../src/engine/question";
import { createProgressStore } from "../../src/progress";
import { courseSteps, LEARN_EXERCISE_SEED } from "../../src/engine/course-steps";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE: Course = loaded.course;
const STEPS = courseSteps(COURSE);
const indexOf = (stepId: string) => STEPS.findIndex((s) => s.step.id === stepId);

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function learn(options: Parameters<typeof renderTrainer>[0] = {}) {
  const store = options.store ?? createProgressStore({ dataDir: null, now: () => NOW });
  const trainer = await renderTrainer({ course: COURSE, initial: "learn", store, ...options });
  open.push(trainer);
  return trainer;
}

/** Opens Learn at a step by saving its position first, as a returning learner would have. */
async function learnAt(stepId: string, options: Parameters<typeof renderTrainer>[0] = {}) {
  const store = createProgressStore({ dataDir: null, now: () => NOW });
  const at = STEPS[indexOf(stepId)]!;
  store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
  return learn({ store, ...options });
}

function choiceCheck(stepId: string): ChoiceCheck {
  const check = STEPS[indexOf(stepId)]!.step.check;
  if (check?.kind !== "choice") throw new Error(`${stepId} has no choice check`);
  return check;
}

/** The answer to a step's exercise (one part) as the learner would type it (the fixed learn seed). */
function exerciseAnswer(stepId: string, partIndex = 0): string {
  const check = STEPS[indexOf(stepId)]!.step.check;
  if (check?.kind !== "exercise") throw new Error(`${stepId} has no exercise`);
  const made = instantiateQuestion(COURSE, { templateId: check.exercise, variantSeed: variantSeed(LEARN_EXERCISE_SEED, 0), reason: "new" });
  if (!made.ok) throw new Error(made.problem);
  const part = made.instance.parts[partIndex]!;
  return formatSignificant(part.expected, part.digits);
}

describe("formulas", () => {
  test("the definition step shows σ as a stacked fraction, the rule line between 1 and 1 + e⁻ˣ", async () => {
    const { frame } = await learnAt("definition-formula");
    const lines = frame().split("\n");
    const bar = lines.findIndex((l) => l.includes("σ(x) = ─────────"));
    expect(bar).toBeGreaterThan(0);
    expect(lines[bar - 1]).toBe("             1");
    expect(lines[bar]).toBe("  σ(x) = ─────────");
    expect(lines[bar + 1]).toBe("          1 + e⁻ˣ");
    expect(frame()).toContain("Step 3 of 22 · Derivatives and the sigmoid");
  });

  test("with --ascii the same fraction is drawn with - and the exponent raised, and the whole step is ASCII", async () => {
    const { frame } = await learnAt("definition-formula", { ascii: true });
    const lines = frame().split("\n");
    const bar = lines.findIndex((l) => l.includes("sigma(x) = ---------"));
    expect(lines[bar - 1]).toBe("                 1");
    expect(lines[bar]).toBe("  sigma(x) = ---------");
    expect(lines[bar + 1]).toBe("                   -x");
    expect(lines[bar + 2]).toBe("              1 + e");
    expect(frame()).toMatch(/^[\x20-\x7e\n]*$/);
  });

  test("the rule a step uses is named", async () => {
    // Tall enough for the whole step: at 80×24 the unanswered check stays in view and the prose scrolls above it.
    const { frame } = await learnAt("chain-rule-inside-outside", { rows: 40 });
    expect(frame()).toContain("Rule used: chain rule (outer derivative × inner derivative)");
  });

  test("at 40×15 the frame stays shorter than the terminal and no line is wider than it", async () => {
    const { frame, press } = await learn({ columns: 40, rows: 15 });
    for (let i = 0; i < STEPS.length; i++) {
      const lines = frame().split("\n");
      expect(lines.length).toBeLessThanOrEqual(14);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(frame()).toContain(`Step ${i + 1} of 22`);
      await press(KEYS.right);
    }
  });
});

describe("moving between steps", () => {
  test("→ and ← move one step, across lessons, and each move saves the lesson position", async () => {
    const { frame, press, store } = await learn();
    expect(frame()).toContain("Step 1 of 22");
    await press(KEYS.left);
    expect(frame()).toContain("Step 1 of 22");
    await press(KEYS.right);
    expect(frame()).toContain("Step 2 of 22");
    expect(store.getState().lessons).toEqual({ "why-derivatives": 1 });
    await press(KEYS.right);
    expect(frame()).toContain("Step 3 of 22");
    expect(frame()).toContain("The sigmoid function › The formula");
    expect(store.getState().lessons).toEqual({ "why-derivatives": 1, definition: 0 });
    await press(KEYS.left);
    expect(frame()).toContain("Step 2 of 22");
    expect(store.getState().lessons).toEqual({ "why-derivatives": 1, definition: 0 });
  });

  test("Learn opens at the saved position", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    store.getState().setLessonPosition("chain-rule", 1);
    const { frame } = await learn({ store });
    expect(frame()).toContain(`Step ${indexOf("chain-rule-outer") + 1} of 22`);
    expect(frame()).toContain("The outer derivative");
  });

  test("leaving and reopening Learn resumes where the learner left off", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    const first = await learn({ store });
    await first.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    expect(first.frame()).toContain("Step 5 of 22");
    await first.press(KEYS.escape);
    await first.press(KEYS.escape, "l");
    expect(first.frame()).toContain("Step 5 of 22");
    first.unmount();
    const again = await learn({ store });
    expect(again.frame()).toContain("Step 5 of 22");
  });

  test("with several lessons saved, Learn resumes in the furthest one", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    store.getState().setLessonPosition("rewrite", 0);
    store.getState().setLessonPosition("why-derivatives", 1);
    const { frame } = await learn({ store });
    expect(frame()).toContain(`Step ${indexOf("rewrite-negative-exponent") + 1} of 22`);
  });

  test("PgDn scrolls a step taller than the terminal, and says where in it the learner is", async () => {
    const { frame, press } = await learnAt("why-slope-underfoot", { columns: 40, rows: 15 });
    // At 40×15 its check does not fit under the prose: the step opens scrolled down to it.
    expect(frame()).toMatch(/Lines \d+–\d+ of \d+/);
    expect(frame()).not.toMatch(/Lines 1–/);
    for (let i = 0; i < 5; i++) await press(KEYS.pageUp);
    expect(frame()).toMatch(/Lines 1–\d+ of \d+/);
    const before = frame();
    await press(KEYS.pageDown);
    expect(frame()).not.toBe(before);
    expect(frame()).not.toMatch(/Lines 1–/);
  });
});

describe("choice checks", () => {
  test("a wrong choice is marked ✗ with the right one and the explanation; the right one ✓", async () => {
    const check = choiceCheck("definition-range");
    const { frame, press } = await learnAt("definition-range", { rows: 40 });
    expect(frame()).toContain("› 1. 0.01");
    const wrong = check.answer === 0 ? 2 : 1;
    await press(String(wrong));
    expect(frame()).toContain(`› ${wrong}. `);
    await press(KEYS.enter);
    expect(frame()).toContain("✗ not correct");
    expect(frame()).toContain(`The answer is ${check.answer + 1}: ${check.choices[check.answer]!.en}.`);
    expect(frame()).toContain("so σ(x) gets close to 1 but never");
    // Arrows move the pointer too; Enter answers again.
    for (let i = wrong - 1; i < check.answer; i++) await press(KEYS.down);
    for (let i = wrong - 1; i > check.answer; i--) await press(KEYS.up);
    await press(KEYS.enter);
    expect(frame()).toContain("✓ correct");
    expect(frame()).not.toContain("✗ not correct");
    // A choice answered right is a finished check: Enter goes on, and the key bar says so.
    expect(frame()).toContain("Enter: on to the next step.");
    expect(frame()).toMatch(/Enter next step/);
    const at = indexOf("definition-range");
    await press(KEYS.enter);
    expect(frame()).toContain(`Step ${at + 2} of ${STEPS.length}`);
  });

  test("the answer to a choice is kept while the learner looks at other steps", async () => {
    const check = choiceCheck("definition-at-zero");
    const { frame, press } = await learnAt("definition-at-zero", { rows: 40 });
    await press(String(check.answer + 1), KEYS.enter);
    expect(frame()).toContain("✓ correct");
    await press(KEYS.right, KEYS.left);
    expect(frame()).toContain("✓ correct");
  });
});

describe("exercises inline", () => {
  test("a right answer is graded by the engine, marked ✓ and saved as an attempt of the skill", async () => {
    const answer = exerciseAnswer("definition-formula");
    const { frame, type, press, store } = await learnAt("definition-formula", { rows: 40 });
    expect(frame()).toContain("Given: e^(−x) = ");
    await type(answer);
    expect(frame()).toContain(`Answer: ${answer}`);
    await press(KEYS.enter);
    expect(frame()).toContain("✓ correct");
    expect(frame()).toContain("Enter: on to the next step.");
    const attempts = store.getState().attempts;
    expect(attempts).toHaveLength(1);
    // Saved as an answer given while learning, not as practice.
    expect(attempts[0]).toMatchObject({
      templateId: "sigmoid-value-clean-e",
      skill: "sigmoid-value",
      verdict: "correct",
      answer,
      mode: "learn",
    });
    await press(KEYS.enter);
    expect(frame()).toContain("Step 4 of 22");
  });

  test("a wrong answer is marked ✗ with the worked solution, saved, and can be tried again with r", async () => {
    const { frame, type, press, store } = await learnAt("definition-formula", { rows: 40 });
    await type("0.123");
    await press(KEYS.enter);
    expect(frame()).toContain("✗ not correct");
    expect(frame()).toContain("Worked solution:");
    expect(store.getState().attempts.map((a) => a.verdict)).toEqual(["incorrect"]);
    await press("r");
    expect(frame()).not.toContain("✗ not correct");
    expect(frame()).toContain("Answer: ");
    await type(exerciseAnswer("definition-formula"));
    await press(KEYS.enter);
    expect(frame()).toContain("✓ correct");
    expect(store.getState().attempts.map((a) => a.verdict)).toEqual(["incorrect", "correct"]);
    // The retry had the same numbers, and after the right answer there is nothing left to retry.
    const [first, second] = store.getState().attempts;
    expect(second!.params).toEqual(first!.params);
    expect(frame()).not.toContain("r retry");
  });

  test("invalid input says what and where, costs nothing, and the question stands", async () => {
    const { frame, type, press, store } = await learnAt("definition-formula", { rows: 40 });
    await type("0.9x");
    await press(KEYS.enter);
    expect(frame()).toContain("! could not read it (not counted)");
    expect(frame()).toContain("^ character 4");
    expect(store.getState().attempts).toHaveLength(0);
    expect(frame()).toContain("Answer: 0.9x");
  });

  test("while an answer is typed ← and → move the cursor; with the field empty they move steps", async () => {
    const { frame, type, press } = await learnAt("definition-formula", { rows: 40 });
    await type("0.9");
    await press(KEYS.left);
    expect(frame()).toContain("Step 3 of 22");
    expect(frame()).toContain("Answer: 0.▏9");
    await press(KEYS.right);
    expect(frame()).toContain("Answer: 0.9▏");
    await press(KEYS.ctrlU);
    await press(KEYS.right);
    expect(frame()).toContain("Step 4 of 22");
  });

  test("a two-part exercise asks its second part once the first is graded; both are saved", async () => {
    const { frame, type, press, store } = await learnAt("backprop-forward-backward", { rows: 40 });
    expect(frame()).toContain("(part 1 of 2) Forward pass");
    await type(exerciseAnswer("backprop-forward-backward", 0));
    await press(KEYS.enter);
    expect(frame()).toContain("✓ correct");
    expect(frame()).toContain("(part 2 of 2) Backward pass");
    await type(exerciseAnswer("backprop-forward-backward", 1));
    await press(KEYS.enter);
    expect(frame()).toContain("Enter: on to the next step.");
    expect(store.getState().attempts.map((a) => [a.part, a.verdict])).toEqual([
      [0, "correct"],
      [1, "correct"],
    ]);
  });

  test("a formula answer (σ′ written with s) is typed letter by letter and graded", async () => {
    const { frame, type, press, store } = await learnAt("beautiful-recap", { rows: 40 });
    await type("s*(1-s)");
    expect(frame()).toContain("Answer: s*(1-s)");
    await press(KEYS.enter);
    expect(frame()).toContain("✓ correct");
    expect(store.getState().attempts.map((a) => a.verdict)).toEqual(["correct"]);
  });

  test("h shows the first hint", async () => {
    const { frame, press } = await learnAt("definition-formula", { rows: 40 });
    await press("h");
    expect(frame()).toContain("Hint 1 of 4: ");
  });
});

describe("languages", () => {
  test("in Japanese the header, the step and the check are Japanese", async () => {
    const { frame, press } = await learnAt("definition-range", { lang: "ja", rows: 40 });
    expect(frame()).toContain("ステップ 4 / 22");
    expect(frame()).toContain("微分とシグモイド関数");
    expect(frame()).toContain("確認問題");
    expect(frame()).toContain("σ(x) が決して出力しない値はどれですか。");
    await press("1", KEYS.enter);
    expect(frame()).toContain("✗ 不正解");
    expect(frame()).toContain("正解は 4 番「1」です。");
  });
});
