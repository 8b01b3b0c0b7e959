// Loading content: directories → files → problems or a Course. Nothing here throws for bad
// content; a broken pack gives { ok: false, problems } and the caller prints them.
import { createHash } from "node:crypto";
import { type Collected, collect, type Entity } from "./collect";
import type { Chapter, Course, ExerciseTemplate, Lesson, SourcePos, Step, StepCheck } from "./model";
import { type Problem, sortProblems, uniqueProblems } from "./problems";
import { resolve } from "node:path";
import { displayPath, type RawFile, readContentDirs } from "./read";
import type { StepInput } from "./schema";
import { offsetAt, positionOf, type Path, type SourceFile } from "./source";
import { toTemplate } from "./template";
import { validate } from "./validate";
import { visibleCourse } from "./visible-course";

export interface ContentSummary {
  files: number;
  lessons: number;
  steps: number;
  templates: number;
}

export type LoadResult =
  | { ok: true; course: Course; summary: ContentSummary }
  | { ok: false; problems: Problem[]; summary: ContentSummary };

/**
 * Loads and validates the content of `dirs` (the shipped directory first, then packs). Paths
 * in messages are relative to `cwd` when inside it. Never throws for content problems.
 */
export function loadContent(dirs: readonly string[], cwd: string): LoadResult {
  const { files, problems } = readContentDirs(dirs, cwd);
  const first = dirs[0];
  const result = buildCourse(files, first === undefined ? undefined : displayPath(resolve(cwd, first), cwd));
  if (problems.length === 0) return result;
  const all = sortProblems(uniqueProblems([...problems, ...(result.ok ? [] : result.problems)]));
  return { ok: false, problems: all, summary: result.summary };
}

/**
 * Validates files already read and builds the course (no file system access). `home` names the
 * place a missing course is reported at (the first content directory), else the first file.
 */
export function buildCourse(files: readonly RawFile[], home?: string): LoadResult {
  const collected = collect(files);
  const problems = [...collected.problems, ...validate(collected)];
  if (collected.courseSources.length === 0 && files.length > 0 && collected.unknownKinds === 0) {
    const first = files[0]!;
    problems.push({
      file: home ?? first.display,
      fileOrder: home === undefined ? first.order : -1,
      line: 0,
      col: 0,
      message:
        "no course: exactly one file must have kind: course (to check a pack on top of the shipped course: sigmoid-trainer validate --content DIR)",
    });
  }
  const summary: ContentSummary = {
    files: files.length,
    lessons: collected.lessons.length,
    steps: collected.steps.length,
    templates: collected.exercises.length,
  };
  if (problems.length > 0 || collected.course === null) {
    return { ok: false, problems: sortProblems(uniqueProblems(problems)), summary };
  }
  // Control characters in a pack's texts are shown as escapes on every screen (see visible-course.ts).
  return { ok: true, course: visibleCourse(toCourse(collected, contentVersion(files))), summary };
}

/** A short hash of the files' paths and bytes, in load order: the same content gives the same version on every machine. */
export function contentVersion(files: readonly RawFile[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file.dirIndex}\u0000${file.relativePath}\u0000${file.bytes.length}\u0000`);
    hash.update(file.bytes);
  }
  return hash.digest("hex").slice(0, 12);
}

function posOf(source: SourceFile, path: Path): SourcePos {
  const { line, col } = positionOf(source, offsetAt(source, path));
  return { file: source.file, line, col };
}

function toStep(entity: Entity<StepInput>): Step {
  const { value } = entity;
  let check: StepCheck | null = null;
  const choice = value.check?.choice;
  if (choice) {
    check = { kind: "choice", question: choice.question, choices: choice.choices, answer: choice.answer, explanation: choice.explanation };
    if (choice.feedback !== undefined) check.feedback = choice.feedback;
  } else if (value.check?.exercise !== undefined) check = { kind: "exercise", exercise: value.check.exercise };
  return {
    id: value.id,
    title: value.title,
    text: value.text,
    formulas: value.formulas ?? [],
    rule: value.rule ?? null,
    check,
    pos: posOf(entity.source, entity.path),
  };
}

function toCourse(collected: Collected, version: string): Course {
  const course = collected.course!.value;
  const chapters: Chapter[] = collected.chapters.map(({ value }) => ({ id: value.id, title: value.title, lessons: value.lessons }));
  const lessonById = new Map(collected.lessons.map((lesson) => [lesson.value.id, lesson]));
  // Lessons in course order (validation guarantees each is listed exactly once).
  const lessons = new Map<string, Lesson>();
  for (const chapter of chapters) {
    for (const id of chapter.lessons) {
      const entity = lessonById.get(id);
      if (!entity) continue;
      lessons.set(id, {
        id,
        title: entity.value.title,
        steps: entity.value.steps.map(toStep),
        pos: posOf(entity.source, [...entity.path, "id"]),
      });
    }
  }
  const exercises = new Map<string, ExerciseTemplate>();
  for (const entity of collected.exercises) {
    exercises.set(entity.value.id, toTemplate(entity.value, posOf(entity.source, entity.path)));
  }
  return {
    id: course.id,
    version,
    title: course.title,
    chapters,
    skills: collected.skills.map(({ value }) => ({ id: value.id, title: value.title })),
    lessons,
    exercises,
  };
}
