// The files a report reads: each path given, or every *.json directly inside a directory
// given (sorted by name; hidden files and the writer's temporary files are not results).
//
// Every file comes from someone else's machine, so none may stop the run: only regular files
// are read (a FIFO would block, a device never end), only up to RESULT_FILE_LIMIT bytes, and a
// symbolic link, in a directory or named on the command line, is followed only to a regular file
// in its own directory (a link to /etc/shadow or /dev/zero is listed, not read).
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { RefusedFileError, readBoundedFile } from "../progress/bounded-read";
import { errorCode, realFs } from "../progress/fs-layer";
import { parseResult } from "../quiz/verify";
import type { LoadedFile } from "./aggregate";

/** A real result file is a few KiB; a whole day's quiz of 200 questions stays far below this. */
export const RESULT_FILE_LIMIT = 16 * 1024 * 1024;
/** Files read from one directory at most (the rest are listed as left out). */
export const DIRECTORY_FILE_LIMIT = 10_000;

function why(error: unknown): string {
  if (error instanceof RefusedFileError) return error.message;
  const code = errorCode(error);
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "a directory";
  if (code === "ELOOP") return "a loop of symbolic links";
  return code ?? (error instanceof Error ? error.message : String(error));
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

export function loadResultFiles(paths: readonly string[], cwd: string): LoadedFile[] {
  const seen = new Set<string>();
  const loaded: LoadedFile[] = [];
  const readOne = (display: string, full: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    let bytes: Buffer;
    try {
      bytes = readBoundedFile(realFs, full, { limit: RESULT_FILE_LIMIT });
    } catch (error) {
      loaded.push({ file: display, read: { ok: false, problem: "unreadable", detail: why(error) } });
      return;
    }
    loaded.push({ file: display, read: parseResult(bytes.toString("utf8")) });
  };
  /** An entry of a directory: a link is followed only to a regular file inside the directory. */
  const readEntry = (display: string, full: string, realDir: string) => {
    let link: boolean;
    try {
      link = lstatSync(full).isSymbolicLink();
    } catch (error) {
      loaded.push({ file: display, read: { ok: false, problem: "unreadable", detail: why(error) } });
      return;
    }
    if (link) {
      let target: string;
      try {
        target = realpathSync(full);
      } catch {
        loaded.push({ file: display, read: { ok: false, problem: "unreadable", detail: "a symbolic link to nothing" } });
        return;
      }
      if (!inside(realDir, target)) {
        loaded.push({
          file: display,
          read: { ok: false, problem: "unreadable", detail: "a symbolic link to outside the directory (not followed)" },
        });
        return;
      }
      readOne(display, target);
      return;
    }
    readOne(display, full);
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch (error) {
      loaded.push({ file: path, missing: why(error) });
      continue;
    }
    if (!isDirectory) {
      // `report results/*.json`: the shell lists the links in a directory too, so a link named
      // on the command line is held to the same rule as one found in a directory.
      let realParent: string;
      try {
        realParent = realpathSync(dirname(full));
      } catch (error) {
        loaded.push({ file: path, read: { ok: false, problem: "unreadable", detail: why(error) } });
        continue;
      }
      readEntry(path, full, realParent);
      continue;
    }
    let names: string[];
    /** Names that are not valid UTF-8: they read back as U+FFFD, so the file cannot be opened by them. */
    const undecodable = new Set<string>();
    let realDir: string;
    try {
      names = readdirSync(full, { encoding: "buffer" }).map((raw) => {
        const name = raw.toString("utf8");
        if (!Buffer.from(name, "utf8").equals(raw)) undecodable.add(name);
        return name;
      });
      realDir = realpathSync(full);
    } catch (error) {
      loaded.push({ file: path, missing: why(error) });
      continue;
    }
    const results = names.filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort();
    for (const name of results.slice(0, DIRECTORY_FILE_LIMIT)) {
      if (undecodable.has(name)) {
        loaded.push({
          file: join(path, name),
          read: { ok: false, problem: "unreadable", detail: "its name is not valid UTF-8 (not read; rename the file)" },
        });
      } else {
        readEntry(join(path, name), join(full, name), realDir);
      }
    }
    if (results.length > DIRECTORY_FILE_LIMIT) {
      loaded.push({
        file: path,
        missing: `${results.length - DIRECTORY_FILE_LIMIT} more .json files not read (at most ${DIRECTORY_FILE_LIMIT} a directory)`,
      });
    }
  }
  return loaded;
}
