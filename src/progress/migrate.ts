// Format 1 → format 2. Format 1 was a single JSON file, progress.json, rewritten whole after
// each answer, in the shape zustand's `persist` writes ({"state": …, "version": 1}). It lost
// everything when a rewrite was cut short, which is why format 2 is an append-only journal.
//
// The import is safe to interrupt and to run twice: the new lines reach the journal with one
// atomic step (a link of a complete, fsynced file, or one append), carry a hash of the old
// file so a repeat is recognised, and progress.json is renamed to a backup only afterwards.
import { createHash, randomBytes } from "node:crypto";
import { basename, join } from "node:path";
import { encodeEvent, JOURNAL_FORMAT, type JournalEvent, type MigratedEvent } from "./events";
import { appendDurably, exists, freshName, fsyncDir, readJournalIfAny, readWholeFile, writeNewFile } from "./files";
import { errorCode, type FileSystem } from "./fs-layer";
import { JOURNAL_FILE, parseJournal } from "./journal";
import { corruptOldFileMessage, migratedMessage } from "./messages";
import { gradePart } from "./rating";
import type { StoredAttempt, ProgressWarning } from "./types";
import { readV1Attempt, readV1File } from "./v1-shapes";

export const V1_FILE = "progress.json";

export interface MigrationResult {
  /** The events imported; the caller replays them from memory when `written` is false. */
  events: JournalEvent[];
  written: boolean;
  /** Why the journal could not be written, when it could not. */
  error: unknown;
}

/** Imports progress.json into the journal if it is there; null when there is nothing to import. */
export function migrateV1(fs: FileSystem, dir: string, now: Date, warn: (warning: ProgressWarning) => void): MigrationResult | null {
  const oldPath = join(dir, V1_FILE);
  if (!exists(fs, oldPath)) return null;
  const bytes = readWholeFile(fs, oldPath);
  const converted = convertV1(bytes, now);
  if ("problem" in converted) {
    const movedTo = freshName(fs, oldPath, "corrupt", now);
    fs.renameSync(oldPath, movedTo);
    fsyncDir(fs, dir);
    warn({ kind: "corrupt", message: corruptOldFileMessage(oldPath, movedTo, converted.problem), keptAt: movedTo });
    return null;
  }
  const backup = nextBackupName(fs, oldPath, now);
  const marker: MigratedEvent = {
    v: JOURNAL_FORMAT,
    type: "migrated",
    at: now.toISOString(),
    from: 1,
    sha256: converted.sha256,
    backup: basename(backup),
  };
  const events = [...converted.events, marker];
  try {
    if (!alreadyImported(fs, dir, converted.sha256)) writeToJournal(fs, dir, events.map(encodeEvent).join(""));
    fs.renameSync(oldPath, backup);
    fsyncDir(fs, dir);
  } catch (error) {
    // A second trainer finished the import and renamed the file first: that is the same result.
    if (errorCode(error) === "ENOENT" && !exists(fs, oldPath)) return { events: [], written: true, error: null };
    return { events, written: false, error };
  }
  const attempts = converted.events.filter((e) => e.type === "attempt").length;
  warn({ kind: "migrated", message: migratedMessage(oldPath, attempts, converted.skipped, backup), keptAt: backup });
  return { events, written: true, error: null };
}

/** The format-1 file as format-2 events; a problem when it cannot be read as format 1 at all. */
export function convertV1(bytes: Buffer, now: Date): { events: JournalEvent[]; sha256: string; skipped: number } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return { problem: error instanceof Error ? error.message : "not JSON" };
  }
  // Checked by hand against the shapes of v1-schema.ts (zod is not loaded to open a directory).
  const file = readV1File(json);
  if (!file.ok) return { problem: `${file.path || "file"}: ${file.expected}` };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Ids derive from the file's hash, so importing the same file twice gives the same ids.
  const session = `v1-${sha256.slice(0, 8)}`;
  const at = now.toISOString();
  const events: JournalEvent[] = [];
  let skipped = 0;
  file.data.state.attempts.forEach((raw, index) => {
    const old = readV1Attempt(raw);
    // A format-1 entry missing a field cannot be imported; the backup keeps it.
    if (!old.ok) {
      skipped++;
      return;
    }
    const a = old.data;
    const verdict = a.correct ? "correct" : "incorrect";
    const ms = Math.round(a.seconds * 1000);
    const attempt: StoredAttempt = {
      id: `${session}-${index}`,
      session,
      at: new Date(a.date).toISOString(),
      // Format 1 had only practice, single-part exercises, and did not keep params or mistakes.
      mode: "practice",
      templateId: a.template,
      skill: a.skill,
      seed: a.seed,
      params: {},
      part: 0,
      parts: 1,
      answer: a.answer,
      verdict,
      mistake: null,
      hints: a.hintsUsed,
      ms,
      rating: gradePart(verdict, a.hintsUsed, ms),
    };
    events.push({ v: JOURNAL_FORMAT, type: "attempt", ...attempt });
  });
  for (const [lessonId, step] of Object.entries(file.data.state.lessons)) {
    events.push({ v: JOURNAL_FORMAT, type: "lesson", at, lessonId, step });
  }
  if (file.data.state.lang !== null) {
    events.push({ v: JOURNAL_FORMAT, type: "setting", at, key: "lang", value: file.data.state.lang });
  }
  return { events, sha256, skipped };
}

function alreadyImported(fs: FileSystem, dir: string, sha256: string): boolean {
  const bytes = readJournalIfAny(fs, dir, JOURNAL_FILE);
  if (bytes === null) return false;
  return parseJournal(bytes).events.some((e) => e.type === "migrated" && e.sha256 === sha256);
}

/**
 * A new journal appears whole or not at all: written to a temporary name, fsynced, then linked
 * into place (link, unlike rename, fails instead of replacing a journal another trainer just made).
 */
function writeToJournal(fs: FileSystem, dir: string, text: string): void {
  const journal = join(dir, JOURNAL_FILE);
  if (exists(fs, journal)) {
    appendDurably(fs, dir, JOURNAL_FILE, text);
    return;
  }
  const temp = join(dir, `${JOURNAL_FILE}.migrating-${randomBytes(6).toString("hex")}`);
  writeNewFile(fs, temp, dir, text);
  try {
    fs.linkSync(temp, journal);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
    appendDurably(fs, dir, JOURNAL_FILE, text);
  } finally {
    fs.unlinkSync(temp);
  }
  fsyncDir(fs, dir);
}

function nextBackupName(fs: FileSystem, oldPath: string, now: Date): string {
  const plain = `${oldPath}.v1-backup`;
  return exists(fs, plain) ? freshName(fs, oldPath, "v1-backup", now) : plain;
}
