// A one-line text field's editing, for fields outside the practice store (the quiz's name and
// seed): the same keys as the answer field (keymap "answer" group), one key at a time.
import type { Key } from "ink";
import { matches } from "./keymap";

export interface TextFieldState {
  text: string;
  /** 0..length, in code points. */
  cursor: number;
}

export function fieldWith(text: string): TextFieldState {
  return { text, cursor: [...text].length };
}

/** The field after one key, or "submit" for Enter; null when the key is not the field's. */
export function editField(field: TextFieldState, input: string, key: Key): TextFieldState | "submit" | null {
  const chars = [...field.text];
  const at = (cursor: number, text = chars.join("")) => ({ text, cursor: Math.max(0, Math.min([...text].length, cursor)) });
  if (matches("submit", input, key)) return "submit";
  if (matches("deleteBack", input, key)) {
    if (field.cursor === 0) return field;
    chars.splice(field.cursor - 1, 1);
    return at(field.cursor - 1);
  }
  if (matches("clearLine", input, key)) return { text: "", cursor: 0 };
  if (matches("cursorLeft", input, key)) return at(field.cursor - 1);
  if (matches("cursorRight", input, key)) return at(field.cursor + 1);
  if (matches("cursorStart", input, key)) return at(0);
  if (matches("cursorEnd", input, key)) return at(chars.length);
  if (input === "" || key.ctrl || key.meta || key.tab || key.escape) return null;
  // Control characters are never part of a name or a file name.
  const clean = [...input.replace(/\p{Cc}/gu, "")];
  if (clean.length === 0) return null;
  chars.splice(field.cursor, 0, ...clean);
  return at(field.cursor + clean.length);
}
