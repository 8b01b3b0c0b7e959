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

  it("a file that disagrees with itself is damaged", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    const cases: [Partial<QuizResult>, string][] = [
      [{ questions: body.questions.slice(0, 2) }, "2 questions listed for a quiz of 3"],
      [{ finishedAt: null }, "finishedAt and ending disagree"],
      [{ questions: [{ ...body.questions[0]!, answers: [] }, ...body.questions.slice(1)] }, 'question 1 is "answered" with a part missing'],
      [{ quiz: { ...body.quiz, hintsAllowed: false }, questions: [{ ...body.questions[0]!, hintsUsed: 2 }, ...body.questions.slice(1)] }, "used hints"],
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
