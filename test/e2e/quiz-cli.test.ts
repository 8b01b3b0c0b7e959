// `sigmoid-trainer quiz` options on the BUILT CLI: plain text with a timer, the default file
// location, a session file (and its errors), refusals, time running out with input still open.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseResult } from "../../src/quiz/verify";
import { tempDir } from "../quiz/helpers";
import { runCli } from "../support/cli";
import { driveQuiz, isQuestion } from "./quiz-driver";

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);
const BASE = ["--seed", "31", "--count", "3", "--skill", "sigmoid-value,derivative-value", "--lang", "en"];

function onlyResult(dir: string) {
  const files = readdirSync(join(dir, "quiz-results"));
  expect(files).toHaveLength(1);
  const read = parseResult(readFileSync(join(dir, "quiz-results", files[0]!), "utf8"));
  if (!read.ok) throw new Error(read.detail);
  return { path: join(dir, "quiz-results", files[0]!), result: read.result };
}

describe("quiz in plain text", () => {
  it("shows the time left under each question, the score and the file at the end; the file goes to the data directory", async () => {
    const data = tempDir();
    const run = await runCli(["quiz", "--plain", ...BASE, "--time", "20", "--name", "Ann Lee", "--data-dir", data], {
      input: "0.5\n:skip\n",
    });
    expect(run.code, run.stderr).toBe(0);
    noTrace(run.stderr);
    expect(run.stdout).toContain("Quiz for Ann Lee: 3 questions.");
    expect(run.stdout).toContain("Time limit: 20 minutes.");
    expect(run.stdout).toMatch(/Question 1 of 3\n(?:[^\n]+\n){1,3}Time left: (?:20:00|19:5\d)\n/);
    expect(run.stdout).toContain("Score: 0 of 3 questions right.");
    expect(run.stdout).toContain("1 unanswered.");
    const { path, result } = onlyResult(data);
    expect(path).toMatch(/quiz-results\/Ann-Lee-31-\d{8}T\d{6}Z\.json$/);
    expect(run.stdout).toContain(`Your result is saved in ${path}.`);
    expect(result).toMatchObject({ name: "Ann Lee", quiz: { seed: 31, count: 3, timeLimitMinutes: 20 }, ending: "quit" });
    expect(result.questions.map((q) => q.status)).toEqual(["answered", "skipped", "unanswered"]);
    expect(result.questions[0]!.answers[0]).toMatchObject({ answer: "0.5", verdict: "incorrect" });
  });

  it("in Japanese, with no English words from the quiz", async () => {
    const data = tempDir();
    const run = await runCli(["quiz", "--plain", ...BASE.slice(0, -2), "--lang", "ja", "--name", "山田", "--data-dir", data], {
      input: "",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("山田 さんのクイズ: 3 問です。");
    expect(run.stdout).toContain("得点: 0 / 3 問正解");
    expect(run.stdout).not.toMatch(/Quiz for|Score:|Your result/);
  });

  it("without --name, the login name is used and said so", async () => {
    const data = tempDir();
    const run = await runCli(["quiz", "--plain", ...BASE, "--data-dir", data], { input: "", env: { USER: "tanaka", LOGNAME: undefined } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No --name given: the result is recorded as "tanaka".');
    expect(onlyResult(data).result.name).toBe("tanaka");
  });
});

describe("quiz time limit", () => {
  it("ends the quiz by itself while input is still open: everything left is unanswered", async () => {
    const data = tempDir();
    const file = join(data, "out.json");
    // 0.02 minutes = 1.2 s; the learner answers nothing and never closes the input.
    const run = await driveQuiz([...BASE, "--time", "0.02", "--name", "Slow", "--out", file, "--data-dir", data], () => undefined);
    expect(run.code).toBe(0);
    const question = run.lines.find(isQuestion)!;
    expect(question.deadline).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(typeof question.remainingMs).toBe("number");
    expect(run.lines.some((l) => l.type === "notice" && String(l.message).startsWith("Time is up"))).toBe(true);
    expect(run.lines.at(-1)).toMatchObject({ type: "summary", ending: "time-up", timeUp: true, unanswered: 3, score: 0 });
    const read = parseResult(readFileSync(file, "utf8"));
    expect(read.ok && read.result.ending).toBe("time-up");
  });
});

describe("quiz --no-hints", () => {
  it("an answer that cannot be read costs nothing and gives nothing away: its feedback has expected: null", async () => {
    const data = tempDir();
    const run = await runCli(["quiz", "--plain", "--json", ...BASE, "--name", "N", "--out", join(data, "r.json"), "--data-dir", data], {
      input: "0.1.2\nabc\n",
    });
    expect(run.code).toBe(0);
    const feedback = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === "feedback");
    expect(feedback.map((f) => [f.verdict, f.expected])).toEqual([
      ["invalid", null],
      ["invalid", null],
    ]);
    expect(run.stdout).not.toMatch(/"expected":\d/);
  });

  it("refuses :hint with a notice; nothing is counted", async () => {
    const data = tempDir();
    const file = join(data, "r.json");
    const run = await runCli(["quiz", "--plain", "--json", ...BASE, "--no-hints", "--name", "N", "--out", file, "--data-dir", data], {
      input: ":hint\n:hint\n",
    });
    expect(run.code).toBe(0);
    const notices = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === "notice");
    expect(notices.map((n) => n.message)).toEqual(["Hints are off in this quiz.", "Hints are off in this quiz."]);
    const read = parseResult(readFileSync(file, "utf8"));
    expect(read.ok && read.result.quiz.hintsAllowed).toBe(false);
    expect(read.ok && read.result.questions.every((q) => q.hintsUsed === 0)).toBe(true);
  });
});

describe("quiz --config", () => {
  it("a session file gives the same quiz as the same flags", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "session.yaml"), "# week 1\nseed: 31\ncount: 3\nskills: [sigmoid-value, derivative-value]\ntime: 20\n");
    const byFile = await runCli(
      ["quiz", "--plain", "--json", "--config", "session.yaml", "--name", "A", "--out", "a.json", "--data-dir", "d"],
      { cwd: dir },
    );
    const byFlags = await runCli(
      ["quiz", "--plain", "--json", ...BASE, "--time", "20", "--name", "B", "--out", "b.json", "--data-dir", "d"],
      { cwd: dir },
    );
    expect(byFile.code, byFile.stderr).toBe(0);
    expect(byFlags.code).toBe(0);
    const quiz = (f: string) => {
      const read = parseResult(readFileSync(join(dir, f), "utf8"));
      if (!read.ok) throw new Error(read.detail);
      return { quiz: read.result.quiz, asked: read.result.questions.map((q) => [q.templateId, q.params]) };
    };
    expect(quiz("a.json")).toEqual(quiz("b.json"));
  });

  it("problems in the file are shown at file:line:col, exit 1", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.yaml"), "seed: 31\ncout: 3\nskills:\n  - sigmoid-valu\n");
    const run = await runCli(["quiz", "--plain", "--config", "s.yaml", "--name", "A", "--data-dir", "d"], { cwd: dir });
    expect(run.code).toBe(1);
    noTrace(run.stderr);
    expect(run.stderr).toContain("quiz: the session file has 2 problems:");
    expect(run.stderr).toContain('s.yaml:2:1: unknown key "cout"; did you mean "count"?');
    expect(run.stderr).toContain('s.yaml:4:5: unknown skill "sigmoid-valu"; did you mean "sigmoid-value"?');
    expect(existsSync(join(dir, "d", "quiz-results"))).toBe(false);
  });

  it("a file bigger than a session file can be is refused unread, with the same bound as the Home quiz (64 KiB)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.yaml"), `seed: 31\n${"#".repeat(100 * 1024)}\n`);
    const run = await runCli(["quiz", "--plain", "--config", "s.yaml", "--name", "A", "--data-dir", "d"], { cwd: dir });
    expect(run.code).toBe(1);
    noTrace(run.stderr);
    expect(run.stderr).toMatch(/quiz: cannot read the session file s\.yaml: .*64 KiB/);
  });

  it("a missing file is one clear line", async () => {
    const run = await runCli(["quiz", "--plain", "--config", "nope.yaml", "--name", "A", "--data-dir", tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("sigmoid-trainer: quiz: cannot read the session file nope.yaml: no such file");
  });

  it("flags that set the quiz are refused next to --config (exit 2)", async () => {
    for (const flag of [["--seed", "3"], ["--count", "2"], ["--skill", "sigmoid-value"], ["--time", "5"], ["--no-hints"]]) {
      const run = await runCli(["quiz", "--plain", "--config", "s.yaml", ...flag, "--name", "A"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`quiz: ${flag[0]} cannot be used with --config`);
    }
  });
});

describe("quiz refusals", () => {
  it("--out never overwrites a file", async () => {
    const dir = tempDir();
    const file = join(dir, "taken.json");
    writeFileSync(file, "precious");
    const run = await runCli(["quiz", "--plain", ...BASE, "--name", "A", "--out", file, "--data-dir", dir], { input: "0.5\n" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} already exists and is not overwritten`);
    expect(run.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe("precious");
  });

  it("bad values are usage errors", async () => {
    const cases: [string[], string][] = [
      [["--time", "soon"], '--time takes a number of minutes (e.g. 15 or 0.5), got "soon"'],
      [["--time", "0"], "--time must be more than 0"],
      [["--skill", "sigmoid-valu"], 'unknown skill "sigmoid-valu"'],
      [["--name", " "], "--name needs a name"],
      [["--seed", "x"], "--seed takes a whole number"],
      [["--name", "\u202eboB"], "--name must not contain bidirectional control characters"],
      [["--name", "Bob\u2066"], "--name must not contain bidirectional control characters"],
      // Shown as nothing, these too would make a second "Bob" in the report.
      [["--name", "B\u200bob"], "--name must not contain invisible characters such as zero-width spaces; found \\u200B at character 2"],
      [["--name", "Bob\u2060"], "found \\u2060 at character 4"],
      [["--name", "Bob\u00ad"], "found \\xAD at character 4"],
      [["--name", "Bo\u{E0041}b"], "found \\u{E0041} at character 3"],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(["quiz", "--plain", "--name", "A", ...args, "--data-dir", tempDir()]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
      noTrace(run.stderr);
    }
  });
});
