// The journal's event shapes, read by hand: the same shapes as the zod schemas in
// event-schema.ts, which remain the specification (test/progress/event-shapes.test.ts proves
// that these readers accept exactly what the schemas accept and return the same values). Reading
// a journal line this way does not load zod, which costs 25–30 ms of every start.
import type { JournalEvent } from "./event-schema";
import {
  array,
  boolean,
  type Fields,
  isoDateTime,
  Mismatch,
  nullable,
  number,
  oneOf,
  type Reader,
  record,
  string,
  strictObject,
} from "./shape-check";
import { GRADED_VERDICTS, MODES } from "./types";

export const JOURNAL_FORMAT = 2;

const v = oneOf([JOURNAL_FORMAT]);
const nonEmpty = string(1);
const nonNegativeInt = number({ int: true, min: 0 });

/** A journal line of one type, as eventSchema in event-schema.ts: format and type first. */
function event<T extends string, F extends Fields>(type: T, fields: F) {
  return strictObject({ v, type: oneOf([type]), ...fields });
}

/** A setting event, as settingSchema in event-schema.ts. */
function setting<K extends string, V extends Reader<unknown>>(key: K, value: V) {
  return event("setting", { at: isoDateTime, key: oneOf([key]), value });
}

const langSetting = setting("lang", nullable(oneOf(["ja", "en"])));
const asciiSetting = setting("ascii", boolean);
const nameSetting = setting("name", nullable(nonEmpty));

// Each reader's result must be the schema's type: a shape that drifted from event-schema.ts
// fails to compile here (and the property test catches what types cannot: lengths, formats).
const READERS: { [T in JournalEvent["type"]]: Reader<Extract<JournalEvent, { type: T }>> } = {
  attempt: event("attempt", {
    id: nonEmpty,
    session: nonEmpty,
    at: isoDateTime,
    mode: oneOf(MODES),
    templateId: nonEmpty,
    skill: nonEmpty,
    seed: number({ int: true }),
    params: record(number()),
    part: nonNegativeInt,
    parts: number({ int: true, min: 1 }),
    answer: string(),
    verdict: oneOf(GRADED_VERDICTS),
    mistake: nullable(string()),
    hints: nonNegativeInt,
    ms: number({ min: 0 }),
    rating: nullable(oneOf([1, 2, 3, 4])),
  }),
  lesson: event("lesson", { at: isoDateTime, lessonId: nonEmpty, step: nonNegativeInt }),
  choice: event("choice", { at: isoDateTime, lessonId: nonEmpty, stepId: nonEmpty, chosen: nonNegativeInt, correct: boolean }),
  /** z.discriminatedUnion("key", …): the key picks the shape. */
  setting: (value, path) => {
    const key = typeof value === "object" && value !== null ? (value as { key?: unknown }).key : undefined;
    if (key === "lang") return langSetting(value, path);
    if (key === "ascii") return asciiSetting(value, path);
    if (key === "name") return nameSetting(value, path);
    throw new Mismatch([...path, "key"], 'expected "lang", "ascii" or "name"');
  },
  reset: event("reset", { at: isoDateTime, skill: nullable(nonEmpty), backup: nullable(string()) }),
  repaired: event("repaired", {
    at: isoDateTime,
    lines: array(strictObject({ offset: nonNegativeInt, length: nonNegativeInt })),
    copy: nullable(string()),
  }),
  migrated: event("migrated", { at: isoDateTime, from: oneOf([1]), sha256: string(), backup: string() }),
};

export type EventRead = { ok: true; event: JournalEvent } | { ok: false; reason: string };

/**
 * Reads one event of the given type. The reason for a mismatch names the field and what was
 * expected, in zod's "path: message" form, though worded by hand (not zod's exact message).
 */
export function readEvent(type: JournalEvent["type"], value: unknown): EventRead {
  try {
    return { ok: true, event: READERS[type](value, []) };
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    return { ok: false, reason: `${error.path.join(".") || type}: ${error.expected}` };
  }
}

export function isEventType(type: unknown): type is JournalEvent["type"] {
  return typeof type === "string" && Object.hasOwn(READERS, type);
}
