// The result file's checksum and the verifier: a file as written reads back; any hand edit of
// its content is caught as tampering, whatever field it touches; other damage is named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, checksumOf, type QuizResult, resultText, sealResult } from "../../src/quiz/result";
import { parseResult } from "../../src/quiz/verify";
import { ALL_RIGHT, result, resultBody } from "./helpers";

const sample = () => result("Ann", ALL_RIGHT);

describe("canonical JSON", () => {
  it("does not depend on the order keys were written in", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 0, y: -1.5 } })).toBe(
      canonicalJson({ c: { y: -1.5, z: 0 }, a: [true, null, "x"], b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("reads back as the same data, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("is the same text for a value and its JSON round trip (what a reader recomputes)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
      }),
    );
  });
});

describe("checksum", () => {
  it("is sha256 of everything but itself", () => {
    const sealed = sample();
    expect(sealed.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checksumOf(sealed)).toBe(sealed.checksum);
    expect(checksumOf({ ...sealed, checksum: "anything" })).toBe(sealed.checksum);
  });

  it("a file as written reads back whole", () => {
    const sealed = sample();
    const read = parseResult(resultText(sealed));
    expect(read).toEqual({ ok: true, result: sealed });
  });

  it("survives re-indenting and reordering keys (only the content counts)", () => {
    const sealed = sample();
    const { checksum, questions, ...rest } = sealed;
    const reordered = JSON.stringify({ checksum, questions, ...rest });
    expect(parseResult(reordered).ok).toBe(true);
  });

  it("catches a verdict changed by hand", () => {
    const text = resultText(result("Bob", [{ parts: [{ verdict: "incorrect", mistake: "complement" }] }]));
    const edited = text.replace('"verdict": "incorrect"', '"verdict": "correct"');
    expect(edited).not.toBe(text);
    expect(parseResult(edited)).toMatchObject({ ok: false, problem: "tampered" });
  });

  it("catches any change to any leaf of the content", () => {
    const sealed = sample();
    // Changing "format" or "version" makes it another kind of file, reported as such (below).
    const leaves = leafPaths(sealed).filter((path) => !["checksum", "format", "version"].includes(String(path[0])));
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), (path, value) => {
        const copy = structuredClone(sealed) as unknown as Record<string, unknown>;
        const before = get(copy, path);
        fc.pre(JSON.stringify(before) !== JSON.stringify(value));
        set(copy, path, value);
        expect(parseResult(JSON.stringify(copy))).toMatchObject({ ok: false, problem: "tampered" });
      }),
      { numRuns: 300 },
    );
  });

  it("catches a question removed or a key added", () => {
    const sealed = sample();
    expect(parseResult(JSON.stringify({ ...sealed, questions: sealed.questions.slice(1) }))).toMatchObject({ problem: "tampered" });
    expect(parseResult(JSON.stringify({ ...sealed, note: "hi" }))).toMatchObject({ problem: "tampered" });
    const { checksum: _gone, ...unsealed } = sealed;
    expect(parseResult(JSON.stringify(unsealed))).toMatchObject({ problem: "tampered", detail: "the checksum is missing" });
  });
});

describe("other problems are named", () => {
  it("not JSON, empty, not a result, a newer format", () => {
    expect(parseResult("")).toMatchObject({ ok: false, problem: "unreadable", detail: "the file is empty" });
    expect(parseResult('{"format": ')).toMatchObject({ ok: false, problem: "unreadable" });
    expect(parseResult("[1,2]")).toMatchObject({ ok: false, problem: "not-a-result" });
    expect(parseResult('{"attempts": 3}')).toMatchObject({ ok: false, problem: "not-a-result" });
    const newer = sealResult({ ...resultBody("Ann", ALL_RIGHT), version: 2 as 1 });
    expect(parseResult(JSON.stringify(newer))).toMatchObject({ ok: false, problem: "newer-format" });
  });

  it("a file that fits the checksum but not the format says where (re-sealed by some other tool)", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    const bad = sealResult({ ...body, questions: [{ ...body.questions[0]!, status: "done" as "answered" }, ...body.questions.slice(1)] });
    const read = parseResult(JSON.stringify(bad));
    expect(read).toMatchObject({ ok: false, problem: "unreadable" });
    expect(!read.ok && read.detail).toContain("questions[0].status");
  });

  it("a time that fits the pattern but does not exist is damaged: it would turn every time check off", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    for (const startedAt of ["2026-01-01T99:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-01-01T00:60:00Z"]) {
      const read = parseResult(JSON.stringify(sealResult({ ...body, startedAt })));
      expect(read, startedAt).toMatchObject({ ok: false, problem: "unreadable" });
      expect(!read.ok && read.detail).toContain("startedAt: expected a time that exists");
    }
    expect(parseResult(JSON.stringify(sealResult({ ...body, startedAt: "2025-12-31T23:59:59Z" }))).ok).toBe(true);
  });

  it("a file that disagrees with itself is damaged", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    const cases: [Partial<QuizResult>, string][] = [
      [{ questions: body.questions.slice(0, 2) }, "2 questions listed for a quiz of 3"],
      [{ finishedAt: null }, "finishedAt and ending disagree"],
      [{ questions: [{ ...body.questions[0]!, answers: [] }, ...body.questions.slice(1)] }, 'question 1 is "answered" with a part missing'],
      [
        { quiz: { ...body.quiz, hintsAllowed: false }, questions: [{ ...body.questions[0]!, hintsUsed: 2 }, ...body.questions.slice(1)] },
        "used hints",
      ],
    ];
    for (const [change, detail] of cases) {
      const read = parseResult(JSON.stringify(sealResult({ ...body, ...change })));
      expect(read).toMatchObject({ ok: false, problem: "unreadable" });
      expect(!read.ok && read.detail).toContain(detail);
    }
  });
});

