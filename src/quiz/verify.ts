// Reading a quiz result file back, trusting nothing: it must be JSON, be a quiz result of a
// version we know, carry a checksum that matches its content, fit the schema, and agree with
// itself. The first problem found decides the verdict, in that order, so a hand edit that also
// breaks the schema (a verdict typed "corect") is still reported as tampering.
import { type QuizResult, RESULT_FORMAT, RESULT_VERSION, checksumOf } from "./result";
import { resultSchema } from "./result-schema";

export type ResultProblem = "unreadable" | "not-a-result" | "newer-format" | "tampered";

export type ReadResult =
  | { ok: true; result: QuizResult }
  /** `name`: the name the file claims, when it has one (unverified: to help find whose file it is). */
  | { ok: false; problem: ResultProblem; detail: string; name?: string };

export function parseResult(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: "unreadable", detail: text.trim() === "" ? "the file is empty" : `not JSON (${message})` };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, problem: "not-a-result", detail: "not a quiz result file (no JSON object)" };
  }
  const object = data as Record<string, unknown>;
  const claimed = typeof object.name === "string" && object.name !== "" ? { name: object.name } : {};
  if (object.format !== RESULT_FORMAT) {
    return { ok: false, problem: "not-a-result", detail: `not a quiz result file (no "format": "${RESULT_FORMAT}")` };
  }
  if (typeof object.version === "number" && object.version > RESULT_VERSION) {
    return {
      ok: false,
      problem: "newer-format",
      detail: `written by a newer sigmoid-trainer (result format ${object.version}; this one reads ${RESULT_VERSION})`,
    };
  }
  if (typeof object.checksum !== "string" || object.checksum === "") {
    return { ok: false, problem: "tampered", detail: "the checksum is missing", ...claimed };
  }
  if (checksumOf(object) !== object.checksum) {
    return {
      ok: false,
      problem: "tampered",
      detail: "the checksum does not match the content (the file was edited after it was written)",
      ...claimed,
    };
  }
  const parsed = resultSchema.safeParse(object);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return { ok: false, problem: "unreadable", detail: `damaged: ${where || "the file"}: ${issue.message}`, ...claimed };
  }
  const inconsistency = findInconsistency(parsed.data);
  if (inconsistency) return { ok: false, problem: "unreadable", detail: `damaged: ${inconsistency}`, ...claimed };
  return { ok: true, result: parsed.data };
}

/** True while the quiz has not ended (still running, or the trainer died): a partial result. */
export function isPartial(result: QuizResult): boolean {
  return result.finishedAt === null;
}

/** What the writer never produces; a file with it was made or changed by something else. */
function findInconsistency(result: QuizResult): string | null {
  if (result.questions.length !== result.quiz.count) {
    return `${result.questions.length} questions listed for a quiz of ${result.quiz.count}`;
  }
  if ((result.finishedAt === null) !== (result.ending === null)) return "finishedAt and ending disagree";
  for (const [i, q] of result.questions.entries()) {
    const where = `question ${i + 1}`;
    if (q.number !== i + 1) return `${where} is numbered ${q.number}`;
    if (q.answers.length > q.parts) return `${where} has more answers than parts`;
    if (q.answers.some((a, j) => a.part !== j)) return `${where}: answers out of order`;
    if (q.status === "answered" && q.answers.length !== q.parts) return `${where} is "answered" with a part missing`;
    if (q.status === "unavailable" && q.answers.length > 0) return `${where} is "unavailable" but has answers`;
    if ((q.status === "answered" || q.status === "skipped") && q.ms === null) return `${where} has no time`;
    if (!result.quiz.hintsAllowed && q.hintsUsed > 0) return `${where} used hints in a quiz without hints`;
  }
  return null;
}
