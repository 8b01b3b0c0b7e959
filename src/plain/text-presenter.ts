// Plain text: questions and feedback as lines, no cursor movement and no colour, so it reads the
// same in a pipe, a log file and a screen reader. Formulas stay in linear Unicode, or ASCII.
import type { Writable } from "node:stream";
import type { Lang, Localized } from "../core/i18n";
import { showSignificant } from "../core/number-format";
import { visibleText } from "../core/visible-text";
import { fill, REASON_TEXT, SESSION_TEXT, summarySentence } from "../engine/texts";
import type { Feedback, QuestionView, SkipRecord, Summary } from "../engine/types";
import { toAscii } from "../core/ascii";
import type { ReviewInfo } from "../progress/session-steps";
import type { Presenter } from "./driver";
import { PLAIN_TEXT } from "./texts";
import { wrapText } from "../core/text-wrap";

export interface TextPresenterOptions {
  out: Writable;
  lang: Lang;
  ascii: boolean;
  /** Show "> " before each answer (a person at a terminal); never over a pipe. */
  showPrompt: boolean;
  /**
   * The terminal's width in columns, read at each line (it may be resized), to wrap lines at
   * spaces and where Japanese allows; undefined for whole lines (pipes, screen readers).
   */
  columns?: () => number | undefined;
}

export function textPresenter(options: TextPresenterOptions): Presenter & { line(text: Localized | string): void } {
  const { out, lang, ascii } = options;
  const say = (text: Localized | string) => (typeof text === "string" ? text : text[lang]);
  const line = (text: Localized | string = "") => {
    // Content text may come from a pack: a control or bidi character in it is shown as an escape.
    const s = visibleText(say(text), { keepLines: true });
    const shown = ascii ? toAscii(s) : s;
    const columns = options.columns?.();
    // One column spare: some terminals wrap a line that fills the last column on their own.
    out.write(`${columns ? wrapText(shown, columns - 1) : shown}\n`);
  };
  const indented = (text: Localized) => {
    for (const l of say(text).split("\n")) line(`  ${l}`);
  };
  const number = (value: number | string, digits: number) =>
    typeof value === "number" ? showSignificant(value, digits, { ascii }) : value;

  return {
    line,
    question(view: QuestionView) {
      line();
      let heading = say(fill(SESSION_TEXT.questionOf, { number: view.number, total: view.total }));
      if (view.parts > 1) heading += say(fill(SESSION_TEXT.partOf, { part: view.part + 1, parts: view.parts }));
      const reason = REASON_TEXT[view.reason];
      if (reason && view.part === 0) heading += lang === "ja" ? `［${reason.ja}］` : ` [${reason.en}]`;
      line(heading);
      line(view.prompt);
      if (view.given.length > 0) {
        line(fill(SESSION_TEXT.given, { items: view.given.map((g) => say(g.text)).join(lang === "ja" ? "、" : ", ") }));
      }
    },
    feedback(feedback: Feedback, review: ReviewInfo | null, canRetry: boolean) {
      line(feedback.message);
      // Echo how the answer was read when that is not simply what was typed (STACK does this):
      // full-width digits, 1e-3, a decimal comma.
      if (feedback.readAs !== null && feedback.readAs !== feedback.answer.trim()) {
        line(fill(SESSION_TEXT.readAs, { readAs: feedback.readAs }));
      }
      if (feedback.solution && !feedback.solutionSeen) {
        line(SESSION_TEXT.solution);
        indented(feedback.solution);
      }
      if (review) line(review.sentence);
      if (canRetry) line(SESSION_TEXT.retryOffer);
    },
    hint(stage, stages, text, solution) {
      if (solution) {
        line(SESSION_TEXT.solution);
        indented(text);
        return;
      }
      line(`${say(fill(SESSION_TEXT.hint, { stage, stages }))}${say(text)}`);
    },
    skipped(_skip: SkipRecord, expected, digits, solution) {
      line(fill(SESSION_TEXT.skipped, { expected: number(expected, digits) }));
      line(SESSION_TEXT.solution);
      indented(solution);
    },
    notice(message) {
      line(message);
    },
    summary(summary: Summary) {
      line();
      line(summarySentence(summary));
    },
    help() {
      line(PLAIN_TEXT.help);
    },
    unknownCommand(command) {
      line(fill(PLAIN_TEXT.unknownCommand, { command }));
    },
    prompt() {
      if (options.showPrompt) out.write("> ");
    },
  };
}
