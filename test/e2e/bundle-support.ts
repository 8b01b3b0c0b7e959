// What the built CLI loads: a module-loader hook (node --import) logs the URL of every module
// the process loads, so a test can see exactly which dist/ chunks (and which packages, if any
// were left outside the bundle) a command brought in. Markers tell whether a chunk carries Ink
// or React, whether or not the bundle is minified.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, ROOT } from "../support/cli";

export const DIST = join(ROOT, "dist");

const HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, nextLoad) {
  if (process.env.ST_LOAD_LOG) appendFileSync(process.env.ST_LOAD_LOG, url + "\\n");
  return nextLoad(url, context);
}
`;
// ES modules go through the loader hook; CommonJS files (dist/cli.js, dist/commands/*.js) are
// logged as node compiles them.
const REGISTER = `import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
import { pathToFileURL } from "node:url";
register("./hooks.mjs", import.meta.url);
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (process.env.ST_LOAD_LOG) appendFileSync(process.env.ST_LOAD_LOG, pathToFileURL(filename).href + "\\n");
  return compile.call(this, content, filename);
};
`;

/** Writes the hook files once; returns the --import argument. */
export function loadLogger(): string {
  const dir = mkdtempSync(join(tmpdir(), "st-load-hook-"));
  writeFileSync(join(dir, "hooks.mjs"), HOOKS);
  writeFileSync(join(dir, "register.mjs"), REGISTER);
  return `--import=${join(dir, "register.mjs")}`;
}

export interface LoadedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every module URL the process loaded, in load order. */
  urls: string[];
  /** What the screens script's code cache did, one line each time it was loaded (none: not loaded). */
  cacheLog: string;
}

/** Runs `node --import <logger> dist/cli.js ...args` through pipes and returns what it loaded. */
export function runLogged(importFlag: string, args: readonly string[], input = ""): Promise<LoadedRun> {
  const logDir = mkdtempSync(join(tmpdir(), "st-load-log-"));
  const log = join(logDir, "loaded.txt");
  const cacheLog = join(logDir, "code-cache.txt");
  writeFileSync(log, "");
  writeFileSync(cacheLog, "");
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: "1",
      ST_LOAD_LOG: log,
      SIGMOID_TRAINER_CODE_CACHE_LOG: cacheLog,
      LANG: "C.UTF-8",
    };
    delete env.SIGMOID_TRAINER_HOME;
    const child = spawn(process.execPath, [importFlag, CLI, ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
      resolve({ code, stdout, stderr, urls, cacheLog: readFileSync(cacheLog, "utf8") });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** Packages that make up the screen: none of them may load for a command without one. */
export const UI_PACKAGES = ["ink", "react", "react-reconciler", "react-dom", "scheduler", "yoga-layout", "ink-testing-library"];

/**
 * Code only Ink or React contain, kept by minifiers: Ink's host node names, React's element
 * symbols, and esbuild's "// node_modules/<pkg>/" path comments of a non-minified bundle.
 */
const INK_MARKERS = [/["']ink-(?:root|box|text)["']/, /\/\/ node_modules\/(?:ink|yoga-layout)\//];
const REACT_MARKERS = [
  /Symbol\.for\(["']react\.(?:transitional\.)?element["']\)/,
  /\/\/ node_modules\/(?:react|react-reconciler|scheduler)\//,
];

export function carriesInk(code: string): boolean {
  return INK_MARKERS.some((m) => m.test(code));
}

export function carriesReact(code: string): boolean {
  return REACT_MARKERS.some((m) => m.test(code));
}

/** What a run loaded, sorted out: dist files (relative), packages from node_modules, builtins. */
export function classify(urls: readonly string[]): { distFiles: string[]; packages: string[]; builtins: string[] } {
  const distFiles: string[] = [];
  const packages = new Set<string>();
  const builtins: string[] = [];
  for (const url of urls) {
    if (url.startsWith("node:")) {
      builtins.push(url);
      continue;
    }
    if (!url.startsWith("file:")) continue;
    const path = fileURLToPath(url);
    const inModules = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
    if (inModules) packages.add(inModules[1]!.replace(/\\/g, "/"));
    else if (path.startsWith(DIST)) distFiles.push(path.slice(DIST.length + 1).replace(/\\/g, "/"));
  }
  return { distFiles, packages: [...packages], builtins };
}

/**
 * Every dist file reachable from the entries (cli.js, main.mjs, the single-command bundles)
 * through static and dynamic imports of relative paths.
 */
export function reachableChunks(): string[] {
  const seen = new Set<string>();
  const queue = ["cli.js", "main.mjs", ...readdirSync(join(DIST, "commands")).map((f) => `commands/${f}`)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), "utf8");
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    // Only paths to built files (.js, .mjs): a bundled package's JSDoc (`import('../fastify')`) is no import.
    for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["'](\.\.?\/[^"']+\.m?js)["']/g)) {
      const target = join(dir, match[1]!).replace(/\\/g, "/");
      // Bundled code may quote such a path in a string (the server's packages do): only files count.
      if (existsSync(join(DIST, target))) queue.push(target);
    }
  }
  return [...seen];
}

/**
 * The npm packages bundled into a command's own bundle (dist/commands/<command>.js), or into its
 * chunk and every chunk it imports statically (esbuild, not minified, starts each bundled module
 * with a `// node_modules/<package>/` comment). Undefined when there is neither.
 */
export function packagesBundledFor(command: string): Set<string> | undefined {
  if (existsSync(join(DIST, "commands", `${command}.js`))) {
    return new Set([...distCode(`commands/${command}.js`).matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!));
  }
  const entry = readdirSync(join(DIST, "chunks")).find((c) => c.startsWith(`${command}-`));
  if (entry === undefined) return undefined;
  const staticImports = (code: string) =>
    [...code.matchAll(/(?:^|\n)import\s*(?:[^"'`;]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => `chunks/${m[1]}`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [`chunks/${entry}`];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = distCode(file);
    for (const m of code.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]!);
    queue.push(...staticImports(code));
  }
  return packages;
}

export function distCode(file: string): string {
  return readFileSync(join(DIST, file), "utf8");
}
