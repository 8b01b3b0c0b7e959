// Text from someone else's file (a result file's name, a journal's ids, a content pack's prompt)
// on its way to a terminal. A terminal acts on control characters instead of showing them: ESC c
// resets it, the C1 CSI (U+009B) moves the cursor, and a bidirectional override (U+202E) makes
// "boB" read as "Bob". Every human-readable output passes such text through visibleText, which
// replaces each of those characters with a visible escape such as `\x1B` or `\u202E`.
// Pure: no I/O.

/**
 * C0 controls, DEL and C1 controls (\p{Cc}); the invisible format characters (\p{Cf}): the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF),
 * the soft hyphen (U+00AD) and tag characters; the characters that show as nothing although
 * they are no format character (U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, and
 * U+17B4, U+17B5); and the line and paragraph separators (U+2028, U+2029), which some terminals
 * and editors take as line breaks. "B\u200Bob" would otherwise show as a second "Bob", just
 * as "\u202EboB" would. The one exception is the zero-width joiner between two emoji (👩‍🎓),
 * where it joins them into one picture and hides nothing.
 */
//
// Written as UTF-16 code units without the u flag (astral ones as their surrogate pairs): a
// class holding \p{Cf}, whose astral ranges make every position a possible pair, made this
// ten times slower on Japanese text. A test holds it against \p{Cc} and \p{Cf} of the running
// engine's Unicode, so a new format character cannot slip past.
const HIDDEN_SOURCE = String.raw`[\x00-\x1F\x7F-\x9F\xAD\u034F\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uD804[\uDCBD\uDCCD]|\uD80D[\uDC30-\uDC3F]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|\uDB40[\uDC00-\uDC7F]`;
const HIDDEN_ALL = new RegExp(HIDDEN_SOURCE, "g");
const EMOJI_BEFORE_JOINER = /\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;

/** A zero-width joiner with an emoji on each side joins them into one picture (👩‍🎓): it hides nothing. */
function joinsEmoji(text: string, index: number): boolean {
  if (text[index] !== "\u200D") return false;
  const before = index >= 2 && /[\uDC00-\uDFFF]/.test(text[index - 1]!) ? text.slice(index - 2, index) : text.slice(index - 1, index);
  const after = String.fromCodePoint(text.codePointAt(index + 1) ?? 0x20);
  return EMOJI_BEFORE_JOINER.test(before) && EMOJI.test(after);
}

/** Each hidden character of the text with its index, as a terminal would get it. */
function* hiddenCharacters(text: string): Generator<{ char: string; index: number }> {
  for (const match of text.matchAll(HIDDEN_ALL)) {
    if (!joinsEmoji(text, match.index)) yield { char: match[0], index: match.index };
  }
}

/** The visible escape for one unsafe character: `\x1B` for controls, `\u202E` for the rest, `\u{E0041}` beyond U+FFFF. */
export function escapeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  if (code > 0xffff) return `\\u{${hex}}`;
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
}

export interface VisibleTextOptions {
  /** Keep line feeds and tabs (multi-line text such as a worked solution); else they are escaped too. */
  keepLines?: boolean;
}

/** The text with every control, bidirectional and invisible character replaced by a visible escape. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  return text.replace(HIDDEN_ALL, (char: string, index: number) =>
    (options.keepLines && (char === "\n" || char === "\t")) || joinsEmoji(text, index) ? char : escapeCharacter(char),
  );
}

/** True when visibleText would change the text (the text holds a control, bidi or invisible character). */
export function hasUnsafeCharacters(text: string): boolean {
  return !hiddenCharacters(text).next().done;
}

/** The first unsafe character and its 0-based UTF-16 index, or null. */
export function firstUnsafeCharacter(text: string): { index: number; escaped: string } | null {
  const found = hiddenCharacters(text).next();
  return found.done ? null : { index: found.value.index, escaped: escapeCharacter(found.value.char) };
}

/** True for the bidirectional controls alone (not other controls): they make one name look like another. */
export function hasBidiControl(text: string): boolean {
  return /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(text);
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal acts on or shows as
 * nothing (DEL, C1, bidirectional and zero-width characters, line separators) written as
 * \uXXXX escapes. The data read back is
 * the same: only the text changes. (JSON.stringify already escapes U+0000–U+001F.)
 */
export function terminalSafeJson(json: string): string {
  // Outside strings JSON holds only ASCII, so only characters inside strings are replaced.
  return json.replace(HIDDEN_ALL, (c: string, index: number) =>
    c.codePointAt(0)! < 0x20 || joinsEmoji(json, index)
      ? c
      : Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`).join(""),
  );
}

/**
 * At most `limit` characters (code points) of the text, made visible, with `…` when cut: for
 * quoting part of a file that may be anything.
 */
export function visibleSnippet(text: string, limit: number): string {
  let taken = "";
  let n = 0;
  for (const char of text) {
    if (n === limit) return `${visibleText(taken)}…`;
    taken += char;
    n++;
  }
  return visibleText(taken);
}
