// Random strings against the reader and the grader: at least 100,000 strings in all (full
// Unicode, lone surrogates, and near-numbers built from the pieces learners actually type).
// No exception may escape, and every string must end as a finite number or as invalid with a
// position inside the text (or just after it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNumeric } from "../../src/core/check";
import { getQuantity } from "../../src/core/quantities";
import { readAnswer } from "../../src/core/read-answer";
import type { NumericQuestion } from "../../src/core/types";

const VERDICTS = new Set(["correct", "imprecise", "incorrect", "invalid"]);

const QUESTIONS: NumericQuestion[] = [
  { x: 2, q: "derivative" },
  { x: 0, q: "derivative" },
  { x: 10, q: "sigmoid" },
  { x: -20, q: "derivative" },
  { x: -3.5, q: "sigmoid" },
].map(({ x, q }, i) => {
  const quantity = getQuantity(q as "sigmoid" | "derivative");
  return { expected: quantity.expected({ x }), digits: 1 + ((i * 5) % 12), mistakes: quantity.mistakes({ x }) };
});
QUESTIONS.push({ expected: 0, digits: 3, mistakes: [{ id: "value-instead-of-derivative", value: 1 }] });

let checked = 0;

// A plain check instead of expect(): 125,000 strings × a dozen assertions stay fast.
function must(condition: boolean, what: string, input: string): void {
  if (!condition) throw new Error(`${what} for input ${JSON.stringify(input)}`);
}

function assertReadsOrRefuses(input: string, questionIndex: number): void {
  const length = Array.from(input).length;
  const read = readAnswer(input);
  if (read.ok) {
    must(Number.isFinite(read.value), "value not finite", input);
    must(read.sigFigs >= 1, "fewer than 1 significant figure", input);
    // The echo is itself an answer that reads back as the same number.
    const again = readAnswer(read.readAs);
    must(again.ok && again.value === read.value, `echo ${read.readAs} does not read back`, input);
  } else {
    must(read.position >= 1 && read.position <= length + 1, `position ${read.position} outside 1..${length + 1}`, input);
    must(read.message.en.length > 0 && read.message.ja.length > 0, "empty message", input);
  }
  const question = QUESTIONS[questionIndex % QUESTIONS.length]!;
  const result = checkNumeric(question, input);
  must(VERDICTS.has(result.verdict), `unknown verdict ${result.verdict}`, input);
  must((result.verdict === "invalid") === !read.ok, "invalid although read, or graded although unreadable", input);
  if (result.verdict === "invalid") {
    must(result.parsed === null && result.diagnosis === null, "invalid with a value or diagnosis", input);
    must(result.position === (read.ok ? null : read.position), "position differs from the reader's", input);
  } else {
    must(read.ok && result.parsed === read.value, "parsed differs from the reader's value", input);
    must(result.verdict !== "correct" || result.diagnosis === null, "correct answer diagnosed", input);
    must(result.message.en.length > 0 && result.message.ja.length > 0, "empty message", input);
  }
  checked++;
}

// Pieces of near-numbers: digits, signs, separators, exponent markers, full-width and
// look-alike forms, invisible characters, superscripts, words, and a lone surrogate.
const PIECES = [
  ..."0123456789",
  "0",
  "1",
  "10",
  "00",
  "5",
  ".",
  ",",
  "+",
  "-",
  "−",
  "–",
  "e",
  "E",
  "×",
  "x",
  "X",
  "*",
  "·",
  "^",
  "/",
  "(",
  ")",
  " ",
  "０",
  "１",
  "５",
  "．",
  "，",
  "－",
  "＋",
  "／",
  "ｅ",
  "＾",
  "。",
  "、",
  "\u3000",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u00ad",
  "\u200e",
  "\u00a0",
  "\u2009",
  "⁻",
  "³",
  "⁰",
  "½",
  "¼",
  "∞",
  "NaN",
  "Infinity",
  "inf",
  "%",
  "a",
  "σ",
  "😀",
  "\u0301",
  "\ud800",
  "\udc00",
  "\u0000",
  "e308",
  "e309",
  "e-323",
  "e-400",
  "999999999",
  "1e",
  "1,234",
  "0.",
  ".5",
];
const nearNumber = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));
const longNearNumber = fc
  .tuple(fc.constantFrom("0.", "1", "9", "−", "１", "\u200b"), fc.integer({ min: 150, max: 260 }))
  .map(([piece, n]) => `${piece}${"1".repeat(n)}`);
