// --ascii: the same texts for terminals and fonts without the mathematical characters.
// Japanese prose stays as it is; only symbols are spelled out (σ′(x) → sigma'(x)).
import { FORMULA_SUPERSCRIPTS } from "./input-characters";
import { plainOf, SUBSCRIPTS } from "./script-characters";

const WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/σ/g, "sigma"],
  [/η/g, "eta"],
  [/α/g, "alpha"],
  [/θ/g, "theta"],
  [/δ/g, "delta"],
  [/∂/g, "d"],
  [/∞/g, "infinity"],
];

const SYMBOLS: Readonly<Record<string, string>> = {
  "′": "'",
  "″": "''",
  "−": "-",
  "–": "-",
  "—": "-",
  "·": "*",
  "⋅": "*",
  "×": "x",
  "÷": "/",
  "≈": "~",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "→": "->",
  "⇒": "=>",
  "½": "1/2",
  "¼": "1/4",
  "¾": "3/4",
  "…": "...",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "✓": "ok",
  "✗": "x",
};

const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ˣˢᵉ]+/g;

const SUBSCRIPT = plainOf(SUBSCRIPTS, "0123456789");
const SUBSCRIPT_RUN = /[₀-₉]+/g;

export function toAscii(text: string): string {
  let out = text.replace(SUPERSCRIPT_RUN, (run) => {
    const plain = [...run].map((c) => FORMULA_SUPERSCRIPTS[c] ?? c).join("");
    return plain.length === 1 ? `^${plain}` : `^(${plain})`;
  });
  out = out.replace(SUBSCRIPT_RUN, (run) => `_${[...run].map((c) => SUBSCRIPT[c] ?? c).join("")}`);
  for (const [pattern, word] of WORDS) out = out.replace(pattern, word);
  return [...out].map((c) => SYMBOLS[c] ?? c).join("");
}
