// Spaced repetition with FSRS (ts-fsrs 5), one card per exercise template. Cards are derived
// from the attempts' stored grades, so replaying the journal rebuilds them exactly.
import { type Card, createEmptyCard, fsrs, State } from "ts-fsrs";
import { localDay } from "./days";
import type { StoredAttempt, ReviewRating, RatingEntry } from "./types";

/**
 * No fuzz: the same attempts always give the same schedule (replay, tests, two machines).
 * A year at most between reviews: the course is small and a learner who returns after a year
 * should see it again.
 */
export const scheduler = fsrs({ enable_fuzz: false, maximum_interval: 365 });

/** Reviews of graduated cards offered per local day, so a long break does not bury the learner. */
export const DEFAULT_DAILY_REVIEW_CAP = 20;

export interface Schedule {
  cards: Record<string, Card>;
  ratings: RatingEntry[];
}

/** Applies one graded attempt to the schedule (mutates `schedule`). */
export function applyGrade(schedule: Schedule, templateId: string, at: string, rating: ReviewRating): void {
  const when = new Date(at);
  const card: Card = schedule.cards[templateId] ?? createEmptyCard<Card>(when);
  schedule.ratings.push({ templateId, at, rating, wasReview: card.state === State.Review });
  schedule.cards[templateId] = scheduler.next(card, when, rating).card;
}

/** Cards from the graded attempts, applied in time order (lines from two trainers may interleave out of order). */
export function buildSchedule(attempts: readonly StoredAttempt[]): Schedule {
  const schedule: Schedule = { cards: {}, ratings: [] };
  const graded = attempts.filter((a) => a.rating !== null);
  // Array.prototype.sort is stable: equal times keep journal order.
  graded.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const a of graded) applyGrade(schedule, a.templateId, a.at, a.rating as ReviewRating);
  return schedule;
}

export interface QueueItem {
  templateId: string;
  due: Date;
  /** "learning": a recent miss or a new item on its short steps; "review": a graduated card. */
  kind: "learning" | "review";
}

/**
 * What is due now. Cards in (re)learning steps come first and are never capped: they are
 * minutes apart and follow a recent mistake. Graduated review cards follow, oldest due first,
 * at most `cap` minus the reviews already done today.
 */
export function reviewQueue(
  cards: Readonly<Record<string, Card>>,
  ratings: readonly RatingEntry[],
  now: Date,
  cap = DEFAULT_DAILY_REVIEW_CAP,
): QueueItem[] {
  const due = Object.entries(cards)
    .filter(([, card]) => card.state !== State.New && card.due.getTime() <= now.getTime())
    .map(
      ([templateId, card]): QueueItem => ({
        templateId,
        due: card.due,
        kind: card.state === State.Review ? "review" : "learning",
      }),
    )
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.templateId.localeCompare(b.templateId));
  const left = Math.max(0, cap - reviewsDoneOn(ratings, now));
  const learning = due.filter((item) => item.kind === "learning");
  const reviews = due.filter((item) => item.kind === "review").slice(0, left);
  return [...learning, ...reviews];
}

/** Distinct templates whose graduated card was reviewed on the local day of `now`. */
export function reviewsDoneOn(ratings: readonly RatingEntry[], now: Date): number {
  const today = localDay(now);
  const seen = new Set<string>();
  for (const r of ratings) if (r.wasReview && localDay(new Date(r.at)) === today) seen.add(r.templateId);
  return seen.size;
}

/** Cards due now, without the daily cap: the honest number for `stats`. */
export function dueCount(cards: Readonly<Record<string, Card>>, now: Date): number {
  return Object.values(cards).filter((card) => card.state !== State.New && card.due.getTime() <= now.getTime()).length;
}
