// Reading a quiz result file back, trusting nothing: it must be JSON, be a quiz result of a
// version we know, carry a checksum that matches its content, fit the schema, and agree with
// itself. The first problem found decides the verdict, in that order, so a hand edit that also
// breaks the schema (a verdict typed "corect") is still reported as tampering.
//
// Before any of that, the shape: a result is an object nested a few levels deep. Anything nested
// deeper (5,000 levels of arrays in 10 KB) is set aside before code that walks the data sees it.
// Nothing of a file that is not JSON is quoted but a short, sanitised snippet where it breaks.
import { englishCount, englishNoun } from "../core/i18n";
import { visibleSnippet } from "../core/visible-text";
import { type QuizResult, RESULT_FORMAT, RESULT_VERSION, checksumOf } from "./result";
import { resultSchema } from "./result-schema";

/** A result file nests 5 levels (result → questions → question → answers → answer → value). */
const MAX_RESULT_DEPTH = 8;

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
    return { ok: false, problem: "unreadable", detail: text.trim() === "" ? "the file is empty" : notJson(text, error) };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, problem: "not-a-result", detail: "not a quiz result file (no JSON object)" };
  }
  if (deeperThan(data, MAX_RESULT_DEPTH)) {
    return { ok: false, problem: "not-a-result", detail: `not a quiz result file (nested more than ${MAX_RESULT_DEPTH} levels deep)` };
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
    const where = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    return { ok: false, problem: "unreadable", detail: `damaged: ${where || "the file"}: ${issue.message}`, ...claimed };
  }
  const inconsistency = findInconsistency(parsed.data);
  if (inconsistency) return { ok: false, problem: "unreadable", detail: `damaged: ${inconsistency}`, ...claimed };
  const forged = findForgedRecord(parsed.data);
  if (forged) return { ok: false, problem: "tampered", detail: forged, ...claimed };
  return { ok: true, result: parsed.data };
}

/**
 * `not JSON (line 1, column 5, at "x:0:0…")`: where the text stops being JSON, with a few
 * characters made visible. The parser's own message is not used: it quotes the text it read.
 */
function notJson(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  const match = /position (\d+)/.exec(message);
  // Without a position in the message, the text at least does not start as a result does.
  const start = text.search(/[^\s\uFEFF]/);
  const position = match
    ? Number(match[1])
    : /end of JSON input|Unterminated/.test(message)
      ? text.length
      : start >= 0 && text[start] !== "{"
        ? start
        : null;
  if (position === null || position > text.length) return "not JSON";
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  const at = position < text.length ? `, at "${visibleSnippet(text.slice(position, position + 40), 12)}"` : ", the text ends early";
  return `not JSON (line ${line}, column ${column}${at})`;
}

/** Iterative, so no nesting can overflow the stack: true as soon as a value sits below `max` levels. */
function deeperThan(root: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > max) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/** True while the quiz has not ended (still running, or the trainer died): a partial result. */
export function isPartial(result: QuizResult): boolean {
  return result.finishedAt === null;
}

/** Clocks and roundings: a time may be off by this much and still be the writer's. */
const TIME_SLACK_MS = 1_000;

/**
 * Hints and times that the writer could not have written, even with a valid checksum: a
 * question's hints fewer than an answer says were seen, an answer outside the quiz's run or
 * after its deadline, or a time taken longer than the quiz had run by then.
 */
export function findForgedRecord(result: QuizResult): string | null {
  const started = Date.parse(result.startedAt);
  const updated = Date.parse(result.updatedAt);
  if (updated < started) return "its last update is before its start";
  if (result.finishedAt !== null && Date.parse(result.finishedAt) < started) return "it finishes before it starts";
  const limit = result.quiz.timeLimitMinutes;
  const deadline = result.deadline === null ? null : Date.parse(result.deadline);
  if ((limit === null) !== (deadline === null)) return "its deadline does not match its time limit";
  const added = result.timeAddedMs ?? 0;
  if (limit === null && added > 0) return "it has time added to a quiz without a time limit";
  if (limit !== null && deadline !== null && Math.abs(deadline - started - limit * 60_000 - added) > TIME_SLACK_MS) {
    return added > 0
      ? "its deadline is not its start plus its time limit and the time added"
      : "its deadline is not its start plus its time limit";
  }
  let total = 0;
  for (const q of result.questions) {
    const where = `question ${q.number}`;
    total += q.ms ?? 0;
    if (q.ms !== null && q.ms > updated - started + TIME_SLACK_MS) return `${where} took longer than the whole quiz ran`;
    let hints = 0;
    for (const a of q.answers) {
      if (a.hintsUsed > q.hintsUsed)
        return `${where}: an answer saw ${englishCount(a.hintsUsed, "hint", "hints")}, the question says ${q.hintsUsed} ${englishNoun(q.hintsUsed, "was", "were")} used`;
      if (a.hintsUsed < hints) return `${where}: hints seen go down from one part to the next`;
      hints = a.hintsUsed;
      const at = Date.parse(a.answeredAt);
      if (at < started - TIME_SLACK_MS || at > updated + TIME_SLACK_MS)
        return `${where}: answered at ${a.answeredAt}, outside the quiz's run`;
      if (deadline !== null && at > deadline + TIME_SLACK_MS) return `${where}: answered at ${a.answeredAt}, after the deadline`;
      if (a.ms > at - started + TIME_SLACK_MS) return `${where}: an answer took ${a.ms} ms, longer than the quiz had run by then`;
    }
  }
  // Questions are asked one after another: their times cannot add up to more than the run.
  if (total > updated - started + TIME_SLACK_MS * result.questions.length) return "its questions took longer in all than the quiz ran";
  return null;
}

/** What the writer never produces; a file with it was made or changed by something else. */
function findInconsistency(result: QuizResult): string | null {
  if (result.questions.length !== result.quiz.count) {
    return `${englishCount(result.questions.length, "question", "questions")} listed for a quiz of ${result.quiz.count}`;
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
