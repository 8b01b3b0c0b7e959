// The journal's event shapes as zod schemas: the specification of format 2. The event types are
// inferred from them. The trainer does not load this module when it reads or writes the journal
// (zod's chunk costs 25–30 ms of every start): event-shapes.ts checks the same shapes by hand,
// and test/progress/event-shapes.test.ts proves the two accept and return exactly the same.
import { z } from "zod";
import { JOURNAL_FORMAT } from "./event-shapes";
import { GRADED_VERDICTS, MODES } from "./types";

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

/**
 * A choice check of a lesson step answered (right or not): Home counts the step as done. Exercise
 * checks need no such line, their answers are attempts of mode "learn".
 */
const choiceEvent = z
  .object({
    v: z.literal(JOURNAL_FORMAT),
    type: z.literal("choice"),
    at: isoTime,
    lessonId: z.string().min(1),
    stepId: z.string().min(1),
    chosen: nonNegativeInt,
    correct: z.boolean(),
  })
  .strict();

const settingEvent = z.discriminatedUnion("key", [
  z
    .object({
      v: z.literal(JOURNAL_FORMAT),
      type: z.literal("setting"),
      at: isoTime,
      key: z.literal("lang"),
      value: z.enum(["ja", "en"]).nullable(),
    })
    .strict(),
  z.object({ v: z.literal(JOURNAL_FORMAT), type: z.literal("setting"), at: isoTime, key: z.literal("ascii"), value: z.boolean() }).strict(),
  z
    .object({
      v: z.literal(JOURNAL_FORMAT),
      type: z.literal("setting"),
      at: isoTime,
      key: z.literal("name"),
      value: z.string().min(1).nullable(),
    })
    .strict(),
]);

/** Forget everything (skill null) or one skill's attempts and cards. Lines before it stay on disk. */
const resetEvent = z
  .object({
    v: z.literal(JOURNAL_FORMAT),
    type: z.literal("reset"),
    at: isoTime,
    skill: z.string().min(1).nullable(),
    backup: z.string().nullable(),
  })
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
  .object({
    v: z.literal(JOURNAL_FORMAT),
    type: z.literal("migrated"),
    at: isoTime,
    from: z.literal(1),
    sha256: z.string(),
    backup: z.string(),
  })
  .strict();

export type AttemptEvent = z.infer<typeof attemptEvent>;
export type LessonEvent = z.infer<typeof lessonEvent>;
export type ChoiceEvent = z.infer<typeof choiceEvent>;
export type SettingEvent = z.infer<typeof settingEvent>;
export type ResetEvent = z.infer<typeof resetEvent>;
export type RepairedEvent = z.infer<typeof repairedEvent>;
export type MigratedEvent = z.infer<typeof migratedEvent>;
export type JournalEvent = AttemptEvent | LessonEvent | ChoiceEvent | SettingEvent | ResetEvent | RepairedEvent | MigratedEvent;

export const EVENT_SCHEMAS: Record<JournalEvent["type"], z.ZodType> = {
  attempt: attemptEvent,
  lesson: lessonEvent,
  choice: choiceEvent,
  setting: settingEvent,
  reset: resetEvent,
  repaired: repairedEvent,
  migrated: migratedEvent,
};
