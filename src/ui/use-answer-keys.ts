// The answer field's keys, for every screen with an answer in the practice store (Practice, Review,
// the quiz, Learn's exercise checks): one mapping (lineEditFor), switched on only while a question
// is asked (`isActive`), so the screen's own handlers never see a key as both typing and a command.
import type { Action } from "./keymap";
import { type LineEdit, lineEditFor } from "./answer-line";
import { useKeypress } from "./keypress";
import type { PracticeStore } from "./practice-store";

export interface AnswerKeysOptions {
  isActive: boolean;
  /** Keys the screen binds to something else while the field is open (h for a hint, Tab to skip). */
  reserved?: readonly Action[];
  /** Told of each edit before it is made (Learn follows the answer down the page). */
  onEdit?: (edit: LineEdit) => void;
}

export function useAnswerKeys(store: PracticeStore | null, options: AnswerKeysOptions): void {
  useKeypress(
    (input, key) => {
      if (!store) return;
      const edit = lineEditFor(input, key, options.reserved);
      if (edit === null) return;
      options.onEdit?.(edit);
      if (edit.type === "submit") store.getState().submit();
      else store.getState().editLine(edit);
    },
    { isActive: options.isActive && store !== null },
  );
}
