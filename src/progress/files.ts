// Durable file primitives: whole-file reads, single-write appends, exclusive creation, all
// fsynced, with the directory fsynced whenever an entry in it was created or renamed.
import { dirname, join } from "node:path";
import { readBoundedFile } from "./bounded-read";
import { errorCode, type FileSystem } from "./fs-layer";

/**
 * Progress files read at most this much: a journal grows by about 400 bytes an answer, so this
 * is hundreds of thousands of answers; a bigger file is not the trainer's (or is a link to
 * /dev/zero) and is moved aside rather than read into memory.
 */
export const PROGRESS_FILE_LIMIT = 128 * 1024 * 1024;

/**
 * Reads a progress file completely: only a regular file (a FIFO or a device is refused, never
 * waited on), only up to PROGRESS_FILE_LIMIT, and never through a symbolic link (a journal that
 * is a link would send the learner's answers into whatever file it points at).
 */
export function readWholeFile(fs: FileSystem, path: string): Buffer {
  return readBoundedFile(fs, path, { limit: PROGRESS_FILE_LIMIT, noFollow: true });
}

/** The journal in `dataDir` read whole (as readWholeFile reads it), or null when there is none. */
export function readJournalIfAny(fs: FileSystem, dataDir: string, journalFile: string): Buffer | null {
  try {
    return readWholeFile(fs, join(dataDir, journalFile));
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}

export function fsyncDir(fs: FileSystem, dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a directory (EINVAL); the data itself is already synced.
    if (errorCode(error) !== "EINVAL" && errorCode(error) !== "EISDIR") throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Appends `text` to the file with one write() on an O_APPEND descriptor, then fsyncs.
 * O_APPEND makes each write land whole at the end, so several processes appending lines to
 * the same file interleave whole lines. If the file does not end with a newline (a writer died
 * mid-line), a newline goes first so this text is not glued onto the torn line.
 */
export function appendDurably(fs: FileSystem, dir: string, file: string, text: string): void {
  const path = join(dir, file);
  // O_NOFOLLOW: a journal that is a symbolic link is never appended through (ELOOP instead).
  const { O_RDWR, O_APPEND, O_CREAT, O_NOFOLLOW } = fs.constants;
  const noFollow = O_NOFOLLOW ?? 0;
  let fd: number;
  let created = false;
  try {
    fd = fs.openSync(path, O_RDWR | O_APPEND | noFollow);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
    makeDirDurably(fs, dir);
    fd = fs.openSync(path, O_RDWR | O_APPEND | O_CREAT | noFollow, 0o600);
    created = true;
  }
  try {
    let data = Buffer.from(text, "utf8");
    const size = fs.fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      if (fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) data = Buffer.concat([Buffer.from("\n"), data]);
    }
    const written = fs.writeSync(fd, data);
    if (written < data.length) {
      // A regular file takes a short write when the disk fills up mid-line. End the torn line
      // so the next writer starts on a fresh one; the loader reports and skips the torn part.
      try {
        fs.writeSync(fd, "\n");
      } catch {
        // Nothing more can be written: the loader will find the torn line.
      }
      throw Object.assign(new Error(`only ${written} of ${data.length} bytes could be written to ${path}`), { code: "ENOSPC" });
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (created) fsyncDir(fs, dir);
}

/** mkdir -p, then fsync the parent of every directory it created, so the new entries survive a power cut. */
export function makeDirDurably(fs: FileSystem, dir: string): void {
  const first = fs.mkdirSync(dir, { recursive: true });
  if (first === undefined) return;
  for (let d = dir; ; d = dirname(d)) {
    fsyncDir(fs, dirname(d));
    if (d === first || dirname(d) === d) break;
  }
}

/**
 * Writes a new file that must not exist yet (O_EXCL), fsynced, and its directory entry too. A
 * write that fails (a full disk) removes the file again: an empty or cut copy would only mislead.
 */
export function writeNewFile(fs: FileSystem, path: string, dir: string, data: Buffer | string): void {
  const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
  const fd = fs.openSync(path, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  try {
    try {
      const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let done = 0;
      while (done < buffer.length) done += fs.writeSync(fd, buffer, done, buffer.length - done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    try {
      fs.unlinkSync(path);
    } catch {
      // Not there, or not removable: the error that matters is the write's.
    }
    throw error;
  }
  fsyncDir(fs, dir);
}

/** A name next to `path` that does not exist yet: `<path>.<tag>-<time>` (then -2, -3 ...). */
export function freshName(fs: FileSystem, path: string, tag: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${path}.${tag}-${stamp}` : `${path}.${tag}-${stamp}-${n}`;
    if (!exists(fs, candidate)) return candidate;
  }
}

export function exists(fs: FileSystem, path: string): boolean {
  try {
    fs.statSync(path);
    return true;
  } catch (error) {
    // ENOTDIR: a parent is a file, so this path cannot exist either.
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return false;
    throw error;
  }
}
