// The report as CSV for a spreadsheet: RFC 4180 (CRLF, quotes doubled, fields with a comma,
// quote or line break quoted), UTF-8 with a byte-order mark so Excel reads Japanese names.
// Several tables, one after the other, each with its own header row, separated by an empty
// row; the learners come first, with one column per question, so the sheet opens on them.
//
// Every text cell came from a file someone else wrote (names, paths, ids, mistakes): text
// starting with = + - @ would be run as a formula by a spreadsheet (CSV injection), so it gets a
// leading apostrophe, as OWASP advises, and control characters are shown as escapes.
import type { Lang } from "../core/i18n";
import { type CsvValue, csvField, safeCell, safeRow } from "../progress/csv";
import { paramsText } from "./format";
import type { CohortReport } from "./model";

const BOM = "\uFEFF";

/** Text typed by someone else, made safe to open in a spreadsheet. */
export const safeText = safeCell;

/** Every text cell of every row is guarded (safeCell), whatever column it is in. */
function rows(header: readonly string[], body: readonly (readonly CsvValue[])[]): string {
  return [header, ...body.map(safeRow)].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

export function renderCsv(report: CohortReport, lang: Lang): string {
  const questionColumns = report.questions.map((q) => `q${q.number}`);
  const learners = rows(
    [
      "learner",
      "status",
      "score",
      "questions",
      "attempts",
      "correct",
      "imprecise",
      "incorrect",
      "skipped",
      "unanswered",
      "hints",
      "time_s",
      "file",
      ...questionColumns,
    ],
    report.learners.map((l) => [
      l.name,
      l.status,
      l.score,
      l.of,
      l.attempts,
      l.correct,
      l.imprecise,
      l.incorrect,
      l.skipped,
      l.unanswered,
      l.hintsUsed,
      Math.round(l.timeMs / 1000),
      l.file,
      ...l.questions.map((q) => (q.mistakes.length > 0 ? `${q.outcome}: ${q.mistakes.join(" ")}` : q.outcome)),
    ]),
  );
  const questions = rows(
    ["question", "exercise", "skill", "step", "params", "right", "wrong", "skipped", "unanswered", "learners"],
    report.questions.map((q) => [
      q.number,
      q.templateId,
      q.skill,
      q.step,
      paramsText(q.params),
      q.right,
      q.wrong,
      q.skipped,
      q.unanswered,
      q.learners,
    ]),
  );
  const mistakes = rows(
    ["mistake", "name", "count", "learners", "questions"],
    report.mistakes.map((m) => [
      m.id,
      m.name[lang],
      m.count,
      m.learners.map((l) => `${l.name} (${l.count})`).join("; "),
      m.questions.join(" "),
    ]),
  );
  const steps = rows(
    ["step", "title", "questions", "asked", "right", "rate", "top_mistake", "top_mistake_count"],
    report.steps.map((s) => [
      s.step,
      s.title?.[lang] ?? null,
      s.questions.join(" "),
      s.asked,
      s.right,
      s.rate === null ? null : Number(s.rate.toFixed(4)),
      s.topMistake?.id ?? null,
      s.topMistake?.count ?? null,
    ]),
  );
  const rejected = rows(
    ["rejected_file", "learner", "reason", "detail"],
    report.rejected.map((r) => [r.file, r.name, r.reason, r.detail]),
  );
  return BOM + [learners, questions, mistakes, steps, rejected].join("\r\n");
}
