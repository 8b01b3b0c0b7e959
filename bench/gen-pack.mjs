// Writes a content pack of N exercise templates for the load/validate benchmark:
//   node bench/gen-pack.mjs DIR N [--per-file K]
// The templates are copies of the shipped course's own templates (cycled, each with a new id),
// so every kind of quantity, params space, hint and feedback override is represented in the
// proportions an author actually writes them, and the pack is valid on top of the shipped
// course: `sigmoid-trainer validate --content DIR` must report 0 problems.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The shipped templates, in file order. */
export function shippedTemplates(root = ROOT) {
  const dir = join(root, "content/exercises");
  const templates = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const doc = parse(readFileSync(join(dir, name), "utf8"));
    if (doc?.kind === "exercises" && Array.isArray(doc.exercises)) templates.push(...doc.exercises);
  }
  if (templates.length === 0) throw new Error(`no exercise templates found in ${dir}`);
  return templates;
}

/** Writes `count` templates into `dir` (emptied first), `perFile` to a file. Returns the file count. */
export function writePack(dir, count, { perFile = 100, root = ROOT } = {}) {
  const sources = shippedTemplates(root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let start = 0; start < count; start += perFile) {
    const exercises = [];
    for (let i = start; i < Math.min(count, start + perFile); i++) {
      const source = sources[i % sources.length];
      exercises.push({ ...source, id: `gen-${String(i).padStart(5, "0")}-${source.id}` });
    }
    writeFileSync(join(dir, `gen-${String(files).padStart(4, "0")}.yaml`), stringify({ kind: "exercises", exercises }, { lineWidth: 0 }));
    files++;
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, countText] = process.argv.slice(2);
  const perFileAt = process.argv.indexOf("--per-file");
  const count = Number(countText);
  if (!dir || !Number.isInteger(count) || count < 1) {
    console.error("usage: node bench/gen-pack.mjs DIR N [--per-file K]");
    process.exit(2);
  }
  const perFile = perFileAt > 0 ? Number(process.argv[perFileAt + 1]) : 100;
  const files = writePack(dir, count, { perFile });
  console.log(`${count} templates in ${files} files under ${dir}`);
}
