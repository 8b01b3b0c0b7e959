// The characters a typed or pasted answer may carry that stand for something plainer: the
// number reader (read-answer.ts) and the formula reader (formula.ts) both use these tables, so
// a minus sign, a superscript or a zero-width space reads the same in both kinds of answer.
import { plainOf, SUPERSCRIPTS } from "./script-characters";

/** One character after normalizing, with where it stood in what the learner typed. */
export interface SourceChar {
  ch: string;
  /** 1-based code-point position in the original input. */
  pos: number;
}

// ー (the long-vowel mark) and its half-width form are what a Japanese input method gives for
// a minus typed in kana mode: "ー0.5". The others are the minus sign, hyphens, dashes and the
// small and full-width hyphen-minus.
export const DASH_LOOKALIKES: ReadonlySet<string> = new Set([
  "\u30fc",
  "\uff70",
  "-",
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u2212",
  "\u2796",
  "\u02d7",
  "\ufe58",
  "\ufe63",
  "\uff0d",
]);
export const PLUS_LOOKALIKES: ReadonlySet<string> = new Set(["+", "\ufe62", "\uff0b", "\u2795"]);

// Superscripts are exponents (10⁻³, x²). NFKC would turn ² into a plain 2 and silently change
// the meaning, so readers translate them before normalizing.
export const NUMBER_SUPERSCRIPTS = plainOf(SUPERSCRIPTS, "0123456789+-");
/** The number superscripts and those a formula's exponent may hold besides: e⁻ˣ, (1+e⁻ˣ)⁽²⁾. */
export const FORMULA_SUPERSCRIPTS = plainOf(SUPERSCRIPTS, "0123456789+-()xse");

// Invisible characters that ride along with pasted text: the format category (zero-width
// space and joiners, BOM, soft hyphen, bidi marks), variation selectors and Hangul fillers.
const FORMAT_CHARACTER = /^\p{Cf}$/u;
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x034f, 0x034f],
  [0x115f, 0x1160],
  [0x180b, 0x180d],
  [0x180f, 0x180f],
  [0x3164, 0x3164],
  [0xffa0, 0xffa0],
  [0xfe00, 0xfe0f],
  [0xe0100, 0xe01ef],
];

/** Whether `ch` (one code point) is invisible and dropped from an answer. */
export function isInvisible(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return FORMAT_CHARACTER.test(ch) || INVISIBLE_RANGES.some(([low, high]) => code >= low && code <= high);
}
