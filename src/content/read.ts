// Reads the YAML files of content directories from disk: every *.yaml / *.yml file under each
// directory (subfolders included, dot-files skipped), in sorted path order so that the load
// order, the problem order and the content version do not depend on the file system.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Problem } from "./problems";

export interface RawFile {
  /** The file as shown in messages: relative to the working directory when inside it, else absolute. */
  display: string;
  /** Path inside its content directory, with "/" separators (stable across machines). */
  relativePath: string;
  /** Index of the directory in the list loaded. */
  dirIndex: number;
  /** Position in the whole load, for sorting problems. */
  order: number;
  bytes: Uint8Array;
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
}

function listYaml(dir: string, prefix: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    const full = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const stat = statSync(full, { throwIfNoEntry: false });
      isDir = stat?.isDirectory() ?? false;
      isFile = stat?.isFile() ?? false;
    }
    if (isDir) listYaml(full, rel, out);
    else if (isFile && /\.ya?ml$/i.test(entry.name)) out.push(rel);
  }
}

/** Code-point order, the same on every machine and locale. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function readContentDirs(dirs: readonly string[], cwd: string): { files: RawFile[]; problems: Problem[] } {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  let order = 0;
  dirs.forEach((dir, dirIndex) => {
    const absolute = resolve(cwd, dir);
    const shown = displayPath(absolute, cwd);
    const problem = (message: string): Problem => ({ file: shown, fileOrder: order++, line: 0, col: 0, message });
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) {
      problems.push(problem("content directory not found"));
      return;
    }
    if (!stat.isDirectory()) {
      problems.push(problem("not a directory; expected a directory of .yaml files"));
      return;
    }
    const names: string[] = [];
    try {
      listYaml(absolute, "", names);
    } catch (error) {
      problems.push(problem(`could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`));
      return;
    }
    names.sort(compareCodePoints);
    if (names.length === 0) problems.push(problem("no .yaml files in this content directory"));
    for (const name of names) {
      const full = join(absolute, ...name.split("/"));
      try {
        const bytes = readFileSync(full);
        files.push({ display: displayPath(full, cwd), relativePath: name, dirIndex, order: order++, bytes });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        problems.push({ file: displayPath(full, cwd), fileOrder: order++, line: 0, col: 0, message: `could not be read: ${code}` });
      }
    }
  });
  return { files, problems };
}
