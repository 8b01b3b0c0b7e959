// First pass over the files: YAML syntax, `kind`, and the schema. What passes becomes an
// entity (with its file and path, for messages); what fails is reported, and the ids found in
// the failed parts are remembered so that later checks do not add "unknown lesson" noise for
// things that exist but are broken.
import { isMap, isScalar, isSeq } from "yaml";
import type { z } from "zod";
import type { Localized } from "../core/i18n";
import { issueProblems } from "./issues";
import type { Problem } from "./problems";
import type { RawFile } from "./read";
import {
  type ChapterInput,
  type CourseFile,
  chapterFileSchema,
  chapterSchema,
  type ExerciseInput,
  exerciseSchema,
  FILE_KINDS,
  FILE_SCHEMAS,
  type FileKind,
  lessonFileSchema,
  type SkillInput,
  type StepInput,
  skillSchema,
  stepSchema,
} from "./schema";
import { type Path, parseSource, problemAt, type SourceFile } from "./source";
import { didYouMean } from "./suggest";

export interface Entity<T> {
  value: T;
  source: SourceFile;
  /** Where the entity sits in its file's data. */
  path: Path;
}

export interface LessonEntity {
  id: string;
  title: Localized;
  /** The steps that passed the schema, in order. */
  steps: Entity<StepInput>[];
}

export type Namespace = "skill" | "chapter" | "lesson" | "step" | "exercise";

