// A quiz started from Home: the name (remembered in the settings), then the seed or the session
// file, then the quiz on the same screen, its result file in the data directory.
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import { readName, readQuizSource, sanitizeForTerminal } from "../../src/ui/quiz-setup";
import { tempDir } from "../quiz/helpers";
import { KEYS, NOW, renderTrainer } from "./harness";

function trainerWithData(lang: "en" | "ja" = "en") {
  const dir = tempDir("ui-quiz-setup-");
  const store = createProgressStore({ dataDir: dir, now: () => NOW });
  return { dir, store, lang };
}

describe("a quiz from Home", () => {
  it("asks the name, then the seed, then starts the quiz on the same screen and writes the result file", async () => {
    const { dir, store } = trainerWithData();
    const t = await renderTrainer({ store });
    await t.press("t");
    expect(t.frame()).toContain("Your name:");
    expect(t.frame()).toContain("Enter next");
    await t.type("Ann");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Seed, file or join address:");
    await t.type("42");
    await t.press(KEYS.enter);
    expect(t.frame()).toMatch(/Quiz for Ann: \d+ questions? \(seed 42\)/);
    expect(t.frame()).toContain("Question 1 of");
    expect(readdirSync(join(dir, "quiz-results")).some((f) => f.startsWith("Ann-42-"))).toBe(true);
    expect(store.getState().settings.name).toBe("Ann");
    // One Esc does not end it; a second does, and the end screen says where the result is.
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("Press Esc again to end the quiz");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("Quiz ended early");
    expect(t.frame()).toContain("Your result is saved");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("q  Quit");
    // The name is remembered: the next quiz starts with it filled in.
    await t.press("t");
    expect(t.frame()).toContain("Your name: Ann");
    t.unmount();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`${lang}: its end screen says Enter or Esc goes back to Home (not quit), and Enter does`, async () => {
      const { store } = trainerWithData(lang);
      const t = await renderTrainer({ store, lang });
      await t.press("t");
      await t.type("Ann");
      await t.press(KEYS.enter);
      await t.type("42");
      await t.press(KEYS.enter);
      await t.press(KEYS.escape, KEYS.escape);
      const end = t.frame();
      const lastLine = end.trimEnd().split("\n").at(-1) ?? "";
      if (lang === "en") {
        expect(end).toContain("Quiz ended early");
        expect(end).toContain("Enter or Esc: back to Home.");
        expect(end).not.toContain("quit");
        expect(lastLine).toContain("Esc Home");
      } else {
        expect(end).toContain("クイズを途中で終えました");
        expect(end).toContain("Enter か Esc でホームに戻ります。");
        expect(end).not.toContain("終了");
        expect(lastLine).toContain("Esc ホームへ");
      }
      await t.press(KEYS.enter);
      expect(t.frame()).toContain(lang === "en" ? "q  Quit" : "q  終了");
      t.unmount();
    });
  }

  it("says what is wrong with the seed or file, and the message goes once the learner types again", async () => {
    const { store } = trainerWithData();
    const t = await renderTrainer({ store });
    await t.press("t");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Type your name first.");
    await t.type("B");
    expect(t.frame()).not.toContain("Type your name first.");
    await t.press(KEYS.enter);
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Type the seed (a whole number) or the path of the session file.");
    await t.type("no-such-file.yaml");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("There is no file no-such-file.yaml.");
    await t.press(KEYS.backspace);
    expect(t.frame()).not.toContain("There is no file");
    t.unmount();
  });

  it("in Japanese too", async () => {
    const { store } = trainerWithData();
    const t = await renderTrainer({ store, lang: "ja" });
    await t.press("t");
    expect(t.frame()).toContain("名前:");
    await t.type("花子");
    await t.press(KEYS.enter);
    await t.type("7");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("花子 さんのクイズ");
    t.unmount();
  });
});

describe("reading what was typed", () => {
  it("takes a seed in ASCII or full-width digits, and a session file by its path", async () => {
    expect(await readQuizSource("42", "/", [])).toMatchObject({ ok: true, value: { seed: 42 } });
    expect(await readQuizSource("４２", "/", [])).toMatchObject({ ok: true, value: { seed: 42 } });
    expect(await readQuizSource("99999999999", "/", [])).toMatchObject({ ok: false });
    const dir = tempDir("ui-quiz-config-");
    writeFileSync(join(dir, "s.yaml"), "seed: 9\ncount: 3\n");
    expect(await readQuizSource("s.yaml", dir, [])).toMatchObject({ ok: true, value: { seed: 9, count: 3 } });
    writeFileSync(join(dir, "bad.yaml"), "seed: nine\n");
    const bad = await readQuizSource("bad.yaml", dir, []);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.en).toMatch(/bad\.yaml:1:\d+/);
  });

  it("refuses a FIFO or a directory typed as the session file instead of waiting on it", async () => {
    const dir = tempDir("ui-quiz-fifo-");
    execFileSync("mkfifo", [join(dir, "s.yaml")]);
    const fifo = await readQuizSource("s.yaml", dir, []);
    expect(fifo).toMatchObject({ ok: false });
    if (!fifo.ok) expect(fifo.message.en).toMatch(/Cannot read s\.yaml \(not a regular file\)/);
    expect(await readQuizSource(".", dir, [])).toMatchObject({ ok: false });
  });

  it("trims a name, refuses an empty or overlong one, and never shows control characters", () => {
    expect(readName("  Ann ")).toEqual({ ok: true, value: "Ann" });
    expect(readName("   ").ok).toBe(false);
    expect(readName("x".repeat(81)).ok).toBe(false);
    expect(sanitizeForTerminal("a\u001b[31mb\nc\u202e")).toBe("a\\x1B[31mb\nc\\u202E");
  });

  it("refuses a name that could pass for another learner's, as --name does (bidi, invisible, control)", () => {
    for (const twin of ["\u202eboB", "B\u200bob", "Bo\u00adb", "B\u2066ob", "Bob\u0007"]) {
      const read = readName(twin);
      expect(read.ok, JSON.stringify(twin)).toBe(false);
      if (!read.ok) expect(read.message.en).toMatch(/could pass for another name/);
    }
    const zeroWidth = readName("B\u200bob");
    if (!zeroWidth.ok) expect(zeroWidth.message.ja).toContain("\\u200B、2 文字目");
  });
});
