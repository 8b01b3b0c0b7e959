// Where the course comes from: the shipped content/ directory of this package, then any
// `--content DIR` packs in the order given. The package root is found by walking up from this
// module to the package.json named "sigmoid-trainer", which works from src/ (tests) and from
// the bundle in dist/ alike, wherever the package is installed.
import { englishCount } from "../core/i18n";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import envPaths from "env-paths";
import { type ContentCache, loadContentCached } from "../content/cache";
import type { LoadResult } from "../content/load";
import type { Course } from "../content/model";
import { visibleText } from "../core/visible-text";
import { formatProblem } from "../content/problems";
import { type CliIO, UserError } from "./io";

/** Set by scripts/build.mjs to a hash of the sources; absent when running from src/ (tests). */
declare const __SIGMOID_TRAINER_BUILD__: string | undefined;

const PACKAGE_NAME = "sigmoid-trainer";

export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME) return dir;
      } catch {
        // Not ours or not JSON: keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new UserError(`cannot find the ${PACKAGE_NAME} package directory (its content/ folder) above ${from}`);
    dir = parent;
  }
}

export function shippedContentDir(): string {
  return join(packageRoot(), "content");
}

/** The shipped content first, then the packs given with --content, in order. */
export function contentDirs(extra: readonly string[]): string[] {
  return [shippedContentDir(), ...extra];
}

/**
 * Where the parsed course is cached: $SIGMOID_TRAINER_CACHE (a directory, or "off"), else the
 * platform's cache directory. Off when not running the built program, whose build id keys it.
 */
export function contentCache(io: Pick<CliIO, "cwd" | "env">): ContentCache {
  const build = typeof __SIGMOID_TRAINER_BUILD__ === "string" ? __SIGMOID_TRAINER_BUILD__ : null;
  const setting = io.env.SIGMOID_TRAINER_CACHE;
  if (build === null || setting === "off") return { dir: null, build: "" };
  return { dir: setting ? resolve(io.cwd, setting) : envPaths(PACKAGE_NAME, { suffix: "" }).cache, build };
}

/** Loads the shipped course plus packs (from the cache when unchanged); never throws for bad content. */
export function loadCourseDirs(extra: readonly string[], io: Pick<CliIO, "cwd" | "env">): Promise<LoadResult> {
  return loadContentCached(contentDirs(extra), io.cwd, contentCache(io));
}

/**
 * The course for a command that needs one. Bad content stops the command with every problem
 * listed (exit 1), never a stack trace.
 */
export async function requireCourse(extra: readonly string[], io: Pick<CliIO, "cwd" | "env">): Promise<Course> {
  const result = await loadCourseDirs(extra, io);
  if (result.ok) return result.course;
  const count = result.problems.length;
  // File names and quoted content may hold control characters: shown as escapes.
  const lines = result.problems.map((problem) => visibleText(formatProblem(problem)));
  throw new UserError(`the content has ${englishCount(count, "problem", "problems")}:\n${lines.join("\n")}`);
}
