// The practice store's answer-line slice (zustand's slices pattern): the answer being typed and
// the cursor in it, edited with the pure functions of answer-line.ts. It edits only while a
// question is asked, and tells the session slice after each change (`lineEdited`), which clears
// warnings about what was there before and may start the answer's clock.
import type { StateCreator } from "zustand/vanilla";
import { type AnswerLine, applyLineEdit, cursorTo, type LineEdit, moveCursor } from "./answer-line";
import type { PracticeState } from "./practice-store";

export interface AnswerLineSlice {
  /** The answer being typed and the cursor in it (0..length, in code points). */
  input: string;
  cursor: number;
  typeText(text: string): void;
  moveCursor(delta: number): void;
  cursorTo(position: "start" | "end"): void;
  deleteBack(): void;
  clearInput(): void;
  /** Any edit but Enter (which the session slice's submit takes), as lineEditFor maps a key. */
  editLine(change: Exclude<LineEdit, { type: "submit" }>): void;
}

export const createAnswerLineSlice: StateCreator<PracticeState, [], [], AnswerLineSlice> = (set, get) => {
  /** Applies an edit while a question is asked; a change to the text is told to the session slice. */
  const edit = (change: LineEdit, always = false) => {
    const state = get();
    if (state.phase !== "asking") return;
    const before: AnswerLine = { text: state.input, cursor: state.cursor };
    const after = applyLineEdit(before, change);
    if (after.text === before.text && !always) {
      if (after.cursor !== before.cursor) set({ cursor: after.cursor });
      return;
    }
    set({ input: after.text, cursor: after.cursor, ...state.lineEdited(change.type === "type") });
  };
  return {
    input: "",
    cursor: 0,
    typeText: (text) => edit({ type: "type", text }),
    moveCursor(delta) {
      const { input, cursor } = get();
      set({ cursor: moveCursor({ text: input, cursor }, delta).cursor });
    },
    cursorTo(position) {
      const { input, cursor } = get();
      set({ cursor: cursorTo({ text: input, cursor }, position).cursor });
    },
    deleteBack: () => edit({ type: "deleteBack" }),
    // Ctrl+U clears warnings about the last answer even when the field is empty already.
    clearInput: () => edit({ type: "clear" }, true),
    editLine(change) {
      if (change.type === "cursor") get().moveCursor(change.delta);
      else if (change.type === "cursorTo") get().cursorTo(change.where);
      else edit(change, change.type === "clear");
    },
  };
};
