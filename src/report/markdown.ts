// The report as Markdown (GitHub-flavoured tables), to paste into a wiki. Anything that came
// from a file (names, paths, ids) is escaped, so a name with a pipe or an asterisk stays text
// and cannot break a table, and an escape sequence in it is shown, never sent to the terminal.
import { englishNoun, type Lang, type Localized } from "../core/i18n";
import { visibleText } from "../core/visible-text";
import { fill } from "../engine/texts";
import { minutesText } from "../quiz/texts";
import { formatDuration, paramsText, percent, stepLabel } from "./format";
import type { CohortReport } from "./model";
import { REASON_TEXT, REPORT_TEXT, STATUS_TEXT } from "./texts";

/**
 * Text that Markdown shows as written, on one line, inside a table cell: the characters that
 * end a cell or start inline markup (emphasis, code, links, HTML, entities, strikethrough,
 * math) get a backslash. Characters that matter only at the start of a line (#, -, +) cannot
 * be there inside a table row and are left alone.
 */
export function mdText(text: string): string {
  // Control and bidirectional characters last, so their visible escapes keep one backslash.
  return visibleText(
    text
      .replace(/[\r\n\t]+/g, " ")
      .replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`)
      .trim(),
  );
}

function table(header: readonly string[], align: readonly ("l" | "r")[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(align.map((a) => (a === "r" ? "--:" : "---"))), ...rows.map(line)];
}

/** A table of `items` and a blank line, or the sentence `empty` when there are none. */
function tableOrNone<T>(
  items: readonly T[],
  empty: string,
  header: readonly string[],
  align: readonly ("l" | "r")[],
  cells: (item: T) => string[],
): string[] {
  return items.length === 0 ? [empty, ""] : [...table(header, align, items.map(cells)), ""];
}

export function renderMarkdown(report: CohortReport, lang: Lang): string {
  const t = (text: Localized) => text[lang];
  const out: string[] = [`# ${t(REPORT_TEXT.title)}`, ""];
  const { quiz } = report;
  if (quiz) {
    out.push(
      mdText(
        t(
          fill(REPORT_TEXT.quizLine, {
            seed: quiz.seed,
            version: quiz.contentVersion,
            count: quiz.count,
            questionNoun: englishNoun(quiz.count, "question", "questions"),
            skills: quiz.skills.length > 0 ? quiz.skills.join(", ") : t(REPORT_TEXT.allSkills),
            time: quiz.timeLimitMinutes === null ? t(REPORT_TEXT.noLimit) : t(minutesText(quiz.timeLimitMinutes)),
            hints: t(quiz.hintsAllowed ? REPORT_TEXT.hintsOn : REPORT_TEXT.hintsOff),
          }),
        ),
      ),
      "",
    );
  }
  const partial = report.learners.filter((l) => l.status === "partial").length;
  const notes = [
    t(
      fill(REPORT_TEXT.counts, {
        learners: report.learners.length,
        learnerNoun: englishNoun(report.learners.length, "learner", "learners"),
        partial,
        rejected: report.rejected.length,
        fileNoun: englishNoun(report.rejected.length, "file", "files"),
      }),
    ),
  ];
  if (report.reference === "agreed") notes.push(t(REPORT_TEXT.byAgreement));
  if (report.reference === "--seed") notes.push(t(REPORT_TEXT.bySeed));
  if (report.reference === "--config") notes.push(t(REPORT_TEXT.byConfig));
  if (quiz) notes.push(t(report.regraded ? REPORT_TEXT.regraded : REPORT_TEXT.notRegraded));
  out.push(mdText(notes.join(lang === "ja" ? "" : " ")), "");

  if (report.learners.length === 0) {
    out.push(mdText(t(REPORT_TEXT.noResults)), "");
  } else {
    out.push(`## ${t(REPORT_TEXT.learners)}`, "");
    out.push(
      ...table(
        [
          REPORT_TEXT.colName,
          REPORT_TEXT.colStatus,
          REPORT_TEXT.colScore,
          REPORT_TEXT.colAnswers,
          REPORT_TEXT.colTime,
          REPORT_TEXT.colHints,
          REPORT_TEXT.colSkipped,
          REPORT_TEXT.colUnanswered,
        ].map(t),
        ["l", "l", "r", "r", "r", "r", "r", "r"],
        report.learners.map((l) => [
          mdText(l.name),
          mdText(t(STATUS_TEXT[l.status])),
          `${l.score}/${l.of} (${percent(l.score, l.of)})`,
          `${l.correct}/${l.attempts}`,
          formatDuration(l.timeMs),
          String(l.hintsUsed),
          String(l.skipped),
          String(l.unanswered),
        ]),
      ),
      "",
    );

    out.push(`## ${t(REPORT_TEXT.questions)}`, "");
    out.push(
      ...table(
        [
          REPORT_TEXT.colNumber,
          REPORT_TEXT.colExercise,
          REPORT_TEXT.colStep,
          REPORT_TEXT.colNumbers,
          REPORT_TEXT.colRight,
          REPORT_TEXT.colWrong,
          REPORT_TEXT.colSkipped,
          REPORT_TEXT.colUnanswered,
        ].map(t),
        ["r", "l", "l", "l", "r", "r", "r", "r"],
        report.questions.map((q) => {
          const step = report.steps.find((s) => s.step === q.step);
          return [
            String(q.number),
            mdText(q.templateId),
            mdText(step ? stepLabel(step, lang) : (q.step ?? t(REPORT_TEXT.noStep))),
            mdText(paramsText(q.params)),
            `${q.right}/${q.learners}`,
            String(q.wrong),
            String(q.skipped),
            String(q.unanswered),
          ];
        }),
      ),
      "",
    );

    out.push(`## ${t(REPORT_TEXT.mistakes)}`, "");
    out.push(
      ...tableOrNone(
        report.mistakes,
        mdText(t(REPORT_TEXT.noMistakes)),
        [REPORT_TEXT.colMistake, REPORT_TEXT.colCount, REPORT_TEXT.colWho, REPORT_TEXT.colWhere].map(t),
        ["l", "r", "l", "l"],
        (m) => [
          mdText(m.name[lang] === m.id ? m.id : `${m.name[lang]} (${m.id})`),
          String(m.count),
          m.learners.map((l) => `${mdText(l.name)} (${l.count})`).join(", "),
          m.questions.join(", "),
        ],
      ),
    );

    out.push(`## ${t(REPORT_TEXT.steps)}`, "");
    out.push(
      ...table(
        [REPORT_TEXT.colStep, REPORT_TEXT.colWhere, REPORT_TEXT.colRight, REPORT_TEXT.colRate, REPORT_TEXT.colTop].map(t),
        ["l", "l", "r", "r", "l"],
        report.steps.map((s) => [
          mdText(stepLabel(s, lang)),
          s.questions.join(", "),
          `${s.right}/${s.asked}`,
          s.rate === null ? "–" : percent(s.right, s.asked),
          s.topMistake ? `${mdText(s.topMistake.id)} (${s.topMistake.count})` : "",
        ]),
      ),
      "",
    );
  }

  out.push(`## ${t(REPORT_TEXT.rejected)}`, "");
  out.push(
    ...tableOrNone(
      report.rejected,
      t(REPORT_TEXT.none),
      [REPORT_TEXT.colFile, REPORT_TEXT.colName, REPORT_TEXT.colProblem, REPORT_TEXT.colDetail].map(t),
      ["l", "l", "l", "l"],
      (r) => [mdText(r.file), r.name === null ? "" : mdText(r.name), mdText(t(REASON_TEXT[r.reason])), mdText(r.detail)],
    ),
  );
  return `${out.join("\n").trimEnd()}\n`;
}
