// Numbers for `stats` (and the stats screen): totals, per-skill accuracy, streak, mistakes, due.
import { localDay, localDayBefore } from "./days";
import { DEFAULT_DAILY_REVIEW_CAP, dueCount, reviewQueue } from "./schedule";
import type { ProgressData } from "./types";

export interface SkillStats {
  attempts: number;
  correct: number;
  imprecise: number;
  incorrect: number;
  /** correct / attempts; null before the first attempt. Imprecise answers do not count as correct. */
  accuracy: number | null;
  hints: number;
  /** Cards of this skill's templates due now (uncapped). */
  due: number;
  last: string | null;
}

export interface Stats {
  attempts: number;
  correct: number;
  accuracy: number | null;
  /** Cards due now, all of them. */
  due: number;
  /** What the review queue offers now, after the daily cap. */
  reviewQueue: number;
  skills: Record<string, SkillStats>;
  /** Consecutive local days with at least one answer, up to today (or yesterday, if none yet today). */
  streak: number;
  mistakes: Record<string, number>;
  last: string | null;
}

export function computeStats(data: ProgressData, now: Date, reviewCap = DEFAULT_DAILY_REVIEW_CAP): Stats {
  const skills: Record<string, SkillStats> = {};
  const skillOf = new Map<string, string>();
  const mistakes: Record<string, number> = {};
  let correct = 0;
  let last: string | null = null;
  for (const a of data.attempts) {
    const s = skills[a.skill] ?? { attempts: 0, correct: 0, imprecise: 0, incorrect: 0, accuracy: null, hints: 0, due: 0, last: null };
    skills[a.skill] = s;
    s.attempts++;
    s[a.verdict]++;
    s.hints += a.hints;
    if (s.last === null || a.at > s.last) s.last = a.at;
    if (last === null || a.at > last) last = a.at;
    if (a.verdict === "correct") correct++;
    if (a.mistake !== null) mistakes[a.mistake] = (mistakes[a.mistake] ?? 0) + 1;
    skillOf.set(a.templateId, a.skill);
  }
  for (const s of Object.values(skills)) s.accuracy = s.correct / s.attempts;
  for (const [templateId, card] of Object.entries(data.cards)) {
    const skill = skillOf.get(templateId);
    const s = skill === undefined ? undefined : skills[skill];
    if (s && card.due.getTime() <= now.getTime()) s.due++;
  }
  return {
    attempts: data.attempts.length,
    correct,
    accuracy: data.attempts.length === 0 ? null : correct / data.attempts.length,
    due: dueCount(data.cards, now),
    reviewQueue: reviewQueue(data.cards, data.ratings, now, reviewCap).length,
    skills: sortKeys(skills),
    streak: streak(
      data.attempts.map((a) => new Date(a.at)),
      now,
    ),
    mistakes: sortByCount(mistakes),
    last,
  };
}

export function streak(times: readonly Date[], now: Date): number {
  const days = new Set(times.map(localDay));
  // No answer yet today does not break the streak until today is over.
  const start = days.has(localDay(now)) ? 0 : 1;
  if (!days.has(localDayBefore(now, start))) return 0;
  let count = 0;
  while (days.has(localDayBefore(now, start + count))) count++;
  return count;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function sortByCount(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}
