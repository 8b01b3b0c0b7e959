// The full-screen trainer as a newcomer uses it, in a real pseudo-terminal (tmux, CI unset), at
// 80×24 and 40×15, in English and Japanese: keys that arrive together in one write all act.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import { courseSteps } from "../../src/engine/course-steps";
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

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error("the shipped content does not load");
const firstCheck = courseSteps(loaded.course)[0]!.step.check;
if (firstCheck?.kind !== "choice") throw new Error("the course's first step has no choice check");
/** 0-based. */
const FIRST_CHOICE_ANSWER = firstCheck.answer;

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
      await t.waitFor(lang === "en" ? "Seed, file or join address:" : "シード・ファイル・参加アドレス:");
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

describe("leaving a practice session with Esc", () => {
  for (const [columns, rows, lang] of SIZES) {
    it(`shows the end screen with the session's mistakes and offers another round at ${columns}×${rows} (${lang})`, async () => {
      const t = start(["practice", "--skill", "sigmoid-value", "--count", "3", "--seed", "3", "--lang", lang], columns, rows);
      await t.waitFor(lang === "en" ? "Question 1 of 3" : "問題 1 / 3");
      t.type("0.001");
      t.send("Enter");
      await t.waitFor(lang === "en" ? "✗ not correct" : "✗ 不正解");
      t.send("Escape");
      const end = await t.waitFor(lang === "en" ? "another round" : "もう 1 回");
      expect(end).toContain(lang === "en" ? "Mistakes this session" : "この回の間違い");
      t.send("Enter");
      await t.waitFor(lang === "en" ? "Question 1 of 3" : "問題 1 / 3");
      t.send("C-c");
      expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
    });
  }
});

describe("Enter after a choice check in Learn", () => {
  for (const [columns, rows, lang] of SIZES) {
    it(`goes on to the next step once the choice is answered right at ${columns}×${rows} (${lang})`, async () => {
      const t = start(["learn", "--lang", lang], columns, rows);
      await t.waitFor(lang === "en" ? "Step 1 of" : "ステップ 1 /");
      // Step 1's check, answered right: its number key, then Enter, in one write.
      t.press(String(FIRST_CHOICE_ANSWER + 1), "Enter");
      await t.waitFor("✓");
      await t.waitFor(lang === "en" ? "Enter next step" : "Enter 次へ");
      t.send("Enter");
      await t.waitFor(lang === "en" ? "Step 2 of" : "ステップ 2 /");
      t.send("C-c");
      expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
    });
  }
});

describe("finding one's way in Learn", () => {
  const LAST = courseSteps(loaded.course).length;
  for (const [columns, rows, lang] of SIZES) {
    it(`the list of steps opens a step, and past the last step is the end of the course at ${columns}×${rows} (${lang})`, async () => {
      const t = start(["learn", "--lang", lang], columns, rows);
      await t.waitFor(lang === "en" ? "Step 1 of" : "ステップ 1 /");
      t.send("Tab");
      await t.waitFor(lang === "en" ? "All steps" : "ステップ一覧");
      // To the last step of the list in one write, then open it.
      t.press(...Array.from({ length: LAST - 1 }, () => "Down"), "Enter");
      await t.waitFor(lang === "en" ? `Step ${LAST} of ${LAST}` : `ステップ ${LAST} / ${LAST}`);
      t.send("Right");
      const end = await t.waitFor(lang === "en" ? "You have finished the course." : "コースを最後まで終えました。");
      expect(end).toContain(lang === "en" ? "Practise these next" : "次に練習するとよいスキル");
      t.send("C-c");
      expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
    });
  }
});
