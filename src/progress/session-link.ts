// Where a session (src/engine) meets the learner's progress, the same for every front end: which
// questions a practice, review or quiz session asks; saving a graded attempt and saying when its
// item comes back; and, when nothing is due, when something will be. The full-screen trainer
// (src/ui/practice-store) and plain mode (src/plain/run) both call these, so one seed and one
// history give the same session in either.
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { courseOrder, quizQueue } from "../engine/plan";
import type { GradedAttempt, QueueEntry, SessionMode } from "../engine/types";
import { humanizeInterval, type NextReview, nextReviewFor } from "./next-review";
import { practiceQueue, type TemplateRef } from "./practice";
import { DEFAULT_DAILY_REVIEW_CAP, reviewQueue } from "./schedule";
import type { ProgressStore } from "./store";
import type { AttemptInput, Mode, ProgressData } from "./types";

/** What the progress store keeps of an engine attempt, saved as given in `mode`. */
export function attemptInputOf(attempt: GradedAttempt, mode: Mode): AttemptInput {
  return {
    templateId: attempt.templateId,
    skill: attempt.skill,
    seed: attempt.variantSeed,
    params: attempt.params,
    part: attempt.part,
    parts: attempt.parts,
    answer: attempt.answer,
    verdict: attempt.verdict,
    mistake: attempt.diagnosis,
    hints: attempt.hintsUsed,
    ms: attempt.durationMs,
    mode,
  };
}

/**
 * Saves a graded attempt (durably, before it returns) and says when its item comes back, by the
 * session's clock `now`; null when this answer did not rate the item (an earlier part of a
 * multi-part exercise, a retry): before the rating the old due date would mislead.
 */
export function recordSessionAttempt(store: ProgressStore, attempt: GradedAttempt, mode: Mode, now: Date): NextReview | null {
  const saved = store.getState().recordAttempt(attemptInputOf(attempt, mode));
  if (saved.rating === null) return null;
  return nextReviewFor(store.getState().cards, attempt.templateId, now);
}

export interface SessionQueueOptions {
  mode: SessionMode;
  course: Course;
  progress: Pick<ProgressData, "attempts" | "cards" | "ratings">;
  /** Only exercises of these skills (all when empty). */
  skills: readonly string[];
  count: number;
  seed: number;
  now: Date;
  /** Graduated reviews offered per day (the store's default unless told). */
  reviewCap?: number;
}

/**
 * The questions of a session, in order. Practice: the scheduler's mix of due reviews, recent
 * mistakes and new material; review: what is due (learning steps first, then graduated cards
 * under the daily cap); quiz: from the seed alone, never the learner's history.
 */
export function sessionQueue(options: SessionQueueOptions): QueueEntry[] {
  const { mode, course, progress, skills, count, seed, now } = options;
  const reviewCap = options.reviewCap ?? DEFAULT_DAILY_REVIEW_CAP;
  if (mode === "quiz") return quizQueue(course, skills, count, seed);
  const templates = templatesFor(course, skills);
  if (mode === "review") {
    const wanted = new Set(templates.map((t) => t.id));
    return reviewQueue(progress.cards, progress.ratings, now, reviewCap)
      .filter((item) => wanted.has(item.templateId))
      .slice(0, count)
      .map((item) => ({ templateId: item.templateId, reason: "review" as const }));
  }
  return practiceQueue({ templates, progress, now, seed, count, reviewCap }).map((pick) => ({
    templateId: pick.templateId,
    reason: pick.reason,
  }));
}

export interface NextDue {
  /** When the earliest scheduled item is due, in words ("now" once it is). */
  when: Localized;
  /** Items due already: with an empty review queue, today's cap is what holds them back. */
  overdue: number;
}

/** When the earliest scheduled item of these skills is due; null when none is scheduled. */
export function nextDue(progress: Pick<ProgressData, "cards">, course: Course, skills: readonly string[], now: Date): NextDue | null {
  const wanted = new Set(templatesFor(course, skills).map((t) => t.id));
  const dues = Object.entries(progress.cards)
    .filter(([id]) => wanted.has(id))
    .map(([, card]) => card.due.getTime());
  if (dues.length === 0) return null;
  const at = now.getTime();
  return { when: humanizeInterval(Math.min(...dues) - at), overdue: dues.filter((due) => due <= at).length };
}

function templatesFor(course: Course, skills: readonly string[]): TemplateRef[] {
  return courseOrder(course, skills).map((t) => ({ id: t.id, skill: t.skill }));
}
