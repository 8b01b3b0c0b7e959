// JSON lines (docs/commands.md, JSON lines): exactly one JSON object per line on stdout and nothing else, so a
// script can read line by line. Texts are in the chosen language, plain (ASCII with --ascii).
//
// Every line a script sends gets at least one line back:
//   answer  → "feedback" (then the next "question", or "summary"); after an `invalid` verdict the
//             same question stands and is not sent again: answer it again.
//   :hint   → "hint", or "notice" when there are no more (or hints are off)
//   :skip   → "skipped" (then the next "question", or "summary")
//   :retry  → the "question" again, or "notice" when there is nothing to retry
//   :help, an unknown command → "notice"
//   :quit, end of input → "summary"
//
// Fields beyond the first version's (question: type, id, skill, quantity, params, digits, prompt;
// feedback: verdict, expected, diagnosis, message; summary: attempts, correct): question has part/parts (0-based part of a multi-part
// exercise), given (intermediate values shown with the prompt), number/total and reason
// (new | review | mistake | more | retry); digits is null for a formula answer. feedback has
// id, part, parsed, readAs, position (1-based, for invalid), carried (the learner's own earlier
// value that made this part right), solution (after a missed question), nextReview and canRetry.
// summary adds imprecise, incorrect, carried, skipped, hints, questions, finished, mistakes
// (by id), quit, seed (to replay the session), mode and saved.
import type { Writable } from "node:stream";
import type { Lang, Localized } from "../core/i18n";
import { jsonNumber } from "../core/number-format";
import { terminalSafeJson } from "../core/visible-text";
import type { Feedback, QuestionView, SkipRecord, Summary } from "../engine/types";
import { toAscii } from "../core/ascii";
import type { Presenter, ReviewInfo } from "./driver";
import { fill } from "../engine/texts";
import { PLAIN_TEXT } from "./texts";

export interface JsonPresenterOptions {
  out: Writable;
  lang: Lang;
  ascii: boolean;
  /** Extra fields for the summary line (e.g. the seed, to replay the session). */
  summaryExtra?: () => Record<string, unknown>;
  /** Extra fields for each question line (e.g. a quiz's deadline and the time left). */
  questionExtra?: (view: QuestionView) => Record<string, unknown>;
  /**
   * A quiz: feedback to an answer that could not be read carries `expected: null`, since such an
   * answer costs nothing and would otherwise give the right answer away for free.
   */
  hideExpectedWhenInvalid?: boolean;
}

export function jsonPresenter(options: JsonPresenterOptions): Presenter {
  const { out, lang, ascii } = options;
  const text = (t: Localized) => (ascii ? toAscii(t[lang]) : t[lang]);
  // Content text may come from a pack: characters a terminal acts on are written as \u escapes.
  const emit = (object: Record<string, unknown>) => out.write(`${terminalSafeJson(JSON.stringify(object))}\n`);
  const value = (v: number | string) => (typeof v === "number" ? jsonNumber(v) : v);

  return {
    question(view: QuestionView) {
      emit({
        type: "question",
        id: view.templateId,
        part: view.part,
        parts: view.parts,
        skill: view.skill,
        quantity: view.quantity,
        params: view.params,
        digits: view.quantity === "derivative-formula" ? null : view.digits,
        prompt: text(view.prompt),
        given: Object.fromEntries(view.given.map((g) => [g.name, jsonNumber(g.value)])),
        number: view.number,
        total: view.total,
        reason: view.reason,
        ...options.questionExtra?.(view),
      });
    },
    feedback(feedback: Feedback, review: ReviewInfo | null, canRetry: boolean) {
      emit({
        type: "feedback",
        id: feedback.templateId,
        part: feedback.part,
        verdict: feedback.verdict,
        expected: feedback.verdict === "invalid" && options.hideExpectedWhenInvalid ? null : value(feedback.expected),
        parsed: feedback.parsed === null ? null : jsonNumber(feedback.parsed),
        readAs: feedback.readAs,
        diagnosis: feedback.diagnosis,
        message: text(feedback.message),
        position: feedback.position,
        carried: feedback.carried
          ? {
              fromPart: feedback.carried.fromPart,
              learnerValue: jsonNumber(feedback.carried.learnerValue),
              expected: jsonNumber(feedback.carried.carriedExpected),
            }
          : null,
        solution: feedback.solution ? text(feedback.solution) : null,
        nextReview: review ? { due: review.due.toISOString(), message: text(review.sentence) } : null,
        canRetry,
      });
    },
    hint(stage, stages, hintText, solution) {
      emit({ type: "hint", stage, stages, solution, text: text(hintText) });
    },
    skipped(skip: SkipRecord, expected, _digits, solution) {
      // A live session with --feedback end sends neither the value nor the solution (null).
      emit({
        type: "skipped",
        id: skip.templateId,
        part: skip.part,
        expected: value(expected),
        solution: solution ? text(solution) : null,
      });
    },
    notice(message) {
      emit({ type: "notice", message: text(message) });
    },
    summary(summary: Summary) {
      emit({
        type: "summary",
        attempts: summary.attempts,
        correct: summary.correct,
        imprecise: summary.imprecise,
        incorrect: summary.incorrect,
        carried: summary.carried,
        skipped: summary.skipped,
        hints: summary.hintsUsed,
        questions: summary.questions,
        finished: summary.finished,
        mistakes: summary.mistakes,
        quit: summary.quit,
        durationMs: summary.durationMs,
        ...options.summaryExtra?.(),
      });
    },
    help() {
      emit({ type: "notice", message: text(PLAIN_TEXT.help) });
    },
    unknownCommand(command) {
      emit({ type: "notice", message: text(fill(PLAIN_TEXT.unknownCommand, { command })) });
    },
    prompt() {},
  };
}
