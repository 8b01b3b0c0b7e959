// A one-line text field's editing, for fields outside the practice store (the quiz's name and
// seed): the answer field's own key mapping and edits (answer-line.ts), one key at a time.
import type { Key } from "ink";
import { type AnswerLine, applyLineEdit, lineEditFor, lineWith } from "./answer-line";

export type TextFieldState = AnswerLine;

export function fieldWith(text: string): TextFieldState {
  return lineWith(text);
}

/** The field after one key, or "submit" for Enter; null when the key is not the field's. */
export function editField(field: TextFieldState, input: string, key: Key): TextFieldState | "submit" | null {
  const edit = lineEditFor(input, key);
  if (edit === null) return null;
  return edit.type === "submit" ? "submit" : applyLineEdit(field, edit);
}
