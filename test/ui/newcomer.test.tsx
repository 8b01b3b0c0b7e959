// What a newcomer runs into in the full-screen trainer: Enter on an empty field, and a stale
// "could not read it" after typing again.
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import { createProgressStore } from "../../src/progress";
import { courseSteps } from "../../src/engine/course-steps";
import { KEYS, NOW, renderTrainer } from "./harness";

describe("Enter on an empty answer", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`says to type an answer first, and the message goes once something is typed (${lang})`, async () => {
      const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2, lang });
      const first = lang === "en" ? "Type an answer first." : "先に答えを入力してください。";
      await t.press(KEYS.enter);
      expect(t.frame()).toContain(first);
      expect(t.store.getState().attempts).toHaveLength(0);
      await t.type("0");
      expect(t.frame()).not.toContain(first);
      t.unmount();
    });
  }
});

describe("a stale 'could not read it'", () => {
  it("is cleared once the learner types, deletes or clears again", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2 });
    await t.type("0.8#1");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("could not read it");
    await t.press(KEYS.backspace);
    expect(t.frame()).not.toContain("could not read it");
    await t.type("#");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("could not read it");
    await t.press(KEYS.ctrlU);
    expect(t.frame()).not.toContain("could not read it");
    t.unmount();
  });
});

describe("the worked solution", () => {
  const count = (frame: string) => frame.split("Worked solution:").length - 1;

  it("shows once after every hint and then an answer", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2, rows: 60 });
    for (let i = 0; i < 8; i++) await t.press("h");
    expect(count(t.frame())).toBe(1);
    expect(t.frame()).toContain("No more hints: that was the worked solution.");
    expect(t.frame()).not.toMatch(/solution is above/);
    await t.type("0.123");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✗ not correct");
    expect(count(t.frame())).toBe(1);
    t.unmount();
  });

  it("shows once after every hint and then a skip", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2, rows: 60 });
    for (let i = 0; i < 8; i++) await t.press("h");
    await t.press(KEYS.tab);
    expect(count(t.frame())).toBeLessThanOrEqual(1);
    t.unmount();
  });
});

describe("the worked solution in a Learn exercise", () => {
  const count = (frame: string) => frame.split("Worked solution:").length - 1;

  it("shows once after every hint and then an answer", async () => {
    const loaded = loadContent(["content"], process.cwd());
    if (!loaded.ok) throw new Error("the shipped content does not load");
    const steps = courseSteps(loaded.course);
    const at = steps.find((s) => s.step.check?.kind === "exercise")!;
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
    const t = await renderTrainer({ course: loaded.course, store, initial: "learn", rows: 80 });
    for (let i = 0; i < 8; i++) await t.press("h");
    expect(count(t.frame())).toBe(1);
    await t.type("0.123");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✗ not correct");
    expect(count(t.frame())).toBe(1);
    t.unmount();
  });
});

describe("Esc out of a practice session", () => {
  it("shows the end screen with the session's mistakes, and Enter starts another round", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 3 });
    await t.type("0.01");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✗ not correct");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("Finished");
    expect(t.frame()).toContain("Mistakes this session");
    expect(t.frame()).toMatch(/- Question 1: you answered 0\.01\./);
    expect(t.frame()).toContain("Enter another round");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Question 1 of 3");
    expect(t.frame()).not.toContain("Mistakes this session");
    // Nothing answered in this round: Esc goes straight back to Home.
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("q  Quit");
    t.unmount();
  });

  it("in Japanese, and from Review too", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 3, lang: "ja" });
    await t.type("0.01");
    await t.press(KEYS.enter);
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("この回の間違い");
    expect(t.frame()).toContain("問題 1: 0.01 と答えました。");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("q  終了");
    t.unmount();
  });
});

describe("a wide terminal", () => {
  it("Home shows every skill name whole at 120×40", async () => {
    const loaded = loadContent(["content"], process.cwd());
    if (!loaded.ok) throw new Error("the shipped content does not load");
    const t = await renderTrainer({ course: loaded.course, columns: 120, rows: 40 });
    for (const skill of loaded.course.skills) expect(t.frame()).toContain(skill.title.en);
    expect(t.frame()).not.toContain("…");
    t.unmount();
  });
});

describe("Explore in a tall terminal", () => {
  it("the plot grows with the height (40 rows draw more plot than 24)", async () => {
    const plotLines = async (rows: number) => {
      const t = await renderTrainer({ initial: "explore", columns: 100, rows });
      // Plot rows are the lines with braille or axis characters between the header and the texts.
      const n = t
        .frame()
        .split("\n")
        .filter((l) => /[\u2800-\u28ff│┤┼]/u.test(l)).length;
      t.unmount();
      return n;
    };
    const small = await plotLines(24);
    const tall = await plotLines(40);
    expect(tall).toBeGreaterThan(small + 10);
  });
});
