// Every step of the shipped course with a check, at 80×24 and 40×15, in Japanese and English:
// when the step opens, its check's answer line is on screen (an exercise's answer field, a choice
// check's last choice), however long the explanation above it.
import { afterEach, describe, expect, test } from "vitest";
import { loadContent } from "../../src/content/load";
import { createProgressStore } from "../../src/progress";
import { courseSteps } from "../../src/engine/course-steps";
import { NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE = loaded.course;
const WITH_CHECK = courseSteps(COURSE).filter((s) => s.step.check);

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

describe.each(["en", "ja"] as const)("the answer line in view when a step opens (%s)", (lang) => {
  test.each([
    [80, 24],
    [40, 15],
  ] as const)(
    "every step with a check at %i×%i",
    async (columns, rows) => {
      expect(WITH_CHECK.length).toBeGreaterThan(5);
      for (const at of WITH_CHECK) {
        const store = createProgressStore({ dataDir: null, now: () => NOW });
        store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
        const t = await renderTrainer({ course: COURSE, initial: "learn", store, lang, columns, rows });
        open.push(t);
        const frame = t.frame();
        const where = `step ${at.index + 1} (${at.step.id}) at ${columns}×${rows}:\n${frame}`;
        const check = at.step.check!;
        if (check.kind === "exercise") {
          expect(frame, where).toMatch(lang === "en" ? /^Answer: /m : /^答え: /m);
        } else {
          expect(frame, where).toMatch(new RegExp(`^[ ›>] ${check.choices.length}\\. `, "m"));
        }
        t.unmount();
      }
    },
    120_000,
  );
});
