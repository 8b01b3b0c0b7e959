// `quiz --join` in the full-screen trainer, in a real pseudo-terminal (tmux, CI unset), against the
// built program's own `serve` on a free port: a learner answers every question of the session
// (several keys in one send-keys), sees the verdicts and the end screen, and the score below the
// last frame; in English and Japanese at 80×24. The right answers come from the questions an
// oracle learner of the same session is asked in JSON lines (everyone gets the same quiz). And, as
// the local quiz does, against a `serve --time 1`: the time left in the header counting down, Esc
// that asks first and ends the quiz when pressed again, at 80×24 in English and 40×24 in Japanese.
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

function start(name: string, lang: "en" | "ja", join = ready.join, columns = 80): Terminal {
  const t = Terminal.start(["node", CLI, "quiz", "--join", join, "--name", name, "--lang", lang, "--data-dir", tempDir("st-tui-join-")], {
    columns,
    rows: 24,
    env: { LANG: "C.UTF-8", TERM: "xterm-256color", NO_COLOR: "1" },
  });
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

describe("quiz --join in a terminal, against a timed server (serve --time 1)", () => {
  let timed: Spawned;
  let timedReady: Ready;
  beforeAll(async () => {
    ({ server: timed, ready: timedReady } = await startServer(
      ["--seed", "5", "--count", "3", "--skill", "sigmoid-value", "--time", "1"],
      tempDir("st-tui-join-timed-db-"),
    ));
  }, 120_000);
  afterAll(async () => {
    if (timed) await stop(timed);
  });

  /** The seconds left that the header's first line shows ("0:58 left", "残り 0:58"). */
  const secondsIn = (screen: string, pattern: RegExp): number => {
    const match = pattern.exec(screen.split("\n")[0] ?? "");
    if (!match) throw new Error(`no time left in the header:\n${screen}`);
    return Number(match[1]) * 60 + Number(match[2]);
  };

  it("en, 80×24: the time left counts down in the header; a stray Esc asks first, Esc twice ends it early", async () => {
    const t = start("Ken", "en", timedReady.join);
    const first = await t.waitFor("Question 1 of 3", 60_000);
    const header = /^σ Quiz · Question 1 of 3 +(\d):(\d\d) left$/;
    expect(first.split("\n")[0]).toMatch(header);
    const before = secondsIn(first, header);
    expect(before).toBeLessThanOrEqual(60);
    expectFits(first, 80, 24);
    // It counts down on its own while the learner thinks.
    const later = await t.waitFor(
      new RegExp(`^σ Quiz · Question 1 of 3 +0:(?!${String(before % 60).padStart(2, "0")})\\d\\d left$`, "m"),
      30_000,
    );
    expect(secondsIn(later, header)).toBeLessThan(before);

    t.press("Escape");
    const asked = await t.waitFor("Press Esc again to end the quiz", 30_000);
    expect(asked).toContain("Question 1 of 3");
    // Any other key goes on, and is typed into the answer.
    t.press("1");
    const goesOn = await t.waitFor("Answer: 1", 30_000);
    expect(goesOn).not.toContain("Press Esc again");
    t.press("Escape");
    await t.waitFor("Press Esc again to end the quiz", 30_000);
    t.press("Escape");
    const end = await t.waitFor("Quiz ended early", 30_000);
    expect(end).toContain("3 unanswered.");
    expect(end).not.toMatch(/\d:\d\d left/);
    expectFits(end, 80, 24);
    t.press("Enter");
    const after = await t.waitFor("[exit 0]", 30_000);
    expect(after).toContain("Score: 0 of 3 questions right.");
    expect(after).toContain("3 unanswered.");
  }, 120_000);

  it("ja, 40×24: the time left in the header, and the end screen fits", async () => {
    const t = start("Aiko", "ja", timedReady.join, 40);
    const first = await t.waitFor("問題 1 / 3", 60_000);
    const header = /問題 1 \/ 3 +残り (\d):(\d\d)$/;
    expect(first.split("\n")[0]).toMatch(header);
    expectFits(first, 40, 24);
    t.press("Escape");
    expectFits(await t.waitFor("もう一度 Esc", 30_000), 40, 24);
    t.press("Escape");
    const end = await t.waitFor("クイズを途中で終えました", 30_000);
    expect(end).toContain("未回答 3 問");
    expectFits(end, 40, 24);
  }, 120_000);
});
