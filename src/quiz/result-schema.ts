// The zod schema of the quiz result file (see result.ts for the format). Only the reader,
// verify.ts, imports it: zod is a large module, and the trainer that writes results never
// needs to load it.
import { z } from "zod";
import { RESULT_FORMAT, RESULT_VERSION } from "./result";

const verdictSchema = z.enum(["correct", "imprecise", "incorrect"]);
/**
 * An instant such as 2026-01-01T00:00:10.000Z that really exists: "T99:99:99Z" fits the pattern
 * but parses to NaN, which would make every check of the quiz's times pass unseen.
 */
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "expected an ISO 8601 UTC time")
  .refine((text) => {
    const ms = Date.parse(text);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19);
  }, "expected a time that exists (month 01–12, day of that month, hour 00–23)");
const count = z.number().int().min(0);

const answerSchema = z.strictObject({
  part: count,
  quantity: z.string().min(1),
  /** Exactly as typed. */
  answer: z.string(),
  verdict: verdictSchema,
  parsed: z.number().nullable(),
  expected: z.union([z.number(), z.string()]),
  mistake: z.string().nullable(),
  /** Accepted against the learner's own earlier part (an error carried forward). */
  carried: z.boolean(),
  /** Hint stages seen on this question before this answer. */
  hintsUsed: count,
  ms: count,
  answeredAt: isoTime,
});

const questionSchema = z.strictObject({
  /** 1-based position in the quiz. */
  number: z.number().int().min(1),
  templateId: z.string().min(1),
  skill: z.string(),
  /** The lesson step the exercise drills (for "where does the group struggle"). */
  step: z.string().nullable(),
  variantSeed: count,
  params: z.record(z.string(), z.number()),
  parts: z.number().int().min(1),
  status: z.enum(["answered", "skipped", "unanswered", "unavailable"]),
  answers: z.array(answerSchema),
  hintsUsed: count,
  /** From showing the question to its last answer or skip; null while unanswered. */
  ms: count.nullable(),
});

const quizSchema = z.strictObject({
  seed: count,
  count: z.number().int().min(1),
  /** Sorted; empty means every skill. */
  skills: z.array(z.string()),
  courseId: z.string(),
  contentVersion: z.string(),
  timeLimitMinutes: z.number().positive().nullable(),
  hintsAllowed: z.boolean(),
});

export const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  /** The trainer's version that wrote the file. */
  app: z.string(),
  name: z.string().min(1),
  quiz: quizSchema,
  startedAt: isoTime,
  updatedAt: isoTime,
  finishedAt: isoTime.nullable(),
  deadline: isoTime.nullable(),
  /**
   * Time added to the limit by a live session's instructor (extensions and pauses), in ms; only
   * in a file whose deadline it moved.
   */
  timeAddedMs: count.optional(),
  ending: z.enum(["completed", "time-up", "quit"]).nullable(),
  questions: z.array(questionSchema),
  checksum: z.string(),
});
