// Wrapping plain-mode lines to the terminal's width. A terminal left to itself breaks a line at
// the last column: mid-word in English ("sig\nnificant"), mid-number (−1.0\n99), before a
// Japanese comma, and an indented worked solution loses its indent. Here a line breaks at a
// space, or between Japanese characters where Japanese line-breaking rules (kinsoku) allow it,
// and continuation lines keep the line's indent. Widths are in terminal cells (full-width
// characters take two). Only for a person at a terminal: pipes and screen readers get whole
// lines.
import { codePointWidth, displayWidth } from "../core/latex/width";

/** Characters a line must not start with: closing brackets and punctuation, small kana, the long-vowel mark. */
const NO_LINE_START = new Set([..."、。，．・：；？！）」』】〕〉》’”ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.:;!?)]}%"]);
/** Characters a line must not end with: opening brackets. */
const NO_LINE_END = new Set([..."（「『【〔〈《‘“([{"]);

const isWide = (char: string) => codePointWidth(char.codePointAt(0)!) === 2;

/** May a new line start at `chars[i]` (i > 0)? */
function canBreakBefore(chars: readonly string[], i: number): boolean {
  const previous = chars[i - 1]!;
  const current = chars[i]!;
  if (current === " ") return false;
  if (NO_LINE_START.has(current) || NO_LINE_END.has(previous)) return false;
  if (previous === " ") return true;
  // Japanese has no spaces between words: a break may fall between any two characters, next
  // to a wide one, within the rules above.
  return isWide(previous) || isWide(current);
}

/**
 * One line (no "\n") as lines of at most `width` cells. A word longer than a whole line is cut
 * where it must be. Continuation lines start under the first line's text (its indent, or the
 * second column of a two-column line), unless that would take half the width.
 */
export function wrapLine(line: string, width: number): string[] {
  if (width < 2 || displayWidth(line) <= width) return [line];
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
  let lastBreak = -1;
  let i = 0;
  while (i < chars.length) {
    const char = chars[i]!;
    if (i > start && canBreakBefore(chars, i)) lastBreak = i;
    const cells = codePointWidth(char.codePointAt(0)!);
    if (used + cells > width && i > start) {
      // Overflowing on a space ends the line right there; else at the last place a line may
      // start, or, with none, where the word no longer fits.
      const cut = char === " " ? i : lastBreak > start ? lastBreak : i;
      lines.push(lead + chars.slice(start, cut).join("").trimEnd());
      let next = cut;
      while (chars[next] === " ") next++;
      lead = hanging;
      start = next;
      i = next;
      used = hanging.length;
      lastBreak = -1;
      continue;
    }
    used += cells;
    i++;
  }
  if (start < chars.length) lines.push(lead + chars.slice(start).join(""));
  return lines;
}

/** Every line of `text` wrapped; `text` may hold several lines. */
export function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}
