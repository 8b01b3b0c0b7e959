// The files a report reads: each path given, or every *.json directly inside a directory
// given (sorted by name; hidden files and the writer's temporary files are not results).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { errorCode } from "../progress/fs-layer";
import { parseResult } from "../quiz/verify";
import type { LoadedFile } from "./aggregate";

function why(error: unknown): string {
  const code = errorCode(error);
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return code ?? (error instanceof Error ? error.message : String(error));
}

export function loadResultFiles(paths: readonly string[], cwd: string): LoadedFile[] {
  const seen = new Set<string>();
  const loaded: LoadedFile[] = [];
  const readOne = (display: string, full: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    let text: string;
    try {
      text = readFileSync(full, "utf8");
    } catch (error) {
      loaded.push({ file: display, read: { ok: false, problem: "unreadable", detail: why(error) } });
      return;
    }
    loaded.push({ file: display, read: parseResult(text) });
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
      readOne(path, full);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(full);
    } catch (error) {
      loaded.push({ file: path, missing: why(error) });
      continue;
    }
    for (const name of names.filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort()) {
      readOne(join(path, name), join(full, name));
    }
  }
  return loaded;
}
