// The full-screen trainer as a newcomer uses it, in a real pseudo-terminal (tmux, CI unset), at
// 80×24 and 40×15, in English and Japanese: keys that arrive together in one write all act.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI } from "../support/cli";
import { Terminal } from "../support/tmux";

const open: Terminal[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function start(args: string[], columns: number, rows: number): Terminal {
  const dir = mkdtempSync(join(tmpdir(), "st-new-"));
  const t = Terminal.start(["node", CLI, ...args, "--data-dir", dir], { columns, rows, env: { LANG: "C.UTF-8", TERM: "xterm-256color" } });
  open.push(t);
  return t;
}

const SIZES = [
  [80, 24, "en"],
  [40, 15, "en"],
  [80, 24, "ja"],
  [40, 15, "ja"],
] as const;

/** The answer line's text ("Answer: 12" / "答え: 12"), the caret cell removed. */
function answerOn(screen: string, lang: "en" | "ja"): string | undefined {
  const label = lang === "en" ? "Answer: " : "答え: ";
  return screen
    .split("\n")
    .find((l) => l.startsWith(label))
    ?.slice(label.length)
    .replace(/[▏|]/g, "")
    .trim();
}

async function waitForAnswer(t: Terminal, lang: "en" | "ja", expected: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let screen = "";
  while (Date.now() < deadline) {
    screen = t.screen();
    if (answerOn(screen, lang) === expected) return screen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the answer line never read "${expected}"; screen was:\n${screen}`);
}

describe("keys that arrive together", () => {
  for (const [columns, rows, lang] of SIZES) {
    it(`12345 then three Backspaces in one write, and Ctrl+U followed by text, at ${columns}×${rows} (${lang})`, async () => {
      const t = start(["practice", "--skill", "sigmoid-value", "--count", "2", "--seed", "3", "--lang", lang], columns, rows);
      await t.waitFor(lang === "en" ? "Question 1 of 2" : "問題 1 / 2");
      t.type("12345");
      await waitForAnswer(t, lang, "12345");
      t.press("BSpace", "BSpace", "BSpace");
      await waitForAnswer(t, lang, "12");
      t.press("C-u", "0", ".", "9");
      await waitForAnswer(t, lang, "0.9");
      t.send("C-c");
      expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
    });
  }
});

describe("a quiz started from Home", () => {
  for (const [columns, rows, lang] of SIZES) {
    it(`t, a name typed, a seed, and the quiz runs on the same screen at ${columns}×${rows} (${lang})`, async () => {
      const t = start(["--lang", lang], columns, rows);
      await t.waitFor(lang === "en" ? "Quiz" : "クイズ");
      t.send("t");
      await t.waitFor(lang === "en" ? "Your name:" : "名前:");
      t.press("C-u");
      t.type(lang === "en" ? "Ann Lee" : "山田 花子");
      t.send("Enter");
      await t.waitFor(lang === "en" ? "Seed or file:" : "シードかファイル:");
      t.type("42");
      t.send("Enter");
      const quiz = await t.waitFor(lang === "en" ? "Quiz for Ann Lee" : "山田 花子 さんのクイズ");
      expect(quiz).toMatch(lang === "en" ? /Question 1 of/ : /問題 1 \//);
      t.send("C-c");
      expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
    });
  }

  it("`quiz` in a terminal without --name asks for the name instead of stopping", async () => {
    const t = start(["quiz", "--seed", "5", "--count", "2", "--lang", "en"], 80, 24);
    await t.waitFor("Your name");
    t.press("C-u");
    t.type("Ann");
    t.send("Enter");
    await t.waitFor("Quiz for Ann: 2 questions (seed 5).");
    t.send("C-c");
    expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
  });
});
