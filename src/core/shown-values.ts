// What a learner can work out from the numbers a question shows. A given value is printed
// rounded (e^(−3) as 0.04979), and a learner who works from it and rounds only at the end must
// land on the graded answer; hints and worked solutions must quote the same printed numbers,
// and any arithmetic they print must add up as printed (1 + 2.718 = 3.718, not 3.7183).
import { decimalRound } from "./decimal-round";
import { sameAtPrecision } from "./grade";
import { formatShortest } from "./number-format";
import type { QuantityId } from "./quantities";

/** Given values are shown with at least this many significant figures. */
export const MIN_GIVEN_DIGITS = 4;
/** And at most this many: beyond it a double's own rounding shows. */
const MAX_GIVEN_DIGITS = 12;

/** A sum or difference of printed decimals, free of binary noise: 1 + 2.718 is 3.718. */
function decimalSum(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * The answer of a part computed only from the shown values (given values as printed), or null
 * when the part does not use them (its answer comes from params, which are shown exactly).
 */
export function answerFromShown(quantity: QuantityId, shown: Readonly<Record<string, number>>): number | null {
  const e = shown.e_neg_x ?? (shown.u === undefined ? undefined : shown.u - 1);
  const s = shown.sigma;
  switch (quantity) {
    case "sigmoid":
      return e === undefined ? null : 1 / (1 + e);
    case "derivative":
      if (s !== undefined) return s * (1 - s);
      return e === undefined ? null : e / ((1 + e) * (1 + e));
    case "inner-derivative":
      return e === undefined ? null : -e;
    case "outer-derivative":
      return e === undefined ? null : -1 / ((1 + e) * (1 + e));
    default:
      return null;
  }
}

/**
 * The values hints and solutions quote in place of the exact intermediates, so that what they
 * print is what the learner sees: each given value as printed, and the values printed
 * arithmetic builds from it (1 + e^(−x), u − 1, u², 1 − σ), exact as decimals.
 */
export function shownIntermediates(printed: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...printed };
  if (printed.e_neg_x !== undefined) {
    out.one_plus_e_neg_x = decimalSum(1 + printed.e_neg_x);
    out.u = out.one_plus_e_neg_x;
  } else if (printed.u !== undefined) {
    out.e_neg_x = decimalSum(printed.u - 1);
    out.one_plus_e_neg_x = printed.u;
  }
  if (out.u !== undefined) out.u_squared = decimalSum(out.u * out.u);
  if (printed.sigma !== undefined) out.one_minus_sigma = decimalSum(1 - printed.sigma);
  return out;
}

/**
 * The fewest significant figures (from `least`, at least MIN_GIVEN_DIGITS) to print the given
 * values with so that every part's answer worked from them rounds to the graded answer.
 */
export function givenDigitsFor(
  given: Readonly<Record<string, number>>,
  parts: readonly { quantity: QuantityId; expected: number; digits: number; answer: string }[],
  least: number,
): number {
  for (let d = Math.max(MIN_GIVEN_DIGITS, least); d < MAX_GIVEN_DIGITS; d++) {
    const printed: Record<string, number> = {};
    for (const [name, value] of Object.entries(given)) printed[name] = decimalRound(value, d);
    const workable = parts.every((part) => {
      if (part.answer !== "number") return true;
      const worked = answerFromShown(part.quantity, printed);
      return worked === null || sameAtPrecision(worked, part.expected, part.digits);
    });
    if (workable) return d;
  }
  return MAX_GIVEN_DIGITS;
}

/** Decimal places of a printed number ("0.2500" → 4, "9.000" → 3); null for a power of ten. */
function placesOf(text: string): number | null {
  if (/[e×]/.test(text)) return null;
  return text.split(".")[1]?.length ?? 0;
}

/**
 * How hints and solutions write the values of shownIntermediates: a given value exactly as
 * printed with the prompt ("0.2500"), and a sum built from it with the same decimal places
 * ("1 + 0.2500 = 1.2500"), so that the printed arithmetic reads as one calculation.
 */
export function shownTexts(printedText: Readonly<Record<string, string>>, shown: Readonly<Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  const like = (source: string | undefined, value: number): string => {
    const places = source === undefined ? null : placesOf(source);
    return places === null ? formatShortest(value) : value.toFixed(places);
  };
  for (const [name, value] of Object.entries(shown)) {
    const printed = printedText[name];
    if (printed !== undefined) out[name] = printed;
    else if (name === "one_plus_e_neg_x" || name === "u") out[name] = like(printedText.e_neg_x ?? printedText.u, value);
    else if (name === "e_neg_x") out[name] = like(printedText.u, value);
    else if (name === "one_minus_sigma") out[name] = like(printedText.sigma, value);
    else out[name] = formatShortest(value);
  }
  return out;
}
