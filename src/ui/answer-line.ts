// The one-line text field every screen uses (the answer in Practice and Learn, the quiz's name and
// seed): its editing as pure functions, and the one mapping from a key to an edit. The keypress
// layer (keypress.tsx) has already cut a pasted chunk into keys, a line break in it into Enter, so
// a pasted "0.881\r" is typed and then submitted, as the same line would be in plain mode, and
// "0.8\r81" submits "0.8" and hands "8", "1" to whatever the screen shows next.
import type { Key } from "ink";
import { type Action, matches } from "./keymap";

export interface AnswerLine {
  text: string;
  /** 0..length, in code points. */
  cursor: number;
}

export const EMPTY_LINE: AnswerLine = { text: "", cursor: 0 };

/** A line with the cursor at its end. */
export function lineWith(text: string): AnswerLine {
  return { text, cursor: [...text].length };
}

/** `typed` inserted at the cursor. Control characters (line breaks included) are never part of an answer. */
export function insertText(line: AnswerLine, typed: string): AnswerLine {
  const clean = [...typed.replace(/\p{Cc}/gu, "")];
  if (clean.length === 0) return line;
  const chars = [...line.text];
  chars.splice(line.cursor, 0, ...clean);
  return { text: chars.join(""), cursor: line.cursor + clean.length };
}

/** The character before the cursor removed (Backspace); unchanged at the start. */
export function deleteBack(line: AnswerLine): AnswerLine {
  if (line.cursor === 0) return line;
  const chars = [...line.text];
  chars.splice(line.cursor - 1, 1);
  return { text: chars.join(""), cursor: line.cursor - 1 };
}

/** The cursor moved by `delta`, kept inside the line. */
export function moveCursor(line: AnswerLine, delta: number): AnswerLine {
  return { ...line, cursor: Math.max(0, Math.min([...line.text].length, line.cursor + delta)) };
}

export function cursorTo(line: AnswerLine, where: "start" | "end"): AnswerLine {
  return { ...line, cursor: where === "start" ? 0 : [...line.text].length };
}

/** What a key does to a text field. */
export type LineEdit =
  | { type: "submit" }
  | { type: "type"; text: string }
  | { type: "deleteBack" }
  | { type: "clear" }
  | { type: "cursor"; delta: -1 | 1 }
  | { type: "cursorTo"; where: "start" | "end" };

/**
 * The edit a key makes in a text field, or null when the key is not the field's: Esc, Tab, Ctrl
 * and Meta combinations, and the keys the screen binds to something else while the field is open
 * (`reserved`, e.g. h for a hint). `?` always opens the help (App), so it is never typed.
 */
export function lineEditFor(input: string, key: Key, reserved: readonly Action[] = []): LineEdit | null {
  if (matches("submit", input, key)) return { type: "submit" };
  if (matches("deleteBack", input, key)) return { type: "deleteBack" };
  if (matches("clearLine", input, key)) return { type: "clear" };
  if (matches("cursorLeft", input, key)) return { type: "cursor", delta: -1 };
  if (matches("cursorRight", input, key)) return { type: "cursor", delta: 1 };
  if (matches("cursorStart", input, key)) return { type: "cursorTo", where: "start" };
  if (matches("cursorEnd", input, key)) return { type: "cursorTo", where: "end" };
  if (matches("help", input, key) || reserved.some((action) => matches(action, input, key))) return null;
  if (input === "" || key.ctrl || key.meta || key.tab || key.escape || key.return) return null;
  return /\P{Cc}/u.test(input) ? { type: "type", text: input } : null;
}

/** The line after an edit; Enter ("submit") is the caller's to act on and leaves the line as it is. */
export function applyLineEdit(line: AnswerLine, edit: LineEdit): AnswerLine {
  switch (edit.type) {
    case "submit":
      return line;
    case "type":
      return insertText(line, edit.text);
    case "deleteBack":
      return deleteBack(line);
    case "clear":
      return EMPTY_LINE;
    case "cursor":
      return moveCursor(line, edit.delta);
    case "cursorTo":
      return cursorTo(line, edit.where);
  }
}
