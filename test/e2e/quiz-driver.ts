// Drives the BUILT `sigmoid-trainer quiz --plain --json` as a script would: reads each JSON
// line as it arrives and answers from what it says (the question's params), so a test can act
// like a learner with a chosen habit.
import { spawn } from "node:child_process";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { CLI, ROOT } from "../support/cli";

export interface QuizLine {
  type: string;
  [key: string]: unknown;
}

export interface QuestionLine extends QuizLine {
  type: "question";
  id: string;
  quantity: string;
  part: number;
  parts: number;
  number: number;
  params: Record<string, number>;
}

export interface DriveResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: QuizLine[];
  stderr: string;
}

export interface DriveOptions {
  env?: Record<string, string | undefined>;
  /** Kill the trainer with SIGKILL once this holds for the lines so far. */
  killWhen?: (lines: readonly QuizLine[]) => boolean;
}

/**
 * `respond` sees every line; what it returns is typed as the next input line (null ends the
 * input, undefined sends nothing). Input stays open until then: the trainer ends by itself
 * after its summary line.
 */
export function driveQuiz(
  args: readonly string[],
  respond: (line: QuizLine, lines: readonly QuizLine[]) => string | null | undefined,
  options: DriveOptions = {},
): Promise<DriveResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const child = spawn(process.execPath, [CLI, "quiz", "--plain", "--json", ...args], { cwd: ROOT, env });
    const lines: QuizLine[] = [];
    let stderr = "";
    let buffer = "";
    let killed = false;
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.on("error", () => {});
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (killed) continue;
        const line = JSON.parse(text) as QuizLine;
        lines.push(line);
        if (options.killWhen?.(lines)) {
          killed = true;
          child.kill("SIGKILL");
          continue;
        }
        const reply = respond(line, lines);
        if (reply === null) child.stdin.end();
        else if (reply !== undefined) child.stdin.write(`${reply}\n`);
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (buffer.trim() !== "") lines.push({ type: "unterminated", text: buffer });
      resolve({ code, signal, lines, stderr });
    });
  });
}

/** The right answer to a question line, to 6 significant figures. */
export function rightAnswer(q: QuestionLine): string {
  const x = q.params.x;
  if (x === undefined) throw new Error(`no x in ${JSON.stringify(q.params)}`);
  if (q.quantity === "sigmoid") return sigmoid(x).toPrecision(6);
  if (q.quantity === "derivative") return sigmoidDerivative(x).toPrecision(6);
  throw new Error(`the test learners answer only sigmoid and derivative, not ${q.quantity}`);
}

/** σ(x) where σ′(x) is asked: the typical mistake "sigmoid-instead-of-derivative". */
export function sigmoidForDerivative(q: QuestionLine): string {
  return q.quantity === "derivative" ? sigmoid(q.params.x!).toPrecision(6) : rightAnswer(q);
}

export const isQuestion = (line: QuizLine): line is QuestionLine => line.type === "question";

export const SEED = 2024;
export const COUNT = 6;
/** The seeded quiz of the cohort and live-session tests: σ and σ′ questions only, so the learners can compute answers. */
export const QUIZ_ARGS = [
  "--seed",
  String(SEED),
  "--count",
  String(COUNT),
  "--skill",
  "sigmoid-value",
  "--skill",
  "derivative-value",
  "--lang",
  "en",
];
