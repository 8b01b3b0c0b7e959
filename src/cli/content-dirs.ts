// Where the course comes from: the shipped content/ directory of this package, then any
// `--content DIR` packs in the order given. The package root is found by walking up from this
// module to the package.json named "sigmoid-trainer", which works from src/ (tests) and from
// the bundle in dist/ alike, wherever the package is installed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Course } from "../content/model";
import { type LoadResult, loadContent } from "../content/load";
import { formatProblem } from "../content/problems";
import { type CliIO, UserError } from "./io";

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

/** Loads the shipped course plus packs; never throws for bad content. */
export function loadCourseDirs(extra: readonly string[], io: Pick<CliIO, "cwd">): LoadResult {
  return loadContent(contentDirs(extra), io.cwd);
}

/**
 * The course for a command that needs one. Bad content stops the command with every problem
 * listed (exit 1), never a stack trace.
 */
export function requireCourse(extra: readonly string[], io: Pick<CliIO, "cwd">): Course {
  const result = loadCourseDirs(extra, io);
  if (result.ok) return result.course;
  const count = result.problems.length;
  const lines = result.problems.map(formatProblem);
  throw new UserError(`the content has ${count} problem${count === 1 ? "" : "s"}:\n${lines.join("\n")}`);
}
