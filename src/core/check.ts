// Checking a typed numeric answer end to end: read it, grade it, and for a wrong answer name
// the common mistake whose value it matches. Invalid input is reported, never graded.
import { gradeNumber, matchesAtTypedPrecision } from "./grade";
import type { Localized } from "./i18n";
import { localizedWith, type MistakeContext, mistakeMessage } from "./mistakes";
import { formatSignificant } from "./number-format";
import { type ReadNumber, readAnswer } from "./read-answer";
import { withinTolerance } from "./tolerance";
import type { CheckResult, MistakeId, MistakeValue, NumericQuestion, Params } from "./types";

/** What the messages may quote about the question beyond its numbers. */
export interface CheckContext {
  /** The variant's params ({ x: 2 }), quoted in mistake sentences. */
  params?: Params;
  /** The quantity id ("sigmoid", "derivative", …), which tunes some mistake sentences. */
  quantity?: string;
  /** What is asked, as the learner sees it: "σ′(2)". */
  label?: string;
}

/**
 * The first mistake whose value the answer matches at the question's tolerance. Failing that,
 * an answer typed with fewer figures (but at least 2) is compared at its own precision, so
 * "0.88" for σ′(2) is still recognized as σ(2) = 0.8808.
 */
export function diagnose(read: ReadNumber, question: NumericQuestion): MistakeValue | null {
  const finite = question.mistakes.filter((m) => Number.isFinite(m.value));
  const atTolerance = finite.find((m) => withinTolerance(read.value, m.value, question.digits));
  if (atTolerance) return atTolerance;
  if (read.sigFigs >= 2 && read.sigFigs < question.digits) {
    return finite.find((m) => matchesAtTypedPrecision(read.value, m.value, read.sigFigs)) ?? null;
  }
  return null;
}

function answerIs(expected: string, label: string | undefined): Localized {
  return label === undefined
    ? { ja: `答えは ${expected} です。`, en: `The answer is ${expected}.` }
    : { ja: `${label} ≈ ${expected} です。`, en: `The answer is ${label} ≈ ${expected}.` };
}

/**
 * Reads, grades and diagnoses one typed answer. Never throws for any input string; throws a
 * RangeError only for a malformed question (digits outside 1–12), which is a programming error.
 * `overrides` replaces the built-in sentence of a mistake id (placeholders {x}, {expected},
 * {answer}, {value} are filled in).
 */
export function checkNumeric(
  question: NumericQuestion,
  input: string,
  overrides?: Readonly<Record<string, Localized>>,
  context: CheckContext = {},
): CheckResult {
  const read = readAnswer(input);
  if (!read.ok) {
    return {
      verdict: "invalid",
      expected: question.expected,
      parsed: null,
      readAs: null,
      diagnosis: null,
      message: {
        ja: `答えを読み取れませんでした。${read.message.ja}`,
        en: `Could not read the answer. ${read.message.en}`,
      },
      position: read.position,
      digitsNeeded: null,
    };
  }
  const { verdict, digitsNeeded, digitsGiven } = gradeNumber(read, question.expected, question.digits);
  // A Unicode minus, as prompts and worked solutions write it (ASCII mode turns it back).
  const shown = formatSignificant(question.expected, question.digits).replace(/^-/, "−");
  const answer = answerIs(shown, context.label);
  const base = { expected: question.expected, parsed: read.value, readAs: read.readAs, position: null };

  if (verdict === "correct") {
    const message = context.label === undefined
      ? { ja: `正解です。答えは ${shown} です。`, en: `Correct: ${shown}.` }
      : { ja: `正解です。${answer.ja}`, en: `Correct: ${context.label} ≈ ${shown}.` };
    return { ...base, verdict, diagnosis: null, message, digitsNeeded: null };
  }
  if (verdict === "imprecise") {
    return {
      ...base,
      verdict,
      diagnosis: null,
      message: {
        ja: `値は合っていますが、有効数字${digitsNeeded}桁で答えてください（入力は${digitsGiven}桁です）。${answer.ja}`,
        en: `Right value, but give ${digitsNeeded} significant figures (you gave ${digitsGiven}). ${answer.en}`,
      },
      digitsNeeded,
    };
  }
  const mistake = diagnose(read, question);
  let sentence: Localized = { ja: "", en: "" };
  let diagnosis: MistakeId | null = null;
  if (mistake) {
    diagnosis = mistake.id;
    const ctx: MistakeContext = {
      digits: question.digits,
      expected: question.expected,
      mistakeValue: mistake.value,
      answer: read.value,
      ...(context.params ? { params: context.params } : {}),
      ...(context.quantity ? { quantity: context.quantity } : {}),
    };
    const override = overrides?.[mistake.id];
    const text = override ? localizedWith(override, ctx) : mistakeMessage(mistake.id, ctx);
    sentence = { ja: text.ja, en: `${text.en} ` };
  }
  return {
    ...base,
    verdict,
    diagnosis,
    message: {
      ja: `不正解です。${sentence.ja}正解は ${context.label === undefined ? shown : `${context.label} ≈ ${shown}`} です。`,
      en: `Not correct. ${sentence.en}${answer.en}`,
    },
    digitsNeeded: null,
  };
}
