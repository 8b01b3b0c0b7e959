// How long a session is and which seeds exist, in one place: the command line checks --seed and
// --count against these, and the full-screen trainer and plain mode fill in the same defaults.
import type { SessionMode } from "./types";

/** Questions in a practice session when --count does not say. */
export const DEFAULT_PRACTICE_COUNT = 10;
/** The most questions one session asks (--count's upper bound). */
export const MAX_COUNT = 200;
/** A review takes everything due, up to this many. */
export const MAX_REVIEW_COUNT = MAX_COUNT;
/** Seeds are 0 … 2^31 − 1 (what `--seed` accepts, and the range a fresh seed is drawn from). */
export const MAX_SEED = 2 ** 31 - 1;

/** The session's length when the learner did not choose one. */
export function defaultCount(mode: SessionMode): number {
  return mode === "review" ? MAX_REVIEW_COUNT : DEFAULT_PRACTICE_COUNT;
}
