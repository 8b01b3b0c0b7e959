// An onboarding session end to end on the BUILT CLI: three learners take the same seeded quiz
// through JSON lines, each answering from the question's own numbers with their own habit;
// the instructor's report (md, csv, json) must show exactly what they answered. Then a hand
// edited file, and a trainer killed mid-quiz.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/progress/csv";
import { parseResult } from "../../src/quiz/verify";
import { tempDir } from "../quiz/helpers";
import { runCli } from "../support/cli";
import {
  COUNT,
  type DriveResult,
  driveQuiz,
  isQuestion,
  QUIZ_ARGS,
  type QuestionLine,
  type QuizLine,
  rightAnswer,
  SEED,
  sigmoidForDerivative,
} from "./quiz-driver";

const AIKO = "Aiko Tanaka";
const BOB = 'Bob "the Builder" | Jr.';
const SUZUKI = "鈴木, 一郎";

interface Learner {
  name: string;
  file: string;
  run: DriveResult;
}

/** Questions of a transcript: each question's parts with the verdicts and mistakes the trainer printed. */
function graded(lines: readonly QuizLine[]) {
  const questions = new Map<number, { parts: number; derivativeParts: number; verdicts: string[]; mistakes: string[]; skipped: boolean }>();
  let current: QuestionLine | null = null;
  for (const line of lines) {
    if (isQuestion(line)) {
      current = line;
      const q = questions.get(line.number) ?? { parts: line.parts, derivativeParts: 0, verdicts: [], mistakes: [], skipped: false };
      if (line.quantity === "derivative") q.derivativeParts++;
      questions.set(line.number, q);
    } else if (line.type === "feedback" && line.verdict !== "invalid" && current) {
      const q = questions.get(current.number)!;
      q.verdicts.push(String(line.verdict));
      if (line.diagnosis) q.mistakes.push(String(line.diagnosis));
    } else if (line.type === "skipped" && current) {
      questions.get(current.number)!.skipped = true;
    }
  }
  return [...questions.entries()].sort((a, b) => a[0] - b[0]).map(([, q]) => q);
}

const rightOf = (q: ReturnType<typeof graded>[number]) =>
  !q.skipped && q.verdicts.length === q.parts && q.verdicts.every((v) => v === "correct");

async function take(dir: string, name: string, answer: (q: QuestionLine, lines: readonly QuizLine[]) => string): Promise<Learner> {
  const base = name.replace(/[^A-Za-z]/g, "") || "suzuki";
  const file = join(dir, "results", `${base}.json`);
  let last: QuestionLine | null = null;
  const run = await driveQuiz([...QUIZ_ARGS, "--name", name, "--out", file, "--data-dir", join(dir, "data", base)], (line, lines) => {
    if (isQuestion(line)) {
      last = line;
      return answer(line, lines);
    }
    // After an invalid answer the same question stands: answer it properly this time.
    if (line.type === "feedback" && line.verdict === "invalid" && last) return rightAnswer(last);
    return undefined;
  });
  return { name, file, run };
}

