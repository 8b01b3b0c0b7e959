// Maps a character of a YAML string's VALUE back to its offset in the file, so a problem
// found inside a formula or a placeholder is reported where the author typed it.
//
// Plain and single-quoted scalars on one line map exactly ('' counts as one quote). Double-
// quoted scalars map exactly through escapes (\\, \", \n, \xNN, \uNNNN, \UNNNNNNNN): the value
// character an escape produces maps to its backslash. Multi-line scalars (folded plain or
// quoted lines, `|` and `>` blocks) are aligned character by character, skipping indentation
// and line breaks that folding removed: exact for ordinary text, best effort otherwise.
import { type Node, Scalar } from "yaml";

const ESCAPE_LENGTH: Record<string, number> = { x: 4, u: 6, U: 10 };

export function sourceOffsetInScalar(text: string, node: Node, index: number): number {
  const start = node.range?.[0] ?? 0;
  if (!(node instanceof Scalar) || typeof node.value !== "string") return start;
  const value = node.value;
  const end = node.range?.[1] ?? text.length;
  let from = start;
  let to = end;
  const style = node.type;
  if (style === Scalar.QUOTE_DOUBLE || style === Scalar.QUOTE_SINGLE) {
    from = start + 1;
    to = Math.max(from, end - 1);
  } else if (style === Scalar.BLOCK_LITERAL || style === Scalar.BLOCK_FOLDED) {
    const headerEnd = text.indexOf("\n", start);
    from = headerEnd === -1 ? end : headerEnd + 1;
  }
  const double = style === Scalar.QUOTE_DOUBLE;
  const single = style === Scalar.QUOTE_SINGLE;

  let i = 0;
  let j = from;
  let afterLast = from;
  while (j < to && i < value.length) {
    const c = text[j]!;
    if (double && c === "\\") {
      const next = text[j + 1] ?? "";
      if (next === "\n" || next === "\r") {
        // An escaped line break joins the lines and produces no character.
        j += next === "\r" && text[j + 2] === "\n" ? 3 : 2;
        continue;
      }
      const length = ESCAPE_LENGTH[next] ?? 2;
      if (i === index) return j;
      i++;
      j += length;
      afterLast = j;
      continue;
    }
    if (single && c === "'" && text[j + 1] === "'") {
      if (i === index) return j;
      i++;
      j += 2;
      afterLast = j;
      continue;
    }
    if (c === value[i]) {
      if (i === index) return j;
      i++;
      j++;
      afterLast = j;
      continue;
    }
    j++;
  }
  // Past the end of the value (e.g. "unexpected end of formula"): just after its last character.
  return index >= value.length ? afterLast : start;
}
