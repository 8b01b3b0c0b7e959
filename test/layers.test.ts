// The layering rules of docs/architecture.md, checked on the sources: data flows content → core
// → engine → progress → ui/plain, and the command line sits on top. A file that imports across a
// rule fails here with the file and the import named. The screens' whole import graph is walked,
// so a module that pulls plain mode or the command line in through a third file is caught too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports or re-exports, static and dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/g,
    /(?:^|\n)\s*import\s+"([^"]+)"/g,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** The file a relative specifier names, or null for a package. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, "");
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const layer = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const name = (file: string) => relative(SRC, file).replaceAll("\\", "/");

/** Every file a layer's files reach through relative imports, with the chain that reached it. */
function reachable(roots: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = roots.map((file) => ({ file, chain: [name(file)] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const target = resolveLocal(file, specifier);
      if (target && !seen.has(target)) queue.push({ file: target, chain: [...chain, name(target)] });
    }
  }
  return seen;
}

const files = sourceFiles(SRC);
const inLayer = (...layers: string[]) => files.filter((f) => layers.includes(layer(f)));

/** "file → import" for every import in these files that breaks `bad`. */
function violations(of: string[], bad: (specifier: string, target: string | null) => boolean): string[] {
  return of.flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((specifier) => bad(specifier, resolveLocal(file, specifier)))
      .map((specifier) => `${name(file)} → ${specifier}`),
  );
}

describe("import directions", () => {
  it("finds the source files and reads their imports", () => {
    expect(inLayer("ui").length).toBeGreaterThan(20);
    expect(importsOf('import { a } from "./a";\nexport type { B } from "../b";\nconst c = await import("./c");')).toEqual([
      "./a",
      "../b",
      "./c",
    ]);
  });

  it("the screens (src/ui) never reach the command line or plain mode, directly or through another module", () => {
    const reached = reachable(inLayer("ui"));
    const wrong = [...reached].filter(([file]) => ["cli", "plain"].includes(layer(file))).map(([, chain]) => chain.join(" → "));
    expect(wrong).toEqual([]);
  });

  it("src/core imports nothing above it: no React, no Ink, no I/O", () => {
    const io = /^(?:node:)?(?:fs|fs\/promises|child_process|net|http|https|os|readline|stream|tty|worker_threads|dgram|cluster)$/;
    const wrong = violations(inLayer("core"), (specifier, target) => {
      if (target !== null) return layer(target) !== "core";
      return /^(?:react|ink|zustand)(?:\/|$)/.test(specifier) || io.test(specifier);
    });
    expect(wrong).toEqual([]);
  });

  it("the layers below the front ends never import a front end or the command line", () => {
    const below = inLayer("core", "content", "engine", "progress", "quiz", "report", "app");
    const wrong = violations(below, (specifier, target) => {
      if (target !== null) return ["ui", "plain", "cli"].includes(layer(target));
      return /^(?:react|ink)(?:\/|$)/.test(specifier);
    });
    expect(wrong).toEqual([]);
  });

  it("plain mode never loads the screens (Ink or React)", () => {
    const wrong = violations(inLayer("plain"), (specifier, target) =>
      target !== null ? layer(target) === "ui" : /^(?:react|ink)(?:\/|$)/.test(specifier),
    );
    expect(wrong).toEqual([]);
  });
});
