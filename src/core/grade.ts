// Grading a number that was read: correct, imprecise ("right value, too few digits", as
// Numbas does it) or incorrect. The tolerance itself lives in tolerance.ts; this file only
// decides what the learner's own precision means.
import type { ReadNumber } from "./read-answer";
import { roundToSignificant, withinTolerance } from "./tolerance";

export type NumericVerdict = "correct" | "imprecise" | "incorrect";

export interface Grade {
  verdict: NumericVerdict;
  /** Significant figures the question requires. */
  digitsNeeded: number;
  /** Significant figures the learner typed (Infinity for an exact fraction). */
  digitsGiven: number;
}

/**
 * The same number up to the last few bits of a double: the reference for 0.7 · (1 − 0.7) is
 * 0.21000000000000002, and a learner typing 0.21 has typed exactly that. Not a tolerance: a
 * value 1e-12 away from the reference is a different number.
 */
const SAME_NUMBER_ULPS = 8;
export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= SAME_NUMBER_ULPS * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether `value`, typed with `figures` significant figures, is `target` rounded to that many
 * figures: 0.88 is 0.8808 to 2 figures, and 1 is σ(10) = 0.99995 to 1 figure.
 */
export function matchesAtTypedPrecision(value: number, target: number, figures: number): boolean {
  if (!Number.isFinite(figures) || figures < 1 || target === 0) return false;
  return sameNumber(value, roundToSignificant(target, Math.min(100, figures)));
}

/**
 * correct: within half a unit of the last required digit, typed with at least the required
 * figures, or as an exact form (1/4), or as exactly the reference (0.25 for σ′(0) = 1/4).
 * imprecise: fewer figures than required, and the value is the reference rounded to the
 * figures typed. So "1" for σ(10) = 0.99995 at 3 figures is imprecise, never correct, although
 * it lies within 0.00005 of the reference (docs/grading.md, Verdicts), and "1.00" is correct.
 * incorrect: everything else, including "0" for σ′(20) ≈ 2.06e-9.
 * A reference of 0 has no significant figures: within the absolute tolerance is correct.
 */
export function gradeNumber(read: ReadNumber, expected: number, digits: number): Grade {
  const within = withinTolerance(read.value, expected, digits);
  const grade = (verdict: NumericVerdict): Grade => ({ verdict, digitsNeeded: digits, digitsGiven: read.sigFigs });
  if (expected === 0) return grade(within ? "correct" : "incorrect");
  const enoughFigures = read.exact || read.sigFigs >= digits || sameNumber(read.value, expected);
  if (within && enoughFigures) return grade("correct");
  if (read.sigFigs < digits && (within || matchesAtTypedPrecision(read.value, expected, read.sigFigs))) {
    return grade("imprecise");
  }
  return grade("incorrect");
}
