// `npm run bench`: start-up, latency, memory and throughput of the built trainer, each figure
// the median of RUNS runs and reported as a ratio against bare `node -e 0` measured in the same
// run, interleaved with it (the machines are shared and noisy: absolute times mean little,
// ratios travel). The full-screen trainer's first frame is also given as a ratio to a six-line
// Ink hello world bundled the standard way (bench/ink-hello.mjs), paired run by run. Prints one
// table; exits 0, or 1 when a part of the bench itself failed.
//
// Everything runs in a clean environment: NODE_OPTIONS, NODE_EXTRA_CA_CERTS and every other
// NODE_* variable are removed before anything is started (a learner's shell has none of them,
// and NODE_EXTRA_CA_CERTS alone makes bare node about 3× slower, which flatters every ratio).
//
// Optional parts live in their own modules, each `export default async (context) => {...}`
// adding rows through context.row: a module that does not exist yet shows as "not measured";
// one that throws shows its error (and the exit code is 1).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnToExit } from "./spawn.mjs";
import { median, percentile } from "./stats.mjs";
import { timeToExit } from "./pty.mjs";

/** The NODE_* variables found in the environment and removed for every measured process. */
const REMOVED_ENV = Object.keys(process.env)
  .filter((name) => name.startsWith("NODE_"))
  .sort();
for (const name of REMOVED_ENV) delete process.env[name];

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = `${ROOT}dist/cli.js`;
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9) || 9);
const node = process.execPath;
const bareArgv = [node, "-e", "0"];

const temps = [];
/** A fresh temporary directory, removed when the bench ends. */
function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `st-bench-${prefix}-`));
  temps.push(dir);
  return dir;
}

async function medianOf(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return median(samples);
}

// The trainer's caches (the parsed course, the screens' compiled code) in a directory of the
// bench's own: what a learner has from the second start on (the first start's own row says
// what it costs without them).
process.env.SIGMOID_TRAINER_CACHE = tempDir("cache");

const rows = [];
let failed = false;

/**
 * Adds a row. The ratio is `ratio` when given (a median of per-run ratios, see paired) or
 * value / ratioTo. `target.check(value, ratio)` decides met/MISSED; `target.why` says why it is
 * missed (printed in the table, so a miss never stands unexplained).
 */
function row(name, value, unit, { ratio: given, ratioTo, target, note } = {}) {
  const ratio = given ?? (ratioTo ? value / ratioTo : null);
  let verdict = "";
  if (target) verdict = target.check(value, ratio) ? "met" : `MISSED${target.why ? `: ${target.why}` : ""}`;
  rows.push({ name, value, unit, ratio, target: target?.text ?? "", verdict, note: note ?? "" });
}

/** A row for a figure that could not be taken; the reason is shown instead of a number. */
function notMeasured(name, reason, { target } = {}) {
  rows.push({ name, value: null, unit: "", ratio: null, target: target?.text ?? "", verdict: `not measured: ${reason}`, note: "" });
}

/**
 * RUNS interleaved pairs (bare node, fn) so that drift in machine load hits both alike; `fn`
 * returns milliseconds and `bareFn` (default: bare node through pipes) measures the baseline the
 * same way. Returns the median time, the median baseline and the median of the RUNS per-pair
 * ratios: on a shared machine a load spike lands on both halves of a pair, so the ratio of
 * each pair is steadier than the ratio of two separate medians.
 */
/** Every time of bare node through pipes taken in a pair: the run's overall baseline. */
const bareSamples = [];

async function paired(fn, bareFn) {
  const bare = [];
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const b = bareFn ? await bareFn(i) : await spawnToExit(bareArgv);
    if (!bareFn) bareSamples.push(b);
    bare.push(b);
    samples.push(await fn(i));
  }
  return { value: median(samples), bare: median(bare), ratio: median(samples.map((s, i) => s / bare[i])), samples };
}

const context = {
  row,
  notMeasured,
  paired,
  tempDir,
  RUNS,
  CLI,
  ROOT,
  node,
  bareArgv,
  medianOf,
  median,
  percentile,
  bare: 0,
};

// Non-screen commands are what scripts call through pipes, so they are timed through pipes
// against bare node through pipes (a pty would add the same constant to both and flatter the
// ratio); the screen figures in ui-bench.mjs run in a pseudo-terminal.
const NON_UI_TARGET = 1.5;
const nonUi = (why) => ({ text: `≤ ${NON_UI_TARGET}× node`, check: (_v, r) => r <= NON_UI_TARGET, why });

// Warm-up, not counted: the first runs after a build also pay for a cold disk cache.
for (let i = 0; i < 3; i++) {
  await spawnToExit(bareArgv);
  await spawnToExit([node, CLI, "--version"]);
  await timeToExit(bareArgv);
}
// The baselines' rows come first; their values are the medians of every pair taken below.
const bareRow = rows.length;
row("bare node -e 0 (pipes)", 0, "ms", { ratio: 1 });
const barePty = await medianOf(RUNS, () => timeToExit(bareArgv));
context.barePty = barePty;
row("bare node -e 0 (in a pty)", barePty, "ms", { ratio: 1, note: "baseline of the screen figures" });

