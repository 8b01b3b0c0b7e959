// The hand-written readers (event-shapes.ts, v1-shapes.ts) against the zod schemas they mirror
// (event-schema.ts, v1-schema.ts), which stay the specification: for well-formed events and for
// every near miss fast-check can make of one, both must accept the same values and return the
// same data. The one property that protects a learner's file: the readers never accept what
// the schema rejects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createProgressStore, GRADED_VERDICTS, JOURNAL_FILE, MODES } from "../../src/progress";
import { EVENT_SCHEMAS, type JournalEvent } from "../../src/progress/event-schema";
import { readEvent } from "../../src/progress/event-shapes";
import { attemptEventOf, decodeEvent, encodeEvent, JOURNAL_FORMAT, settingEventOf } from "../../src/progress/events";
import { isoDateTime, Mismatch } from "../../src/progress/shape-check";
import { v1Attempt, v1File } from "../../src/progress/v1-schema";
import { readV1Attempt, readV1File } from "../../src/progress/v1-shapes";
import { attemptInput, fakeClock, tempDir } from "./helpers";

const TYPES = Object.keys(EVENT_SCHEMAS) as JournalEvent["type"][];

/** decodeEvent as it was with zod: the oracle (with the type looked up as an own key). */
function zodDecode(text: string): ReturnType<typeof decodeEvent> {
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
  if (typeof type !== "string" || !Object.hasOwn(EVENT_SCHEMAS, type)) return { kind: "bad", reason: "unknown event type" };
  const parsed = EVENT_SCHEMAS[type as JournalEvent["type"]].safeParse(value);
  return parsed.success ? { kind: "event", event: parsed.data as JournalEvent } : { kind: "bad", reason: "invalid" };
}

/** Both decodings agree on the kind and, for an event, on the data and its key order. */
function expectSameDecoding(text: string) {
  const quick = decodeEvent(text);
  const oracle = zodDecode(text);
  // The safety property first, so that a failure says which way they differ.
  if (quick.kind === "event") expect(oracle.kind, `accepted by the readers, rejected by zod: ${text}`).toBe("event");
  expect(quick.kind, text).toBe(oracle.kind);
  if (quick.kind === "event" && oracle.kind === "event") {
    expect(quick.event).toEqual(oracle.event);
    expect(JSON.stringify(quick.event)).toBe(JSON.stringify(oracle.event));
  }
  if (quick.kind === "newer" && oracle.kind === "newer") expect(quick.version).toBe(oracle.version);
}

// ── well-formed events, as the store writes them ────────────────────────────────────────────

