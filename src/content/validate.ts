// Second pass: the rules a schema cannot express, across all files. Ids are unique, every
// reference resolves, placeholders name real values, formulas stay inside the LaTeX subset,
// and every parameter space can produce a question. Each problem points at the exact place.
import { englishCount } from "../core/i18n";
import { parseLatex } from "../core/latex/parse";
import type { Collected, Entity, Namespace } from "./collect";
import { checkExercise } from "./validate-exercise";
import type { Problem } from "./problems";
import { type Path, problemAt, problemInString, type SourceFile } from "./source";
import { didYouMean } from "./suggest";

export function where(source: SourceFile, path: Path): string {
  const located = problemAt(source, path, "");
  return `${located.file}:${located.line}:${located.col}`;
}

interface Named {
  id: string;
  source: SourceFile;
  /** Path of the value holding the id. */
  idPath: Path;
}

export function validate(collected: Collected): Problem[] {
  const problems: Problem[] = [];
  const report = (source: SourceFile, path: Path, message: string) => problems.push(problemAt(source, path, message));

  checkCourseCount(collected, problems);

  // Ids are unique per kind across all files; the second is reported, pointing at the first.
  const defined: Record<Namespace, Map<string, Named>> = {
    skill: new Map(),
    chapter: new Map(),
    lesson: new Map(),
    step: new Map(),
    exercise: new Map(),
  };
  const define = (namespace: Namespace, named: Named) => {
    const first = defined[namespace].get(named.id);
    if (first) {
      report(named.source, named.idPath, `duplicate ${namespace} id "${named.id}"; first defined at ${where(first.source, first.idPath)}`);
    } else {
      defined[namespace].set(named.id, named);
    }
  };
  const idOf = <T extends { id: string }>(e: Entity<T>): Named => ({ id: e.value.id, source: e.source, idPath: [...e.path, "id"] });
  for (const skill of collected.skills) define("skill", idOf(skill));
  for (const chapter of collected.chapters) define("chapter", idOf(chapter));
  for (const lesson of collected.lessons) define("lesson", idOf(lesson));
  for (const step of collected.steps) define("step", idOf(step));
  for (const exercise of collected.exercises) define("exercise", idOf(exercise));

  const exists = (namespace: Namespace, id: string) => defined[namespace].has(id) || collected.brokenIds[namespace].has(id);
  const unresolved = (namespace: Namespace, id: string, source: SourceFile, path: Path, extra = "") => {
    if (exists(namespace, id)) return;
    const hint = didYouMean(id, defined[namespace].keys());
    report(source, path, `unknown ${namespace} "${id}"${hint}${extra}`);
  };

  // Chapters list lessons; each lesson belongs to exactly one place in the course.
  const listedIn = new Map<string, { chapter: string; source: SourceFile; path: Path }>();
  for (const chapter of collected.chapters) {
    chapter.value.lessons.forEach((lessonId, index) => {
      const path = [...chapter.path, "lessons", index];
      unresolved("lesson", lessonId, chapter.source, path);
      const first = listedIn.get(lessonId);
      if (first) {
        report(
          chapter.source,
          path,
          `lesson "${lessonId}" is listed twice; first listed in chapter "${first.chapter}" at ${where(first.source, first.path)}`,
        );
      } else {
        listedIn.set(lessonId, { chapter: chapter.value.id, source: chapter.source, path });
      }
    });
  }
  // An unlisted lesson can never be reached by a learner: an error, not a warning, so it
  // cannot slip through silently.
  for (const lesson of collected.lessons) {
    if (!listedIn.has(lesson.value.id) && defined.lesson.get(lesson.value.id)?.source === lesson.source) {
      report(
        lesson.source,
        [...lesson.path, "id"],
        `lesson "${lesson.value.id}" is in no chapter; list it in a chapter's "lessons" (the course file or a kind: chapter file)`,
      );
    }
  }

  // Steps: formulas and check questions.
  for (const step of collected.steps) {
    (step.value.formulas ?? []).forEach((formula, index) => {
      const path = [...step.path, "formulas", index];
      const parsed = parseLatex(formula);
      if (!parsed.ok) {
        for (const error of parsed.errors) {
          problems.push(problemInString(step.source, path, error.offset, `formula: ${error.message}`));
        }
      }
    });
    const check = step.value.check;
    if (check?.choice) {
      const { answer, choices, feedback } = check.choice;
      if (answer >= choices.length) {
        report(
          step.source,
          [...step.path, "check", "choice", "answer"],
          `answer ${answer} is out of range; expected the 0-based index of one of the ${choices.length} choices (0 to ${choices.length - 1})`,
        );
      }
      // Feedback is matched to choices by position, so a missing or extra entry would show a
      // sentence under the wrong choice.
      if (feedback !== undefined && feedback.length !== choices.length) {
        const entries = englishCount(feedback.length, "feedback entry", "feedback entries");
        report(
          step.source,
          [...step.path, "check", "choice", "feedback"],
          `${entries} for ${choices.length} choices; expected one {ja, en} per choice, in the order of "choices"`,
        );
      }
    }
    if (check?.exercise !== undefined) unresolved("exercise", check.exercise, step.source, [...step.path, "check", "exercise"]);
  }

  for (const exercise of collected.exercises) {
    problems.push(...checkExercise(exercise, (namespace, id, path) => unresolved(namespace, id, exercise.source, path)));
  }
  return problems;
}

function checkCourseCount(collected: Collected, problems: Problem[]): void {
  const [first, ...others] = collected.courseSources;
  for (const other of others) {
    if (first) {
      problems.push(
        problemAt(
          other,
          ["kind"],
          `a second course; the course is defined at ${where(first, ["kind"])} (a pack adds lessons, exercises, kind: skills and kind: chapter files)`,
        ),
      );
    }
  }
}
