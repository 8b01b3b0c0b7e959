// What the Practice screen shows after a batch of session events, for both stores that drive it:
// the local practice store (the engine's events, after progress/session-steps has saved what was
// graded) and a joined quiz's store (the events a session server sent). One switch, so a hint, a
// skip or the summary look the same whichever side graded the answer.
import type { Localized } from "../core/i18n";
import type { Feedback, QuestionCause, QuestionView, Summary } from "../engine/types";
import type { ReviewInfo } from "../progress/session-steps";
import { NEW_QUESTION_VIEW, type PracticeState } from "./practice-store";

/**
 * One event as the screen takes it: progress/session-steps' shown events fit as they are; a
 * server's may leave out what the learner may not see yet (a null feedback: nothing to draw, as
 * with --feedback end; a skip without its answer).
 */
export type PracticeEvent =
  | { type: "question"; question: QuestionView; cause: QuestionCause }
  | { type: "feedback"; feedback: Feedback | null; review?: ReviewInfo | null }
  | { type: "hint"; stage: number; stages: number; text: Localized; solution: boolean }
  | { type: "skipped"; expected: number | string | null; digits: number; solution: Localized | null }
  | { type: "notice"; message: Localized }
  | { type: "summary"; summary: Summary };

export interface PracticeEventRules {
  /** The summary ends the screen at once (quitting); otherwise the last feedback is read first. */
  summaryEnds(summary: Summary): boolean;
  /** A question shown at once (not waiting behind a feedback for Enter). */
  onAsked?(question: QuestionView): void;
}

/** The state to set after `events`, given the state before them. */
export function practiceStateAfter(
  before: Pick<PracticeState, "hints">,
  events: readonly PracticeEvent[],
  rules: PracticeEventRules,
): Partial<PracticeState> {
  const patch: Partial<PracticeState> = { notice: null };
  for (const event of events) {
    switch (event.type) {
      case "feedback":
        patch.feedback = event.feedback;
        if (event.feedback !== null && event.feedback.verdict !== "invalid") patch.comesBack = event.review?.sentence ?? null;
        break;
      case "question":
        if (event.cause === "next-question") {
          // Shown once the learner has read what came before and pressed Enter.
          patch.pending = event.question;
          patch.phase = "answered";
          break;
        }
        // The next part of the same question, or the question asked again: ask it now. A next
        // part keeps the last part's feedback on screen; a retry starts clean.
        patch.question = event.question;
        patch.phase = "asking";
        patch.pending = null;
        Object.assign(patch, event.cause === "retry" ? { ...NEW_QUESTION_VIEW, summary: null } : { input: "", cursor: 0 });
        rules.onAsked?.(event.question);
        break;
      case "hint":
        patch.hints = [
          ...(patch.hints ?? before.hints),
          { stage: event.stage, stages: event.stages, text: event.text, solution: event.solution },
        ];
        break;
      case "skipped":
        patch.skipped =
          event.expected === null || event.solution === null
            ? null
            : { expected: event.expected, digits: event.digits, solution: event.solution };
        patch.feedback = null;
        patch.comesBack = null;
        patch.phase = "answered";
        break;
      case "notice":
        patch.notice = event.message;
        break;
      case "summary": {
        patch.summary = event.summary;
        // After the last answer the learner still reads its feedback first; quitting ends at once.
        const ends = rules.summaryEnds(event.summary);
        patch.phase = ends ? "finished" : "answered";
        if (ends) patch.pending = null;
        break;
      }
    }
  }
  return patch;
}
