// `npm run bench`: start-up, latency, memory and throughput of the built trainer, each figure
// the median of RUNS runs and reported as a ratio against bare `node -e 0` measured in the same
// run (the machines are shared and noisy: absolute times mean little, ratios travel).
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";
import { timeToExit } from "./pty.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = `${ROOT}dist/cli.js`;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const node = process.execPath;

async function medianOf(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return median(samples);
}

const rows = [];
function row(name, value, unit, { ratioTo, target, note } = {}) {
  const ratio = ratioTo ? value / ratioTo : null;
  let verdict = "";
  if (target) verdict = target.check(value, ratio) ? "met" : `MISSED (${target.text})`;
  rows.push({ name, value, unit, ratio, target: target?.text ?? "", verdict, note: note ?? "" });
}

// Interleave bare node with each command so drift in machine load hits both alike.
async function startupRatio(name, argv, target) {
  const bare = [];
  const cmd = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeToExit([node, "-e", "0"]));
    cmd.push(await timeToExit([node, CLI, ...argv]));
  }
  const b = median(bare);
  row(name, median(cmd), "ms", { ratioTo: b, target });
  return b;
}

const nonUi = { text: "≤ 1.3× node", check: (_v, r) => r <= 1.3 };

const bare = await medianOf(RUNS, () => timeToExit([node, "-e", "0"]));
row("bare node -e 0 (pty)", bare, "ms", { ratioTo: bare });
await startupRatio("--version", ["--version"], nonUi);
await startupRatio("calc 1", ["calc", "1"], nonUi);

const extra = await Promise.allSettled(
  ["./ui-bench.mjs", "./content-bench.mjs", "./grading-bench.mjs", "./report-bench.mjs"].map((m) => import(m)),
);
for (const result of extra) {
  if (result.status === "fulfilled") await result.value.default({ row, RUNS, CLI, ROOT, bare, medianOf });
}

const fmt = (n, digits = 1) => (n === null || n === undefined ? "" : n.toFixed(digits));
const table = [
  "| figure | median | unit | × bare node | target | result |",
  "|---|---:|---|---:|---|---|",
  ...rows.map((r) => `| ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.ratio === null ? "" : fmt(r.ratio, 2)} | ${r.target} | ${r.verdict}${r.note ? ` ${r.note}` : ""} |`),
];
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs per figure.\n`);
console.log(table.join("\n"));