const emptyData = tempDir("empty-data");
// Why a command may miss 1.5×, from profiling it (node --cpu-prof) and logging what it loads
// (test/e2e/bundle-support.ts).
const BUNDLE = (kb, own) =>
  `one CommonJS file of ${kb} KB (no module graph): node's CommonJS loader reads and compiles it (12-30 ms in the profiles of check, stats and export), then ${own}; a V8 code cache for the file measured no faster (loading node:crypto and node:vm costs what it saves); between bench runs on the shared machine this ratio moves by ±0.2`;
const WHY_NON_UI = {
  "--version": "cli.js answers it without loading anything else: what remains is node's start-up",
  "--help": "cli.js answers it without loading anything else: what remains is node's start-up",
  "calc 1": BUNDLE(39, "its own code"),
  "check --x 1 --answer 0.731": BUNDLE(93, "about 12 ms of its own code (the grader, σ in double-double arithmetic)"),
  "stats (empty data dir)": BUNDLE(
    147,
    "about 11 ms of its own code (the progress store with ts-fsrs and zustand; reading and hashing the course's files to find the cached course for skill titles)",
  ),
  "export (empty data dir)": BUNDLE(118, "about 15 ms of its own code (the progress store with ts-fsrs and zustand)"),
  schema: "it prints dist/content.schema.json, written at build time, but goes through main.mjs, an ES module, and its chunks",
};
const NON_UI = [
  ["--version", ["--version"]],
  ["--help", ["--help"]],
  ["calc 1", ["calc", "1"]],
  ["check --x 1 --answer 0.731", ["check", "--quantity", "sigmoid", "--x", "1", "--answer", "0.731"]],
  ["stats (empty data dir)", ["stats", "--data-dir", emptyData]],
  ["export (empty data dir)", ["export", "--data-dir", emptyData]],
  ["schema", ["schema"]],
];
for (const [name, argv] of NON_UI) {
  const { value, ratio, bare } = await paired(() => spawnToExit([node, CLI, ...argv]));
  row(name, value, "ms", { ratio, target: nonUi(WHY_NON_UI[name]), note: `bare node ${bare.toFixed(0)} ms in these pairs` });
}

// The overall baseline for figures not taken in pairs (content, report): every bare run so far.
context.bare = median(bareSamples);
rows[bareRow].value = context.bare;
rows[bareRow].note = `median of all ${bareSamples.length} bare runs paired with the commands below`;

const PARTS = [
  ["ui-bench.mjs", "the full-screen trainer"],
  ["content-bench.mjs", "content loading and validation"],
  ["grading-bench.mjs", "grading throughput"],
  ["report-bench.mjs", "report over result files"],
  ["live-bench.mjs", "live session: 200 learners answering at once"],
];
// BENCH_SKIP=ui,content,live (part names without "-bench.mjs") leaves parts out while working on others.
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));
for (const [file, what] of PARTS) {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (SKIP.has(file.replace(/-bench\.mjs$/, ""))) {
    notMeasured(what, "left out with BENCH_SKIP");
    continue;
  }
  if (!existsSync(path)) {
    notMeasured(what, `bench/${file} does not exist yet`);
    continue;
  }
  try {
    const part = await import(path);
    await part.default(context);
  } catch (error) {
    failed = true;
    console.error(`bench/${file} failed:`, error);
    rows.push({
      name: what,
      value: null,
      unit: "",
      ratio: null,
      target: "",
      verdict: `ERROR in bench/${file}: ${oneLine(error)}`,
      note: "",
    });
  }
}

for (const dir of temps) rmSync(dir, { recursive: true, force: true });

function oneLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].replace(/\|/g, "/").slice(0, 160);
}

const fmt = (n, digits = 1) => {
  if (n === null || n === undefined) return "";
  if (Math.abs(n) >= 10_000) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(digits);
};
const table = [
  "| figure | median | unit | × bare node | target | result |",
  "|---|---:|---|---:|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.ratio === null ? "" : fmt(r.ratio, 2)} | ${r.target} | ${r.verdict}${r.note ? ` (${r.note})` : ""} |`,
  ),
];
const cpu = cpus();
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model?.trim() ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}, Node ${process.version}; ${RUNS} runs per figure.`,
);
console.log(
  `Clean environment: every process runs without NODE_OPTIONS, NODE_EXTRA_CA_CERTS or any other NODE_* variable (removed here: ${REMOVED_ENV.length > 0 ? REMOVED_ENV.join(", ") : "none were set"}); CI unset in the pseudo-terminal.\n`,
);
console.log(table.join("\n"));
process.exitCode = failed ? 1 : 0;
