// The journal's line format (format 2). One JSON object a line; "v" comes first so that a line
// glued onto a torn one can still be found (see journal.ts), and every line is self-contained:
// replaying the lines in order rebuilds the whole state.
// Reading and writing it does not load zod (25–30 ms of every start): the shapes are checked by
// event-shapes.ts, which mirrors the zod schemas of event-schema.ts exactly (property-tested).
import type { AttemptEvent, JournalEvent, SettingEvent } from "./event-schema";
import { isEventType, JOURNAL_FORMAT, readEvent } from "./event-shapes";
import type { StoredAttempt, Settings } from "./types";

export type {
  AttemptEvent,
  ChoiceEvent,
  JournalEvent,
  LessonEvent,
  MigratedEvent,
  RepairedEvent,
  ResetEvent,
  SettingEvent,
} from "./event-schema";
export { JOURNAL_FORMAT };

export type DecodedLine =
  | { kind: "event"; event: JournalEvent }
  /** Written by a newer version of the trainer: skipped, not damaged. */
  | { kind: "newer"; version: number }
  | { kind: "bad"; reason: string };

export function decodeEvent(text: string): DecodedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "bad", reason: "not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "bad", reason: "not an object" };
  const { v, type } = value as { v?: unknown; type?: unknown };
  if (typeof v === "number" && Number.isInteger(v) && v > JOURNAL_FORMAT) return { kind: "newer", version: v };
  if (v !== JOURNAL_FORMAT) return { kind: "bad", reason: `unknown format ${JSON.stringify(v)}` };
  if (!isEventType(type)) return { kind: "bad", reason: `unknown event type ${JSON.stringify(type)}` };
  const read = readEvent(type, value);
  return read.ok ? { kind: "event", event: read.event } : { kind: "bad", reason: read.reason };
}

/**
 * One line, newline included, ready for a single write(). Checked against the shapes first:
 * a line that would not read back (NaN becomes null in JSON) must fail now, at the caller,
 * not later as "damage" in the learner's file.
 */
export function encodeEvent(event: JournalEvent): string {
  if (!isEventType(event.type)) throw new TypeError(`progress: unknown event type ${JSON.stringify(event.type)}`);
  const checked = readEvent(event.type, event);
  if (!checked.ok) throw new TypeError(`progress: invalid ${event.type} event: ${checked.reason}`);
  return `${JSON.stringify(event)}\n`;
}

export function attemptEventOf(attempt: StoredAttempt): AttemptEvent {
  // Spelled out so the key order (v first) and the field set are fixed, whatever the caller passed.
  return {
    v: JOURNAL_FORMAT,
    type: "attempt",
    id: attempt.id,
    session: attempt.session,
    at: attempt.at,
    mode: attempt.mode,
    templateId: attempt.templateId,
    skill: attempt.skill,
    seed: attempt.seed,
    params: { ...attempt.params },
    part: attempt.part,
    parts: attempt.parts,
    answer: attempt.answer,
    verdict: attempt.verdict,
    mistake: attempt.mistake,
    hints: attempt.hints,
    ms: attempt.ms,
    rating: attempt.rating,
  };
}

export function attemptOf(event: AttemptEvent): StoredAttempt {
  const { v: _v, type: _type, ...attempt } = event;
  return attempt;
}

export function settingEventOf<K extends keyof Settings>(key: K, value: Settings[K], at: string): SettingEvent {
  return { v: JOURNAL_FORMAT, type: "setting", at, key, value } as SettingEvent;
}
