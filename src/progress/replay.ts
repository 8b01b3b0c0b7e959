// Rebuilds the state from journal events, in journal order.
import { attemptOf, type JournalEvent } from "./events";
import { buildSchedule } from "./schedule";
import { type StoredAttempt, DEFAULT_SETTINGS, type ProgressData, type Settings } from "./types";

export function replay(events: readonly JournalEvent[]): ProgressData {
  let attempts: StoredAttempt[] = [];
  // Ids are unique per attempt; a line written twice (a migration repeated by two processes) counts once.
  const seen = new Set<string>();
  let lessons: Record<string, number> = {};
  let choices: Record<string, readonly string[]> = {};
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const event of events) {
    switch (event.type) {
      case "attempt":
        if (seen.has(event.id)) break;
        seen.add(event.id);
        attempts.push(attemptOf(event));
        break;
      case "lesson":
        lessons[event.lessonId] = event.step;
        break;
      case "choice":
        choices = withChoice(choices, event.lessonId, event.stepId);
        break;
      case "setting":
        if (event.key === "lang") settings.lang = event.value;
        else if (event.key === "ascii") settings.ascii = event.value;
        else settings.name = event.value;
        break;
      case "reset":
        attempts = forget(attempts, event.skill);
        if (event.skill === null) {
          lessons = {};
          choices = {};
        }
        break;
      case "repaired":
      case "migrated":
        break;
    }
  }
  const { cards, ratings } = buildSchedule(attempts);
  return { attempts, lessons, choices, settings, cards, ratings };
}

/** The choices answered, with one more step of a lesson (each step id once). */
export function withChoice(
  choices: Readonly<Record<string, readonly string[]>>,
  lessonId: string,
  stepId: string,
): Record<string, readonly string[]> {
  const steps = choices[lessonId] ?? [];
  return steps.includes(stepId) ? { ...choices } : { ...choices, [lessonId]: [...steps, stepId] };
}

/**
 * Attempts left after a reset: none, or all but one skill's. Settings survive a reset (it is
 * progress that is forgotten, not the learner's language).
 */
export function forget(attempts: readonly StoredAttempt[], skill: string | null): StoredAttempt[] {
  return skill === null ? [] : attempts.filter((a) => a.skill !== skill);
}
