// What a quiz is, in the shapes the engine and the result file take: the same for a quiz graded
// on the learner's machine (`quiz`) and one graded by the session server (`serve`).
import type { Course } from "../content/model";
import { quizQueue } from "../engine/plan";
import type { SessionConfig } from "../engine/types";
import type { QuizIdentity } from "./result";
import type { QuizSettings } from "./settings";

/** The engine's session config: questions from the seed alone, each asked once, hints only when allowed. */
export function quizEngineConfig(course: Course, settings: QuizSettings): SessionConfig {
  return {
    mode: "quiz",
    course,
    queue: quizQueue(course, settings.skills, settings.count, settings.seed),
    count: settings.count,
    seed: settings.seed,
    hintsAllowed: settings.hintsAllowed,
    retryAllowed: false,
  };
}

/** The quiz as its result file names it. */
export function quizIdentity(course: Course, settings: QuizSettings): QuizIdentity {
  return {
    seed: settings.seed,
    count: settings.count,
    skills: settings.skills,
    courseId: course.id,
    contentVersion: course.version,
    timeLimitMinutes: settings.timeLimitMinutes,
    hintsAllowed: settings.hintsAllowed,
  };
}

/** When the time limit ends a quiz started at `startedAt` (ms), or null without one. */
export function quizDeadline(settings: QuizSettings, startedAt: number): number | null {
  return settings.timeLimitMinutes === null ? null : startedAt + Math.round(settings.timeLimitMinutes * 60_000);
}
