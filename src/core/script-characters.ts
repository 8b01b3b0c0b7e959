// Unicode superscript and subscript characters and the plain characters they stand for, in one
// place for both directions: the formula writers print exponents with them (x², e⁻ˣ, x₀), and the
// answer readers and --ascii read them back as plain characters.

/** Each plain character with the script character at the same position. */
function scriptForms(plain: string, script: string): ReadonlyMap<string, string> {
  const scripts = [...script];
  return new Map([...plain].map((char, index) => [char, scripts[index]!]));
}

/** Plain character → superscript: digits, signs, brackets and the letters that have one (no q). */
export const SUPERSCRIPTS = scriptForms("0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ");

// Subscript letters (ₐ ₑ ₕ …) are missing from many terminal fonts, so only digits, signs and brackets.
/** Plain character → subscript. */
export const SUBSCRIPTS = scriptForms("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎");

/** Script character → the plain character it stands for, for the given plain characters only. */
export function plainOf(forms: ReadonlyMap<string, string>, plain: string): Readonly<Record<string, string>> {
  return Object.fromEntries([...plain].map((char) => [forms.get(char)!, char]));
}