describe("a cohort takes the same seeded quiz", () => {
  const dir = tempDir("cohort-");
  const results = join(dir, "results");
  let aiko: Learner;
  let bob: Learner;
  let suzuki: Learner;
  let suzukiInvalid = 0;

  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    [aiko, bob, suzuki] = await Promise.all([
      take(dir, AIKO, (q) => rightAnswer(q)),
      // The typical mistake: the height σ(x) where the slope σ′(x) is asked.
      take(dir, BOB, (q) => sigmoidForDerivative(q)),
      // Input the reader cannot read first, then skips the second question.
      take(dir, SUZUKI, (q) => {
        if (q.number === 1 && q.part === 0 && suzukiInvalid++ === 0) return "0.5.5";
        if (q.number === 2) return ":skip";
        return rightAnswer(q);
      }),
    ]);
  }, 60_000);

  it("each learner finishes with exit 0, a summary and the file's path", () => {
    for (const learner of [aiko, bob, suzuki]) {
      expect(learner.run.code, learner.run.stderr).toBe(0);
      expect(learner.run.stderr).toContain(learner.file);
      const summary = learner.run.lines.at(-1)!;
      expect(summary).toMatchObject({
        type: "summary",
        mode: "quiz",
        name: learner.name,
        seed: SEED,
        resultFile: learner.file,
        saved: true,
        ending: "completed",
      });
      // Only JSON lines on stdout.
      expect(learner.run.lines.every((l) => l.type !== "unterminated")).toBe(true);
    }
  });

  it("they got the same questions in the same order, with the same numbers", () => {
    const asked = (l: Learner) =>
      l.run.lines
        .filter(isQuestion)
        .filter((q) => q.part === 0)
        .map((q) => [q.number, q.id, q.params]);
    expect(asked(aiko)).toHaveLength(COUNT);
    expect(asked(bob)).toEqual(asked(aiko));
    expect(asked(suzuki)).toEqual(asked(aiko));
  });

  it("the trainer saw each habit as intended (the test's own premise)", () => {
    const a = graded(aiko.run.lines);
    expect(a.every(rightOf)).toBe(true);
    const b = graded(bob.run.lines);
    expect(b.some((q) => q.derivativeParts > 0)).toBe(true);
    for (const q of b) expect(q.mistakes).toEqual(Array(q.derivativeParts).fill("sigmoid-instead-of-derivative"));
    expect(suzuki.run.lines.filter((l) => l.type === "feedback" && l.verdict === "invalid")).toHaveLength(1);
    expect(graded(suzuki.run.lines).map((q) => q.skipped)).toEqual([false, true, false, false, false, false]);
  });

  /** What the report must say, computed from the transcripts alone. */
  function expected() {
    const people = [aiko, bob, suzuki].map((l) => {
      const qs = graded(l.run.lines);
      const verdicts = qs.flatMap((q) => q.verdicts);
      return {
        name: l.name,
        score: qs.filter(rightOf).length,
        attempts: verdicts.length,
        correct: verdicts.filter((v) => v === "correct").length,
        skipped: qs.filter((q) => q.skipped).length,
        mistakes: qs.flatMap((q) => q.mistakes).length,
        perQuestion: qs.map((q) => (q.skipped ? "skipped" : rightOf(q) ? "right" : "wrong")),
      };
    });
    return people;
  }

  it("the Markdown report has one row per learner with their score, and the counts per question", async () => {
    const run = await runCli(["report", results]);
    expect(run.code, run.stderr).toBe(0);
    const md = run.stdout;
    const people = expected();
    expect(people.map((p) => p.score)).toEqual([
      COUNT,
      COUNT - graded(bob.run.lines).filter((q) => q.derivativeParts > 0).length,
      COUNT - 1,
    ]);
    const row = (p: (typeof people)[number], mdName: string) =>
      new RegExp(
        `^\\| ${mdName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\| complete \\| ${p.score}/${COUNT} \\(\\d+%\\) \\| ${p.correct}/${p.attempts} \\| \\d+:\\d\\d \\| 0 \\| ${p.skipped} \\| 0 \\|$`,
        "m",
      );
    expect(md).toMatch(row(people[0]!, "Aiko Tanaka"));
    expect(md).toMatch(row(people[1]!, 'Bob "the Builder" \\| Jr.'));
    expect(md).toMatch(row(people[2]!, "鈴木, 一郎"));
    // Per question: right, wrong, skipped, unanswered.
    for (let i = 0; i < COUNT; i++) {
      const right = people.filter((p) => p.perQuestion[i] === "right").length;
      const wrong = people.filter((p) => p.perQuestion[i] === "wrong").length;
      const skipped = people.filter((p) => p.perQuestion[i] === "skipped").length;
      expect(md).toMatch(
        new RegExp(`^\\| ${i + 1} \\| [^|]+ \\| [^|]+ \\| [^|]+ \\| ${right}/3 \\| ${wrong} \\| ${skipped} \\| 0 \\|$`, "m"),
      );
    }
    const mistakes = people[1]!.mistakes;
    expect(md).toMatch(
      new RegExp(
        `^\\| [^|]*\\(sigmoid-instead-of-derivative\\) \\| ${mistakes} \\| Bob "the Builder" \\\\\\| Jr\\. \\(${mistakes}\\) \\|`,
        "m",
      ),
    );
    expect(md).toContain("## Files left out\n\nnone\n");
    expect(md).toContain("Every answer was graded again against the same content version.");
  });

  it("the CSV report reads back to the same rows", async () => {
    const run = await runCli(["report", results, "--format", "csv"]);
    expect(run.code).toBe(0);
    const [learners] = run.stdout
      .replace(/^\uFEFF/, "")
      .split("\r\n\r\n")
      .map((t) => parseCsv(t));
    const header = learners![0]!;
    const rows = learners!.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const people = expected();
    expect(rows.map((r) => r.learner).sort()).toEqual(people.map((p) => p.name).sort());
    for (const p of people) {
      const r = rows.find((x) => x.learner === p.name)!;
      expect([r.status, r.score, r.questions, r.attempts, r.correct, r.skipped, r.unanswered, r.hints]).toEqual(
        ["complete", p.score, COUNT, p.attempts, p.correct, p.skipped, 0, 0].map(String),
      );
      const outcomes = Array.from({ length: COUNT }, (_, i) => String(r[`q${i + 1}`]).split(":")[0]);
      expect(outcomes).toEqual(p.perQuestion);
    }
  });

  it("the JSON report has learners, questions and mistakes matching the answers", async () => {
    const run = await runCli(["report", results, "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.quiz).toMatchObject({ seed: SEED, count: COUNT, skills: ["derivative-value", "sigmoid-value"] });
    const people = expected();
    for (const p of people) {
      expect(report.learners.find((l: { name: string }) => l.name === p.name)).toMatchObject({
        name: p.name,
        score: p.score,
        outOf: COUNT,
        attempts: p.attempts,
        correct: p.correct,
        skipped: p.skipped,
        unanswered: 0,
        hintsUsed: 0,
        partial: false,
      });
    }
    expect(report.questions.map((q: { right: number }) => q.right)).toEqual(
      Array.from({ length: COUNT }, (_, i) => people.filter((p) => p.perQuestion[i] === "right").length),
    );
    expect(report.mistakes).toEqual([
      expect.objectContaining({
        id: "sigmoid-instead-of-derivative",
        count: people[1]!.mistakes,
        learners: [{ name: BOB, count: people[1]!.mistakes }],
      }),
    ]);
    expect(report.rejected).toEqual([]);
    expect(report.steps.length).toBeGreaterThan(0);
    expect(report.steps[0].title).toEqual(expect.objectContaining({ en: expect.any(String), ja: expect.any(String) }));
  });

  it("a verdict edited by hand is flagged as tampered and kept out of the figures", async () => {
    const edited = join(dir, "edited");
    mkdirSync(edited);
    for (const l of [aiko, bob, suzuki]) copyFileSync(l.file, join(edited, l.file.split("/").at(-1)!));
    const bobFile = join(edited, bob.file.split("/").at(-1)!);
    const text = readFileSync(bobFile, "utf8");
    const changed = text.replace('"verdict": "incorrect"', '"verdict": "correct"');
    expect(changed).not.toBe(text);
    writeFileSync(bobFile, changed);
    const run = await runCli(["report", edited, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 file left out");
    const report = JSON.parse(run.stdout);
    expect(report.learners.map((l: { name: string }) => l.name).sort()).toEqual([AIKO, SUZUKI].sort());
    expect(report.rejected).toEqual([{ file: bobFile, reason: "tampered", detail: expect.stringContaining("checksum"), name: BOB }]);
    expect(report.mistakes).toEqual([]);
    const md = (await runCli(["report", edited])).stdout;
    expect(md).toMatch(/^\| [^|]+ \| Bob "the Builder" \\\| Jr\. \| tampered \| the checksum does not match/m);
  });

  it("a trainer killed mid-quiz leaves a valid partial result that the report reads, marked partial", async () => {
    const crashDir = join(dir, "crash");
    mkdirSync(crashDir);
    const file = join(crashDir, "dana.json");
    let answered = 0;
    const run = await driveQuiz(
      [...QUIZ_ARGS, "--name", "Dana", "--out", file, "--data-dir", join(dir, "data-dana")],
      (line) => (isQuestion(line) ? rightAnswer(line) : undefined),
      {
        // kill -9 the moment the second graded answer's feedback is printed.
        killWhen: (lines) => {
          const last = lines.at(-1)!;
          if (last.type === "feedback" && last.verdict !== "invalid") answered++;
          return answered === 2;
        },
      },
    );
    expect(run.signal).toBe("SIGKILL");
    const read = parseResult(readFileSync(file, "utf8"));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.result.finishedAt).toBeNull();
    expect(read.result.questions.flatMap((q) => q.answers)).toHaveLength(2);
    for (const l of [aiko, bob, suzuki]) copyFileSync(l.file, join(crashDir, l.file.split("/").at(-1)!));
    const report = JSON.parse((await runCli(["report", crashDir, "--format", "json"])).stdout);
    expect(report.learners.find((l: { name: string }) => l.name === "Dana")).toMatchObject({
      status: "partial",
      partial: true,
      attempts: 2,
      correct: 2,
      unanswered: expect.any(Number),
    });
    expect(report.learners).toHaveLength(4);
    const md = (await runCli(["report", crashDir])).stdout;
    expect(md).toMatch(/^\| Dana \| partial \(as far as saved\) \| /m);
    expect(md).toContain("4 learners (1 partial).");
  });
});
