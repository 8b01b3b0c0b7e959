// Settings (language switch, ASCII formulas), Help, TooSmall and the frame height.
import { describe, expect, it } from "vitest";
import { UI_TEXT } from "../../src/ui/strings";
import { KEYS, renderTrainer } from "./harness";

describe("Settings", () => {
  it("switches every text to Japanese at once and saves the choice", async () => {
    const t = await renderTrainer({ skills: ["sigmoid-value"] });
    await t.press("o");
    expect(t.frame()).toContain("› Language: English (en)");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("› 言語: 日本語 (ja)");
    expect(t.frame()).toContain("σ 設定");
    expect(t.store.getState().settings.lang).toBe("ja");
    await t.press(KEYS.escape);
    const home = t.frame();
    for (const ja of [
      "学ぶ",
      "練習",
      "復習",
      "クイズ",
      "グラフで探る",
      "成績",
      "設定",
      "終了",
      "章（終えたステップ）",
      "スキル",
      "ヘルプ",
    ]) {
      expect(home).toContain(ja);
    }
    // No English UI text is left on Home.
    for (const text of Object.values(UI_TEXT)) {
      if (text.en !== text.ja && text.en.length > 3 && !text.en.includes("{")) expect(home).not.toContain(text.en);
    }
    await t.press("?");
    expect(t.frame()).toContain("キーの一覧");
    expect(t.frame()).toContain("前の画面に戻る");
    await t.press(KEYS.escape, "p");
    expect(t.frame()).toContain("問題 1 / ");
    expect(t.frame()).toContain("【Find σ(x) at x =");
    expect(t.frame()).toContain("採点");
  });

  it("switches back to English, and toggles ASCII formulas (saved) with Space", async () => {
    const t = await renderTrainer({ lang: "ja" });
    await t.press("o", KEYS.enter);
    expect(t.frame()).toContain("› Language: English (en)");
    await t.press(KEYS.down, " ");
    expect(t.frame()).toContain("> ASCII formulas: on");
    expect(t.store.getState().settings.ascii).toBe(true);
    await t.press(KEYS.escape);
    // ASCII marks and bars, and σ spelled out.
    expect(t.frame()).toContain("sigma Fixture course");
    expect(t.frame()).toContain("> o  Settings");
    expect(t.frame()).not.toMatch(/[σ›░█]/);
  });
});

describe("keys that arrive in one input chunk (typed fast, or pasted)", () => {
  it("Settings: ↓⏎ toggles the setting the arrow moved to, not the one before it", async () => {
    const t = await renderTrainer();
    await t.press("o");
    await t.press(KEYS.down + KEYS.enter);
    expect(t.store.getState().settings.lang).toBeNull();
    expect(t.store.getState().settings.ascii).toBe(true);
  });

  it("Home: ↓⏎ opens the item the arrow moved to (Practice), not Learn", async () => {
    const t = await renderTrainer({ skills: ["sigmoid-value"] });
    await t.press(KEYS.down + KEYS.enter);
    expect(t.frame()).toMatch(/Question 1 of/);
  });

  it("Help: three ↓ in one chunk scroll three lines", async () => {
    const t = await renderTrainer({ rows: 15, columns: 40 });
    await t.press("?");
    const before = t.frame().split("\n")[1];
    await t.press(KEYS.down.repeat(3));
    const oneByOne = await renderTrainer({ rows: 15, columns: 40 });
    await oneByOne.press("?", KEYS.down, KEYS.down, KEYS.down);
    expect(t.frame()).toBe(oneByOne.frame());
    expect(t.frame().split("\n")[1]).not.toBe(before);
  });
});

describe("Help", () => {
  it("opens with ? from any screen, lists the keys from the key map, scrolls, and closes with Esc", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"] });
    await t.type("0.5");
    await t.press("?");
    const frame = t.frame();
    expect(frame).toContain("σ Keys");
    expect(frame).toMatch(/\?\s+help \(this list of keys\)/);
    expect(frame).toMatch(/Esc\s+go back/);
    expect(frame).toMatch(/Ctrl\+C\s+save and quit/);
    expect(frame).not.toContain("move x right");
    await t.press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    expect(t.frame()).toMatch(/→\/l\s+move x right/);
    await t.press(KEYS.escape);
    // Back on the question, the typed answer kept and no ? typed into it.
    expect(t.frame()).toContain("Answer: 0.5▏");
  });
});

describe("Terminal size", () => {
  it("says the terminal is too small, with the sizes, below 40×15", async () => {
    const t = await renderTrainer({ columns: 39, rows: 20 });
    expect(t.frame().replace(/\s+/g, " ")).toContain("Terminal too small (need 40×15, have 39×20).");
    const u = await renderTrainer({ columns: 80, rows: 14, lang: "ja" });
    expect(u.frame()).toContain("端末が小さすぎます（40×15 以上が必要です。いまは 80×14 です）。");
  });

  it("keeps every frame shorter than the terminal and within its width, at 80×24 and 40×15", async () => {
    for (const [columns, rows] of [
      [80, 24],
      [40, 15],
    ] as const) {
      const t = await renderTrainer({ columns, rows, skills: ["sigmoid-value"] });
      const check = () => {
        const lines = t.frame().split("\n");
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
      };
      check();
      expect(t.frame()).toContain("p  Practice");
      await t.press("p");
      check();
      await t.press("h", "h", "h", "h");
      await t.type("0.01");
      await t.press(KEYS.enter);
      check();
      expect(t.frame()).toContain("✗ not correct");
      await t.press(KEYS.escape, "?");
      check();
      t.unmount();
    }
  });
});
