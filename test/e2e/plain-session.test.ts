// Whole practice sessions through pipes on the built CLI, with the shipped course.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { ENGLISH_ENV, JAPANESE, LiveCli, rightAnswer, tempDataDir } from "./plain-support";

type Json = Record<string, unknown>;

/** Runs a JSON session answering every question right; returns every object seen. */
async function jsonSessionAllRight(args: string[], env: Record<string, string | undefined> = {}) {
  const cli = LiveCli.start(["practice", "--plain", "--json", ...args], env);
  const objects: Json[] = [];
  for (;;) {
    const object = await cli.nextJson();
    objects.push(object);
    if (object.type === "summary") break;
    if (object.type === "question") cli.send(rightAnswer(object.quantity as string, object.params as Record<string, number>));
  }
  const { code, rest } = await cli.finish();
  return { objects, code, rest, stderr: cli.stderr };
}

const questionsOf = (objects: Json[]) =>
  objects.filter((o) => o.type === "question").map((o) => ({ id: o.id, part: o.part, params: o.params }));

describe("practice --plain --json", () => {
  it("runs a whole session: questions, feedback for each answer, a summary; nothing but JSON on stdout", async () => {
    const dataDir = tempDataDir();
    const { objects, code, rest, stderr } = await jsonSessionAllRight([
      "--seed",
      "11",
      "--count",
      "5",
      "--data-dir",
      dataDir,
      "--lang",
      "en",
    ]);
    expect(code).toBe(0);
    expect(rest).toEqual([]);
    const questions = objects.filter((o) => o.type === "question");
    const feedback = objects.filter((o) => o.type === "feedback");
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(feedback).toHaveLength(questions.length);
    for (const q of questions) {
      expect(q).toEqual(
        expect.objectContaining({
          type: "question",
          id: expect.any(String),
          skill: expect.any(String),
          quantity: expect.any(String),
          params: expect.any(Object),
          prompt: expect.any(String),
        }),
      );
      expect(q.prompt).not.toMatch(JAPANESE);
    }
    for (const f of feedback) expect(f).toMatchObject({ type: "feedback", verdict: "correct", diagnosis: null });
    expect(objects.at(-1)).toMatchObject({ type: "summary", attempts: questions.length, correct: questions.length, seed: 11, quit: false });
    // With --plain asked for, no notice about plain mode.
    expect(stderr).toBe("");
    const stats = await runCli(["stats", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: questions.length, correct: questions.length });
  });

  it("reports invalid input without using an attempt, names a recognised mistake and gives the worked solution", async () => {
    const dataDir = tempDataDir();
    const cli = LiveCli.start([
      "practice",
      "--plain",
      "--json",
      "--seed",
      "3",
      "--count",
      "2",
      "--skill",
      "derivative-value",
      "--data-dir",
      dataDir,
    ]);
    const first = await cli.nextJson();
    expect(first).toMatchObject({ type: "question", skill: "derivative-value" });
    cli.send("0.1.2");
    expect(await cli.nextJson()).toMatchObject({ type: "feedback", verdict: "invalid", position: 4 });
    cli.send(":hint");
    expect(await cli.nextJson()).toMatchObject({ type: "hint", stage: 1, text: expect.any(String) });
    // σ(x) where σ′(x) was asked.
    const x = (first.params as { x: number }).x;
    cli.send(rightAnswer("sigmoid", { x }));
    const wrong = await cli.nextJson();
    expect(wrong).toMatchObject({ type: "feedback", verdict: "incorrect", diagnosis: "sigmoid-instead-of-derivative" });
    expect(wrong.solution).toEqual(expect.any(String));
    expect(Number(wrong.expected)).toBeCloseTo(Number(rightAnswer("derivative", { x })), 8);
    const { code, rest } = await cli.finish();
    expect(code).toBe(0);
    expect(JSON.parse(rest.at(-1)!)).toMatchObject({ type: "summary", attempts: 1, incorrect: 1, hints: 1, quit: true });
  });

  it("carries a wrong σ(x) forward: σ′ = s(1 − s) from the learner's own s is accepted, and the feedback says so", async () => {
    const cli = LiveCli.start([
      "practice",
      "--plain",
      "--json",
      "--seed",
      "8",
      "--count",
      "8",
      "--skill",
      "derivative-value",
      "--data-dir",
      tempDataDir(),
    ]);
    const carried: Json[] = [];
    for (;;) {
      const object = await cli.nextJson();
      if (object.type === "summary") break;
      if (object.type === "feedback" && object.carried) carried.push(object);
      if (object.type !== "question") continue;
      if (object.parts === 2) cli.send(object.part === 0 ? "0.7" : "0.21");
      else cli.send(rightAnswer(object.quantity as string, object.params as Record<string, number>));
    }
    await cli.finish();
    expect(carried.length).toBeGreaterThan(0);
    for (const f of carried) {
      expect(f).toMatchObject({
        verdict: "correct",
        part: 1,
        carried: { fromPart: 0, learnerValue: 0.7, expected: expect.closeTo(0.21, 12) },
      });
      expect(f.message).toMatch(/^Correct given your σ\(x\) = 0\.7: s\(1 − s\) = 0\.210\. The true value is 0\.\d+\.$/);
    }
  });

  it("gives the same questions for the same seed, and other questions for another seed", async () => {
    const run = async (seed: string) =>
      questionsOf((await jsonSessionAllRight(["--seed", seed, "--count", "6", "--data-dir", tempDataDir()])).objects);
    const a = await run("2024");
    expect(await run("2024")).toEqual(a);
    expect(await run("2025")).not.toEqual(a);
  });

  it("saves and exits 0 when the input ends in the middle of a question", async () => {
    const dataDir = tempDataDir();
    const cli = LiveCli.start(["practice", "--plain", "--json", "--seed", "5", "--count", "3", "--data-dir", dataDir]);
    const q1 = await cli.nextJson();
    cli.send(rightAnswer(q1.quantity as string, q1.params as Record<string, number>));
    expect(await cli.nextJson()).toMatchObject({ type: "feedback", verdict: "correct" });
    expect(await cli.nextJson()).toMatchObject({ type: "question" });
    const { code, rest } = await cli.finish();
    expect(code).toBe(0);
    expect(rest.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ type: "summary", attempts: 1, correct: 1, quit: true })]);
    const stats = await runCli(["stats", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 1, correct: 1 });
  });
});

