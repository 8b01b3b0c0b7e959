// The one schema of the content files. The loader validates every file with it, and
// `sigmoid-trainer schema` prints it as JSON Schema for editors: the two cannot drift apart.
// Cross-file rules (ids that must resolve, placeholders, LaTeX, parameter spaces) live in
// validate.ts, because a schema cannot see other files.
import { z } from "zod";
import { QUANTITY_IDS, type QuantityId } from "../core/quantities";
import { MAX_DIGITS } from "../core/tolerance";

/** The quantity ids, as the tuple z.enum wants (the registry in src/core lists them). */
const QUANTITY_ENUM = QUANTITY_IDS as unknown as [QuantityId, ...QuantityId[]];

export const FILE_KINDS = ["course", "lesson", "exercises", "skills", "chapter"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MAX_HINTS = 4;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: "expected an id of letters, digits, '-', '_' or '.' (no spaces)" })
  .meta({ id: "Id", description: "A stable identifier: letters, digits, '-', '_' or '.'" });

const text = z.string().regex(/\S/, { error: "empty text" });

/** Every learner-facing text, in both languages. */
export const localizedSchema = z
  .strictObject({
    ja: text.meta({ description: "Japanese text (polite です/ます style)" }),
    en: text.meta({ description: "English text (plain, short)" }),
  })
  .meta({ id: "Localized", description: "Text in Japanese and English; both are required and non-empty." });

const paramSpecSchema = z
  .strictObject({
    choices: z.array(z.number()).min(1, { error: "expected at least one value" }).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().optional(),
  })
  .refine(
    (spec) => {
      // Not a map at all: the type error says so; this rule is about which keys are given.
      if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return true;
      const hasChoices = spec.choices !== undefined;
      const rangeKeys = [spec.min, spec.max, spec.step].filter((v) => v !== undefined).length;
      return hasChoices ? rangeKeys === 0 : rangeKeys === 3;
    },
    { error: "expected either {choices: [...]} or {min, max, step}", when: () => true },
  )
  .meta({
    id: "ParamSpec",
    description: "The values a parameter takes: a list, or a range stepped from min to max inclusive.",
    oneOf: [{ required: ["choices"] }, { required: ["min", "max", "step"] }],
  });

const choiceCheckSchema = z
  .strictObject({
    question: localizedSchema,
    choices: z.array(localizedSchema).min(2, { error: "a choice question needs at least 2 choices" }),
    answer: z.int().min(0).meta({ description: "0-based index of the right choice" }),
    explanation: localizedSchema,
    feedback: z.array(localizedSchema).optional().meta({
      description:
        "Optional: one {ja, en} per choice, in the order of choices, shown when that choice is picked. A wrong choice's sentence names the mistake and how to tell next time; the right choice's may say why it is right.",
    }),
  })
  .meta({ id: "ChoiceCheck" });

const checkSchema = z
  .strictObject({
    choice: choiceCheckSchema.optional(),
    exercise: idSchema.optional().meta({ description: "id of an exercise template, asked with a fixed seed" }),
  })
  .refine((check) => typeof check !== "object" || check === null || (check.choice === undefined) !== (check.exercise === undefined), {
    error: "expected exactly one of `choice` or `exercise`",
    when: () => true,
  })
  .meta({ id: "StepCheck", oneOf: [{ required: ["choice"] }, { required: ["exercise"] }] });

export const stepSchema = z
  .strictObject({
    id: idSchema,
    title: localizedSchema,
    text: localizedSchema,
    formulas: z.array(z.string()).optional().meta({ description: "Formulas in the supported LaTeX subset" }),
    rule: localizedSchema.optional().meta({ description: "The rule this step uses, e.g. the chain rule" }),
    check: checkSchema.optional(),
  })
  .meta({ id: "Step" });

const quantitySchema = z.enum(QUANTITY_ENUM).meta({ description: "What the learner computes" });
const digitsSchema = z
  .int()
  .min(1)
  .max(MAX_DIGITS)
  .meta({ description: `Significant figures required (1 to ${MAX_DIGITS}, default 3)` });

const partSchema = z
  .strictObject({
    quantity: quantitySchema,
    digits: digitsSchema.optional(),
    prompt: localizedSchema,
    carry_from: z
      .int()
      .min(0)
      .optional()
      .meta({ description: "Index of an earlier part whose (possibly wrong) answer this part builds on" }),
  })
  .meta({ id: "ExercisePart" });

/** Keys of the single-part form, which `parts` replaces. */
export const SINGLE_PART_KEYS = ["quantity", "digits", "prompt"] as const;

