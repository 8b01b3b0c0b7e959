// The loaded course, cached on disk under a hash of everything it was built from: the build of
// the program, the content files' paths as shown in messages, and their bytes. A start with
// unchanged content reads the files, hashes them and parses one JSON file (about 5 ms for the
// shipped course) instead of the YAML parser, the schema and every template's checks (about
// 200 ms cold, and the yaml and zod modules are not even loaded). Any change to a file, a path
// or the program gives another key, so a stale course is never used; a damaged or unreadable
// cache file is ignored. Only a course without problems is cached: problems are printed
// fresh each time.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LoadResult } from "./load";
import type { Course, ExerciseTemplate, Lesson } from "./model";
import { displayPath, type RawFile, readContentDirs } from "./read";

/** Bump when the cached shape changes. */
const CACHE_FORMAT = 1;
/** Cache files kept; the oldest beyond this are removed when a new one is written. */
const KEEP = 8;

export interface ContentCache {
  /** Directory of the cache files; null turns caching off. */
  dir: string | null;
  /** Identifies the program's build; the loader's rules are part of what a cached course means. */
  build: string;
}

interface CachedCourse {
  format: number;
  key: string;
  summary: LoadResult["summary"];
  course: Omit<Course, "lessons" | "exercises"> & { lessons: [string, Lesson][]; exercises: [string, ExerciseTemplate][] };
}

export function cacheKey(files: readonly RawFile[], build: string): string {
  const hash = createHash("sha256");
  hash.update(`${CACHE_FORMAT}\u0000${build}\u0000${files.length}\u0000`);
  for (const file of files) {
    hash.update(`${file.dirIndex}\u0000${file.relativePath}\u0000${file.display}\u0000${file.order}\u0000${file.bytes.length}\u0000`);
    hash.update(file.bytes);
  }
  return hash.digest("hex").slice(0, 40);
}

function readCached(dir: string, key: string): LoadResult | null {
  try {
    const data = JSON.parse(readFileSync(join(dir, `course-${key}.json`), "utf8")) as CachedCourse;
    if (data.format !== CACHE_FORMAT || data.key !== key) return null;
    const course: Course = { ...data.course, lessons: new Map(data.course.lessons), exercises: new Map(data.course.exercises) };
    return { ok: true, course, summary: data.summary };
  } catch {
    return null; // missing, unreadable or damaged: load the content itself
  }
}

function writeCached(dir: string, key: string, result: Extract<LoadResult, { ok: true }>): void {
  const { course } = result;
  const data: CachedCourse = {
    format: CACHE_FORMAT,
    key,
    summary: result.summary,
    course: { ...course, lessons: [...course.lessons], exercises: [...course.exercises] },
  };
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `course-${key}.json`);
    // Written beside and renamed: another trainer starting now sees the whole file or none.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
    prune(dir);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => /^course-[0-9a-f]+\.json$/.test(name))
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(KEEP)) rmSync(join(dir, old.name), { force: true });
}

/**
 * loadContent with the cache in front. The loader (yaml, zod, the validators) is imported only
 * when the course has to be built, which is why this is async.
 */
export async function loadContentCached(dirs: readonly string[], cwd: string, cache: ContentCache): Promise<LoadResult> {
  const { files, problems } = readContentDirs(dirs, cwd);
  const key = cache.dir !== null && problems.length === 0 ? cacheKey(files, cache.build) : null;
  if (key !== null) {
    const hit = readCached(cache.dir!, key);
    if (hit) return hit;
  }
  const { buildCourse, loadContent } = await import("./load");
  if (key === null) return loadContent(dirs, cwd);
  // The files already read, so that the course cached is the one these bytes make.
  const first = dirs[0];
  const result = buildCourse(files, first === undefined ? undefined : displayPath(resolve(cwd, first), cwd));
  if (result.ok) writeCached(cache.dir!, key, result);
  return result;
}
