// `quiz --join` in the full-screen trainer, in a real pseudo-terminal (tmux, CI unset), against the
// built program's own `serve` on a free port: a learner answers every question of the session
// (several keys in one send-keys), sees the verdicts and the end screen, and the score below the
// last frame; in English and Japanese at 80×24. The right answers come from the questions an
// oracle learner of the same session is asked in JSON lines (everyone gets the same quiz).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { QUANTITIES, type QuantityId } from "../../src/core/quantities";
import { CLI, runCli } from "../support/cli";
import { Terminal } from "../support/tmux";
import { type Ready, type Spawned, startServer, stop, tempDir } from "./join-support";

const open: Terminal[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

let server: Spawned;
let ready: Ready;
/** The answers, one per question part, in the order they are asked. */
let answers: string[] = [];

beforeAll(async () => {
  ({ server, ready } = await startServer(["--seed", "5", "--count", "2", "--skill", "sigmoid-value"], tempDir("st-tui-join-db-")));
  const oracle = await runCli(["quiz", "--join", ready.join, "--name", "Oracle", "--json", "--data-dir", tempDir("st-tui-join-o-")], {
    input: "0\n0\n0\n0\n0\n0\n",
  });
  expect(oracle.code, oracle.stderr).toBe(0);
  answers = oracle.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; quantity: QuantityId; params: Record<string, number>; digits: number })
    .filter((l) => l.type === "question")
    .map((q) => QUANTITIES[q.quantity].expected(q.params).toPrecision(6));
  expect(answers.length).toBeGreaterThanOrEqual(2);
}, 120_000);

afterAll(async () => {
  if (server) await stop(server);
});

function start(name: string, lang: "en" | "ja"): Terminal {
  const t = Terminal.start(
    ["node", CLI, "quiz", "--join", ready.join, "--name", name, "--lang", lang, "--data-dir", tempDir("st-tui-join-")],
    {
      columns: 80,
      rows: 24,
      env: { LANG: "C.UTF-8", TERM: "xterm-256color", NO_COLOR: "1" },
    },
  );
  open.push(t);
  return t;
}

function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, "").split("\n");
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

const TEXT = {
  en: {
    first: "Question 1 of 2",
    intro: `this is session ${"{code}"}'s quiz`,
    right: "✓ correct",
    finished: "Quiz finished",
    score: "Score: 2 of 2 questions right.",
  },
  ja: {
    first: "問題 1 / 2",
    intro: "セッション {code} のクイズです",
    right: "✓ 正解",
    finished: "クイズが終わりました",
    score: "得点: 2 / 2 問正解",
  },
} as const;

describe("quiz --join in a terminal, against the real server", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`${lang}, 80×24: every question answered right, the end screen, and the score after it`, async () => {
      const text = TEXT[lang];
      const t = start(lang === "en" ? "Ann" : "Aiko", lang);
      const first = await t.waitFor(text.first, 60_000);
      expect(first).toContain(text.intro.replace("{code}", ready.session));
      expectFits(first, 80, 24);
      for (let i = 0; i < answers.length; i++) {
        const answer = answers[i]!;
        // The answer, Enter to grade it and Enter to go on, in one send-keys (a negative answer is
        // typed literally first, as tmux would take "-0.1" for a flag).
        if (answer.startsWith("-")) {
          t.type(answer);
          t.press("Enter", "Enter");
        } else {
          t.press(answer, "Enter", "Enter");
        }
        if (i === 0) {
          const graded = await t.waitFor(
            new RegExp(lang === "en" ? "Question 2 of 2|Quiz finished" : "問題 2 / 2|クイズが終わりました"),
            30_000,
          );
          expectFits(graded, 80, 24);
        }
      }
      const end = await t.waitFor(text.finished, 30_000);
      expectFits(end, 80, 24);
      expect(end).toContain(ready.session);
      t.press("Enter");
      const after = await t.waitFor("[exit 0]", 30_000);
      expect(after).toContain(text.score);
    }, 120_000);
  }
});
