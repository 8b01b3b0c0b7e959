// Wrapping text to a terminal's width, for plain mode and the full-screen trainer alike. A
// terminal left to itself breaks a line at the last column: mid-word in English ("sig\nnificant"),
// mid-number (−1.0\n99), before a Japanese comma, and an indented worked solution loses its
// indent; Ink's own wrapping leaves the space it broke at at the start of the next line. Here a
// line breaks at a space, or between Japanese characters where Japanese line-breaking rules
// (kinsoku) allow it; a formula such as "x = 1.386" or "1 + e^(−x)" is split at an operator only
// when the line has no other place to break; continuation lines keep the line's indent. Widths
// are in terminal cells (full-width characters take two). Pure: no I/O.
import { codePointWidth, displayWidth } from "./latex/width";

/** Characters a line must not start with: closing brackets and punctuation, small kana, the long-vowel mark. */
const NO_LINE_START = new Set([..."、。，．・：；？！）」』】〕〉》］｝’”…‥ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.:;!?)]}%"]);
/** Characters a line must not end with: opening brackets. */
const NO_LINE_END = new Set([..."（「『【〔〈《［｛‘“([{"]);

const isWide = (char: string) => codePointWidth(char.codePointAt(0)!) === 2;

/** Operators written with spaces around them in formulas: "1 + e^(−x)", "x = 2", "σ(2) ≈ 0.881". */
const OPERATORS = new Set([..."+−-=≈×·/≤≥<>→"]);

/**
 * May a new line start at `chars[i]` (i > 0)? "strong": yes; "weak": only when the line has no
 * strong place (a space next to an operator: breaking there splits a formula); null: no.
 */
function breakBefore(chars: readonly string[], i: number): "strong" | "weak" | null {
  const previous = chars[i - 1]!;
  const current = chars[i]!;
  if (current === " ") return null;
  if (NO_LINE_START.has(current) || NO_LINE_END.has(previous)) return null;
  if (previous === " ") {
    const beforeSpace = chars[i - 2];
    return OPERATORS.has(current) || (beforeSpace !== undefined && OPERATORS.has(beforeSpace)) ? "weak" : "strong";
  }
  // Japanese has no spaces between words: a break may fall between any two characters, next
  // to a wide one, within the rules above. It falls where one script gives way to another
  // (「結果ファイルに / 保存されます」), never before hiragana, which belongs to the word before it
  // (okurigana, particles, です: no 「確か / め」, no lone 「す。」), nor inside a run of kanji or of
  // katakana (a compound word) — unless the line has no such place at all.
  if (!isWide(previous) && !isWide(current)) return null;
  const before = script(previous);
  const here = script(current);
  if (here === "hiragana") return "weak";
  if (before === here && (here === "kanji" || here === "katakana")) return "weak";
  return "strong";
}

function script(char: string): "hiragana" | "katakana" | "kanji" | "other" {
  const code = char.codePointAt(0)!;
  if (code >= 0x3041 && code <= 0x309f) return "hiragana";
  if (code >= 0x30a0 && code <= 0x30ff) return "katakana";
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || char === "々") return "kanji";
  return "other";
}

/**
 * One line (no "\n") as lines of at most `width` cells. A word longer than a whole line is cut
 * where it must be. Continuation lines start under the first line's text (its indent, or the
 * second column of a two-column line), unless that would take half the width.
 */
export function wrapLine(line: string, width: number): string[] {
  // Narrower than one cell there is nothing sensible to do; otherwise every line gets at least
  // one character, so the loop always moves on.
  if (width < 1 || displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0];
  // A two-column line ("  :hint   the next hint") continues under its second column.
  const column = /^ *\S+ {2,}/.exec(line)?.[0] ?? "";
  const hang = column && displayWidth(column) * 2 <= width ? column : indent;
  const hanging = " ".repeat(displayWidth(hang) * 2 <= width ? displayWidth(hang) : 0);
  const chars = [...line.slice(indent.length)];
  const lines: string[] = [];
  let lead = indent;
  let start = 0;
  let used = indent.length;
  let lastStrong = -1;
  let lastWeak = -1;
  let i = 0;
  while (i < chars.length) {
    const char = chars[i]!;
    const kind = i > start ? breakBefore(chars, i) : null;
    if (kind === "strong") lastStrong = i;
    else if (kind === "weak") lastWeak = i;
    const cells = codePointWidth(char.codePointAt(0)!);
    if (used + cells > width && i > start) {
      // Overflowing on a space: the line may end right here, as it may before the next word.
      if (char === " ") {
        let next = i;
        while (chars[next] === " ") next++;
        const here = next < chars.length ? breakBefore(chars, next) : "strong";
        if (here === "strong") lastStrong = i;
        else if (here === "weak") lastWeak = i;
      }
      // At the last place a line may start, preferring one that keeps formulas whole; with
      // none, where the word no longer fits.
      const lastBreak = lastStrong > start ? lastStrong : lastWeak > start ? lastWeak : -1;
      const cut = lastBreak > start ? lastBreak : i;
      lines.push(lead + chars.slice(start, cut).join("").trimEnd());
      let next = cut;
      while (chars[next] === " ") next++;
      lead = hanging;
      start = next;
      i = next;
      used = hanging.length;
      lastStrong = -1;
      lastWeak = -1;
      continue;
    }
    used += cells;
    i++;
  }
  if (start < chars.length) lines.push(lead + chars.slice(start).join(""));
  return lines;
}

export interface WrapOptions {
  /**
   * Prose (the full-screen trainer's paragraphs): runs of white space are one space and no line
   * starts with one, so there is no indent to keep. Without it (plain mode's lines) an indent
   * and a second column are kept, as in `wrapLine`.
   */
  prose?: boolean;
}

/** Every line of `text` (lines split at "\n") wrapped; an empty line stays one empty line. */
export function wrapLines(text: string, width: number, options: WrapOptions = {}): string[] {
  const limit = Math.max(1, Math.floor(width));
  return text.split("\n").flatMap((line) => wrapLine(options.prose ? line.replace(/\s+/gu, " ").trim() : line, limit));
}

/** Every line of `text` wrapped, joined with "\n" again: plain mode writes it as it is. */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string {
  return wrapLines(text, width, options).join("\n");
}
