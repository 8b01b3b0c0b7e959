// What a terminal must never receive from someone else's file: C0 controls other than newline
// and tab, DEL, C1 controls, the bidirectional controls, and characters that show as nothing
// (zero-width spaces and joiners, the soft hyphen, tag characters, fillers), which make one name
// look like another. A zero-width joiner between two emoji is allowed: it joins them.
export const TERMINAL_UNSAFE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]|\u034F|\u17B4|\u17B5|\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])\u200D/u;

/** The unsafe characters found, as U+XXXX, for a readable failure. A BOM that opens a CSV file is its own. */
export function unsafeFound(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.replace(/^\uFEFF/, "").matchAll(new RegExp(TERMINAL_UNSAFE.source, "gu"))) {
    found.add(`U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return [...found];
}
