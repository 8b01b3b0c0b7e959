// Grading one part through src/core, plus the engine's one addition: carrying an error forward
// from an earlier part of the same exercise.
import { checkNumeric } from "../core/check";
import { checkFormula } from "../core/check-formula";
import { formatSignificant } from "../core/number-format";
import type { Localized } from "../core/i18n";
import type { CheckResult } from "../core/types";
import { carriedExpected } from "./carry";
import type { CarriedForward, PartAnswer, QuestionInstance } from "./types";

export interface Grade {
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
): Grade {
  const part = instance.parts[partIndex]!;
  const format = (value: number) => formatSignificant(value, part.digits).replace(/^-/, "−");
  if (part.quantity === "derivative-formula") {
    return { result: checkFormula("derivative", input), carried: null, digits: part.digits, format };
  }
  const context = { params: instance.params, quantity: part.quantity };
  const question = { expected: part.expected, digits: part.digits, mistakes: part.mistakes };
  const overrides: Record<string, Localized> = {};
  for (const [id, text] of Object.entries(instance.feedback)) if (text) overrides[id] = text;
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
function carryFrom(
  instance: QuestionInstance,
  partIndex: number,
  answers: readonly (PartAnswer | null)[],
): CarriedForward | null {
  const part = instance.parts[partIndex]!;
  if (part.carryFrom === null) return null;
  const earlier = answers[part.carryFrom];
  const from = instance.parts[part.carryFrom];
  // A right earlier answer carries nothing new: the true value is already what it gives.
  if (!earlier || !from || earlier.verdict === "correct" || earlier.parsed === null) return null;
  const value = carriedExpected(part.quantity, instance.params, from.quantity, earlier.parsed);
  if (value === null || !Number.isFinite(value)) return null;
  return { fromPart: part.carryFrom, fromQuantity: from.quantity, learnerValue: earlier.parsed, carriedExpected: value };
}