const isoTime = fc
  .date({ min: new Date("1970-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const nonEmpty = fc.string({ minLength: 1, maxLength: 12, unit: "binary" });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

const attemptArb = fc
  .record({
    id: nonEmpty,
    session: nonEmpty,
    at: isoTime,
    mode: fc.constantFrom(...MODES),
    templateId: nonEmpty,
    skill: nonEmpty,
    seed: fc.maxSafeInteger(),
    params: fc.dictionary(fc.string({ maxLength: 6 }), finite, { maxKeys: 4 }),
    part: fc.nat(9),
    parts: fc.integer({ min: 1, max: 10 }),
    answer: fc.string({ maxLength: 20, unit: "binary" }),
    verdict: fc.constantFrom(...GRADED_VERDICTS),
    mistake: fc.option(fc.string({ maxLength: 20 })),
    hints: fc.nat(5),
    ms: fc.oneof(
      fc.nat(10_000_000),
      fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x + 0),
    ),
    rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, null),
  })
  .map(attemptEventOf);

const eventArb: fc.Arbitrary<JournalEvent> = fc.oneof(
  attemptArb,
  fc
    .record({ at: isoTime, lessonId: nonEmpty, step: fc.nat(100) })
    .map(({ at, lessonId, step }): JournalEvent => ({ v: 2, type: "lesson", at, lessonId, step })),
  fc
    .record({ at: isoTime, lessonId: nonEmpty, stepId: nonEmpty, chosen: fc.nat(9), correct: fc.boolean() })
    .map(({ at, lessonId, stepId, chosen, correct }): JournalEvent => ({ v: 2, type: "choice", at, lessonId, stepId, chosen, correct })),
  fc.tuple(isoTime, fc.constantFrom("ja" as const, "en" as const, null)).map(([at, value]) => settingEventOf("lang", value, at)),
  fc.tuple(isoTime, fc.boolean()).map(([at, value]) => settingEventOf("ascii", value, at)),
  fc
    .record({ at: isoTime, skill: fc.option(nonEmpty), backup: fc.option(fc.string()) })
    .map(({ at, skill, backup }): JournalEvent => ({ v: 2, type: "reset", at, skill, backup })),
  fc
    .record({
      at: isoTime,
      lines: fc.array(fc.record({ offset: fc.nat(), length: fc.nat() }), { maxLength: 4 }),
      copy: fc.option(fc.string()),
    })
    .map(({ at, lines, copy }): JournalEvent => ({ v: 2, type: "repaired", at, lines, copy })),
  fc
    .record({ at: isoTime, sha256: fc.stringMatching(/^[0-9a-f]{64}$/), backup: fc.string() })
    .map(({ at, sha256, backup }): JournalEvent => ({ v: 2, type: "migrated", at, from: 1, sha256, backup })),
);

// ── near misses: a well-formed event with a few keys changed, removed or added ─────────────

/** Values that sit on the schema's edges, beside anything JSON can hold. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    "",
    "x",
    -1,
    -0,
    0,
    0.5,
    1,
    2,
    3,
    4,
    5,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    1e308,
    null,
    true,
    false,
    [],
    {},
    [{ offset: 0, length: 1 }],
    [{ offset: -1, length: 1 }],
    [{ offset: 0, length: 1, extra: 1 }],
    { x: 1 },
    { x: "1" },
    JSON.parse('{"__proto__": "not a number"}'),
    "2025-01-01T00:00:00Z",
    "2025-01-01T00:00:00",
    "2025-01-01T00:00Z",
    "2025-02-29T00:00:00Z",
    "2024-02-29T23:59:59.5+09:00",
    "2024-02-29T24:00:00Z",
    "ja",
    "en",
    "fr",
    "practice",
    "quiz",
    "correct",
    "invalid",
    "lang",
    "ascii",
    "attempt",
    "setting",
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
);

const keyName = fc.oneof(
  fc.constantFrom(
    "v",
    "type",
    "id",
    "at",
    "key",
    "value",
    "params",
    "lines",
    "from",
    "skill",
    "backup",
    "offset",
    "length",
    "rating",
    "ms",
    "x",
    "__proto__",
    "extra",
  ),
  fc.string({ maxLength: 6 }),
);

const change = fc.record({
  kind: fc.constantFrom("set", "set", "delete"),
  key: keyName,
  pickExisting: fc.nat(),
  nested: fc.boolean(),
  value: oddValue,
});

type Change = { kind: string; key: string; pickExisting: number; nested: boolean; value: unknown };

/** Applies the changes to a deep copy; `__proto__` is set as an own key, as JSON.parse makes it. */
function mutate(event: JournalEvent, changes: Change[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  for (const c of changes) {
    const inner = Object.values(copy)
      .flatMap((x) => (Array.isArray(x) ? x : [x]))
      .filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x));
    // Only objects get keys set: an array's "length" cannot be redefined (a test artefact, not a journal line).
    const target = c.nested && inner.length > 0 ? inner[c.pickExisting % inner.length]! : copy;
    const keys = Object.keys(target);
    const key = c.pickExisting % 2 === 0 && keys.length > 0 ? keys[c.pickExisting % keys.length]! : c.key;
    // A copy of the value: fast-check shares one value between changes, which could make a cycle.
    if (c.kind === "delete") delete target[key];
    else Object.defineProperty(target, key, { value: structuredClone(c.value), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe("journal events: the readers and the zod schema", () => {
  it("accept every well-formed event the store writes, and return it unchanged", () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const line = encodeEvent(event);
        expect(EVENT_SCHEMAS[event.type].safeParse(event).success).toBe(true);
        expectSameDecoding(line.trimEnd());
        expect(decodeEvent(line.trimEnd())).toEqual({ kind: "event", event: JSON.parse(line) });
      }),
      { numRuns: 300 },
    );
  });

  it("accept and reject exactly the same near misses (changed, missing and unknown keys), read from JSON", () => {
    fc.assert(
      fc.property(eventArb, fc.array(change, { minLength: 1, maxLength: 3 }), (event, changes) => {
        expectSameDecoding(JSON.stringify(mutate(event, changes)));
      }),
      { numRuns: 2000 },
    );
  });

  it("agree on values JSON cannot carry (NaN, Infinity, undefined), which encodeEvent must refuse", () => {
    const unJson = fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined);
    fc.assert(
      fc.property(
        eventArb,
        fc.array(fc.record({ kind: fc.constant("set"), key: keyName, pickExisting: fc.nat(), nested: fc.boolean(), value: unJson }), {
          minLength: 1,
          maxLength: 2,
        }),
        (event, changes) => {
          const value = mutate(event, changes);
          const quick = readEvent(event.type, value);
          const zod = EVENT_SCHEMAS[event.type].safeParse(value);
          if (quick.ok) expect(zod.success).toBe(true);
          expect(quick.ok).toBe(zod.success);
          if (quick.ok && zod.success) expect(quick.event).toEqual(zod.data);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agree on any JSON object with a known type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.dictionary(keyName, oddValue, { maxKeys: 8 }), (type, rest) => {
        expectSameDecoding(JSON.stringify({ v: 2, type, ...rest }));
      }),
      { numRuns: 500 },
    );
  });

  /** The event as a journal line with `params` replaced by raw JSON text (a regex over the line
   *  would also hit an answer that happens to contain `"params":{`). */
  function withRawParams(event: unknown, params: string): string {
    const marker = "\u0000params\u0000";
    return JSON.stringify({ ...(event as object), params: marker }).replace(JSON.stringify(marker), params);
  }

  it("agree on params objects, with keys Object.prototype has (zod passes over __proto__ unread)", () => {
    const entry = fc.tuple(fc.constantFrom("__proto__", "constructor", "toString", "x", "sigma", ""), oddValue);
    fc.assert(
      fc.property(attemptArb, fc.array(entry, { maxLength: 4 }), (event, entries) => {
        const params = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
        expectSameDecoding(withRawParams(event, params));
      }),
      { numRuns: 1000 },
    );
    const line = withRawParams(fc.sample(attemptArb, { numRuns: 1, seed: 42 })[0], '{"__proto__":"not a number","x":1}');
    expect(decodeEvent(line)).toMatchObject({ kind: "event", event: { params: { x: 1 } } });
  });

  it("agree on date-and-time strings, near misses included", () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const stamp = fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
          fc.constantFrom("2024", "2100", "2000", "1900", "+02025", "25"),
        ),
        two(13),
        two(32),
        fc.constantFrom("T", "T", "t", " "),
        two(25),
        two(61),
        fc.option(two(61).map((s) => `:${s}`)),
        fc.option(fc.stringMatching(/^\.\d{0,4}$/)),
        fc.oneof(
          fc.constantFrom("Z", "z", "", "+09:00", "-00:00", "+0900", "+24:00", "+23:59", "-12:60", "+9:00"),
          fc.tuple(fc.constantFrom("+", "-"), two(25), two(61)).map(([s, h, m]) => `${s}${h}:${m}`),
        ),
      )
      .map(([y, mo, d, t, h, mi, s, f, zone]) => `${y}-${mo}-${d}${t}${h}:${mi}${s ?? ""}${f ?? ""}${zone}`);
    const schema = z.iso.datetime({ offset: true });
    fc.assert(
      fc.property(stamp, (s) => {
        let quick = true;
        try {
          isoDateTime(s, []);
        } catch (error) {
          expect(error).toBeInstanceOf(Mismatch);
          quick = false;
        }
        expect(quick, s).toBe(schema.safeParse(s).success);
      }),
      { numRuns: 3000 },
    );
  });

  it("decode every line a real store writes", () => {
    const dir = tempDir();
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: dir, now: clock.now });
    store.getState().recordAttempt(attemptInput({ params: { x: -2.5, sigma: 0.7 }, mistake: "complement", verdict: "incorrect" }));
    store.getState().recordAttempt(attemptInput({ mode: "quiz", part: 1, parts: 2, verdict: "imprecise" }));
    store.getState().setLessonPosition("derivative", 3);
    store.getState().setSetting("lang", "ja");
    store.getState().setSetting("ascii", true);
    store.getState().reset({ skill: "sigmoid-value" });
    store.getState().reset();
    const lines = readFileSync(join(dir, JOURNAL_FILE), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      expect(decodeEvent(line).kind, line).toBe("event");
      expectSameDecoding(line);
    }
  });

  it("report a line naming an Object.prototype member as its type as damaged instead of failing", () => {
    for (const type of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(decodeEvent(JSON.stringify({ v: 2, type, at: "2025-01-01T00:00:00Z" }))).toEqual({
        kind: "bad",
        reason: `unknown event type ${JSON.stringify(type)}`,
      });
    }
  });

  it("name the field and what it should be when a line is damaged", () => {
    const line = JSON.parse(
      encodeEvent(attemptEventOf({ ...attemptInput(), id: "s-1", session: "s", at: "2025-01-01T00:00:00.000Z", rating: 3 })),
    );
    expect(decodeEvent(JSON.stringify({ ...line, at: "yesterday" }))).toEqual({
      kind: "bad",
      reason: expect.stringMatching(/^at: expected an ISO 8601 date/),
    });
    expect(decodeEvent(JSON.stringify({ ...line, params: { x: "2" } }))).toEqual({
      kind: "bad",
      reason: "params.x: expected a finite number",
    });
    expect(decodeEvent(JSON.stringify({ ...line, extra: 1 }))).toEqual({ kind: "bad", reason: 'attempt: unknown key "extra"' });
    expect(() => encodeEvent({ ...line, ms: Number.NaN })).toThrow("progress: invalid attempt event: ms: expected a finite number");
  });
});