export interface Collected {
  sources: SourceFile[];
  /** Files whose `kind` is course, valid or not (there must be exactly one). */
  courseSources: SourceFile[];
  course: Entity<CourseFile> | null;
  skills: Entity<SkillInput>[];
  chapters: (Entity<ChapterInput> & { fromCourse: boolean })[];
  lessons: Entity<LessonEntity>[];
  steps: (Entity<StepInput> & { lessonId: string })[];
  exercises: Entity<ExerciseInput>[];
  /** Ids of items that failed the schema: they exist, so references to them resolve. */
  brokenIds: Record<Namespace, Set<string>>;
  /** Files whose kind could not be told (unreadable YAML, no or unknown kind): one may be the course. */
  unknownKinds: number;
  problems: Problem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function collect(files: readonly RawFile[]): Collected {
  const out: Collected = {
    sources: [],
    courseSources: [],
    course: null,
    skills: [],
    chapters: [],
    lessons: [],
    steps: [],
    exercises: [],
    brokenIds: { skill: new Set(), chapter: new Set(), lesson: new Set(), step: new Set(), exercise: new Set() },
    unknownKinds: 0,
    problems: [],
  };
  for (const file of files) {
    let text: string;
    try {
      text = decoder.decode(file.bytes).replace(/^\uFEFF/, "");
    } catch {
      out.problems.push({ file: file.display, fileOrder: file.order, line: 0, col: 0, message: "not UTF-8 text; save the file as UTF-8" });
      out.unknownKinds++;
      continue;
    }
    const { source, problems } = parseSource(file.display, text, file.order);
    out.sources.push(source);
    out.problems.push(...problems);
    if (problems.length === 0) collectFile(source, out);
    else harvestIds(source, out);
  }
  return out;
}

function collectFile(source: SourceFile, out: Collected): void {
  const data = source.data;
  if (!isRecord(data)) {
    out.unknownKinds++;
    out.problems.push(
      problemAt(
        source,
        [],
        `expected a map with a "kind" key (one of: ${FILE_KINDS.join(", ")}), got ${data === null ? "an empty file" : "a list or a single value"}`,
      ),
    );
    return;
  }
  const kind = data.kind;
  if (kind === undefined) {
    out.unknownKinds++;
    out.problems.push(problemAt(source, [], `missing key "kind"; expected one of: ${FILE_KINDS.join(", ")}`));
    return;
  }
  if (typeof kind !== "string" || !(FILE_KINDS as readonly string[]).includes(kind)) {
    out.unknownKinds++;
    const hint = typeof kind === "string" ? didYouMean(kind, FILE_KINDS) : "";
    out.problems.push(
      problemAt(source, ["kind"], `unknown kind ${JSON.stringify(kind)}${hint}; expected one of: ${FILE_KINDS.join(", ")}`),
    );
    return;
  }
  const fileKind = kind as FileKind;
  if (fileKind === "course") out.courseSources.push(source);
  const schema = FILE_SCHEMAS[fileKind] as z.core.$ZodType;
  const result = (schema as z.ZodType).safeParse(data);
  if (!result.success) out.problems.push(...issueProblems(source, schema, result.error.issues));
  const whole = result.success ? (result.data as Record<string, unknown>) : null;

  const entity = <T>(value: T, path: Path): Entity<T> => ({ value, source, path });
  /** Valid items of a list, each checked alone so one bad item does not hide the others. */
  const items = <T>(key: string, itemSchema: z.ZodType<T>, namespace: Namespace): Entity<T>[] => {
    const list = data[key];
    if (!Array.isArray(list)) return [];
    const valid: Entity<T>[] = [];
    list.forEach((item, index) => {
      const parsed = itemSchema.safeParse(item);
      if (parsed.success) valid.push(entity(parsed.data, [key, index]));
      else if (isRecord(item) && typeof item.id === "string") out.brokenIds[namespace].add(item.id);
    });
    return valid;
  };

  switch (fileKind) {
    case "course": {
      // A second course file is reported later; the first valid one stays the course.
      if (whole) out.course ??= entity(whole as CourseFile, []);
      out.skills.push(...items("skills", skillSchema, "skill"));
      for (const chapter of items("chapters", chapterSchema, "chapter")) out.chapters.push({ ...chapter, fromCourse: true });
      break;
    }
    case "skills":
      out.skills.push(...items("skills", skillSchema, "skill"));
      break;
    case "chapter": {
      const parsed = chapterFileSchema.safeParse(data);
      if (parsed.success) {
        const { kind: _kind, ...chapter } = parsed.data;
        out.chapters.push({ ...entity(chapter, []), fromCourse: false });
      } else if (typeof data.id === "string") {
        out.brokenIds.chapter.add(data.id);
      }
      break;
    }
    case "lesson": {
      const steps = items("steps", stepSchema, "step");
      const head = lessonFileSchema.pick({ id: true, title: true }).safeParse({ id: data.id, title: data.title });
      if (head.success) {
        out.lessons.push(entity({ id: head.data.id, title: head.data.title, steps }, []));
        for (const step of steps) out.steps.push({ ...step, lessonId: head.data.id });
      } else if (typeof data.id === "string") {
        out.brokenIds.lesson.add(data.id);
        for (const step of steps) out.brokenIds.step.add(step.value.id);
      }
      break;
    }
    case "exercises":
      out.exercises.push(...items("exercises", exerciseSchema, "exercise"));
      break;
  }
}

/**
 * For a file with YAML errors: the ids it seems to define, read from the syntax tree the parser
 * could recover (every `id`, even a repeated one), so that references to them are not also
 * reported as unknown.
 */
function harvestIds(source: SourceFile, out: Collected): void {
  const root = source.doc.contents;
  const values = (map: unknown, key: string): unknown[] =>
    isMap(map)
      ? map.items
          .filter((pair) => isScalar(pair.key) && pair.key.value === key)
          .map((pair) => (isScalar(pair.value) ? pair.value.value : pair.value))
      : [];
  const kind = values(root, "kind").find((v): v is string => typeof v === "string");
  if (kind === undefined || !(FILE_KINDS as readonly string[]).includes(kind)) {
    out.unknownKinds++;
    return;
  }
  const own = (namespace: Namespace) => {
    for (const id of values(root, "id")) if (typeof id === "string") out.brokenIds[namespace].add(id);
  };
  const listed = (key: string, namespace: Namespace) => {
    for (const list of values(root, key)) {
      if (!isSeq(list)) continue;
      for (const item of list.items) for (const id of values(item, "id")) if (typeof id === "string") out.brokenIds[namespace].add(id);
    }
  };
  switch (kind as FileKind) {
    case "course":
      out.courseSources.push(source);
      listed("skills", "skill");
      listed("chapters", "chapter");
      break;
    case "skills":
      listed("skills", "skill");
      break;
    case "chapter":
      own("chapter");
      break;
    case "lesson":
      own("lesson");
      listed("steps", "step");
      break;
    case "exercises":
      listed("exercises", "exercise");
      break;
  }
}
