// Quoting what a user typed back to them in an error message: control characters named rather
// than sent to the terminal (an escape sequence would recolour or move it), and a long input cut
// short (a 2 MB line on stdin would otherwise come back whole on stderr).

/** Code points of the typed text shown before it is cut short. */
export const QUOTE_LIMIT = 40;

export function quoteInput(text: string): string {
  const chars = [...text];
  const shown = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join("")}…` : text;
  // Controls, and the bidirectional controls that make text read in another order.
  const named = shown.replace(
    /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu,
    (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return chars.length > QUOTE_LIMIT ? `${named} (${chars.length} characters)` : named;
}
