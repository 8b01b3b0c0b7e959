// Keys that arrive together (a held-down key, a fast typist, tmux send-keys, SSH): Ink hands the
// whole chunk over as one input. Every key in it must act, in order, in every field and menu.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import type { Course } from "../../src/content/model";
import { NO_KEY, splitKeys } from "../../src/ui/keypress";
import { courseSteps } from "../../src/engine/course-steps";
import { createProgressStore } from "../../src/progress";
import { KEYS, NOW, renderTrainer, tick } from "./harness";

/** The Answer line of a frame, trimmed ("Answer: 12"). */
function answerLine(frame: string): string {
  return (
    frame
      .split("\n")
      .find((l) => l.startsWith("Answer:"))
      // The caret drawn without colour.
      ?.replace("▏", "")
      .trim() ?? "(no answer line)"
  );
}

describe("splitKeys", () => {
  it("splits a chunk of plain characters into one key per character, in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.−-abcxyzσ０．"), minLength: 2, maxLength: 20 }), (text) => {
        const keys = splitKeys(text, NO_KEY);
        expect(keys.map((k) => k.input).join("")).toBe(text);
        expect(keys).toHaveLength([...text].length);
      }),
    );
  });

  it("names Backspace, Enter, Tab and Ctrl+letters inside a chunk as Ink names them alone", () => {
    const keys = splitKeys("1\u007F\b\r\t\u0015x", NO_KEY);
    expect(keys.map((k) => k.input)).toEqual(["1", "", "", "", "", "u", "x"]);
    expect(keys[1]!.key.delete).toBe(true);
    expect(keys[2]!.key.backspace).toBe(true);
    expect(keys[3]!.key.return).toBe(true);
    expect(keys[4]!.key.tab).toBe(true);
    expect(keys[5]!.key.ctrl).toBe(true);
  });

  it("leaves a key Ink has named alone (an arrow, a single character)", () => {
    const up = { ...NO_KEY, upArrow: true };
    expect(splitKeys("", up)).toEqual([{ input: "", key: up }]);
    expect(splitKeys("a", NO_KEY)).toEqual([{ input: "a", key: NO_KEY }]);
  });
});

describe("a chunk of keys in the full-screen trainer", () => {
  const practice = () => renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2 });

  it("types 12345 then three Backspaces sent in one write: the field shows 12", async () => {
    const t = await practice();
    await t.press("12345");
    await t.press(KEYS.backspace.repeat(3));
    expect(answerLine(t.frame())).toBe("Answer: 12");
    await t.press(`9${KEYS.backspace}${KEYS.backspace}${KEYS.backspace}7`);
    expect(answerLine(t.frame())).toBe("Answer: 7");
    t.unmount();
  });

  it("a long chunk (a paste of 120 keys) acts key by key, to the end", async () => {
    const t = await practice();
    // Ink draws at most so many frames a second: wait for the last key's frame.
    const shows = async (line: string) => {
      for (let i = 0; i < 200 && answerLine(t.frame()) !== line; i++) await tick(10);
      expect(answerLine(t.frame()), t.frame()).toBe(line);
    };
    await t.press(`${"9".repeat(70)}${KEYS.backspace.repeat(50)}`);
    await shows(`Answer: ${"9".repeat(20)}`);
    await t.press(`${KEYS.ctrlU}0.5`);
    await shows("Answer: 0.5");
    await t.press(`${KEYS.backspace.repeat(3)}${"8".repeat(30)}${KEYS.backspace.repeat(29)}`);
    await shows("Answer: 8");
    t.unmount();
  });

  it("Ctrl+U followed straight away by text clears the field first", async () => {
    const t = await practice();
    await t.type("0.5");
    await t.press(`${KEYS.ctrlU}0.88`);
    expect(answerLine(t.frame())).toBe("Answer: 0.88");
    t.unmount();
  });

  it("an answer and Enter in one write are graded; the keys behind Enter reach the next question", async () => {
    const t = await practice();
    await t.press(`0.5${KEYS.enter}`);
    expect(t.frame()).toMatch(/✓ correct|✗ not correct/);
    expect(t.store.getState().attempts).toHaveLength(1);
    await t.press(`${KEYS.enter}0.7`);
    expect(t.frame()).toContain("Question 2 of 2");
    expect(answerLine(t.frame())).toBe("Answer: 0.7");
    t.unmount();
  });

  it("on Home, j j Enter in one write opens the third item, and text typed behind it lands in its field", async () => {
    const t = await renderTrainer({ skills: ["sigmoid-value"], count: 2 });
    expect(t.frame()).toContain("› l");
    await t.press("jj");
    expect(t.frame()).toContain("› r");
    await t.press(`${KEYS.up}`);
    await t.press(`${KEYS.enter}0.25`);
    expect(t.frame()).toContain("Question 1 of 2");
    expect(answerLine(t.frame())).toBe("Answer: 0.25");
    t.unmount();
  });

  it("in a Learn exercise, a chunk with Backspaces and Ctrl+U edits the field in order", async () => {
    const loaded = loadContent(["content"], process.cwd());
    if (!loaded.ok) throw new Error("the shipped content does not load");
    const course: Course = loaded.course;
    const steps = courseSteps(course);
    const at = steps.find((s) => s.step.check?.kind === "exercise")!;
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
    const t = await renderTrainer({ course, store, initial: "learn", rows: 40 });
    await t.press(`0.77${KEYS.backspace}${KEYS.backspace}5`);
    expect(t.frame()).toContain("Answer: 0.5");
    await t.press(`${KEYS.ctrlU}0.9`);
    expect(t.frame()).toContain("Answer: 0.9");
    expect(t.frame()).not.toContain("Answer: 0.50.9");
    // A long chunk here too, where each key also re-measures the step's layout.
    await t.press(`${KEYS.ctrlU}${"7".repeat(40)}${KEYS.backspace.repeat(39)}`);
    for (let i = 0; i < 200 && !t.frame().includes("Answer: 7\n") && !/Answer: 7[▏ ]*\n/.test(t.frame()); i++) await tick(10);
    expect(t.frame()).toMatch(/Answer: 7[▏ ]*\n/);
    t.unmount();
  });
});
