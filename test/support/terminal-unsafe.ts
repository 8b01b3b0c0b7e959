// What a terminal must never receive from someone else's file: C0 controls other than newline
// and tab, DEL, C1 controls and the bidirectional controls.
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The unsafe characters found, as U+XXXX, for a readable failure. */
export function unsafeFound(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(new RegExp(TERMINAL_UNSAFE.source, "gu"))) {
    found.add(`U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return [...found];
}
