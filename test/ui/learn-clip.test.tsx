// Every step of the shipped course, in both languages, at the smallest supported terminal and at
// 80×24, first and after each PgDn: the part of the step on show is exactly the matching lines of
// the whole step (nothing clipped wrongly, nothing of a scrolled-out line drawn over another), the
// scroll status line says exactly which lines those are, the key bar is exactly its keys, and no
// line is wider than the terminal.
//
// The bug this guards against: the body's box and the status line shared the space left over by
// the header and the key bar, both allowed to shrink, so Yoga gave them fractional heights; the
// body's clip then reached one row into the status line, and the end of a formula line showed
// after "1–11 行目 / 26 行・PgUp/PgDn".
import { afterEach, describe, expect, test } from "vitest";
import type { Course } from "../../src/content/model";
import { loadContent } from "../../src/content/load";
import type { Lang } from "../../src/core/i18n";
import { displayWidth } from "../../src/core/latex";
import { createProgressStore } from "../../src/progress";
import { type Action, primaryKey } from "../../src/ui/keymap";
import { courseSteps, type CourseStep } from "../../src/engine/course-steps";
import { LEARN_TEXT } from "../../src/ui/screens/learn-strings";
import { UI_TEXT } from "../../src/ui/strings";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error(`the shipped content does not load: ${loaded.problems[0]?.message}`);
const COURSE: Course = loaded.course;
const STEPS = courseSteps(COURSE);

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function learnAt(at: CourseStep, lang: Lang, columns: number, rows: number) {
  const store = createProgressStore({ dataDir: null, now: () => NOW });
  store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
  const trainer = await renderTrainer({ course: COURSE, initial: "learn", store, lang, columns, rows });
  open.push(trainer);
  return trainer;
}

/** The key bar a step shows before anything is typed or answered, laid out as Ink wraps it (items with a gap of 2). */
function expectedKeyBar(at: CourseStep, lang: Lang, columns: number): string[] {
  const items: [Action, { ja: string; en: string }][] = [];
  const kind = at.step.check?.kind ?? "none";
  if (kind === "choice") items.push(["select", LEARN_TEXT.keyAnswer]);
  if (kind === "exercise") items.push(["submit", UI_TEXT.keyGrade], ["hint", UI_TEXT.keyHint]);
  if (at.index > 0) items.push(["previousStep", LEARN_TEXT.keyPrevious]);
  items.push(["nextStep", at.index < STEPS.length - 1 ? LEARN_TEXT.keyNextStep : LEARN_TEXT.keyFinish]);
  items.push(["openContents", LEARN_TEXT.keyContents], ["back", UI_TEXT.keyBack], ["help", UI_TEXT.keyHelp]);
  const lines: string[] = [];
  let line = "";
  for (const [action, label] of items) {
    const item = `${primaryKey(action)} ${label[lang]}`;
    if (line !== "" && displayWidth(line) + 2 + displayWidth(item) > columns) {
      lines.push(line);
      line = item;
    } else {
      line = line === "" ? item : `${line}  ${item}`;
    }
  }
  lines.push(line);
  return lines;
}

const STATUS: Record<Lang, RegExp> = {
  ja: /^(\d+)–(\d+) 行目 \/ (\d+) 行・PgUp\/PgDn$/,
  en: /^Lines (\d+)–(\d+) of (\d+) · PgUp\/PgDn$/,
};

const SIZES = [
  [40, 15],
  [80, 24],
] as const;

describe.each(["ja", "en"] as const)("Learn in %s: what is drawn is exactly the step's lines, the status and the keys", (lang) => {
  test.each(SIZES)(
    "every step at %i×%i, first and after each PgDn",
    async (columns, rows) => {
      let scrolledPages = 0;
      for (const at of STEPS) {
        const where = `step ${at.index + 1} (${at.step.id}) at ${columns}×${rows} in ${lang}`;
        // The whole step, from a terminal tall enough that nothing scrolls.
        const tall = await learnAt(at, lang, columns, 400);
        const whole = tall.frame().split("\n");
        tall.unmount();
        const keyBar = expectedKeyBar(at, lang, columns);
        expect(whole.slice(-keyBar.length), where).toEqual(keyBar);

        // The step's prose is whole[1..prose]; an unanswered check follows it after a blank line, up
        // to the last line before the key bar. Where the whole step does not fit, the check is
        // pinned under the prose (and the status counts the prose alone), or, when there is no room
        // for that, the step opens scrolled down to the check: go back to its top first.
        const heading = whole.indexOf(LEARN_TEXT.check[lang]);
        const prose = at.step.check ? heading - 2 : -1;
        let end = whole.length - keyBar.length - 1;
        while (end > 0 && whole[end] === "") end--;
        const checkLines = at.step.check ? whole.slice(prose + 1, end + 1) : [];

        const { frame, press } = await learnAt(at, lang, columns, rows);
        const firstShown = () =>
          Number(
            STATUS[lang].exec(
              frame()
                .split("\n")
                .at(-keyBar.length - 1) ?? "",
            )?.[1] ?? 1,
          );
        for (let i = 0; i < 30 && firstShown() > 1; i++) await press(KEYS.pageUp);
        let previousFrom = 0;
        for (let page = 0; page < 20; page++) {
          const lines = frame().split("\n");
          const here = `${where}, page ${page + 1}:\n${frame()}`;
          expect(lines.length, here).toBeLessThan(rows);
          for (const line of lines) expect(displayWidth(line), `${here}\nline: ${line}`).toBeLessThanOrEqual(columns);
          expect(lines[0], here).toBe(whole[0]);
          expect(lines.slice(-keyBar.length), here).toEqual(keyBar);
          const statusLine = lines[lines.length - keyBar.length - 1] ?? "";
          const status = STATUS[lang].exec(statusLine);
          if (!status) {
            // Fits: no status line, and the body is the whole step.
            expect(page, `${here}\nno status line after scrolling`).toBe(0);
            expect(lines.slice(1, -keyBar.length), here).toEqual(whole.slice(1, lines.length - keyBar.length));
            break;
          }
          const [from, to, total] = status.slice(1).map(Number) as [number, number, number];
          const pinned = at.step.check !== undefined && at.step.check !== null && total === prose;
          const pinnedLines = pinned ? checkLines.length : 0;
          const body = lines.slice(1, lines.length - keyBar.length - 1 - pinnedLines);
          if (pinned) {
            // The check, whole, between the prose and the status line.
            expect(lines.slice(lines.length - keyBar.length - 1 - pinnedLines, lines.length - keyBar.length - 1), here).toEqual(checkLines);
          }
          // The status names exactly the lines on show, the body fills every row it has, and they
          // are the step's own lines in order.
          expect(to - from + 1, here).toBe(body.length);
          expect(lines.length, `${here}\nthe frame uses the terminal's height less one`).toBe(rows - 1);
          expect(from, here).toBeGreaterThan(previousFrom);
          expect(to, here).toBeLessThanOrEqual(total);
          expect(body, here).toEqual(whole.slice(from, to + 1));
          // Beyond the step's last line the tall frame is empty up to its key bar.
          expect(
            whole.slice(total + 1 + pinnedLines, -keyBar.length).every((l) => l === ""),
            `${where}: total ${total}`,
          ).toBe(true);
          if (to === total) break;
          previousFrom = from;
          scrolledPages++;
          await press(KEYS.pageDown);
        }
      }
      // The shipped course has steps taller than both sizes: the scrolled case was really seen.
      expect(scrolledPages).toBeGreaterThan(rows < 20 ? STEPS.length : 0);
    },
    120_000,
  );
});
