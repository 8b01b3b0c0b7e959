// Puts a quiz result on disk so that, whenever the trainer dies, the file holds either the
// previous whole snapshot or the new one: write a temporary file beside it, fsync, rename over
// the result, fsync the directory. The first write links instead of renaming, which fails
// rather than overwrite a file that is already there (another learner's result, an old run).
// A temporary file never outlives a write that failed (a full disk); one left by a trainer that
// was killed (kill -9, a power cut) is removed by the next quiz that writes beside it.
import { basename, dirname, join } from "node:path";
import { fsyncDir } from "../progress/files";
import { errorCode, type FileSystem, realFs } from "../progress/fs-layer";
import { type QuizResult, resultText } from "./result";

export class ResultExistsError extends Error {
  override name = "ResultExistsError";
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** A file name from a learner's name: letters (any script) and digits kept, the rest made dashes. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return slug === "" ? "learner" : slug;
}

/** `20261128T203419Z`: sortable, and valid in a file name on every platform. */
export function fileStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** Where a quiz's result goes by default: `<data-dir>/quiz-results/<name>-<seed>-<time>.json`. */
export function defaultResultPath(dataDir: string, name: string, seed: number, startedAt: number): string {
  return join(dataDir, "quiz-results", `${nameSlug(name)}-${seed}-${fileStamp(startedAt)}.json`);
}

export class ResultWriter {
  private created = false;
  private path: string;

  /**
   * `path`: where to write. `unique`: when it exists already, add -2, -3 ... (the default
   * location); otherwise an existing file is an error (--out names a file the learner chose).
   */
  constructor(
    path: string,
    private readonly unique: boolean,
    private readonly fs: FileSystem = realFs,
  ) {
    this.path = path;
  }

  get file(): string {
    return this.path;
  }

  /** Writes the whole result; throws on failure (the caller tells the learner and goes on). */
  write(result: QuizResult): void {
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.tmp`);
    if (!this.created) {
      this.fs.mkdirSync(dir, { recursive: true });
      removeStaleTemporaries(this.fs, dir);
    }
    try {
      writeSynced(this.fs, temp, resultText(result));
      if (this.created) {
        this.fs.renameSync(temp, this.path);
      } else {
        this.linkFirst(temp);
        this.fs.unlinkSync(temp);
        this.created = true;
      }
    } catch (error) {
      try {
        this.fs.unlinkSync(temp);
      } catch {
        // Already gone (renamed) or never written.
      }
      throw error;
    }
    fsyncDir(this.fs, dir);
  }

  private linkFirst(temp: string): void {
    for (let n = 2; ; n++) {
      try {
        this.fs.linkSync(temp, this.path);
        return;
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
        if (!this.unique) throw new ResultExistsError(this.path);
        this.path = n === 2 ? this.path.replace(/\.json$/, "-2.json") : this.path.replace(/-\d+\.json$/, `-${n}.json`);
      }
    }
  }
}

/** `.aiko-2024-….json.12345.tmp`: the writer's temporary file, with the process id that wrote it. */
const TEMPORARY = /^\..+\.json\.(\d+)\.tmp$/;

/** True while a process with this id runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/**
 * Removes the temporary files in `dir` whose writer is no longer running. Returns their names.
 * A temporary file of a running trainer (another learner's quiz in the same folder) is left.
 */
export function removeStaleTemporaries(fs: FileSystem, dir: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      fs.unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: nothing is lost by leaving it.
    }
  }
  return removed;
}

function writeSynced(fs: FileSystem, path: string, text: string): void {
  const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
  const fd = fs.openSync(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600);
  try {
    const buffer = Buffer.from(text, "utf8");
    let done = 0;
    while (done < buffer.length) done += fs.writeSync(fd, buffer, done, buffer.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
