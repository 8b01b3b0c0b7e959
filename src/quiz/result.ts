// The quiz result file: what one learner answered in one seeded quiz, rewritten after every
// answer so a crash leaves a valid partial file. It is read by `sigmoid-trainer report`, so
// its fields are a public format (versioned by `version`).
//
// The checksum is SHA-256 over a canonical JSON of everything but the checksum itself. It makes
// a casual hand edit evident (a verdict changed in an editor); it does not stop someone who
// recomputes it, and nothing can while learners run the tool themselves (a keyed HMAC would
// need a secret on the learner's machine).
import { createHash } from "node:crypto";
// The schema lives in result-schema.ts, which only the reader (verify.ts) imports: writing a
// result needs no zod, so the trainer starts without loading it.
import type { z } from "zod";
import type { resultSchema } from "./result-schema";

export const RESULT_FORMAT = "sigmoid-trainer/quiz-result";
export const RESULT_VERSION = 1;
export const CHECKSUM_PREFIX = "sha256:";

/** How the quiz ended; null while it runs (or when the process died). */
export type Ending = "completed" | "time-up" | "quit";

/**
 * answered: every part graded; skipped: the learner moved on (parts before may be graded);
 * unanswered: not every part graded when the quiz ended; unavailable: the question could not
 * be made from the content (the engine left it out).
 */
export type QuestionStatus = "answered" | "skipped" | "unanswered" | "unavailable";

export type QuizResult = z.infer<typeof resultSchema>;
export type ResultQuestion = QuizResult["questions"][number];
export type ResultAnswer = ResultQuestion["answers"][number];
export type QuizIdentity = QuizResult["quiz"];
/** A result before sealing: everything but the checksum. */
export type ResultBody = Omit<QuizResult, "checksum">;

/** Deeper than any result; canonicalJson refuses more, so no value can overflow the stack. */
export const CANONICAL_JSON_MAX_DEPTH = 64;

/**
 * JSON with object keys sorted (by UTF-16 code units) and no spaces: the same data gives the
 * same text on every machine, whatever order the keys were written in. Nesting deeper than
 * CANONICAL_JSON_MAX_DEPTH throws a RangeError (a file is shape-checked before it gets here).
 */
export function canonicalJson(value: unknown, depth = 0): string {
  // String building without intermediate arrays: a report checks hundreds of files.
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; a checksum over them would be a lie.
    if (text === undefined) throw new TypeError(`no JSON form for ${typeof value}`);
    return text;
  }
  if (depth >= CANONICAL_JSON_MAX_DEPTH) throw new RangeError(`nested more than ${CANONICAL_JSON_MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + canonicalJson(value[i], depth + 1);
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = "{";
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    text += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`;
    first = false;
  }
  return `${text}}`;
}

/** The checksum of a result (any object): SHA-256 of the canonical JSON without its `checksum` key. */
export function checksumOf(value: object): string {
  const { checksum: _ignored, ...rest } = value as Record<string, unknown>;
  return CHECKSUM_PREFIX + createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
}

export function sealResult(body: ResultBody): QuizResult {
  return { ...body, checksum: checksumOf(body) };
}

/** The file's text: indented for a person to read, ending with a newline. */
export function resultText(result: QuizResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Right means every part answered correct (an error carried forward counts as correct there). */
export function questionRight(question: ResultQuestion): boolean {
  return (
    question.status === "answered" && question.answers.length === question.parts && question.answers.every((a) => a.verdict === "correct")
  );
}

/** Questions right out of the quiz's questions. */
export function scoreOf(result: Pick<QuizResult, "questions">): { right: number; of: number } {
  return { right: result.questions.filter(questionRight).length, of: result.questions.length };
}
