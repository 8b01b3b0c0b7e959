// The course as a learner walks it, for the full-screen Learn screen and plain learn alike: every
// step in reading order, where the learner resumes, and moving between steps.
import type { Chapter, Course, Lesson, Step } from "../content/model";

/** A fixed seed for the exercises asked inside lessons, so every learner sees the same numbers. */
export const LEARN_EXERCISE_SEED = 1;

export interface CourseStep {
  /** 0-based position in the whole course. */
  index: number;
  chapter: Chapter;
  lesson: Lesson;
  /** 0-based position inside its lesson: what the progress store keeps per lesson. */
  stepInLesson: number;
  step: Step;
}

/** Every step of the course in reading order: chapters, their lessons, the lessons' steps. */
export function courseSteps(course: Course): CourseStep[] {
  const steps: CourseStep[] = [];
  for (const chapter of course.chapters) {
    for (const lessonId of chapter.lessons) {
      const lesson = course.lessons.get(lessonId);
      if (!lesson) continue;
      lesson.steps.forEach((step, stepInLesson) => {
        steps.push({ index: steps.length, chapter, lesson, stepInLesson, step });
      });
    }
  }
  return steps;
}

/**
 * Where Learn opens. The store keeps one position per lesson and not which lesson was open
 * last, so the learner resumes in the furthest lesson (in course order) that has a saved
 * position, at that position (kept inside the lesson when the content has since shrunk).
 * With nothing saved: the first step.
 */
export function resumeIndex(steps: readonly CourseStep[], positions: Readonly<Record<string, number>>): number {
  let resume = 0;
  const seen = new Set<string>();
  for (const entry of steps) {
    if (seen.has(entry.lesson.id)) continue;
    seen.add(entry.lesson.id);
    const saved = positions[entry.lesson.id];
    if (saved === undefined || !Number.isFinite(saved)) continue;
    const inLesson = Math.min(Math.max(0, Math.floor(saved)), entry.lesson.steps.length - 1);
    resume = entry.index + inLesson;
  }
  return resume;
}

/** The step index moved by `delta`, kept inside the course. */
export function moveStep(steps: readonly CourseStep[], index: number, delta: number): number {
  if (steps.length === 0) return 0;
  return Math.min(steps.length - 1, Math.max(0, index + delta));
}
