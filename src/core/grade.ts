// Grading a number that was read: correct, imprecise ("right value, too few digits", as
// Numbas does it) or incorrect. The tolerance itself lives in tolerance.ts; this file only
// decides what the learner's own precision means. Named mistakes are tested before the
// imprecise verdict is given: check.ts does that, with `roundedRight` from here.
import { decimalRound } from "./decimal-round";
import type { ReadNumber } from "./read-answer";
import { halfUnit, MAX_DIGITS, roundToSignificant, withinTolerance } from "./tolerance";

export type NumericVerdict = "correct" | "imprecise" | "incorrect";

/** How a typed number compares with the expected value at the figures the question asks for. */
export interface NumberGrade {
  verdict: NumericVerdict;
  /** Significant figures the question requires. */
  digitsNeeded: number;
  /** Significant figures the learner typed (Infinity for an exact fraction). */
  digitsGiven: number;
  /** Correct, typed with more figures than asked and graded on them rounded (0.8814 → 0.881). */
  roundedDown: boolean;
  /**
   * Fewer figures than asked, and the value is the right answer rounded to the figures typed:
   * "0.88" for 0.8808, and also "0.9", which is still graded incorrect (one figure says too
   * little) but may be mentioned next to a named mistake.
   */
  roundedRight: boolean;
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
 * figures (from its decimal, halves away from zero): 0.88 is 0.8808 to 2 figures, and 1 is
 * σ(10) = 0.99995 to 1 figure.
 */
export function matchesAtTypedPrecision(value: number, target: number, figures: number): boolean {
  if (!Number.isFinite(figures) || figures < 1 || target === 0) return false;
  const d = Math.min(100, figures);
  // Rounded from the decimal (as on paper) or from the double (as a calculator may): either way
  // the learner rounded right, and the two differ only at a tie.
  return sameNumber(value, decimalRound(target, d)) || sameNumber(value, roundToSignificant(target, d));
}

/** Whether `value` and `target` are the same when both are rounded to `figures` significant figures. */
export function sameAtPrecision(value: number, target: number, figures: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(target)) return false;
  // Values more than a unit of the last figure apart never round to the same (a cheap test first).
  if (target !== 0 && Math.abs(value - target) > 2 * halfUnit(target, Math.min(figures, MAX_DIGITS))) return false;
  return sameNumber(decimalRound(value, figures), decimalRound(target, figures));
}

/** A whole number typed without a decimal point or exponent: "2", "-3". */
function typedAsWholeNumber(read: ReadNumber): boolean {
  return read.form === "decimal" && Number.isInteger(read.value) && !read.readAs.includes(".");
}

/**
 * The rules, in order:
 * 1. An exact form (1/4), exactly the reference (0.25 for σ′(0) = 1/4), or, where the question
 *    says the answer is a whole number, that whole number ("2" for x = 2.00): correct when
 *    within the tolerance.
 * 2. The asked figures: correct when within half a unit of the last required digit.
 * 3. More figures than asked: graded on the value rounded to the asked figures, so 0.8814 for
 *    0.8808 at 3 figures is 0.881 and correct (roundedDown).
 * 4. Fewer figures: the value is the reference rounded to the figures typed (roundedRight).
 *    From 2 figures on that is imprecise ("0.88" for 0.8808); one figure is incorrect unless
 *    the question asks for one. So "1" for σ(10) = 0.99995 at 3 figures is incorrect.
 * 5. Everything else is incorrect, including "0" for σ′(20) ≈ 2.06e-9.
 * docs/grading.md ("Grading rules") gives the full order, with the mistake catalogue first.
 * A reference of 0 has no significant figures: within the absolute tolerance is correct.
 */
export function gradeNumber(read: ReadNumber, expected: number, digits: number, wholeNumber = false): NumberGrade {
  const within = withinTolerance(read.value, expected, digits);
  const grade = (verdict: NumericVerdict, extra: Partial<Pick<NumberGrade, "roundedDown" | "roundedRight">> = {}): NumberGrade => ({
    verdict,
    digitsNeeded: digits,
    digitsGiven: read.sigFigs,
    roundedDown: extra.roundedDown ?? false,
    roundedRight: extra.roundedRight ?? false,
  });
  if (expected === 0) return grade(within ? "correct" : "incorrect");
  const exactForm = read.exact || sameNumber(read.value, expected) || (wholeNumber && typedAsWholeNumber(read));
  if (exactForm) return grade(within ? "correct" : "incorrect");
  if (read.sigFigs === digits) return grade(within ? "correct" : "incorrect");
  if (read.sigFigs > digits) {
    const right = within || sameAtPrecision(read.value, expected, digits);
    return right ? grade("correct", { roundedDown: true }) : grade("incorrect");
  }
  const roundedRight = within || matchesAtTypedPrecision(read.value, expected, read.sigFigs);
  if (roundedRight && read.sigFigs >= 2) return grade("imprecise", { roundedRight });
  return grade("incorrect", { roundedRight });
}
