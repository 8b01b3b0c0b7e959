// What every front end does with a session's events, in one place: save each graded attempt
// (durably, through `record`) before anything is shown, then hand over what the learner should
// see, in order, with the "comes back in" sentence on the feedback it belongs to and whether a
// retry is on offer. Plain text, JSON lines and the full-screen trainer all go through here, and
// so can a front end whose events arrive from elsewhere (a server sends them as JSON, without
// `graded`): the input is a list of engine events, not a local session.
import type { Localized } from "../core/i18n";
import type { EngineEvent, Feedback, GradedAttempt, QuestionCause, QuestionView, SkipRecord, Summary } from "../engine/types";
import { recordSessionAttempt } from "./session-link";
import type { ProgressStore } from "./store";
import type { Mode } from "./types";

export interface ReviewInfo {
  /** When the item is due again. */
  due: Date;
  /** "Comes back in 3 days." */
  sentence: Localized;
}

/** One thing to show, in the order the engine gave it. */
export type ShownEvent =
  | { type: "question"; question: QuestionView; cause: QuestionCause }
  | {
      type: "feedback";
      feedback: Feedback;
      /** When the item comes back, after an answer that rated it (never after invalid input). */
      review: ReviewInfo | null;
      /** The learner may ask for the question just graded again, now. */
      canRetry: boolean;
    }
  | { type: "hint"; stage: number; stages: number; text: Localized; solution: boolean }
  | { type: "skipped"; skip: SkipRecord; expected: number | string; digits: number; solution: Localized }
  | { type: "notice"; message: Localized }
  | { type: "summary"; summary: Summary };

export interface StepHooks {
  /** Saves a graded attempt durably and says when its item comes back (null: not said here). */
  record(attempt: GradedAttempt): ReviewInfo | null;
  /**
   * The front end goes on after the summary (the trainer shows the last feedback first and waits
   * for a key), so a retry after the last question is possible. Plain mode ends with the summary,
   * so there a retry is never offered after the last question.
   */
  goesOnAfterSummary: boolean;
}

/**
 * Saves the events' graded attempts, in order, then returns what to show. Every attempt is saved
 * before the first event is returned, so nothing after a graded answer reaches the learner before
 * that answer is on disk.
 */
export function handleEngineEvents(events: readonly EngineEvent[], hooks: StepHooks): ShownEvent[] {
  const endsHere = events.some((event) => event.type === "summary");
  const shown: ShownEvent[] = [];
  let review: ReviewInfo | null = null;
  for (const event of events) {
    switch (event.type) {
      case "graded":
        review = hooks.record(event.attempt);
        break;
      case "feedback":
        if (event.feedback.verdict === "invalid") {
          shown.push({ type: "feedback", feedback: event.feedback, review: null, canRetry: false });
          break;
        }
        shown.push({
          type: "feedback",
          feedback: event.feedback,
          review,
          canRetry: event.canRetry && (hooks.goesOnAfterSummary || !endsHere),
        });
        review = null;
        break;
      default:
        shown.push(event);
    }
  }
  return shown;
}

/** The retry on offer after these events: the last graded feedback's, false when there was none. */
export function retryOffered(shown: readonly ShownEvent[]): boolean {
  let offered = false;
  for (const event of shown) {
    if (event.type === "feedback" && event.feedback.verdict !== "invalid") offered = event.canRetry;
  }
  return offered;
}

/**
 * The `record` hook for the learner's progress: saves in `mode` at the clock's time, and says
 * when the item comes back only when `tellReview` (a quiz and a lesson's check say nothing of
 * reviews; their answers still count for them).
 */
export function recordInto(store: ProgressStore, mode: Mode, clock: () => Date, tellReview: boolean): StepHooks["record"] {
  return (attempt) => {
    const next = recordSessionAttempt(store, attempt, mode, clock());
    return tellReview && next ? { due: next.due, sentence: next.sentence } : null;
  };
}
