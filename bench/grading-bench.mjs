// Grading throughput: typed answers read, graded and diagnosed per second by checkNumeric
// (src/core/check), the function every answer in the trainer, plain mode and `check` goes
// through. The answers mix what learners type: right answers in several notations, too few
// digits, typical mistakes, plain wrong numbers and unreadable input.
import { spawn } from "node:child_process";
import { bundleEntry } from "./bundle-entry.mjs";

const ENTRY = `
import { checkNumeric } from "./src/core/check";
import { getQuantity } from "./src/core/quantities";

const cases: { question: { expected: number; digits: number; mistakes: { id: string; value: number }[] }; input: string }[] = [];
const xs = [-4, -2.5, -1, -0.5, 0.3, 1, 2, 3.5, 6];
for (const id of ["sigmoid", "derivative"] as const) {
  const quantity = getQuantity(id);
  for (const x of xs) {
    const params = { x };
    const expected = quantity.expected(params);
    const mistakes = quantity.mistakes(params).filter((m) => Number.isFinite(m.value));
    const question = { expected, digits: 3, mistakes };
    const inputs = [
      expected.toPrecision(3),
      expected.toPrecision(5),
      expected.toExponential(2),
      expected.toExponential(2).replace("e", "×10^"),
      expected.toPrecision(2),
      (expected * 1.5).toPrecision(3),
      "0.5",
      "abc",
      "1/4",
      "０．" + expected.toPrecision(3).slice(2),
      ...mistakes.map((m) => m.value.toPrecision(3)),
    ];
    for (const input of inputs) cases.push({ question, input });
  }
}
const seconds = Number(process.argv[2] ?? 1);
let graded = 0;
let sink = 0;
const start = performance.now();
let now = start;
while (now - start < seconds * 1000) {
  for (const { question, input } of cases) sink += checkNumeric(question, input).verdict.length;
  graded += cases.length;
  now = performance.now();
}
process.stdout.write(JSON.stringify({ perSecond: graded / ((now - start) / 1000), cases: cases.length, sink }) + "\\n");
`;

function run(entry, seconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, String(seconds)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (err += c));
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`grading entry exited ${code}: ${err.trim().split("\n").at(-1)}`)),
    );
  });
}

export default async ({ row, RUNS, ROOT, median, tempDir }) => {
  const entry = await bundleEntry({ root: ROOT, source: ENTRY, outdir: tempDir("grading"), name: "grading-entry" });
  const rates = [];
  let cases = 0;
  for (let i = 0; i < RUNS; i++) {
    const result = await run(entry, 1);
    rates.push(result.perSecond);
    cases = result.cases;
  }
  const rate = median(rates);
  row("grading throughput (checkNumeric)", rate, "answers/s", {
    note: `${(1e6 / rate).toFixed(1)} µs an answer; ${cases} mixed answers, 1 s a run`,
  });
};
