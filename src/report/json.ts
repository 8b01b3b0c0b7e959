// The report as one JSON document, for scripts and dashboards. Keys are stable: learners,
// questions, mistakes, steps, rejected (plus the quiz they are about).
import { terminalSafeJson } from "../core/visible-text";
import type { CohortReport } from "./model";

export const REPORT_FORMAT = "sigmoid-trainer/quiz-report";

export function reportJson(report: CohortReport): Record<string, unknown> {
  return {
    format: REPORT_FORMAT,
    version: 1,
    quiz: report.quiz,
    reference: report.reference,
    ambiguous: report.ambiguous,
    regraded: report.regraded,
    learners: report.learners.map((l) => ({
      name: l.name,
      file: l.file,
      status: l.status,
      partial: l.status === "partial",
      score: l.score,
      outOf: l.of,
      attempts: l.attempts,
      correct: l.correct,
      imprecise: l.imprecise,
      incorrect: l.incorrect,
      skipped: l.skipped,
      unanswered: l.unanswered,
      hintsUsed: l.hintsUsed,
      timeMs: l.timeMs,
      mistakes: l.mistakes,
      questions: l.questions,
    })),
    questions: report.questions,
    mistakes: report.mistakes,
    steps: report.steps,
    rejected: report.rejected,
  };
}

/** Strings keep their data; characters a terminal would act on are written as \\u escapes. */
export function renderJson(report: CohortReport): string {
  return `${terminalSafeJson(JSON.stringify(reportJson(report), null, 2))}\n`;
}
