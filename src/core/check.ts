// Checking a typed numeric answer end to end: read it, grade it, and for a wrong answer name
// the common mistake whose value it matches. Invalid input is reported, never graded.
import { gradeNumber, matchesAtTypedPrecision, sameAtPrecision, sameNumber } from "./grade";
import type { Localized } from "./i18n";
import { localizedWith, type MistakeContext, mistakeMessage } from "./mistakes";
import { showBrief, showSignificant } from "./number-format";
import { type ReadNumber, readAnswer } from "./read-answer";
import { withinTolerance } from "./tolerance";
import type { CheckResult, MistakeValue, NumericQuestion, Params } from "./types";

/** What the messages may quote about the question beyond its numbers. */
export interface CheckContext {
  /** The variant's params ({ x: 2 }), quoted in mistake sentences. */
  params?: Params;
  /** The quantity id ("sigmoid", "derivative", …), which tunes some mistake sentences. */
  quantity?: string;
  /** What is asked, as the learner sees it: "σ′(2)". */
  label?: string;
}

/** Mistakes compared only at the asked figures: "0.88" for 0.8808 is a rounded answer, not a cut one. */
const ONLY_AT_ASKED_FIGURES = new Set<string>(["truncated"]);

/**
 * The first mistake the answer matches, in the catalogue's order: at the question's tolerance;
 * for an answer typed with fewer figures, at its own precision ("0.88" for σ′(2) is still
 * σ(2) = 0.8808, and "0.2" is 1 − σ(x) = 0.2); for one typed with more figures, after
 * rounding both to the asked figures. `truncated` counts only when typed with exactly the
 * asked figures and equal to the answer cut there.
 */
export function diagnose(read: ReadNumber, question: NumericQuestion): MistakeValue | null {
  const digits = question.digits;
  const figures = read.exact ? Number.POSITIVE_INFINITY : read.sigFigs;
  const matches = (m: MistakeValue): boolean => {
    if (!Number.isFinite(m.value)) return false;
    if (ONLY_AT_ASKED_FIGURES.has(m.id)) return figures === digits && sameNumber(read.value, m.value);
    if (withinTolerance(read.value, m.value, digits)) return true;
    if (figures < digits) return matchesAtTypedPrecision(read.value, m.value, figures);
    if (figures > digits && Number.isFinite(figures)) return sameAtPrecision(read.value, m.value, digits);
    return false;
  };
  return question.mistakes.find(matches) ?? null;
}

/** What is asked, for "if you meant σ′(2), …": the caller's label, else one made from the quantity. */
function askedFor(context: CheckContext): Localized {
  if (context.label !== undefined) return { ja: context.label, en: context.label };
  const x = context.params?.x;
  const at = x === undefined ? "x" : showBrief(x);
  switch (context.quantity) {
    case "sigmoid":
      return { ja: `σ(${at})`, en: `σ(${at})` };
    case "derivative":
      return { ja: `σ′(${at})`, en: `σ′(${at})` };
    case "derivative-from-output":
    case "max-slope":
      return { ja: "σ′(x)", en: "σ′(x)" };
    case "backprop-local-gradient":
      return { ja: "∂L/∂x", en: "∂L/∂x" };
    case "inner-derivative":
      return { ja: "du/dx", en: "du/dx" };
    case "outer-derivative":
      return { ja: "dσ/du", en: "dσ/du" };
    case "logit":
      return { ja: "x", en: "x" };
    default:
      return { ja: "正しい値", en: "the right value" };
  }
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
  const grade = gradeNumber(read, question.expected, question.digits, question.wholeNumber ?? false);
  const { verdict, digitsNeeded, digitsGiven } = grade;
  // A Unicode minus, as prompts and worked solutions write it (ASCII mode turns it back).
  const shown = showSignificant(question.expected, question.digits);
  const answer = answerIs(shown, context.label);
  const base = { expected: question.expected, parsed: read.value, readAs: read.readAs, position: null };

  if (verdict === "correct") {
    if (grade.roundedDown && !sameNumber(read.value, question.expected)) {
      // More figures than asked: say what the answer is at the asked figures, and the value itself.
      const exact = showSignificant(question.expected, Math.min(12, digitsGiven + 1));
      const what = context.label === undefined ? "" : `${context.label} ≈ `;
      return {
        ...base,
        verdict,
        diagnosis: null,
        message: {
          ja: `正解です。有効数字${digitsNeeded}桁で ${what}${shown} です（値は ${exact}）。`,
          en: `Correct: ${what}${shown} to ${digitsNeeded} significant figures (the value is ${exact}).`,
        },
        digitsNeeded: null,
      };
    }
    const message =
      context.label === undefined
        ? { ja: `正解です。答えは ${shown} です。`, en: `Correct: ${shown}.` }
        : { ja: `正解です。${answer.ja}`, en: `Correct: ${context.label} ≈ ${shown}.` };
    return { ...base, verdict, diagnosis: null, message, digitsNeeded: null };
  }

  // Named mistakes come before "right value, too few digits": "0.2" where 1 − σ(x) = 0.2 is that
  // mistake, even though 0.16 also rounds to 0.2.
  const mistake = diagnose(read, question);
  if (mistake) {
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
    const asked = askedFor(context);
    // Both readings are possible: name the mistake, and say what to type if the answer was meant.
    const rest = grade.roundedRight
      ? {
          ja: `${asked.ja} のつもりなら、有効数字${digitsNeeded}桁で ${shown} と答えてください。`,
          en: `If you meant ${asked.en}, give ${digitsNeeded} significant figures: ${shown}.`,
        }
      : {
          ja: `正解は ${context.label === undefined ? shown : `${context.label} ≈ ${shown}`} です。`,
          en: answer.en,
        };
    return {
      ...base,
      verdict: "incorrect",
      diagnosis: mistake.id,
      message: { ja: `不正解です。${text.ja}${rest.ja}`, en: `Not correct. ${text.en} ${rest.en}` },
      digitsNeeded: grade.roundedRight ? digitsNeeded : null,
    };
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
  const correctIs = `正解は ${context.label === undefined ? shown : `${context.label} ≈ ${shown}`} です。`;
  if (grade.roundedRight) {
    // One figure: too little to tell a right answer from a lucky or mistaken one.
    return {
      ...base,
      verdict,
      diagnosis: null,
      message: {
        ja: `不正解です。有効数字1桁では答えとして足りません。有効数字${digitsNeeded}桁で答えてください。${correctIs}`,
        en: `Not correct. One significant figure is too few to count: give ${digitsNeeded} significant figures. ${answer.en}`,
      },
      digitsNeeded,
    };
  }
  return {
    ...base,
    verdict,
    diagnosis: null,
    message: { ja: `不正解です。${correctIs}`, en: `Not correct. ${answer.en}` },
    digitsNeeded: null,
  };
}
