// Runs a classic script (the full-screen trainer's bundle, dist/screens.js) with a V8 code cache,
// so that a second start deserialises compiled code instead of parsing and compiling about a
// megabyte of JavaScript again. Node 20 has no module.enableCompileCache, so the bundle is one
// script compiled with vm.Script and its `cachedData`.
//
// The cache is only ever a speed-up. Its file name carries the program's build id, the V8
// version and a hash of the script, so a cache from another build or another node is never
// read; its contents are checked against a hash of the script and the cache together before V8
// sees them. (V8 itself checks only a header, which names the script by its length: the code
// compiled from another script of the same length would be accepted, and a damaged body could
// crash it.) A cache that is missing, damaged, rejected or cannot be
// written costs a slower start and nothing else: every failure here falls back silently.
import { createHash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";

/** Starts every cache file; bump when the layout below changes. */
const MAGIC = "sigmoid-trainer code cache 1\n";
/** Bytes of the check (SHA-1 of the script's key and the body), after MAGIC. */
const HASH_BYTES = 20;
/** A cache larger than this is not read (the real one is a few MiB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Cache files of other builds kept beside the current one (several trainers may be installed). */
const KEEP_OTHERS = 3;

/** What happened to the cache on this start (for tests and the bench; never shown to learners). */
export type CacheOutcome =
  /** There was none (first start of this build): the script was compiled, the cache written. */
  | "created"
  /** Read and accepted by V8: the start skipped compiling. */
  | "used"
  /** There was a file, but damaged or refused by V8: compiled, and the cache written anew. */
  | "rebuilt"
  /** Caching is off, or the cache could not be written: compiled every time. */
  | "uncached";

export interface CachedScriptOptions {
  /** The script; it must evaluate to a function, called with `args`. */
  file: string;
  /** Directory of the cache files; null turns caching off. */
  cacheDir: string | null;
  /** The program's build id: a cache of another build is never read. */
  build: string;
  args: readonly unknown[];
  /** Called once with what happened to the cache (after it was written, when it was). */
  onOutcome?: (outcome: CacheOutcome) => void;
  /**
   * When to write a new cache: `write` runs it. Compiled code is added to the cache only for
   * functions that have run, so the caller writes it once the first frame is drawn.
   */
  scheduleWrite?: (write: () => void) => void;
}

/** Identifies the script's text (a cache is only ever read for the very script it came from). */
function scriptKey(source: Buffer): string {
  return createHash("sha1").update(source).digest("hex");
}

/** The cache file for this script under this build and this V8. */
export function cacheFileName(build: string, source: Buffer): string {
  const v8 = process.versions.v8.replace(/[^0-9A-Za-z.]/g, "_");
  return `screens-${build}-v8-${v8}-${scriptKey(source).slice(0, 16)}.cache`;
}

/** The check stored with a cache: the body's hash, bound to the script it was compiled from. */
function checkOf(key: string, body: Buffer): Buffer {
  return createHash("sha1").update(key).update(body).digest();
}

/** The body of a valid cache file for the script `key`, or null (missing, too large, damaged, another format or script). */
function readCache(path: string, key: string): { body: Buffer | null; present: boolean } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return { body: null, present: false };
  }
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    if (!stat.isFile() || size > MAX_CACHE_BYTES) return { body: null, present: true };
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const head = Buffer.byteLength(MAGIC);
    if (read !== size || size <= head + HASH_BYTES || bytes.toString("latin1", 0, head) !== MAGIC) return { body: null, present: true };
    const body = bytes.subarray(head + HASH_BYTES);
    return { body: checkOf(key, body).equals(bytes.subarray(head, head + HASH_BYTES)) ? body : null, present: true };
  } catch {
    return { body: null, present: true };
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache beside and renames it in, so a trainer starting meanwhile sees all or nothing. */
function writeCache(dir: string, name: string, key: string, data: Buffer): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(MAGIC, "latin1"), checkOf(key, data), data]));
    renameSync(temporary, path);
    pruneOthers(dir, name);
    return true;
  } catch {
    return false;
  }
}

/** Removes the oldest caches of other builds (and temporary files left by a crash). */
function pruneOthers(dir: string, current: string): void {
  const others = readdirSync(dir)
    .filter((name) => name !== current && /^screens-.*\.cache(?:\.\d+\.tmp)?$/.test(name))
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, mtime: 0 };
      }
    })
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of others.slice(KEEP_OTHERS)) rmSync(join(dir, name), { force: true });
}

/**
 * Compiles and runs `file` (with the cache when there is a good one) and returns what the
 * function it evaluates to returns when called with `args`.
 */
export function runCachedScript<T>(options: CachedScriptOptions): T {
  const source = readFileSync(options.file);
  const key = scriptKey(source);
  const name = cacheFileName(options.build, source);
  const path = options.cacheDir === null ? null : join(options.cacheDir, name);
  const cached = path === null ? { body: null, present: false } : readCache(path, key);
  const script = new Script(source.toString("utf8"), {
    filename: options.file,
    ...(cached.body ? { cachedData: cached.body } : {}),
  });
  const used = cached.body !== null && !script.cachedDataRejected;
  const exports = (script.runInThisContext() as (...args: readonly unknown[]) => T)(...options.args);

  const report = options.onOutcome ?? (() => {});
  if (used) report("used");
  else if (path === null || options.cacheDir === null) report("uncached");
  else {
    const dir = options.cacheDir;
    const write = () => {
      let data: Buffer;
      try {
        data = script.createCachedData();
      } catch {
        report("uncached");
        return;
      }
      report(writeCache(dir, name, key, data) ? (cached.present ? "rebuilt" : "created") : "uncached");
    };
    (options.scheduleWrite ?? ((run) => run()))(write);
  }
  return exports;
}
