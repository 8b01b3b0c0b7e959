// The one definition of "right to N significant figures", shared by the grader, the content
// validator and the variant generator: a value is right when it lies within half a unit of the
// last required digit of the expected value (true ± 0.5 · 10^(place of that digit)), bounds
// included. Expected 0 has no significant digits, so it gets the absolute tolerance 0.5 · 10^(−N).

/**
 * Significant figures a question may require. Doubles carry about 16, and the tolerance has to
 * stay well above their rounding error (about 1e−16 relative), so 12 is the most we grade.
 */
export const MIN_DIGITS = 1;
export const MAX_DIGITS = 12;

/**
 * Slack for binary representation, relative to the expected value: 0.255 − 0.25 is
 * 0.0050000000000000044 in doubles, and must still count as within 0.005. It is capped at a
 * thousandth of the tolerance so that it never noticeably widens it (matters from ~9 digits on).
 */
export const RELATIVE_SLACK = 1e-12;
const MAX_SLACK_OF_TOLERANCE = 1e-3;

/** Throws a RangeError unless `digits` is a whole number from MIN_DIGITS to MAX_DIGITS. */
export function assertDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
    throw new RangeError(`significant figures must be a whole number from ${MIN_DIGITS} to ${MAX_DIGITS}, got ${String(digits)}`);
  }
}

// 10^n for every n a double can reach (beyond them: Infinity and 0), built once.
const POW10_MIN = -343;
const POW10_MAX = 309;
const POW10: readonly number[] = Array.from({ length: POW10_MAX - POW10_MIN + 1 }, (_, i) => Number(`1e${i + POW10_MIN}`));

/** The double nearest 10^n for an integer n (string conversion is correctly rounded; 10 ** n need not be). */
export function pow10(n: number): number {
  if (n < POW10_MIN) return 0;
  if (n > POW10_MAX) return Number.POSITIVE_INFINITY;
  return POW10[n - POW10_MIN]!;
}

/**
 * floor(log10 |v|) for a finite v ≠ 0, taking a double that is the nearest to a power of ten as
 * that power: decimalExponent(0.001) is −3 although Math.log10 may round either way, and the
 * double just below 0.001 gives −4.
 */
export function decimalExponent(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a) || a === 0) throw new RangeError(`decimalExponent needs a finite non-zero number, got ${v}`);
  let e = Math.floor(Math.log10(a));
  if (a < pow10(e)) e -= 1;
  else if (a >= pow10(e + 1)) e += 1;
  return e;
}

/** Half a unit of the last of `digits` significant figures of `expected`. */
export function halfUnit(expected: number, digits: number): number {
  assertDigits(digits);
  if (expected === 0) return 0.5 * pow10(-digits);
  return 0.5 * pow10(decimalExponent(expected) - digits + 1);
}

/** Whether `value` is `expected` to `digits` significant figures (bounds included). */
export function withinTolerance(value: number, expected: number, digits: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(expected)) return false;
  const half = halfUnit(expected, digits);
  const slack = Math.min(RELATIVE_SLACK * Math.max(Math.abs(expected), half), MAX_SLACK_OF_TOLERANCE * half);
  return Math.abs(value - expected) <= half + slack;
}

/**
 * `value` rounded to `digits` significant figures (1 to 100), halves away from zero, from its
 * exact binary value (toPrecision's rule): roundToSignificant(0.99995, 3) is 1,
 * roundToSignificant(0.125, 2) is 0.13. Non-finite values are returned as they are; a value
 * that rounds past Number.MAX_VALUE (1.5e308 to 1 digit) becomes ±Infinity.
 */
export function roundToSignificant(value: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 1 || digits > 100) {
    throw new RangeError(`significant figures must be a whole number from 1 to 100, got ${String(digits)}`);
  }
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}
