// Home: the menu by arrows, j/k, Enter and shortcut letters; progress bars and reviews due from the store.
import { describe, expect, it } from "vitest";
import { createProgressStore, reviewQueue } from "../../src/progress";
import { KEYS, NOW, renderTrainer } from "./harness";

/** The menu line the pointer is on, e.g. "› p  Practice". */
function selectedItem(frame: string): string {
  const line = frame.split("\n").find((l) => l.includes("›"));
  return line ? line.slice(line.indexOf("›")).replace(/\s+/g, " ").trim() : "";
}

const attempt = (templateId: string, skill: string, verdict: "correct" | "incorrect") => ({
  templateId,
  skill,
  seed: 1,
  params: { x: 2 },
  part: 0,
  parts: 1,
  answer: "0.88",
  verdict,
  mistake: null,
  hints: 0,
  ms: 4000,
  mode: "practice" as const,
});

describe("Home", () => {
  it("shows the course title with σ, every menu item with its shortcut letter, and the keys", async () => {
    const t = await renderTrainer();
    const frame = t.frame();
    expect(frame.split("\n")[0]).toBe("σ Fixture course");
    for (const item of ["l  Learn", "p  Practice", "r  Review", "t  Quiz", "e  Explore", "s  Stats", "o  Settings", "q  Quit"]) {
      expect(frame).toContain(item);
    }
    expect(frame).toContain("? help");
    expect(selectedItem(frame)).toBe("› l Learn");
  });

  it("moves the selection with arrows and j/k, wrapping at the ends", async () => {
    const t = await renderTrainer();
    await t.press(KEYS.down);
    expect(selectedItem(t.frame())).toBe("› p Practice");
    await t.press("j", "j");
    expect(selectedItem(t.frame())).toBe("› t Quiz");
    await t.press("k");
    expect(selectedItem(t.frame())).toBe("› r Review");
    await t.press(KEYS.up, KEYS.up);
    expect(selectedItem(t.frame())).toBe("› l Learn");
    await t.press(KEYS.up);
    expect(selectedItem(t.frame())).toBe("› q Quit");
    await t.press(KEYS.down);
    expect(selectedItem(t.frame())).toBe("› l Learn");
  });

  it("opens the selected item with Enter and comes back with Esc, the selection kept", async () => {
    const t = await renderTrainer();
    await t.press(KEYS.down, KEYS.down, KEYS.down);
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Your name:");
    await t.press(KEYS.escape);
    expect(selectedItem(t.frame())).toBe("› t Quiz");
  });

  it("opens screens by their shortcut letters", async () => {
    const t = await renderTrainer();
    await t.press("o");
    expect(t.frame()).toContain("Language: English (en)");
    await t.press(KEYS.escape, "p");
    expect(t.frame()).toContain("Question 1 of");
    await t.press(KEYS.escape, "r");
    expect(t.frame()).toContain("Nothing is due for review right now.");
    await t.press(KEYS.escape, "t");
    expect(t.frame()).toContain("Your name:");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("σ Fixture course");
  });

  it("draws progress bars from the attempts in the store, and counts reviews due", async () => {
    const store = createProgressStore({ dataDir: null, now: () => new Date(NOW.getTime() - 3 * 86_400_000) });
    store.getState().recordAttempt(attempt("fx-sigmoid", "sigmoid-value", "correct"));
    store.getState().recordAttempt(attempt("fx-derivative", "derivative-value", "incorrect"));
    store.getState().setLessonPosition("first", 1);
    const t = await renderTrainer({ store });
    const line = (label: string) =>
      t
        .frame()
        .split("\n")
        .find((l) => l.startsWith(label)) ?? "";
    expect(line("sigmoid-value")).toMatch(/ █+ 1\/1 /);
    // A wrong answer is not progress: 0 of the skill's 2 exercises answered right.
    expect(line("derivative-value")).toMatch(/ ░+ 0\/2 /);
    // Lesson "first" on its second step: both of its steps seen, of 3 in the chapter.
    expect(line("Chapter ")).toMatch(/ █+░+ 2\/3 /);
    // The count is what Review would ask now (the scheduler's queue at the screen's clock).
    const due = reviewQueue(store.getState().cards, store.getState().ratings, NOW).length;
    expect(due).toBeGreaterThan(0);
    // The same words and figure as Stats: the queue for today.
    expect(t.frame()).toContain(`Reviews for today: ${due}`);
  });

  it("with a fresh store shows no progress and no reviews due", async () => {
    const t = await renderTrainer();
    expect(t.frame()).toContain("No reviews for today");
    expect(t.frame()).not.toContain("█");
  });
});
