// Opening a data directory: import an old-format file, read the journal, keep a copy of
// anything damaged, mark the damage as reported, and hand back every event that could be read.
import { join } from "node:path";
import { encodeEvent, JOURNAL_FORMAT, type JournalEvent, type RepairedEvent } from "./events";
import { RefusedFileError } from "./bounded-read";
import { appendDurably, freshName, fsyncDir, readWholeFile, writeNewFile } from "./files";
import { errorCode, type FileSystem } from "./fs-layer";
import { JOURNAL_FILE, type ParsedJournal, parseJournal } from "./journal";
import { damagedMessage, newerFormatMessage, saveErrorCode, saveFailedMessage, unreadableMessage } from "./messages";
import { migrateV1 } from "./migrate";
import type { ProgressWarning, SaveProblem } from "./types";

export interface Loaded {
  events: JournalEvent[];
  /** Encoded lines that belong to the state but are not on disk (an import that could not be written). */
  unsaved: string[];
  /** Set when the directory is already known to be unwritable. */
  problem: SaveProblem | null;
}

export function loadProgress(fs: FileSystem, dir: string, now: Date, warn: (w: ProgressWarning) => void): Loaded {
  const unsaved: string[] = [];
  let problem: SaveProblem | null = null;
  const migration = tryMigrate(fs, dir, now, warn);
  if (migration && !migration.written) {
    unsaved.push(...migration.events.map(encodeEvent));
    problem = saveProblem(migration.error, dir);
  }
  const journalPath = join(dir, JOURNAL_FILE);
  let bytes: Buffer;
  try {
    bytes = readSettled(fs, journalPath);
  } catch (error) {
    const code = errorCode(error);
    // No journal yet, or no directory yet (ENOTDIR: the path runs through a file, reported at the first save).
    if (code !== "ENOENT" && code !== "ENOTDIR") problem ??= moveUnreadableAside(fs, dir, journalPath, error, now, warn);
    bytes = Buffer.alloc(0);
  }
  const parsed = parseJournal(bytes);
  if (parsed.damaged.length > 0) problem ??= reportDamage(fs, dir, journalPath, bytes, parsed, now, warn);
  if (parsed.newer > 0) {
    warn({ kind: "newer-format", message: newerFormatMessage(journalPath, parsed.newer, parsed.newestVersion ?? 0), keptAt: null });
  }
  const imported = migration && !migration.written ? migration.events : [];
  return { events: [...parsed.events, ...imported], unsaved, problem };
}

function tryMigrate(fs: FileSystem, dir: string, now: Date, warn: (w: ProgressWarning) => void) {
  try {
    return migrateV1(fs, dir, now, warn);
  } catch (error) {
    // The old file could not even be read or moved: leave it for a later run and say so.
    const path = join(dir, "progress.json");
    const reason = describe(error);
    warn({ kind: "unreadable", message: unreadableMessage(path, reason, null), keptAt: null, notLoaded: { path, reason } });
    return null;
  }
}

/**
 * Reads the journal; if it ends mid-line, reads again a few times, because another trainer may
 * be in the middle of appending. A tail that stays torn is a writer that stopped.
 */
function readSettled(fs: FileSystem, path: string): Buffer {
  let bytes = readWholeFile(fs, path);
  for (let tries = 0; tries < 3 && bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a; tries++) {
    const again = readWholeFile(fs, path);
    if (again.length === bytes.length) break;
    bytes = again;
  }
  return bytes;
}

/**
 * Damaged lines: keep an exact copy of the file as read, then append one `repaired` line naming
 * the damaged lines, so later loads skip them without alarm. The live journal is only ever
 * appended to, never rewritten: another trainer may have it open for appending right now, and
 * a rewrite (rename) would send its answers into a file nobody reads.
 */
function reportDamage(
  fs: FileSystem,
  dir: string,
  journalPath: string,
  bytes: Buffer,
  parsed: ParsedJournal,
  now: Date,
  warn: (w: ProgressWarning) => void,
): SaveProblem | null {
  let copy: string | null = null;
  let problem: SaveProblem | null = null;
  try {
    copy = freshName(fs, journalPath, "corrupt", now);
    writeNewFile(fs, copy, dir, bytes);
  } catch (error) {
    copy = null;
    problem = saveProblem(error, dir);
  }
  if (copy) {
    const marker: RepairedEvent = {
      v: JOURNAL_FORMAT,
      type: "repaired",
      at: now.toISOString(),
      lines: parsed.damaged.map(({ offset, length }) => ({ offset, length })),
      copy: copy.slice(dir.length + 1),
    };
    try {
      // appendDurably starts with a newline when the file ends in a torn line.
      appendDurably(fs, dir, JOURNAL_FILE, encodeEvent(marker));
    } catch (error) {
      problem = saveProblem(error, journalPath);
    }
  }
  const attempts = parsed.events.filter((e) => e.type === "attempt").length;
  const lines = parsed.damaged.map((d) => d.line);
  const torn = parsed.damaged.some((d) => d.torn);
  warn({
    kind: torn && lines.length === 1 ? "truncated" : "corrupt",
    message: damagedMessage(journalPath, lines, torn, attempts, copy),
    keptAt: copy,
  });
  return problem;
}

/** A journal that cannot be read at all is renamed aside (kept whole) and a new one is started. */
function moveUnreadableAside(
  fs: FileSystem,
  dir: string,
  journalPath: string,
  error: unknown,
  now: Date,
  warn: (w: ProgressWarning) => void,
): SaveProblem | null {
  try {
    const movedTo = freshName(fs, journalPath, "unreadable", now);
    fs.renameSync(journalPath, movedTo);
    fsyncDir(fs, dir);
    warn({ kind: "unreadable", message: unreadableMessage(journalPath, describe(error), movedTo), keptAt: movedTo });
    return null;
  } catch (moveError) {
    const reason = describe(error);
    warn({
      kind: "unreadable",
      message: unreadableMessage(journalPath, reason, null),
      keptAt: null,
      notLoaded: { path: journalPath, reason },
    });
    return saveProblem(moveError, journalPath);
  }
}

export function saveProblem(error: unknown, path: string): SaveProblem {
  const code = saveErrorCode(errorCode(error));
  return { code, path, message: saveFailedMessage(code, path, describe(error)) };
}

function describe(error: unknown): string {
  if (error instanceof RefusedFileError) return error.message;
  const code = errorCode(error);
  if (code && code !== "undefined") return code;
  return error instanceof Error ? error.message : String(error);
}