// ── format 1 (progress.json) ─────────────────────────────────────────────────────────────────

const v1AttemptArb = fc.record({
  template: nonEmpty,
  skill: nonEmpty,
  seed: fc.maxSafeInteger(),
  answer: fc.string({ maxLength: 10 }),
  correct: fc.boolean(),
  hintsUsed: fc.nat(4),
  seconds: fc.double({ min: 0, max: 1e5, noNaN: true }).map((x) => x + 0),
  date: isoTime,
});

const v1FileArb = fc.record(
  {
    version: fc.constant(1),
    state: fc.record(
      {
        attempts: fc.array(fc.oneof(v1AttemptArb, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
        lessons: fc.dictionary(fc.string({ maxLength: 6 }), fc.nat(20), { maxKeys: 3 }),
        lang: fc.constantFrom("ja", "en", null),
        other: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ["attempts"] },
    ),
    extra: fc.string(),
  },
  { requiredKeys: ["version", "state"] },
);

function expectSameV1<T>(quick: { ok: true; data: T } | { ok: false }, zod: z.ZodSafeParseResult<T>, what: unknown) {
  if (quick.ok) expect(zod.success, JSON.stringify(what)).toBe(true);
  expect(quick.ok, JSON.stringify(what)).toBe(zod.success);
  if (quick.ok && zod.success) {
    expect(quick.data).toEqual(zod.data);
    expect(JSON.stringify(quick.data)).toBe(JSON.stringify(zod.data));
  }
}

describe("format 1: the readers and the zod schema", () => {
  it("agree on well-formed files and attempts, defaults and dropped keys included", () => {
    fc.assert(
      fc.property(v1FileArb, (file) => {
        const value = JSON.parse(JSON.stringify(file));
        expectSameV1(readV1File(value), v1File.safeParse(value), value);
        for (const a of value.state.attempts) expectSameV1(readV1Attempt(a), v1Attempt.safeParse(a), a);
      }),
      { numRuns: 300 },
    );
  });

  it("agree on near misses", () => {
    fc.assert(
      fc.property(
        v1FileArb,
        fc.array(change, { minLength: 1, maxLength: 3 }),
        v1AttemptArb,
        fc.array(change, { minLength: 1, maxLength: 3 }),
        (file, fileChanges, attempt, attemptChanges) => {
          const f = JSON.parse(JSON.stringify(mutate(file as unknown as JournalEvent, fileChanges)));
          expectSameV1(readV1File(f), v1File.safeParse(f), f);
          const a = JSON.parse(JSON.stringify(mutate(attempt as unknown as JournalEvent, attemptChanges)));
          expectSameV1(readV1Attempt(a), v1Attempt.safeParse(a), a);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
