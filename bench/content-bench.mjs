// Content load and validation time for generated packs of 1,000 and 10,000 exercise templates
// on top of the shipped course (bench/gen-pack.mjs), each run in a fresh process (a cold start,
// as a learner or an author gets it). Timed inside the process, around the library calls that
// `sigmoid-trainer validate --content DIR` makes, so node's own start-up is not counted:
//   load     = read + YAML + schema + cross-file checks + every template's parameter space;
//   self-test = grading each template's right, just-outside and typical-mistake answers over
//               50 seeded variants (what `validate` adds for authors).
// The per-template cost shows whether growth is linear: the 10k/1k time ratio should be ≈ 10.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { bundleEntry } from "./bundle-entry.mjs";
import { writePack } from "./gen-pack.mjs";

const ENTRY = `
import { loadContent } from "./src/content/load";
import { DEFAULT_SEEDS, selfTestCourse } from "./src/content/selftest";
const [mode, ...dirs] = process.argv.slice(2);
const t0 = performance.now();
const loaded = loadContent(dirs, process.cwd());
const t1 = performance.now();
let selfTestMs = null;
let problems = loaded.ok ? 0 : loaded.problems.length;
if (loaded.ok && mode === "selftest") {
  const tested = selfTestCourse(loaded.course, DEFAULT_SEEDS);
  selfTestMs = performance.now() - t1;
  problems += tested.problems.length;
}
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, selfTestMs, templates: loaded.summary.templates, problems }) + "\\n");
`;

function runEntry(entry, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (err += c));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`content bench entry exited ${code}: ${err.trim().split("\n").slice(-3).join(" / ")}`));
      const result = JSON.parse(out);
      if (result.problems > 0) return reject(new Error(`the generated pack has ${result.problems} problems; the bench needs a valid pack`));
      resolve(result);
    });
  });
}

/** Full self-test of 10,000 templates takes minutes a run; BENCH_FULL=1 measures it too. */
const FULL = process.env.BENCH_FULL === "1";

export default async ({ row, notMeasured, RUNS, ROOT, bare, median, tempDir }) => {
  const work = tempDir("content");
  const entry = await bundleEntry({ root: ROOT, source: ENTRY, outdir: work, name: "content-entry" });
  const shipped = join(ROOT, "content");
  // Size 0 is the shipped course alone: the fixed cost the packs add to.
  const sizes = [0, 1_000, 10_000];
  const load = {};
  const selfTest = {};
  for (const size of sizes) {
    const dirs = [shipped];
    if (size > 0) {
      dirs.push(join(work, `pack-${size}`));
      writePack(dirs[1], size);
    }
    const loads = [];
    const tests = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runEntry(entry, ["load", ...dirs], work);
      loads.push(r.loadMs);
      if (r.templates < size) throw new Error(`expected at least ${size} templates, loaded ${r.templates}`);
      if (size === 0) load.shippedTemplates = r.templates;
    }
    load[size] = median(loads);
    if (size <= 1_000 || FULL) {
      for (let i = 0; i < RUNS; i++) tests.push((await runEntry(entry, ["selftest", ...dirs], work)).selfTestMs);
      selfTest[size] = median(tests);
    }
  }

  // Linear growth: the cost of each added template must not rise with the pack's size. The first
  // thousand also pays for warming up the JIT, so later ones are usually cheaper.
  const first = (load[1_000] - load[0]) / 1_000;
  const later = (load[10_000] - load[1_000]) / 9_000;
  const growth = load[10_000] / load[1_000];
  const linear = {
    text: "per template, 1k→10k ≤ 1.2 × 0→1k",
    check: () => later <= 1.2 * first,
    why: `each template costs more as the pack grows (${(later * 1000).toFixed(0)} µs vs ${(first * 1000).toFixed(0)} µs)`,
  };
  const oneSecond = {
    text: "≤ 1000 ms",
    check: (v) => v <= 1000,
    why: `each template costs about ${(later * 1000).toFixed(0)} µs cold: YAML parsed into a document tree with positions (yaml), the zod schema, and a check of its whole parameter space; a cache keyed by a content hash would skip it for unchanged content (docs/benchmarks.md)`,
  };

  row(`load shipped course alone (${load.shippedTemplates} templates)`, load[0], "ms", { ratioTo: bare });
  row("load 1,000 templates (+ shipped course)", load[1_000], "ms", { ratioTo: bare });
  row("load 10,000 templates (+ shipped course)", load[10_000], "ms", { ratioTo: bare, target: oneSecond });
  row("load: added cost per template, 0→1k", first * 1000, "µs");
  row("load: added cost per template, 1k→10k", later * 1000, "µs", {
    target: linear,
    note: `10k/1k total time ${growth.toFixed(1)}×, below 10 because of the fixed cost and JIT warm-up`,
  });
  row("self-test 1,000 templates (50 seeds)", selfTest[1_000], "ms", {
    ratioTo: bare,
    note: `${((selfTest[1_000] - selfTest[0]) / 1_000).toFixed(2)} ms per added template; validate = load + self-test`,
  });
  if (FULL) {
    row("self-test 10,000 templates (50 seeds)", selfTest[10_000], "ms", {
      ratioTo: bare,
      note: `${((selfTest[10_000] - selfTest[1_000]) / 9_000).toFixed(2)} ms per added template, 1k→10k`,
    });
  } else {
    notMeasured(
      "self-test 10,000 templates (50 seeds)",
      `about ${((selfTest[1_000] * 10) / 1000).toFixed(0)} s a run; BENCH_FULL=1 measures it`,
    );
  }
};
