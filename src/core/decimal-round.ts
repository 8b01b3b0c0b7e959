// Rounding to significant figures the way a learner rounds on paper: from the decimal the
// value stands for, not from its binary double. 5 × 0.0475 is the decimal 0.2375, whose double
// is a hair below it, so toPrecision(3) gives 0.237 while every learner writes 0.238. A value
// computed from decimal params is written here as its shortest round-trip decimal (0.2375),
// and that decimal is rounded half away from zero.

/**
 * How far rounding |value| to `figures` figures is from a tie, in units of the last kept
 * figure (0 at a tie, 0.5 at most); NaN beyond 12 figures. Scaling loses at most about 4e-4 of
 * a unit up to 12 figures, far below the margins used with it.
 */
function distanceFromTie(value: number, figures: number): number {
  if (figures > 12) return Number.NaN;
  const a = Math.abs(value);
  let e = Math.floor(Math.log10(a));
  if (!Number.isFinite(e)) return Number.NaN;
  if (a / 10 ** (e - figures + 1) >= 10 ** figures) e += 1;
  const scaled = a / 10 ** (e - figures + 1);
  return Math.abs(scaled - Math.floor(scaled) - 0.5);
}

/** Far from a tie, binary and decimal rounding agree and the fast toPrecision can be used. */
function farFromTie(value: number, figures: number): boolean {
  return distanceFromTie(value, figures) > 1e-3;
}

/** Sign, digits without leading zeros, and the decimal exponent of the first digit. */
interface DecimalDigits {
  negative: boolean;
  digits: string;
  /** Power of ten of digits[0]. */
  exponent: number;
}

/** The shortest round-trip decimal of a finite non-zero value, as digits and an exponent. */
function shortestDigits(value: number): DecimalDigits {
  const [mantissa = "", power = "0"] = Math.abs(value).toExponential().split("e");
  return { negative: value < 0, digits: mantissa.replace(".", ""), exponent: Number(power) };
}

/** Adds one to a string of decimal digits: "0999" → "1000", "99" → "100". */
function increment(digits: string): string {
  const out = digits.split("");
  let k = out.length - 1;
  while (k >= 0) {
    if (out[k] === "9") {
      out[k] = "0";
      k--;
    } else {
      out[k] = String(Number(out[k]) + 1);
      return out.join("");
    }
  }
  return `1${out.join("")}`;
}

/**
 * `value` rounded to `figures` significant figures from its shortest decimal, halves away from
 * zero, as text in plain decimal or exponent form like toPrecision ("0.238", "1.00", "2.50e-7").
 * Non-finite values and 0 come back as String(value).
 */
export function decimalToPrecision(value: number, figures: number): string {
  if (!Number.isFinite(value) || value === 0) return String(value);
  const d = Math.max(1, Math.min(100, Math.round(figures)));
  if (farFromTie(value, d)) return value.toPrecision(d);
  const { negative, digits, exponent } = shortestDigits(value);
  let kept = digits.slice(0, d).padEnd(d, "0");
  let e = exponent;
  if (digits.length > d && Number(digits[d]) >= 5) {
    const bumped = increment(kept);
    if (bumped.length > d) {
      kept = bumped.slice(0, d);
      e += 1;
    } else {
      kept = bumped;
    }
  }
  // Written back through toPrecision of the rounded number, which has exactly these digits.
  const rounded = Number(`${negative ? "-" : ""}${kept[0]}.${kept.slice(1)}e${e}`);
  return rounded.toPrecision(d);
}

/** `value` rounded to `figures` significant figures from its decimal (see decimalToPrecision), as a number. */
export function decimalRound(value: number, figures: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const rounded = Number(decimalToPrecision(value, figures));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Whether rounding `value` to `figures` significant figures is a tie: its decimal has one
 * more figure, and that figure is 5 (0.2375 at 3 figures), up to the last bits of a double. A learner cannot know
 * which way such an answer is meant to round.
 */
export function isRoundingTie(value: number, figures: number): boolean {
  if (!Number.isFinite(value) || value === 0) return false;
  const distance = distanceFromTie(value, figures);
  // Within a millionth of a unit: −3 × 0.0475 is −0.14250000000000002 in doubles, a tie in decimals.
  if (!Number.isNaN(distance)) return distance < 1e-6;
  const { digits } = shortestDigits(value);
  return digits.length === figures + 1 && digits.endsWith("5");
}

/** `value` cut (not rounded) to `figures` significant figures: 0.88080 → 0.880 at 3 figures. */
export function truncateToSignificant(value: number, figures: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const d = Math.max(1, Math.min(100, Math.round(figures)));
  const { negative, digits, exponent } = shortestDigits(value);
  const kept = digits.slice(0, d).padEnd(d, "0");
  const cut = Number(`${negative ? "-" : ""}${kept[0]}.${kept.slice(1)}e${exponent}`);
  return cut === 0 ? 0 : cut;
}
