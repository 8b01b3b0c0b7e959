// Which questions a session asks, in which order, with which numbers. The scheduler (progress)
// decides the order for practice and review; a quiz and a learner without progress get one
// from the course itself. Every variant's seed comes from the session seed and the position,
// so `--seed N` replays the same session.
import { drawVariant } from "../core/variants";
import type { Course, ExerciseTemplate } from "../content/model";
import { randomInt, rngFor, shuffle } from "../core/random";
import type { PlannedQuestion, QueueEntry } from "./types";

/**
 * Plans already made for a queue (by the queue's identity, then course, count and seed): drawing
 * fresh variants costs milliseconds, and the session server starts every learner of a quiz from
 * the same queue on every request. A plan is never changed after it is made (retry copies it).
 */
const plans = new WeakMap<readonly QueueEntry[], WeakMap<Course, Map<string, readonly PlannedQuestion[]>>>();

export function planSession(course: Course, queue: readonly QueueEntry[], count: number, seed: number): PlannedQuestion[] {
  let byCourse = plans.get(queue);
  if (!byCourse) {
    byCourse = new WeakMap();
    plans.set(queue, byCourse);
  }
  let byKey = byCourse.get(course);
  if (!byKey) {
    byKey = new Map();
    byCourse.set(course, byKey);
  }
  const key = `${count}:${seed}`;
  const known = byKey.get(key);
  if (known) return known as PlannedQuestion[];
  const plan = drawPlan(course, queue, count, seed);
  byKey.set(key, plan);
  return plan;
}

function drawPlan(course: Course, queue: readonly QueueEntry[], count: number, seed: number): PlannedQuestion[] {
  const known = queue.filter((entry) => course.exercises.has(entry.templateId));
  const asked = new Map<string, string[]>();
  return known.slice(0, Math.max(0, count)).map((entry, index) => {
    const template = course.exercises.get(entry.templateId)!;
    const before = asked.get(template.id) ?? [];
    const chosen = freshVariant(template, seed, index, before);
    asked.set(template.id, [...before, chosen.key]);
    return { templateId: entry.templateId, variantSeed: chosen.seed, reason: entry.reason };
  });
}

/** Other seeds tried for a template asked again in one session, before settling for a repeat. */
const REDRAWS = 64;

/**
 * The variant for position `index`: its own seed, unless this template was already asked in the
 * session with the same numbers (a small set of choices makes that common) — the learner would
 * answer from memory, or see "Question 2" as a copy of "Question 1". Then other seeds are tried,
 * still derived from the session seed and the position, so the plan stays reproducible. With
 * every choice used, it at least avoids the numbers asked last time.
 */
function freshVariant(template: ExerciseTemplate, seed: number, index: number, before: readonly string[]) {
  const first = { seed: variantSeed(seed, index), key: "" };
  first.key = paramsKey(template, first.seed);
  if (before.length === 0 || !before.includes(first.key)) return first;
  let fallback = first.key === before.at(-1) ? null : first;
  for (let redraw = 1; redraw <= REDRAWS; redraw++) {
    const candidate = { seed: variantSeed(seed, index, redraw), key: "" };
    candidate.key = paramsKey(template, candidate.seed);
    if (!before.includes(candidate.key)) return candidate;
    if (fallback === null && candidate.key !== before.at(-1)) fallback = candidate;
  }
  return fallback ?? first;
}

/** The numbers a variant asks about, as a comparable key ("" when it cannot be drawn). */
function paramsKey(template: ExerciseTemplate, variant: number): string {
  // Only the params matter here: drawing them is the part of instantiating that picks them.
  const drawn = drawVariant(template, variant);
  return drawn.ok ? JSON.stringify(drawn.variant.params) : "";
}

/** The seed of the variant asked at `index` in a session started with `seed` (`redraw` > 0: another one for the same place). */
export function variantSeed(seed: number, index: number, redraw = 0): number {
  return randomInt(rngFor(seed, redraw === 0 ? `question:${index}` : `question:${index}:${redraw}`), 0, 2 ** 31 - 1);
}

/**
 * The course's exercises in teaching order: those tied to a lesson step in chapter, lesson and
 * step order, then the others in the order they were written. Only the given skills, if any.
 */
export function courseOrder(course: Course, skills: readonly string[] = []): ExerciseTemplate[] {
  const wanted = (t: ExerciseTemplate) => skills.length === 0 || skills.includes(t.skill);
  const stepRank = new Map<string, number>();
  for (const chapter of course.chapters) {
    for (const lessonId of chapter.lessons) {
      for (const step of course.lessons.get(lessonId)?.steps ?? []) stepRank.set(step.id, stepRank.size);
    }
  }
  const all = [...course.exercises.values()].filter(wanted);
  const rank = (t: ExerciseTemplate) => (t.step !== null ? (stepRank.get(t.step) ?? stepRank.size) : stepRank.size);
  // Array.prototype.sort is stable: ties keep the order the templates were loaded in.
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * Practice for a learner the scheduler knows nothing about: the course in teaching order,
 * repeated with fresh numbers when more questions are asked for than there are templates.
 */
export function courseQueue(course: Course, skills: readonly string[], count: number): QueueEntry[] {
  const order = courseOrder(course, skills);
  if (order.length === 0) return [];
  return Array.from({ length: count }, (_, i) => ({ templateId: order[i % order.length]!.id, reason: "new" as const }));
}

/**
 * A quiz's questions: the same for everyone with the same seed and content, whatever their
 * progress. Templates are shuffled by the seed; each is used once before any repeats.
 */
export function quizQueue(course: Course, skills: readonly string[], count: number, seed: number): QueueEntry[] {
  const order = courseOrder(course, skills);
  if (order.length === 0) return [];
  const entries: QueueEntry[] = [];
  for (let round = 0; entries.length < count; round++) {
    const shuffled = shuffle(rngFor(seed, `quiz-order:${round}`), order);
    for (const t of shuffled) {
      if (entries.length === count) break;
      entries.push({ templateId: t.id, reason: "new" });
    }
  }
  return entries;
}

/** Unknown skill ids, for a clear message instead of an empty session. */
export function unknownSkills(course: Course, skills: readonly string[]): string[] {
  const known = new Set(course.skills.map((s) => s.id));
  return skills.filter((s) => !known.has(s));
}
