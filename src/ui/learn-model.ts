// The Learn screen's pure side: choice-check state and what a key does on a step. The course's
// steps in reading order and where the learner resumes are in src/engine/course-steps.ts, shared
// with plain learn.
//
// Keys on a step (the decision the help and key bar describe):
// - ← / → go to the previous / next step. On a step whose check is an exercise, once something
//   is typed in the answer field, ← / → move the cursor inside it instead (as in any text
//   field); with the field empty they move between steps again. So a learner paging through
//   never gets stuck in a field, and one typing an answer never loses it by a stray arrow.
// - PgUp / PgDn scroll the step by a page, ↑ / ↓ by a line, except on a choice check, where
//   ↑ / ↓ (and k / j) pick a choice.
// - Choice checks: a number key picks that choice, Enter answers (again, to change one's mind);
//   once the right choice is answered, Enter goes on to the next step.
// - Exercise checks: typing goes to the field, Enter grades it through the engine, h shows the
//   next hint; after the last part is graded, Enter goes on to the next step and r tries the
//   same numbers again after a miss.
// Esc (back) and ? (help) are handled by App, above every screen.
import type { Key } from "ink";
import type { ChoiceCheck } from "../content/model";
import { lineEditFor } from "./answer-line";
import { matches } from "./keymap";

// ---------------------------------------------------------------------------------------------
// Choice checks

export interface ChoiceState {
  /** The choice the pointer is on. */
  selected: number;
  /** The choice answered with Enter, or null before the first answer. */
  chosen: number | null;
}

export const FRESH_CHOICE: ChoiceState = { selected: 0, chosen: null };

/** ↑ / ↓: the pointer moves, staying on the list. */
export function moveChoice(state: ChoiceState, delta: number, count: number): ChoiceState {
  const selected = Math.min(count - 1, Math.max(0, state.selected + delta));
  return { ...state, selected };
}

/** A number key (1-based on screen): the pointer jumps there. Out-of-range numbers change nothing. */
export function pickChoice(state: ChoiceState, index: number, count: number): ChoiceState {
  return index >= 0 && index < count ? { ...state, selected: index } : state;
}

/** Enter: the choice under the pointer is the answer. */
export function answerChoice(state: ChoiceState): ChoiceState {
  return { ...state, chosen: state.selected };
}

export function choiceCorrect(check: ChoiceCheck, state: ChoiceState): boolean | null {
  return state.chosen === null ? null : state.chosen === check.answer;
}

// ---------------------------------------------------------------------------------------------
// Keys

/** What the screen knows about the step on show when a key arrives. */
export interface StepFocus {
  check: "none" | "choice" | "exercise";
  /** Choice checks: how many choices. */
  choices: number;
  /** Choice checks: answered right, and the pointer is still on that answer (Enter goes on). */
  choiceDone?: boolean;
  /** Exercise checks: a part is being asked (the field takes keys). */
  asking: boolean;
  /** Exercise checks: characters in the answer field. */
  typed: number;
  /** Exercise checks: the last part has been graded. */
  done: boolean;
  /** Exercise checks: a miss may be tried again with the same numbers. */
  canRetry: boolean;
  /** Lines of the step shown at once (PgUp/PgDn scroll by this much less one). */
  page: number;
}

export type LearnIntent =
  | { type: "step"; delta: -1 | 1 }
  | { type: "scroll"; lines: number }
  | { type: "choiceMove"; delta: -1 | 1 }
  | { type: "choicePick"; index: number }
  | { type: "choiceAnswer" }
  /** The answer field's key: the field takes it (use-answer-keys.ts), the step does nothing. */
  | { type: "field" }
  | { type: "hint" }
  | { type: "retry" }
  | { type: "none" };

const NONE: LearnIntent = { type: "none" };
const FIELD: LearnIntent = { type: "field" };

/** The meaning of a key on a step; see the file's header for the rules. */
export function learnIntent(focus: StepFocus, input: string, key: Key): LearnIntent {
  if (key.escape || (key.ctrl && input === "c")) return NONE;
  const typing = focus.check === "exercise" && focus.asking;
  const page = Math.max(1, focus.page - 1);

  if (matches("scrollUp", input, key)) return { type: "scroll", lines: -page };
  if (matches("scrollDown", input, key)) return { type: "scroll", lines: page };

  if (typing) {
    // The field's keys are the field's (the one mapping of every text field), except ← / → with
    // nothing typed, which still move between steps.
    const edit = lineEditFor(input, key, ["hint"]);
    const leaves = focus.typed === 0 && (matches("previousStep", input, key) || matches("nextStep", input, key));
    if (edit !== null && !leaves) return FIELD;
  }
  if (matches("previousStep", input, key)) return { type: "step", delta: -1 };
  if (matches("nextStep", input, key)) return { type: "step", delta: 1 };

  if (focus.check === "choice") {
    if (matches("up", input, key)) return { type: "choiceMove", delta: -1 };
    if (matches("down", input, key)) return { type: "choiceMove", delta: 1 };
    // A check answered right is finished: Enter (or n) goes on, as after an exercise. With the
    // pointer moved to another choice, Enter answers again (a change of mind).
    if (focus.choiceDone && matches("next", input, key)) return { type: "step", delta: 1 };
    if (matches("select", input, key)) return { type: "choiceAnswer" };
    if (/^[1-9]$/.test(input) && !key.ctrl && !key.meta) {
      const index = Number(input) - 1;
      return index < focus.choices ? { type: "choicePick", index } : NONE;
    }
    return NONE;
  }

  // Only the arrow keys scroll where letters may be typed into a field.
  if (key.upArrow) return { type: "scroll", lines: -1 };
  if (key.downArrow) return { type: "scroll", lines: 1 };

  if (typing) return matches("hint", input, key) ? { type: "hint" } : NONE;

  if (focus.check === "exercise" && focus.done) {
    if (focus.canRetry && matches("retry", input, key)) return { type: "retry" };
    if (matches("next", input, key)) return { type: "step", delta: 1 };
    return NONE;
  }

  if (focus.check === "none" && matches("select", input, key)) return { type: "step", delta: 1 };
  if (matches("down", input, key)) return { type: "scroll", lines: 1 };
  if (matches("up", input, key)) return { type: "scroll", lines: -1 };
  return NONE;
}
