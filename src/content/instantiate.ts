// One question from a template and a seed: the variant's params (drawn by src/core/variants,
// re-drawn away from traps), each part's answer and mistake values, and the texts with their
// placeholders filled. The same template and seed give the same question on every machine;
// progress is keyed by the template's id, never by its text.
import type { Localized } from "../core/i18n";
import { formatSignificant, showShortest, showSignificant, withMinusSign } from "../core/number-format";
import { decimalRound } from "../core/decimal-round";
import { type AnswerKind, inXForm, type QuantityId } from "../core/quantities";
import { givenDigitsFor, shownIntermediates, shownTexts } from "../core/shown-values";
import type { MistakeId, MistakeValue, Params } from "../core/types";
import { drawVariant } from "../core/variants";
import type { ExerciseTemplate } from "./model";
import { renderPlaceholders } from "./placeholders";

/** Placeholders a feedback text may keep for the checker to fill when it grades an answer. */
export const FEEDBACK_RUNTIME_NAMES: readonly string[] = ["answer", "value"];

export interface QuestionPart {
  quantity: QuantityId;
  answer: AnswerKind;
  digits: number;
  /** The right answer (NaN for a formula part without an x param). */
  expected: number;
  /** Finite values of the typical mistakes, for the checker's diagnosis. */
  mistakes: MistakeValue[];
  carryFrom: number | null;
  prompt: Localized;
  /** Params, intermediates and `expected` of this part. */
  values: Record<string, number>;
}

export interface GivenValue {
  name: string;
  value: number;
  /** The value as shown with the prompt. */
  text: string;
}

export interface QuestionInstance {
  /** The template's id: the key progress is stored under. */
  templateId: string;
  skill: string;
  seed: number;
  params: Params;
  /** Params and the intermediates of every part (a later part's value wins; `expected` is the last part's). */
  values: Record<string, number>;
  given: GivenValue[];
  parts: QuestionPart[];
  hints: Localized[];
  solution: Localized;
  /** Per mistake id; {answer} and {value} are left for the checker to fill. */
  feedback: Readonly<Partial<Record<MistakeId, Localized>>>;
}

export type InstantiateResult = { ok: true; question: QuestionInstance } | { ok: false; problem: string };

/** A number in a sentence: a Unicode minus, a power of ten for tiny and huge values. */
function show(value: number, digits: number | null): string {
  return digits === null ? showShortest(value) : showSignificant(value, digits);
}

/**
 * Fills `{name}` and `{name:N}`. Without N, a name in `params` (the params, and the values a
 * question prints: given values and sums built from them) is written exactly, any other value
 * to `defaultDigits` significant figures. Names not in `values` are kept as written
 * (validation has rejected unknown names, so only the checker's runtime names remain).
 */
export function fillText(
  text: Localized,
  values: Readonly<Record<string, number>>,
  params: Params,
  defaultDigits: number,
  printed: Readonly<Record<string, string>> = {},
): Localized {
  const fill = (source: string) =>
    renderPlaceholders(source, (name, digits) => {
      const value = values[name];
      if (value === undefined) return digits === null ? `{${name}}` : `{${name}:${digits}}`;
      const asPrinted = printed[name];
      if (digits === null && asPrinted !== undefined) return withMinusSign(asPrinted);
      if (digits === null && Object.hasOwn(params, name)) return show(value, null);
      return show(value, digits ?? defaultDigits);
    });
  return { ja: fill(text.ja), en: fill(text.en) };
}

export function instantiate(template: ExerciseTemplate, seed: number): InstantiateResult {
  const drawn = drawVariant(template, seed);
  if (!drawn.ok) return { ok: false, problem: drawn.problem };
  const { variant } = drawn;
  const params = variant.params;
  const values: Record<string, number> = { ...params };
  for (const part of variant.parts) Object.assign(values, part.intermediates);
  const firstDigits = template.parts[0]?.digits ?? 3;

  // Given values are printed to as many figures as a learner needs to reach the graded answer
  // from them; texts then quote them (and sums built from them) exactly as printed.
  const givenValues: Record<string, number> = {};
  for (const name of template.given) if (values[name] !== undefined) givenValues[name] = values[name];
  const givenDigits = givenDigitsFor(givenValues, variant.parts, firstDigits + 1);
  const printed: Record<string, number> = {};
  for (const [name, value] of Object.entries(givenValues)) printed[name] = decimalRound(value, givenDigits);
  const shown = shownIntermediates(printed);
  const printedText: Record<string, string> = {};
  for (const [name, value] of Object.entries(givenValues)) printedText[name] = formatSignificant(value, givenDigits);
  const texts = shownTexts(printedText, shown);
  const textValues = { ...values, ...shown };
  const exactNames = { ...params, ...shown };
  // Worked in Step 3's x form, 1 − σ(x) is e^(−x)/(1 + e^(−x)): the square was forgotten.
  const xForm = template.form === "x";

  const parts: QuestionPart[] = variant.parts.map((part, index) => {
    const spec = template.parts[index]!;
    const partValues = { ...params, ...part.intermediates };
    return {
      quantity: part.quantity,
      answer: part.answer,
      digits: part.digits,
      expected: part.expected,
      mistakes: xForm && part.quantity === "derivative" ? inXForm(part.mistakes) : part.mistakes,
      carryFrom: spec.carryFrom,
      prompt: fillText(spec.prompt, { ...partValues, ...shown }, exactNames, part.digits, texts),
      values: partValues,
    };
  });
  const given = template.given.flatMap((name): GivenValue[] => {
    const value = values[name];
    return value === undefined ? [] : [{ name, value, text: show(value, givenDigits) }];
  });
  const feedback: Partial<Record<MistakeId, Localized>> = {};
  for (const [id, text] of Object.entries(template.feedback)) {
    if (text) feedback[id] = fillText(text, textValues, exactNames, firstDigits, texts);
  }
  return {
    ok: true,
    question: {
      templateId: template.id,
      skill: template.skill,
      seed,
      params,
      values,
      given,
      parts,
      hints: template.hints.map((hint) => fillText(hint, textValues, exactNames, firstDigits, texts)),
      solution: fillText(template.solution, textValues, exactNames, firstDigits, texts),
      feedback,
    },
  };
}
