// The repository stands on its own: every relative link in README.md and docs/ reaches a file
// (and a heading) that is in it, and every Markdown file a comment names in the code exists, so
// someone who clones the project can read what the code relies on.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/cli";

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsIn(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (!inFence && heading) anchors.add(anchorOf(heading[1]!));
  }
  return anchors;
}

const DOCS = ["README.md", ...filesUnder("docs", (name) => name.endsWith(".md"))];

describe("links in README.md and docs/", () => {
  it("has the documents the README links to", () => {
    for (const doc of ["architecture", "commands", "content-format", "grading", "benchmarks", "progress", "contributing"]) {
      expect(existsSync(join(ROOT, "docs", `${doc}.md`)), doc).toBe(true);
    }
  });

  for (const doc of DOCS) {
    it(`${doc}: every relative link reaches a file and heading in the repository`, () => {
      const text = readFileSync(join(ROOT, doc), "utf8").replace(/```[\s\S]*?```/g, "");
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue; // an absolute URL
        const [path, anchor] = target!.split("#") as [string, string | undefined];
        const file = path === "" ? join(ROOT, doc) : join(ROOT, dirname(doc), path);
        if (!existsSync(file)) {
          broken.push(`${target} (no file ${relative(ROOT, file)})`);
        } else if (anchor !== undefined && !anchorsIn(readFileSync(file, "utf8")).has(anchor)) {
          broken.push(`${target} (no heading #${anchor})`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

describe("Markdown files named in the code", () => {
  it("are all in the repository", () => {
    const code = ["src", "test", "scripts", "bench"].flatMap((dir) => filesUnder(dir, (name) => /\.(ts|tsx|mjs|mts)$/.test(name)));
    const missing: string[] = [];
    for (const file of code) {
      for (const [name] of readFileSync(join(ROOT, file), "utf8").matchAll(/[\w./-]+\.md\b/g)) {
        const candidates = [join(ROOT, name), join(ROOT, "docs", name), join(ROOT, dirname(file), name)];
        if (!candidates.some((path) => existsSync(path))) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