type Path = (string | number)[];
function leafPaths(value: unknown, path: Path = []): Path[] {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return entries.flatMap(([k, v]) => leafPaths(v, [...path, k]));
  }
  return [path];
}
function get(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
function set(root: unknown, path: Path, value: unknown): void {
  const parent = get(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

describe("hostile files", () => {
  it("5,000 levels of nesting in 10 KB: set aside by its shape, before the checksum walks it", () => {
    const deep = `{"format":"sigmoid-trainer/quiz-result","checksum":"x","a":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(parseResult(deep)).toMatchObject({
      ok: false,
      problem: "not-a-result",
      detail: expect.stringMatching(/nested more than \d+ levels deep/),
    });
    expect(() => canonicalJson(JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`))).toThrow(RangeError);
  });

  it("a file that is not JSON is quoted at most 12 characters, made visible, with where it breaks", () => {
    const shadow = "root:$6$Zs8hLONGSECRETHASH:19000:0:99999:7:::\n";
    const read = parseResult(shadow);
    expect(read).toEqual({ ok: false, problem: "unreadable", detail: 'not JSON (line 1, column 1, at "root:$6$Zs8h…")' });
    expect(parseResult('{"a":1,\n "b" 2}')).toMatchObject({ detail: 'not JSON (line 2, column 6, at "2}")' });
    expect(parseResult("\u001b[2J\u001b[H")).toMatchObject({ detail: 'not JSON (line 1, column 1, at "\\x1B[2J\\x1B[H")' });
    expect(parseResult('{"a":')).toMatchObject({ detail: "not JSON (line 1, column 6, the text ends early)" });
  });

  it("property: no text at all makes the reader throw", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const read = parseResult(text);
        if (!read.ok) expect(read.detail.length).toBeLessThan(200);
      }),
    );
  });

  it("hints and times the writer could not have written are tampering, even with a valid checksum", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    const [first, ...rest] = body.questions;
    const answer = first!.answers[0]!;
    const cases: [Partial<QuizResult>, string][] = [
      [
        { questions: [{ ...first!, answers: [{ ...answer, hintsUsed: 3 }] }, ...rest] },
        "an answer saw 3 hints, the question says 0 were used",
      ],
      [{ questions: [{ ...first!, answers: [{ ...answer, answeredAt: "2026-01-01T00:05:00.000Z" }] }, ...rest] }, "outside the quiz's run"],
      [{ questions: [{ ...first!, answers: [{ ...answer, ms: 50_000 }] }, ...rest] }, "longer than the quiz had run by then"],
      [{ questions: [{ ...first!, ms: 3_600_000 }, ...rest] }, "took longer than the whole quiz ran"],
      [{ questions: body.questions.map((q) => ({ ...q, ms: 30_000 })) }, "took longer in all than the quiz ran"],
      [
        { quiz: { ...body.quiz, timeLimitMinutes: 1 }, deadline: "2026-01-01T00:00:05.000Z" },
        "deadline is not its start plus its time limit",
      ],
      [{ quiz: { ...body.quiz, timeLimitMinutes: 0.1 }, deadline: "2026-01-01T00:00:06.000Z" }, "after the deadline"],
      [{ updatedAt: "2025-12-31T00:00:00.000Z" }, "its last update is before its start"],
      // A live session's added time must account for the whole deadline, and needs a time limit.
      [
        { quiz: { ...body.quiz, timeLimitMinutes: 1 }, deadline: "2026-01-01T00:03:00.000Z", timeAddedMs: 60_000 },
        "not its start plus its time limit and the time added",
      ],
      [{ timeAddedMs: 60_000 }, "time added to a quiz without a time limit"],
    ];
    for (const [change, detail] of cases) {
      const read = parseResult(JSON.stringify(sealResult({ ...body, ...change })));
      expect(read, detail).toMatchObject({ ok: false, problem: "tampered" });
      expect(!read.ok && read.detail).toContain(detail);
    }
    expect(parseResult(resultText(sealResult(body))).ok).toBe(true);
    // The deadline of a paused or extended live session: the start, the limit and the time added.
    const extended = { ...body, quiz: { ...body.quiz, timeLimitMinutes: 1 }, deadline: "2026-01-01T00:03:00.000Z", timeAddedMs: 120_000 };
    expect(parseResult(resultText(sealResult(extended))).ok).toBe(true);
  });
});
