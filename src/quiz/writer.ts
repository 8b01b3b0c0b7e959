// Puts a quiz result on disk so that, whenever the trainer dies, the file holds either the
// previous whole snapshot or the new one: write a temporary file beside it, fsync, rename over
// the result, fsync the directory. The first write links instead of renaming, which fails
// rather than overwrite a file that is already there (another learner's result, an old run).
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
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
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
    if (!this.created) this.fs.mkdirSync(dir, { recursive: true });
    writeSynced(this.fs, temp, resultText(result));
    try {
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