describe("practice in plain text", () => {
  it("reads answers piped in all at once (none lost), in English, and says it chose plain mode", async () => {
    // Learn this seed's questions from a JSON run, then pipe the answers in before anything is asked.
    const seed = "77";
    const json = await jsonSessionAllRight(["--seed", seed, "--count", "4", "--data-dir", tempDataDir()]);
    const answers = json.objects
      .filter((o) => o.type === "question")
      .map((o) => rightAnswer(o.quantity as string, o.params as Record<string, number>));
    const dataDir = tempDataDir();
    const run = await runCli(["practice", "--seed", seed, "--count", "4", "--data-dir", dataDir], {
      input: `${answers.join("\n")}\n`,
      env: ENGLISH_ENV,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^sigmoid-trainer: Not a terminal: running in plain mode/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).not.toMatch(/\u001b/);
    expect(run.stdout).toContain("Question 1 of 4");
    expect(run.stdout).toContain("Question 4 of 4");
    expect(run.stdout).toContain(`Done: ${answers.length} of ${answers.length} answers correct`);
    expect(run.stdout).toMatch(/Comes back in /);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(JAPANESE);
  });

  it("teaches in English after a wrong answer and hints, with no Japanese anywhere", async () => {
    const run = await runCli(["practice", "--plain", "--seed", "9", "--count", "2", "--data-dir", tempDataDir(), "--lang", "en"], {
      input: ":help\n:hint\n:hint\n:hint\n:hint\n:hint\n0.123456\n:bogus\n:skip\n",
      env: { LANG: "ja_JP.UTF-8" },
    });
    expect(run.code).toBe(0);
    const all = `${run.stdout}${run.stderr}`;
    expect(all).not.toMatch(JAPANESE);
    expect(run.stdout).toContain("Commands:");
    expect(run.stdout).toMatch(/Hint 1 of \d: /);
    expect(run.stdout).toContain("Worked solution:");
    expect(run.stdout).toContain('There is no command ":bogus"');
    expect(run.stdout).toMatch(/Skipped\. The answer is /);
  });

  it("speaks Japanese when the locale is Japanese", async () => {
    const run = await runCli(["practice", "--plain", "--seed", "9", "--count", "2", "--data-dir", tempDataDir()], {
      input: ":hint\n0.123456\n",
      env: { LANG: "ja_JP.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("問題 1 / 2");
    expect(run.stdout).toContain("ヒント 1 / ");
    expect(run.stdout).toContain("解き方:");
    expect(run.stdout).toMatch(/おつかれさまでした。/);
    expect(run.stdout).not.toMatch(/Question|Hint|Worked solution|Done:/);
  });

  it("saves and exits 0 when the input ends in the middle of a question", async () => {
    const dataDir = tempDataDir();
    const run = await runCli(["practice", "--plain", "--seed", "4", "--count", "3", "--data-dir", dataDir], {
      input: "0.5\n",
      env: ENGLISH_ENV,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Question \d of 3/);
    expect(run.stdout).toMatch(/Done: \d of 1 answer correct/);
    expect(run.stdout).toContain(`Your answers are saved in ${dataDir}`);
    const stats = await runCli(["stats", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(stats.stdout).attempts).toBe(1);
  });

  it("writes only ASCII with --ascii", async () => {
    const run = await runCli(
      ["practice", "--plain", "--ascii", "--lang", "en", "--seed", "9", "--count", "3", "--data-dir", tempDataDir()],
      {
        input: ":hint\n:hint\n:hint\n:hint\n0.5\n0.5\n:skip\n",
        env: ENGLISH_ENV,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("sigma(");
    expect([...run.stdout].filter((c) => c > "~")).toEqual([]);
  });

  it("runs as the bare command too, plain when piped", async () => {
    const run = await runCli(["--count", "1", "--seed", "2", "--data-dir", tempDataDir()], { input: "", env: ENGLISH_ENV });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Question 1 of 1");
    expect(run.stderr).toMatch(/Not a terminal/);
  });

  it("the bare command in plain mode (pipe, --plain, --screen-reader) names the course's plain form; practice --plain and JSON lines stay as they were", async () => {
    for (const args of [[], ["--plain"], ["--screen-reader"]]) {
      const run = await runCli([...args, "--count", "1", "--seed", "2", "--data-dir", tempDataDir()], { input: "", env: ENGLISH_ENV });
      expect(run.code).toBe(0);
      const lines = run.stdout.split("\n");
      // Told before the first question, right under the start lines.
      const hint = lines.indexOf("To read the course step by step instead: sigmoid-trainer learn --plain");
      expect(hint, args.join(" ")).toBeGreaterThan(0);
      expect(hint).toBeLessThan(lines.findIndex((l) => l.includes("Question 1 of 1")));
    }
    const ja = await runCli(["--plain", "--lang", "ja", "--count", "1", "--seed", "2", "--data-dir", tempDataDir()], { input: "" });
    expect(ja.stdout).toContain("講座を最初から順に読むには: sigmoid-trainer learn --plain");
    const practice = await runCli(["practice", "--plain", "--count", "1", "--seed", "2", "--data-dir", tempDataDir()], {
      input: "",
      env: ENGLISH_ENV,
    });
    expect(practice.stdout).not.toContain("learn --plain");
    const json = await runCli(["--json", "--count", "1", "--seed", "2", "--data-dir", tempDataDir()], { input: "", env: ENGLISH_ENV });
    expect(json.stdout).not.toContain("learn --plain");
    for (const line of json.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("review with nothing due says so and exits 0", async () => {
    const run = await runCli(["review", "--plain", "--data-dir", tempDataDir()], { env: ENGLISH_ENV });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Nothing is due for review right now.");
  });

  it("refuses an unknown skill with the list of skills (exit 2)", async () => {
    const run = await runCli(["practice", "--plain", "--skill", "sigmoid-valu", "--data-dir", tempDataDir()], { env: ENGLISH_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown skill "sigmoid-valu" \(the skills are: sigmoid-value, /);
    expect(run.stdout).toBe("");
  });
});
