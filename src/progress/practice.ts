// What to practise next: due reviews, recent mistakes and new material, mixed. Takes template
// ids and skills, not the course, so it does not depend on how content is loaded.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Card } from "ts-fsrs";
import { DEFAULT_DAILY_REVIEW_CAP, reviewQueue } from "./schedule";
import type { StoredAttempt, RatingEntry } from "./types";

export interface TemplateRef {
  id: string;
  skill: string;
}

export type PickReason = "review" | "mistake" | "new" | "more";

export interface Pick {
  templateId: string;
  skill: string;
  reason: PickReason;
}

export interface PracticeOptions {
  /** Templates in course order (new ones are offered in this order). */
  templates: readonly TemplateRef[];
  progress: { attempts: readonly StoredAttempt[]; cards: Readonly<Record<string, Card>>; ratings: readonly RatingEntry[] };
  now: Date;
  seed: number;
  count: number;
  skill?: string;
  reviewCap?: number;
}

/** A mistake older than this no longer counts as recent. */
export const RECENT_MISTAKE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Up to `count` picks (repeating templates only when there are fewer templates than `count`):
 * at most half due reviews (oldest due first, daily cap applied), at most a quarter recent
 * mistakes (answered wrong or imprecisely in the last week, due ones first, then the latest),
 * the rest new templates in course order; a short category leaves its room to the others, then
 * to the least recently practised. The final order is shuffled with `seed`, so the same inputs
 * always give the same session.
 */
export function practiceQueue(options: PracticeOptions): Pick[] {
  const { progress, now, count } = options;
  const templates = options.skill ? options.templates.filter((t) => t.skill === options.skill) : options.templates;
  if (count <= 0 || templates.length === 0) return [];
  const byId = new Map(templates.map((t) => [t.id, t]));
  const order = new Map(templates.map((t, i) => [t.id, i]));
  const lastAttempt = new Map<string, StoredAttempt>();
  for (const a of progress.attempts) lastAttempt.set(a.templateId, a);

  const queue = reviewQueue(progress.cards, progress.ratings, now, options.reviewCap ?? DEFAULT_DAILY_REVIEW_CAP).filter((item) =>
    byId.has(item.templateId),
  );
  const dueNow = new Set(queue.map((item) => item.templateId));
  // A recent mistake is offered as a mistake whether or not its card is due: due ones first, then the latest.
  const mistakes = [...lastAttempt.values()]
    .filter((a) => byId.has(a.templateId) && a.verdict !== "correct" && now.getTime() - Date.parse(a.at) <= RECENT_MISTAKE_MS)
    .sort((a, b) => Number(dueNow.has(b.templateId)) - Number(dueNow.has(a.templateId)) || Date.parse(b.at) - Date.parse(a.at))
    .map((a) => a.templateId);
  const mistakeSet = new Set(mistakes);
  const due = queue.map((item) => item.templateId).filter((id) => !mistakeSet.has(id));
  const fresh = templates.filter((t) => !lastAttempt.has(t.id) && !progress.cards[t.id]).map((t) => t.id);

  const chosen: { id: string; reason: PickReason }[] = [];
  const taken = new Set<string>();
  const take = (ids: readonly string[], reason: PickReason, limit: number) => {
    for (const id of ids) {
      if (chosen.length >= count || limit <= 0) return;
      if (taken.has(id)) continue;
      taken.add(id);
      chosen.push({ id, reason });
      limit--;
    }
  };
  take(due, "review", Math.ceil(count / 2));
  take(mistakes, "mistake", Math.ceil(count / 4));
  take(fresh, "new", count);
  take(due, "review", count);
  take(mistakes, "mistake", count);
  // Everything else, least recently practised first.
  const rest = templates
    .map((t) => t.id)
    .filter((id) => !taken.has(id))
    .sort((a, b) => lastTime(lastAttempt, a) - lastTime(lastAttempt, b));
  take(rest, "more", count);
  // Fewer templates than questions: go round again.
  for (let i = 0; chosen.length < count; i++) chosen.push({ id: chosen[i % taken.size]!.id, reason: "more" });

  const rng = xoroshiro128plus(options.seed | 0);
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  // New material keeps the course's order among the shuffled picks: a fresh learner starts at the
  // beginning (σ(x) before σ′(x) before the logit), whatever the seed.
  const newPicks = chosen.filter((c) => c.reason === "new").sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  let next = 0;
  for (let i = 0; i < chosen.length; i++) if (chosen[i]!.reason === "new") chosen[i] = newPicks[next++]!;
  return chosen.map(({ id, reason }) => ({ templateId: id, skill: byId.get(id)!.skill, reason }));
}

function lastTime(last: Map<string, StoredAttempt>, id: string): number {
  const a = last.get(id);
  return a ? Date.parse(a.at) : Number.NEGATIVE_INFINITY;
}
