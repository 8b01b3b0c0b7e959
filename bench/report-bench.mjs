// `report` over a cohort of 500 result files (issue 7: under a second). Four real results are
// made first by running the built trainer's quiz through JSON lines with four habits (all right,
// σ for σ′, every third question skipped, stopped halfway); 500 files are copies of them under
// other names, sealed again, so every one passes the checksum and is re-graded like a real file.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { timeToExit } from "./pty.mjs";

const FILES = 500;
const QUIZ = ["--seed", "2024", "--count", "10", "--skill", "sigmoid-value,derivative-value", "--lang", "en"];

const sigmoid = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const right = (q) => {
  const s = sigmoid(q.params.x);
  return (q.quantity === "derivative" ? s * (1 - s) : s).toPrecision(6);
};

/** The result file's checksum, as src/quiz/result.ts computes it. */
function canonical(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(",")}}`;
}
function seal(result) {
  const { checksum: _old, ...rest } = result;
  return { ...rest, checksum: `sha256:${createHash("sha256").update(canonical(rest), "utf8").digest("hex")}` };
}

/** Takes the quiz with `answer(question) -> line | null`; resolves with the result file's path. */
function takeQuiz(CLI, dir, name, answer) {
  const out = join(dir, `${name}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      CLI,
      "quiz",
      "--plain",
      "--json",
      ...QUIZ,
      "--name",
      name,
      "--out",
      out,
      "--data-dir",
      join(dir, "data"),
    ]);
    let buffer = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const line = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (line.type !== "question") continue;
        const reply = answer(line);
        if (reply === null) child.stdin.end();
        else child.stdin.write(`${reply}\n`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`quiz for ${name} exited ${code}`))));
  });
}

export default async function reportBench({ row, RUNS, CLI, bare, medianOf }) {
  const made = mkdtempSync(join(tmpdir(), "report-bench-made-"));
  const cohort = mkdtempSync(join(tmpdir(), "report-bench-"));
  try {
    const templates = [
      await takeQuiz(CLI, made, "right", right),
      await takeQuiz(CLI, made, "mistake", (q) => (q.quantity === "derivative" ? sigmoid(q.params.x).toPrecision(6) : right(q))),
      await takeQuiz(CLI, made, "skipper", (q) => (q.number % 3 === 0 ? ":skip" : right(q))),
      await takeQuiz(CLI, made, "halfway", (q) => (q.number > 5 ? null : right(q))),
    ].map((path) => JSON.parse(readFileSync(path, "utf8")));
    for (let i = 0; i < FILES; i++) {
      const result = seal({ ...templates[i % templates.length], name: `Learner ${String(i).padStart(3, "0")}` });
      writeFileSync(join(cohort, `learner-${i}.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
    const ms = await medianOf(RUNS, () => timeToExit([process.execPath, CLI, "report", cohort]));
    row(`report over ${FILES} result files (md)`, ms, "ms", {
      ratioTo: bare,
      target: {
        text: "< 1000 ms",
        check: (v) => v < 1000,
        // Not a ratio: an absolute time moves with the shared machine's load.
        why: `an absolute time, ${(ms / bare).toFixed(1)}× this run's bare node: it follows the machine's load (387 ms, 6.4× bare node, on a quieter day)`,
      },
    });
  } finally {
    rmSync(made, { recursive: true, force: true });
    rmSync(cohort, { recursive: true, force: true });
  }
}