// Mostly well-formed numbers in every spelling, sometimes with one piece inserted anywhere.
const digitRun = fc.array(fc.constantFrom(..."0123456789", "０", "７", "９"), { maxLength: 6 }).map((d) => d.join(""));
const structured = fc
  .record({
    pad: fc.constantFrom("", " ", "\u200b", "\u00a0", "\ufeff"),
    sign: fc.constantFrom("", "", "-", "+", "−", "－", "‐", "–"),
    int: digitRun,
    sep: fc.constantFrom("", "", ".", ",", "．", "，"),
    frac: digitRun,
    tail: fc.oneof(
      fc.constant(""),
      fc
        .tuple(fc.constantFrom("e", "E", "ｅ"), fc.constantFrom("", "-", "+", "−"), fc.integer({ min: 0, max: 400 }))
        .map(([e, sign, n]) => `${e}${sign}${n}`),
      fc
        .tuple(
          fc.constantFrom("×", "x", "*", "·", " × "),
          fc.constantFrom("^", "**", "^(", "＾"),
          fc.constantFrom("", "-", "−"),
          fc.integer({ min: 0, max: 330 }),
        )
        .map(([times, caret, sign, n]) => `${times}10${caret}${sign}${n}${caret.endsWith("(") ? ")" : ""}`),
      fc.tuple(fc.constantFrom("/", "／", " / ", "÷"), fc.constantFrom("", "-"), digitRun).map(([slash, sign, d]) => `${slash}${sign}${d}`),
    ),
    insert: fc.option(fc.tuple(fc.constantFrom(...PIECES), fc.nat()), { freq: 3 }),
  })
  .map(({ pad, sign, int, sep, frac, tail, insert }) => {
    const text = `${pad}${sign}${int}${sep}${frac}${tail}${pad}`;
    if (insert === null) return text;
    const [piece, at] = insert;
    const chars = Array.from(text);
    const k = at % (chars.length + 1);
    return [...chars.slice(0, k), piece, ...chars.slice(k)].join("");
  });
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 5 });

describe("reader and grader under random input", () => {
  it("handle 60,000 random full-Unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 260 }), fc.nat(), (input, qi) => assertReadsOrRefuses(input, qi)),
      { numRuns: 60_000 },
    );
  });

  it("handle 60,000 near-number strings", () => {
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: structured, weight: 12 }, { arbitrary: nearNumber, weight: 8 }, longNearNumber, loneSurrogates),
        fc.nat(),
        (input, qi) => assertReadsOrRefuses(input, qi),
      ),
      { numRuns: 60_000 },
    );
  });

  it("handle 5,000 strings of printable ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 30 }), fc.nat(), (input, qi) => assertReadsOrRefuses(input, qi)),
      { numRuns: 5_000 },
    );
    expect(checked).toBeGreaterThanOrEqual(125_000);
  });
});

describe("round trip of JavaScript's own number forms", () => {
  it("String(v) and v.toExponential() read back as exactly v for every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        for (const text of [String(v), v.toExponential()]) {
          const read = readAnswer(text);
          expect(read.ok).toBe(true);
          expect(read.ok && read.value).toBe(v === 0 ? 0 : v);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("the same forms with Unicode minus and full-width digits read back too", () => {
    const fullWidth = (s: string) => s.replace(/[0-9.+\-e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = v.toExponential();
        for (const variant of [text.replace(/-/g, "−"), fullWidth(text), `\u200b ${text} \u00a0`]) {
          const read = readAnswer(variant);
          expect(read.ok && read.value).toBe(v === 0 ? 0 : v);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
