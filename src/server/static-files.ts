// The dashboard's static files (index.html, dashboard.css, dashboard.js, images): read once from
// their folder, served by name. Only the names found there are served, so no request can reach
// another file (no `..`, no path at all).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
};

/** Larger files are left out: the page is a few small files. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface StaticFile {
  type: string;
  body: Buffer;
}

/** The dashboard folder: beside this file in the sources, dist/dashboard/ in the build. */
export function defaultDashboardDir(): string {
  for (const relative of ["./dashboard/", "../dashboard/"]) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, "index.html"))) return dir;
  }
  return fileURLToPath(new URL("../dashboard/", import.meta.url));
}

export function readStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of names) {
    const type = TYPES[extname(name).toLowerCase()];
    if (type === undefined || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) continue;
    files.set(name, { type, body: readFileSync(path) });
  }
  return files;
}
