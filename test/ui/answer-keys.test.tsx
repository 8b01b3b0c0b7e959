// The one answer-key mapping, through the keypress layer, on both screens with an answer field:
// a pasted chunk with a line break in it is typed up to the break and then submitted (as the
// same line would be in plain mode), and whatever follows the break goes to what is shown next.
import { afterEach, describe, expect, test } from "vitest";
import { loadContent } from "../../src/content/load";
import { courseSteps } from "../../src/engine/course-steps";
import { createProgressStore } from "../../src/progress";
import { NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const SHIPPED = loaded.course;
const EXERCISE_STEP = courseSteps(SHIPPED).find((s) => s.step.check?.kind === "exercise")!;

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function practice() {
  const t = await renderTrainer({ initial: "practice", count: 2 });
  open.push(t);
  expect(t.frame()).toMatch(/^Answer: /m);
  return t;
}

async function learn() {
  const store = createProgressStore({ dataDir: null, now: () => NOW });
  store.getState().setLessonPosition(EXERCISE_STEP.lesson.id, EXERCISE_STEP.stepInLesson);
  const t = await renderTrainer({ course: SHIPPED, initial: "learn", store });
  open.push(t);
  expect(t.frame()).toMatch(/^Answer: /m);
  return t;
}

const answers = (t: Awaited<ReturnType<typeof practice>>) => t.store.getState().attempts.map((a) => a.answer);

describe.each([
  ["Practice", practice],
  ["Learn", learn],
] as const)("pasting into the answer field (%s)", (_name, open) => {
  test('"0.881\\r" in one chunk: typed, then graded and saved', async () => {
    const t = await open();
    await t.press("0.881\r");
    expect(answers(t)).toEqual(["0.881"]);
    expect(t.frame()).toMatch(/Correct|Not correct|Almost/);
  });

  test('"0.8\\r81" in one chunk: "0.8" is graded; "8" and "1" are not typed into a field that has closed', async () => {
    const t = await open();
    await t.press("0.8\r81");
    expect(answers(t)).toEqual(["0.8"]);
    expect(t.frame()).not.toMatch(/^Answer: .*81/m);
  });

  test("Backspace and Ctrl+U in a chunk edit the line before Enter grades it", async () => {
    const t = await open();
    await t.press("0.99\u007f\u007f88\u00150.25\r");
    expect(answers(t)).toEqual(["0.25"]);
  });
});
