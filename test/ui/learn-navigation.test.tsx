// Finding one's way in the course: the list of all steps (Tab), resuming where one left off, and
// the end of the course, which says what it covered and what to practise next.
import { afterEach, describe, expect, test } from "vitest";
import { loadContent } from "../../src/content/load";
import { createProgressStore } from "../../src/progress";
import { courseSteps } from "../../src/engine/course-steps";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE = loaded.course;
const STEPS = courseSteps(COURSE);

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function learn(options: Parameters<typeof renderTrainer>[0] = {}) {
  const store = options.store ?? createProgressStore({ dataDir: null, now: () => NOW });
  const t = await renderTrainer({ course: COURSE, initial: "learn", store, ...options });
  open.push(t);
  return t;
}

describe("the list of steps", () => {
  test.each([
    [80, 24],
    [40, 15],
  ] as const)("Tab opens it; ↓ and Enter open the step picked; Esc closes it without leaving (%i×%i)", async (columns, rows) => {
    const t = await learn({ columns, rows });
    expect(t.frame()).toContain("Tab steps");
    await t.press(KEYS.tab);
    expect(t.frame()).toContain("All steps");
    expect(t.frame()).toContain(COURSE.chapters[0]!.title.en.slice(0, 20));
    await t.press(KEYS.down.repeat(4));
    await t.press(KEYS.enter);
    expect(t.frame()).toContain(`Step 5 of ${STEPS.length}`);
    await t.press(KEYS.tab);
    await t.press(KEYS.escape);
    expect(t.frame()).toContain(`Step 5 of ${STEPS.length}`);
    // The step picked is where Learn reopens.
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("q  Quit");
    await t.press("l");
    expect(t.frame()).toContain(`Step 5 of ${STEPS.length}`);
  });

  test("in Japanese", async () => {
    const t = await learn({ lang: "ja" });
    await t.press(KEYS.tab);
    expect(t.frame()).toContain("ステップ一覧");
    expect(t.frame()).toContain(COURSE.chapters[0]!.title.ja.slice(0, 6));
  });
});

describe("the end of the course", () => {
  test.each(["en", "ja"] as const)("→ on the last step shows what the course covered and what to practise next (%s)", async (lang) => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    const last = STEPS.at(-1)!;
    store.getState().setLessonPosition(last.lesson.id, last.stepInLesson);
    const t = await learn({ store, lang, rows: 40 });
    expect(t.frame()).toContain(lang === "en" ? `Step ${STEPS.length} of ${STEPS.length}` : `ステップ ${STEPS.length} / ${STEPS.length}`);
    expect(t.frame()).toContain(lang === "en" ? "→ finish" : "→ 終える");
    await t.press(KEYS.right);
    const frame = t.frame();
    expect(frame).toContain(lang === "en" ? "You have finished the course." : "コースを最後まで終えました。");
    for (const chapter of COURSE.chapters) expect(frame).toContain(chapter.title[lang]);
    expect(frame).toContain(lang === "en" ? "Practise these next" : "次に練習するとよいスキル");
    expect(frame).toContain(COURSE.skills[0]!.title[lang]);
    // ← goes back to the last step; p practises.
    await t.press(KEYS.left);
    expect(t.frame()).toContain(lang === "en" ? `Step ${STEPS.length} of` : `ステップ ${STEPS.length} /`);
    await t.press(KEYS.right, "p");
    expect(t.frame()).toContain(lang === "en" ? "Question 1 of" : "問題 1 /");
  });
});
