// The learner's tokens for live sessions, in `<data-dir>/sessions/`: one small JSON file per
// server and session, holding each name's token and the action in flight. It is written before
// the first question is shown and before every action is sent (a temporary file, fsynced, then
// renamed over the old one, mode 0600: the token is the learner's password for this session),
// so a client killed at any instant restarts as the same learner and sends the same attempt id
// again, which the server answers without counting it twice.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { readBoundedFile } from "../progress/bounded-read";
import { fsyncDir, makeDirDurably, writeNewFile } from "../progress/files";
import { errorCode, type FileSystem, realFs } from "../progress/fs-layer";

/** An action sent (or about to be) whose answer has not been shown yet. */
export interface PendingAction {
  id: string;
  action: "answer" | "hint" | "skip" | "quit";
  text?: string;
}

export interface SavedLearner {
  learner: string;
  token: string;
  pending: PendingAction | null;
}

interface SessionFile {
  version: 1;
  server: string;
  session: string;
  learners: Record<string, SavedLearner>;
}

/** A file of a few tokens is a few hundred bytes; anything bigger is not ours and is not read. */
const MAX_FILE_BYTES = 64 * 1024;

export class TokenStore {
  readonly path: string;
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly server: string,
    private readonly session: string,
    private readonly fs: FileSystem = realFs,
  ) {
    this.dir = join(dataDir, "sessions");
    // The code names the file for a person looking; the hash keeps two servers' sessions apart.
    const serverHash = createHash("sha256").update(server).digest("hex").slice(0, 12);
    this.path = join(this.dir, `${session}-${serverHash}.json`);
  }

  /** The saved learner under this name, or null (no file, another name, or a file that is not ours). */
  load(name: string): SavedLearner | null {
    const learners = this.read()?.learners;
    return learners && Object.hasOwn(learners, name) ? learners[name]! : null;
  }

  save(name: string, learner: SavedLearner): void {
    const file = this.read() ?? { version: 1, server: this.server, session: this.session, learners: noPrototype() };
    file.learners[name] = learner;
    this.write(file);
  }

  private read(): SessionFile | null {
    let raw: Buffer;
    try {
      raw = readBoundedFile(this.fs, this.path, { limit: MAX_FILE_BYTES, noFollow: true });
    } catch (error) {
      if (errorCode(error) === "ENOENT") return null;
      // Unreadable, a link, a FIFO, too large: the learner joins afresh rather than not at all.
      return null;
    }
    try {
      return checkFile(JSON.parse(raw.toString("utf8")), this.server, this.session);
    } catch {
      return null;
    }
  }

  private write(file: SessionFile): void {
    makeDirDurably(this.fs, this.dir);
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      this.fs.unlinkSync(temp);
    } catch {
      // Usually not there.
    }
    writeNewFile(this.fs, temp, this.dir, `${JSON.stringify(file)}\n`);
    this.fs.renameSync(temp, this.path);
    fsyncDir(this.fs, this.dir);
  }
}

function checkFile(value: unknown, server: string, session: string): SessionFile | null {
  if (typeof value !== "object" || value === null) return null;
  const file = value as Partial<SessionFile>;
  if (file.version !== 1 || file.server !== server || file.session !== session) return null;
  if (typeof file.learners !== "object" || file.learners === null) return null;
  const learners = noPrototype();
  for (const [name, saved] of Object.entries(file.learners)) {
    if (typeof saved?.token !== "string" || typeof saved.learner !== "string") continue;
    const p = saved.pending;
    const pending =
      p && typeof p.id === "string" && ["answer", "hint", "skip", "quit"].includes(p.action)
        ? { id: p.id, action: p.action, ...(typeof p.text === "string" ? { text: p.text } : {}) }
        : null;
    learners[name] = { learner: saved.learner, token: saved.token, pending };
  }
  return { version: 1, server, session, learners };
}

/** A map keyed by learners' names: a learner called "__proto__" is a name like any other. */
function noPrototype(): Record<string, SavedLearner> {
  return Object.create(null) as Record<string, SavedLearner>;
}
