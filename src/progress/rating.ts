// The FSRS grade comes from the attempt, never from the learner: people mis-rate themselves
// (docs/progress.md, Scheduling), and a trainer that grades answers already knows how it went.
import type { StoredAttempt, AttemptInput, ReviewRating, GradedVerdict } from "./types";

export const AGAIN: ReviewRating = 1;
export const HARD: ReviewRating = 2;
export const GOOD: ReviewRating = 3;
export const EASY: ReviewRating = 4;

/**
 * A correct part answered in more than this is "slow" → Hard. A minute is what the course
 * allows for a check question without a calculator (docs/contributing.md, Writing for learners); needing longer means it was a struggle.
 */
export const SLOW_MS = 60_000;
/** A correct part answered in less than this, without hints, is "fast" → Easy. */
export const FAST_MS = 15_000;

/**
 * One part's grade:
 * - incorrect → Again;
 * - imprecise (the right value with too few digits) → Hard: the learner knew the way but not
 *   the precision, which is neither a lapse (Again) nor a clean success (Good);
 * - correct with hints, or slower than SLOW_MS → Hard;
 * - correct, faster than FAST_MS, no hints → Easy;
 * - any other correct → Good.
 * `invalid` is not an attempt and never reaches here (the type excludes it).
 */
export function gradePart(verdict: GradedVerdict, hints: number, ms: number): ReviewRating {
  if (verdict === "incorrect") return AGAIN;
  if (verdict === "imprecise") return HARD;
  if (hints > 0 || ms > SLOW_MS) return HARD;
  if (ms < FAST_MS) return EASY;
  return GOOD;
}

/**
 * The grade a new attempt gives its template's card, or null when it gives none.
 * A card is graded once per variant: when the first answer to the template's last part arrives,
 * with the worst grade among the parts of that variant just answered in this session (one slip in
 * part 1 of 2 makes the whole exercise Again). Earlier parts and retries of a part grade nothing,
 * so a two-part exercise does not count as two reviews.
 */
export function variantRating(input: AttemptInput, session: string, earlier: readonly StoredAttempt[]): ReviewRating | null {
  if (input.part !== input.parts - 1) return null;
  // This session's answers to the same variant come right before this one: walk back over them
  // (skipping other trainers' lines) and stop at this session's previous exercise.
  const sameVariant: StoredAttempt[] = [];
  for (let i = earlier.length - 1; i >= 0; i--) {
    const a = earlier[i]!;
    if (a.session !== session) continue;
    if (a.templateId !== input.templateId || a.seed !== input.seed) break;
    sameVariant.push(a);
  }
  if (sameVariant.some((a) => a.part === input.part)) return null;
  let grade = gradePart(input.verdict, input.hints, input.ms);
  for (const a of sameVariant) grade = Math.min(grade, gradePart(a.verdict, a.hints, a.ms)) as ReviewRating;
  return grade;
}
