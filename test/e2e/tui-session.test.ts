// The built CLI in a real pseudo-terminal (tmux, CI unset): the full-screen trainer starts, a
// question is answered right (computed from the x on screen), the feedback shows, and the learner
// quits; at 80×24 and 40×15, in English and Japanese. Also: a resize mid-question keeps the typed
// answer, and Ctrl+C exits 0 with the attempt saved.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sigmoid } from "../../src/core/sigmoid";
import { CLI, runCli } from "../support/cli";
import { Terminal } from "../support/tmux";

const open: Terminal[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), "st-tui-"));
}

function start(args: string[], columns: number, rows: number, env: Record<string, string> = {}): Terminal {
  const t = Terminal.start(["node", CLI, ...args], { columns, rows, env: { LANG: "C.UTF-8", TERM: "xterm-256color", ...env } });
  open.push(t);
  return t;
}

/** The x of the question on screen (prompts say "x = 1.386" in both languages; lines may wrap). */
function shownX(screen: string): number {
  const match = /x = ([−-]?[\d.]+)/.exec(screen.replace(/\s+/g, " "));
  if (!match) throw new Error(`no x on the screen:\n${screen}`);
  return Number(match[1]!.replace("−", "-"));
}

/** σ(x) to 3 significant figures, as the sigmoid-value questions ask. */
function rightAnswerOn(screen: string): string {
  return sigmoid(shownX(screen)).toPrecision(3);
}

/** The frame never fills the terminal: Ink would clear the screen on every update. */
function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, "").split("\n");
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

async function statsOf(dir: string): Promise<{ attempts: number; correct: number }> {
  const r = await runCli(["stats", "--json", "--data-dir", dir]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const SESSION = ["practice", "--skill", "sigmoid-value", "--count", "2", "--seed", "3"];

describe("the full-screen trainer in a terminal", () => {
  for (const [columns, rows, lang] of [
    [80, 24, "en"],
    [40, 15, "en"],
    [80, 24, "ja"],
    [40, 15, "ja"],
  ] as const) {
    it(`starts, answers a question, shows the feedback and quits at ${columns}×${rows} (${lang})`, async () => {
      const dir = dataDir();
      const t = start([...SESSION, "--data-dir", dir, "--lang", lang], columns, rows);
      const question = await t.waitFor(lang === "en" ? "Question 1 of 2" : "問題 1 / 2");
      expectFits(question, columns, rows);
      t.type(rightAnswerOn(question));
      t.send("Enter");
      const feedback = await t.waitFor(lang === "en" ? "✓ correct" : "✓ 正解");
      expect(feedback).toMatch(lang === "en" ? /Comes back in/ : /後にもう一度出題します/);
      expectFits(feedback, columns, rows);
      // Esc ends the session (its end screen, with the mistakes), Esc again to Home (a lone Esc
      // reaches the app after a short delay), then q quits.
      t.send("Escape");
      await t.waitFor(lang === "en" ? "another round" : "もう 1 回");
      t.send("Escape");
      await t.waitFor(lang === "en" ? "q  Quit" : "q  終了");
      t.send("q");
      const end = await t.waitFor(/\[exit \d+\]/);
      expect(end).toContain("[exit 0]");
      expect(end).toMatch(lang === "en" ? /Your answers are saved in/ : /回答は .* に保存しました/);
      expect(await statsOf(dir)).toMatchObject({ attempts: 1, correct: 1 });
    });
  }

  it("keeps the typed answer through a resize mid-question, even below the minimum and back", async () => {
    const dir = dataDir();
    const t = start([...SESSION, "--data-dir", dir, "--lang", "en"], 80, 24);
    const question = await t.waitFor("Question 1 of 2");
    const answer = rightAnswerOn(question);
    t.type(answer.slice(0, 3));
    await t.waitFor(`Answer: ${answer.slice(0, 3)}`);
    t.resize(40, 15);
    // Redrawn for 40 columns (the key bar wraps before "? help", which tmux alone would not do),
    // with the answer still there. Ink first redraws the old tree at the new width for one frame.
    const narrow = await t.waitFor(new RegExp(`Answer: ${answer.slice(0, 3).replace(".", "\\.")}[\\s\\S]*Esc back *\\n\\? help`));
    expectFits(narrow, 40, 15);
    t.resize(36, 12);
    const small = await t.waitFor("too small");
    expect(small.replace(/\s+/g, " ")).toContain("Terminal too small (need 40×15, have 36×12).");
    t.resize(80, 24);
    await t.waitFor(`Answer: ${answer.slice(0, 3)}`);
    t.type(answer.slice(3));
    t.send("Enter");
    await t.waitFor("✓ correct");
  });

  it("Ctrl+C exits 0 with the terminal restored and the attempt saved", async () => {
    const dir = dataDir();
    const t = start([...SESSION, "--data-dir", dir, "--lang", "en"], 80, 24);
    const question = await t.waitFor("Question 1 of 2");
    t.type("0.01");
    t.send("Enter");
    await t.waitFor("✗ not correct");
    t.send("C-c");
    const end = await t.waitFor(/\[exit \d+\]/);
    expect(end).toContain("[exit 0]");
    expect(shownX(question)).toBeTypeOf("number");
    expect(await statsOf(dir)).toMatchObject({ attempts: 1, correct: 0 });
  });

  it("opens Home with no command, and q quits", async () => {
    const dir = dataDir();
    const t = start(["--data-dir", dir, "--lang", "en"], 80, 24);
    const home = await t.waitFor("q  Quit");
    expect(home).toContain("σ The derivative of the sigmoid");
    expectFits(home, 80, 24);
    t.send("q");
    expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
  });

  it("draws no colour or style at all with NO_COLOR or --no-color, and colour without", async () => {
    const styled = (env: Record<string, string>, extra: string[] = []) => {
      // capture-pane -e keeps the colours and styles the program set; a separate tmux server for it.
      const socket = `st-colour-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
      const vars = Object.entries({ LANG: "C.UTF-8", TERM: "xterm-256color", ...env }).map(([k, v]) => `${k}=${v}`);
      tmux(
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "80",
        "-y",
        "24",
        ["env", "-u", "CI", ...vars, "node", CLI, "--data-dir", dataDir(), "--lang", "en", ...extra, "; sleep 30"].join(" "),
      );
      return async () => {
        try {
          for (let i = 0; i < 300; i++) {
            const screen = tmux("capture-pane", "-p", "-e", "-t", "t");
            if (screen.includes("Quit")) return screen;
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error("Home did not appear");
        } finally {
          tmux("kill-server");
        }
      };
    };
    const [plain, flag, coloured] = await Promise.all([styled({ NO_COLOR: "1" })(), styled({}, ["--no-color"])(), styled({})()]);
    expect(plain).not.toContain("\u001B[");
    expect(flag).not.toContain("\u001B[");
    expect(coloured).toContain("\u001B[");
  });
});