export const exerciseSchema = z
  .strictObject({
    id: idSchema.meta({ description: "STABLE id: progress is keyed by it" }),
    skill: idSchema,
    step: idSchema.optional().meta({ description: "The lesson step this exercise drills" }),
    params: z.record(z.string(), paramSpecSchema).optional(),
    given: z.array(z.string()).optional().meta({ description: "Intermediate values shown with the prompt" }),
    form: z.enum(["x", "sigma"]).optional().meta({
      description:
        "How σ′ is worked: x (from e^(−x), Step 3's e^(−x)/(1 + e^(−x))^2, where 1 − σ(x) is diagnosed as forgot-square) or sigma (from σ(x); the default)",
    }),
    whole_number: z
      .boolean()
      .optional()
      .meta({ description: "The prompt says the answer is a whole number: a whole number typed without decimals counts as exact" }),
    quantity: quantitySchema.optional(),
    digits: digitsSchema.optional(),
    prompt: localizedSchema.optional(),
    parts: z.array(partSchema).min(1).optional(),
    hints: z
      .array(localizedSchema)
      .min(1, { error: `expected 1 to ${MAX_HINTS} hints (nudge, rule, intermediate value)` })
      .max(MAX_HINTS, { error: `expected at most ${MAX_HINTS} hints` }),
    solution: localizedSchema,
    feedback: z.record(z.string(), localizedSchema).optional().meta({ description: "Per mistake id" }),
  })
  .meta({
    id: "Exercise",
    description: "An exercise template: single-part (quantity, digits, prompt) or multi-part (parts).",
    oneOf: [{ required: ["quantity", "prompt"] }, { required: ["parts"] }],
  });

export const skillSchema = z.strictObject({ id: idSchema, title: localizedSchema }).meta({ id: "Skill" });

/** A chapter's fields: in the course's list of chapters, and as a pack's chapter file. */
const chapterFields = {
  id: idSchema,
  title: localizedSchema,
  lessons: z.array(idSchema).min(1, { error: "a chapter needs at least one lesson" }),
};

export const chapterSchema = z.strictObject(chapterFields).meta({ id: "Chapter" });

/** A content file of one kind: `kind` first, then that kind's fields, and no other keys. */
function fileOfKind<K extends FileKind, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z.strictObject({ kind: z.literal(kind), ...fields });
}

export const courseFileSchema = fileOfKind("course", {
  id: idSchema,
  title: localizedSchema,
  skills: z.array(skillSchema),
  chapters: z.array(chapterSchema).min(1, { error: "a course needs at least one chapter" }),
}).meta({ title: "Course", description: "Exactly one across all content directories." });

export const lessonFileSchema = fileOfKind("lesson", {
  id: idSchema,
  title: localizedSchema,
  steps: z.array(stepSchema).min(1, { error: "a lesson needs at least one step" }),
}).meta({ title: "Lesson" });

export const exercisesFileSchema = fileOfKind("exercises", {
  exercises: z.array(exerciseSchema).min(1, { error: "list at least one exercise" }),
}).meta({ title: "Exercise templates" });

export const skillsFileSchema = fileOfKind("skills", { skills: z.array(skillSchema).min(1) }).meta({ title: "Skills added by a pack" });

export const chapterFileSchema = fileOfKind("chapter", chapterFields).meta({
  title: "Chapter added by a pack",
  description: "Appended after the course's chapters.",
});

export const FILE_SCHEMAS = {
  course: courseFileSchema,
  lesson: lessonFileSchema,
  exercises: exercisesFileSchema,
  skills: skillsFileSchema,
  chapter: chapterFileSchema,
} as const;

/** Any content file, told apart by `kind`. */
export const contentFileSchema = z
  .discriminatedUnion("kind", [courseFileSchema, lessonFileSchema, exercisesFileSchema, skillsFileSchema, chapterFileSchema])
  .meta({ title: "sigmoid-trainer content file" });

/** A parsed content file of one kind. */
type ContentFileOf<K extends FileKind> = z.output<(typeof FILE_SCHEMAS)[K]>;
export type CourseFile = ContentFileOf<"course">;
export type ContentFile = z.output<typeof contentFileSchema>;
export type StepInput = z.output<typeof stepSchema>;
export type ExerciseInput = z.output<typeof exerciseSchema>;
export type SkillInput = z.output<typeof skillSchema>;
export type ChapterInput = z.output<typeof chapterSchema>;

/** The JSON Schema (draft 2020-12) of a content file, for editors (e.g. the YAML language server). */
export function contentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(contentFileSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
