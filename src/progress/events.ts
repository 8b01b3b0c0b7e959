// The journal's line format (format 2). One JSON object a line; "v" comes first so that a line
// glued onto a torn one can still be found (see journal.ts), and every line is self-contained:
// replaying the lines in order rebuilds the whole state.
import { z } from "zod";
import { GRADED_VERDICTS, MODES } from "./types";
import type { Attempt, Settings } from "./types";

export const JOURNAL_FORMAT = 2;

const isoTime = z.iso.datetime({ offset: true });
const nonNegativeInt = z.number().int().min(0);

const attemptEvent = z
  .object({
    v: z.literal(JOURNAL_FORMAT),
    type: z.literal("attempt"),
    id: z.string().min(1),
    session: z.string().min(1),
    at: isoTime,
    mode: z.enum(MODES),
    templateId: z.string().min(1),
    skill: z.string().min(1),
    seed: z.number().int(),
    params: z.record(z.string(), z.number()),
    part: nonNegativeInt,
    parts: z.number().int().min(1),
    answer: z.string(),
    verdict: z.enum(GRADED_VERDICTS),
    mistake: z.string().nullable(),
    hints: nonNegativeInt,
    ms: z.number().min(0),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  })
  .strict();

const lessonEvent = z
  .object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("lesson"), at: isoTime, lessonId: z.string().min(1), step: nonNegativeInt })
  .strict();

const settingEvent = z.discriminatedUnion("key", [
  z.object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("setting"), at: isoTime, key: z.literal("lang"), value: z.enum(["ja", "en"]).nullable() }).strict(),
  z.object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("setting"), at: isoTime, key: z.literal("ascii"), value: z.boolean() }).strict(),
]);

/** Forget everything (skill null) or one skill's attempts and cards. Lines before it stay on disk. */
const resetEvent = z
  .object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("reset"), at: isoTime, skill: z.string().min(1).nullable(), backup: z.string().nullable() })
  .strict();

/** Marks damaged lines (by byte offset and length) as reported, so later loads skip them quietly. */
const repairedEvent = z
  .object({
    v: z.literal(JOURNAL_FORMAT),
    type: z.literal("repaired"),
    at: isoTime,
    lines: z.array(z.object({ offset: nonNegativeInt, length: nonNegativeInt }).strict()),
    copy: z.string().nullable(),
  })
  .strict();

/** Written once when a format-1 progress.json was imported; `sha256` makes the import idempotent. */
const migratedEvent = z
  .object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("migrated"), at: isoTime, from: z.literal(1), sha256: z.string(), backup: z.string() })
  .strict();

export type AttemptEvent = z.infer<typeof attemptEvent>;
export type LessonEvent = z.infer<typeof lessonEvent>;
export type SettingEvent = z.infer<typeof settingEvent>;
export type ResetEvent = z.infer<typeof resetEvent>;
export type RepairedEvent = z.infer<typeof repairedEvent>;
export type MigratedEvent = z.infer<typeof migratedEvent>;
export type JournalEvent = AttemptEvent | LessonEvent | SettingEvent | ResetEvent | RepairedEvent | MigratedEvent;

const SCHEMAS: Record<JournalEvent["type"], z.ZodType> = {
  attempt: attemptEvent,
  lesson: lessonEvent,
  setting: settingEvent,
  reset: resetEvent,
  repaired: repairedEvent,
  migrated: migratedEvent,
};

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
  const schema = typeof type === "string" ? SCHEMAS[type as JournalEvent["type"]] : undefined;
  if (!schema) return { kind: "bad", reason: `unknown event type ${JSON.stringify(type)}` };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "bad", reason: `${issue?.path.join(".") || type}: ${issue?.message ?? "invalid"}` };
  }
  return { kind: "event", event: parsed.data as JournalEvent };
}

/**
 * One line, newline included, ready for a single write(). Checked against the schema first:
 * a line that would not read back (NaN becomes null in JSON) must fail now, at the caller,
 * not later as "damage" in the learner's file.
 */
export function encodeEvent(event: JournalEvent): string {
  const checked = SCHEMAS[event.type].safeParse(event);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(`progress: invalid ${event.type} event: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return `${JSON.stringify(event)}\n`;
}

export function attemptEventOf(attempt: Attempt): AttemptEvent {
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

export function attemptOf(event: AttemptEvent): Attempt {
  const { v: _v, type: _type, ...attempt } = event;
  return attempt;
}

export function settingEventOf<K extends keyof Settings>(key: K, value: Settings[K], at: string): SettingEvent {
  return { v: JOURNAL_FORMAT, type: "setting", at, key, value } as SettingEvent;
}
