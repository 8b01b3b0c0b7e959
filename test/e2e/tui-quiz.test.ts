// The full-screen quiz on the built CLI in a real pseudo-terminal (tmux, CI unset): a learner
// answers both questions of `quiz --seed 7 --count 2`, sees the score and the result file's
// path, and the file is valid for the instructor's report. The right answers come from an
// oracle run of the same seeded quiz in JSON lines (same seed and content: same questions),
// so the test does not hard-code the course's numbers. Also: Ctrl+C mid-quiz leaves a valid
// partial result and says where it is; Japanese at 40×15.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, runCli } from "../support/cli";
import { Terminal } from "../support/tmux";

const open: Terminal[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const QUIZ = ["quiz", "--seed", "7", "--count", "2", "--name", "Ann"];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "st-tui-quiz-"));
}

function start(args: string[], columns: number, rows: number): Terminal {
  const t = Terminal.start(["node", CLI, ...args], { columns, rows, env: { LANG: "C.UTF-8", TERM: "xterm-256color" } });
  open.push(t);
  return t;
}

/** The right answers, in order: what the same quiz in JSON lines says was expected after a wrong "0". */
async function rightAnswers(): Promise<string[]> {
  const dir = tempDir();
  const run = await runCli(
    [...QUIZ.slice(0, -2), "--name", "Oracle", "--plain", "--json", "--data-dir", dir, "--out", join(dir, "o.json")],
    {
      input: "0\n0\n",
    },
  );
  expect(run.code, run.stderr).toBe(0);
  const lines = run.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const questions = lines.filter((l) => l.type === "question");
  const feedback = lines.filter((l) => l.type === "feedback");
  expect(questions).toHaveLength(2);
  return feedback.map((f, i) =>
    typeof f.expected === "number" ? f.expected.toPrecision(questions[i]!.digits as number) : String(f.expected),
  );
}

/** The frame never fills the terminal (Ink would clear the screen on every update), no line wider than it. */
function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, "").split("\n");
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

/** Screen text with its line breaks taken out, for a path that wraps. */
const joined = (screen: string) =>
  screen
    .split("\n")
    .map((l) => l.trimEnd())
    .join("");

describe("the full-screen quiz in a terminal", () => {
  it("at 80×24: both questions answered, the score and the path shown, the file valid for the report", async () => {
    const answers = await rightAnswers();
    const dir = tempDir();
    const file = join(dir, "ann.json");
    const t = start([...QUIZ, "--out", file, "--data-dir", dir, "--lang", "en", "--time", "10"], 80, 24);
    const first = await t.waitFor("Question 1 of 2");
    expect(first).toMatch(/σ Quiz · Question 1 of 2 +(10:00|9:5\d) left/);
    expect(first).toContain("Quiz for Ann: 2 questions (seed 7).");
    expectFits(first, 80, 24);
    // On disk before the first answer: every question unanswered.
    expect(existsSync(file)).toBe(true);

    t.type(answers[0]!);
    t.send("Enter");
    expectFits(await t.waitFor("✓ correct"), 80, 24);
    t.send("Enter");
    await t.waitFor("Question 2 of 2");
    t.type(answers[1]!);
    t.send("Enter");
    await t.waitFor("Enter: see the results");
    t.send("Enter");
    const end = await t.waitFor("Score: 2 of 2 questions right.");
    expect(end).toContain("Quiz finished");
    expect(joined(end)).toContain(`Your result is saved in ${file}.`);
    expectFits(end, 80, 24);

    t.send("Enter");
    const after = await t.waitFor(/\[exit \d+\]/);
    expect(after).toContain("[exit 0]");
    const report = await runCli(["report", file, "--format", "json"]);
    expect(report.code, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout);
    expect(json.learners).toHaveLength(1);
    expect(json.learners[0]).toMatchObject({ name: "Ann", score: 2, attempts: 2, correct: 2, partial: false });
  });

  it("Ctrl+C mid-quiz exits 0, leaves a valid partial result, and says where it is", async () => {
    const answers = await rightAnswers();
    const dir = tempDir();
    const file = join(dir, "ann.json");
    const t = start([...QUIZ, "--out", file, "--data-dir", dir, "--lang", "en"], 80, 24);
    await t.waitFor("Question 1 of 2");
    t.type(answers[0]!);
    t.send("Enter");
    await t.waitFor("✓ correct");
    t.send("C-c");
    const after = await t.waitFor(/\[exit \d+\]/);
    expect(after).toContain("[exit 0]");
    expect(after).toContain("Score: 1 of 2 questions right.");
    expect(after).toContain("1 unanswered.");
    expect(joined(after)).toContain(`Your result is saved in ${file}.`);
    const report = await runCli(["report", file, "--format", "json"]);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).learners[0]).toMatchObject({ name: "Ann", score: 1, status: "quit", unanswered: 1 });
  });

  it("in Japanese at 40×15, with the time left", async () => {
    const answers = await rightAnswers();
    const dir = tempDir();
    const file = join(dir, "ann.json");
    const t = start([...QUIZ, "--out", file, "--data-dir", dir, "--lang", "ja", "--time", "5"], 40, 15);
    const first = await t.waitFor("問題 1 / 2");
    expect(first).toMatch(/残り (5:00|4:5\d)/);
    expectFits(first, 40, 15);
    t.type(answers[0]!);
    t.send("Enter");
    expectFits(await t.waitFor("✓ 正解"), 40, 15);
    t.send("Enter");
    await t.waitFor("問題 2 / 2");
    t.type(answers[1]!);
    t.send("Enter");
    await t.waitFor("✓ 正解");
    t.send("Enter");
    const end = await t.waitFor("得点: 2 / 2 問正解");
    expectFits(end, 40, 15);
    expect(joined(end)).toContain(file);
    t.send("Enter");
    expect(await t.waitFor(/\[exit \d+\]/)).toContain("[exit 0]");
  });
});
