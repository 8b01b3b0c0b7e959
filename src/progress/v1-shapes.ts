// Format 1's progress.json, read by hand: the same shapes as the zod schemas in v1-schema.ts
// (the specification; test/progress/event-shapes.test.ts proves they agree), so that opening a
// data directory never loads zod.
import {
  array,
  boolean,
  isoDateTime,
  Mismatch,
  nullable,
  number,
  object,
  oneOf,
  type Reader,
  record,
  string,
  withDefault,
} from "./shape-check";
import type { V1Attempt, V1File } from "./v1-schema";

const v1Attempt: Reader<V1Attempt> = object({
  template: string(1),
  skill: string(1),
  seed: number({ int: true }),
  answer: string(),
  correct: boolean,
  hintsUsed: number({ int: true, min: 0 }),
  seconds: number({ min: 0 }),
  date: isoDateTime,
});

const v1File: Reader<V1File> = object({
  version: oneOf([1]),
  state: object({
    attempts: array((item: unknown) => item),
    lessons: withDefault(record(number({ int: true, min: 0 })), () => ({})),
    lang: withDefault(nullable(oneOf(["ja", "en"])), () => null),
  }),
});

export type V1Read<T> = { ok: true; data: T } | { ok: false; path: string; expected: string };

function readWith<T>(reader: Reader<T>, value: unknown): V1Read<T> {
  try {
    return { ok: true, data: reader(value, []) };
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    return { ok: false, path: error.path.join("."), expected: error.expected };
  }
}

export function readV1File(value: unknown): V1Read<V1File> {
  return readWith(v1File, value);
}

export function readV1Attempt(value: unknown): V1Read<V1Attempt> {
  return readWith(v1Attempt, value);
}
