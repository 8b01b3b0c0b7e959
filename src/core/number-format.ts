// Numbers as learners read them in messages ("0.881", "1.05×10^-9") and as scripts read them
// in JSON (the JavaScript number itself, whose shortest round-trip form JSON.stringify writes).
import { decimalToPrecision } from "./decimal-round";

export interface FormatOptions {
  /** Plain ASCII ("1.05e-9") for --ascii terminals instead of "1.05×10^-9". */
  ascii?: boolean;
}

/** Below this or at and above PLAIN_MAX a value is written with a power of ten. */
const PLAIN_MIN = 1e-4;
const PLAIN_MAX = 1e6;

function withPowerOfTen(exponential: string, options: FormatOptions): string {
  // toExponential gives "1.05e-9" / "1.05e+21".
  const [mantissa, exponent] = exponential.split("e") as [string, string];
  const power = exponent.startsWith("+") ? exponent.slice(1) : exponent;
  return options.ascii ? `${mantissa}e${power}` : `${mantissa}×10^${power}`;
}

/**
 * `value` rounded to `digits` significant figures, trailing zeros kept because they are
 * significant: σ(10) = 0.99995… at 3 figures is "1.00", not "1".
 */
export function formatSignificant(value: number, digits: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const d = Math.min(100, Math.max(1, Math.round(digits)));
  // Rounded from the decimal the value stands for (0.2375 → 0.238), as a learner rounds.
  const text = decimalToPrecision(value, d);
  const rounded = Number(text);
  const magnitude = Math.abs(rounded);
  if (magnitude < PLAIN_MIN || magnitude >= PLAIN_MAX) return withPowerOfTen(rounded.toExponential(d - 1), options);
  // toPrecision switches to "1.23e+5" once the exponent reaches the digit count.
  return text.includes("e") ? String(rounded) : text;
}

/** The shortest text that reads back as exactly `value`, with a power of ten for tiny and huge values. */
export function formatShortest(value: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < PLAIN_MIN || magnitude >= PLAIN_MAX) return withPowerOfTen(value.toExponential(), options);
  return String(value);
}

/** A number for JSON output: itself (JSON.stringify writes the shortest round-trip form), or null if not finite. */
export function jsonNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

// Numbers as a learner reads them in a sentence: a real minus sign (U+2212) in front, as in
// printed mathematics, unless the terminal asked for ASCII. Every learner-facing number goes
// through these, so the sign is written one way everywhere.

/** `text` (a formatted number) with its leading "-" written as a real minus sign "−". */
export function withMinusSign(text: string, options: FormatOptions = {}): string {
  return options.ascii ? text : text.replace(/^-/, "−");
}

/** `value` to `digits` significant figures (trailing zeros kept), with a real minus sign. */
export function showSignificant(value: number, digits: number, options: FormatOptions = {}): string {
  return withMinusSign(formatSignificant(value, digits, options), options);
}

/** The shortest text that reads back as `value`, with a real minus sign. */
export function showShortest(value: number, options: FormatOptions = {}): string {
  return withMinusSign(formatShortest(value, options), options);
}

/**
 * A value as a prompt or message quotes it: at most 4 significant figures, trailing zeros
 * dropped (ln 9 reads 2.197, not 2.1972245773362196; 0.5 stays 0.5).
 */
export function showBrief(value: number, options: FormatOptions = {}): string {
  return showShortest(Number(value.toPrecision(4)), options);
}

/** A number with fixed decimals ("−0.50"); −0 is written as 0. */
export function showFixed(value: number, decimals: number, options: FormatOptions = {}): string {
  return withMinusSign((Object.is(value, -0) ? 0 : value).toFixed(decimals), options);
}
