// The journal's event shapes as zod schemas: the specification of format 2. The event types are
// inferred from them. The trainer does not load this module when it reads or writes the journal
// (zod's chunk costs 25–30 ms of every start): event-shapes.ts checks the same shapes by hand,
// and test/progress/event-shapes.test.ts proves the two accept and return exactly the same.
import { z } from "zod";
import { JOURNAL_FORMAT } from "./event-shapes";
import { GRADED_VERDICTS, MODES } from "./types";

const isoTime = z.iso.datetime({ offset: true });
const nonNegativeInt = z.number().int().min(0);

/** A journal line of one type: format and type first, then that type's fields; no other keys. */
function eventSchema<T extends string, F extends z.ZodRawShape>(type: T, fields: F) {
  return z.strictObject({ v: z.literal(JOURNAL_FORMAT), type: z.literal(type), ...fields });
}

/** A setting event: which setting, and its new value. */
function settingSchema<K extends string, V extends z.ZodType>(key: K, value: V) {
  return eventSchema("setting", { at: isoTime, key: z.literal(key), value });
}

const nonEmpty = z.string().min(1);

export const EVENT_SCHEMAS = {
  attempt: eventSchema("attempt", {
    id: nonEmpty,
    session: nonEmpty,
    at: isoTime,
    mode: z.enum(MODES),
    templateId: nonEmpty,
    skill: nonEmpty,
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
  }),
  lesson: eventSchema("lesson", { at: isoTime, lessonId: nonEmpty, step: nonNegativeInt }),
  /**
   * A choice check of a lesson step answered (right or not): Home counts the step as done.
   * Exercise checks need no such line, their answers are attempts of mode "learn".
   */
  choice: eventSchema("choice", { at: isoTime, lessonId: nonEmpty, stepId: nonEmpty, chosen: nonNegativeInt, correct: z.boolean() }),
  setting: z.discriminatedUnion("key", [
    settingSchema("lang", z.enum(["ja", "en"]).nullable()),
    settingSchema("ascii", z.boolean()),
    settingSchema("name", nonEmpty.nullable()),
  ]),
  /** Forget everything (skill null) or one skill's attempts and cards. Lines before it stay on disk. */
  reset: eventSchema("reset", { at: isoTime, skill: nonEmpty.nullable(), backup: z.string().nullable() }),
  /** Marks damaged lines (by byte offset and length) as reported, so later loads skip them quietly. */
  repaired: eventSchema("repaired", {
    at: isoTime,
    lines: z.array(z.strictObject({ offset: nonNegativeInt, length: nonNegativeInt })),
    copy: z.string().nullable(),
  }),
  /** Written once when a format-1 progress.json was imported; `sha256` makes the import idempotent. */
  migrated: eventSchema("migrated", { at: isoTime, from: z.literal(1), sha256: z.string(), backup: z.string() }),
} satisfies Record<string, z.ZodType<{ type: string }>>;

export type JournalEvent = z.infer<(typeof EVENT_SCHEMAS)[keyof typeof EVENT_SCHEMAS]>;
/** The events of one type. */
type EventOfType<T extends JournalEvent["type"]> = Extract<JournalEvent, { type: T }>;
export type AttemptEvent = EventOfType<"attempt">;
export type LessonEvent = EventOfType<"lesson">;
export type ChoiceEvent = EventOfType<"choice">;
export type SettingEvent = EventOfType<"setting">;
export type ResetEvent = EventOfType<"reset">;
export type RepairedEvent = EventOfType<"repaired">;
export type MigratedEvent = EventOfType<"migrated">;
