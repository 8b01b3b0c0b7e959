// Grading one part through src/core, plus the engine's one addition: carrying an error forward
// from an earlier part of the same exercise.
import { checkNumeric } from "../core/check";
import { checkFormula } from "../core/check-formula";
import { showSignificant } from "../core/number-format";
import type { Localized } from "../core/i18n";
import type { CheckResult } from "../core/types";
import { carriedExpected } from "./carry";
import type { CarriedForward, PartAnswer, QuestionInstance } from "./types";

/** One part of a question graded: the check's result and the value carried into later parts. */
export interface PartGrade {
  result: CheckResult;
  carried: CarriedForward | null;
  digits: number;
  /** A number as the feedback quotes it: the part's significant figures. */
  format(value: number): string;
}

export function gradePart(
  instance: QuestionInstance,
  partIndex: number,
  answers: readonly (PartAnswer | null)[],
  input: string,
): PartGrade {
  const part = instance.parts[partIndex]!;
  const format = (value: number) => showSignificant(value, part.digits);
  const overrides: Record<string, Localized> = {};
  for (const [id, text] of Object.entries(instance.feedback)) if (text) overrides[id] = text;
  if (part.quantity === "derivative-formula") {
    // The sentences content wrote for a wrong formula replace the built-in ones, as for numbers.
    return { result: checkFormula("derivative", input, overrides), carried: null, digits: part.digits, format };
  }
  const context = { params: instance.params, quantity: part.quantity };
  const question = { expected: part.expected, digits: part.digits, mistakes: part.mistakes, wholeNumber: part.wholeNumber ?? false };
  const result = checkNumeric(question, input, overrides, context);
  const missed = result.verdict === "incorrect" || result.verdict === "imprecise";
  const carried = missed ? carryFrom(instance, partIndex, answers) : null;
  if (carried) {
    const again = checkNumeric({ expected: carried.carriedExpected, digits: part.digits, mistakes: [] }, input);
    if (again.verdict === "correct") {
      return {
        result: { ...result, verdict: "correct", diagnosis: null, message: again.message, digitsNeeded: null },
        carried,
        digits: part.digits,
        format,
      };
    }
  }
  return { result, carried: null, digits: part.digits, format };
}

/** The value this part would have from the learner's own (wrong) answer to the part it builds on. */
function carryFrom(instance: QuestionInstance, partIndex: number, answers: readonly (PartAnswer | null)[]): CarriedForward | null {
  const part = instance.parts[partIndex]!;
  if (part.carryFrom === null) return null;
  const earlier = answers[part.carryFrom];
  const from = instance.parts[part.carryFrom];
  // A right earlier answer still carries when it was rounded: σ(3) typed as 0.953 gives
  // 0.953 × 0.047 = 0.0448, while σ′(3) is 0.0452. Only the exact true value carries nothing new.
  if (!earlier || !from || earlier.parsed === null || earlier.parsed === from.expected) return null;
  const value = carriedExpected(part.quantity, instance.params, from.quantity, earlier.parsed);
  if (value === null || !Number.isFinite(value)) return null;
  return { fromPart: part.carryFrom, fromQuantity: from.quantity, learnerValue: earlier.parsed, carriedExpected: value };
}
