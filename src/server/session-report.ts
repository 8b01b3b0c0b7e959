// The session's results as `quiz` would have written them, and the report `report FILE…`
// prints for those files: each result goes through the same reader (parseResult) and the same
// aggregation and formatters, so the server's report is the file report, byte for byte.
import { zipSync } from "fflate";
import type { Lang } from "../core/i18n";
import type { Course } from "../content/model";
import { buildReport } from "../report/aggregate";
import { renderCsv } from "../report/csv";
import { renderJson } from "../report/json";
import { renderMarkdown } from "../report/markdown";
import { type QuizResult, resultText } from "../quiz/result";
import { parseResult } from "../quiz/verify";
import { fileStamp, nameSlug } from "../quiz/writer";

export const REPORT_FORMATS = ["md", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One file name per result, as `quiz` names its files (`<name>-<seed>-<time>.json`), never twice. */
export function resultFileNames(results: readonly QuizResult[]): string[] {
  const used = new Set<string>();
  return results.map((result) => {
    const base = `${nameSlug(result.name)}-${result.quiz.seed}-${fileStamp(Date.parse(result.startedAt))}`;
    let name = `${base}.json`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.json`;
    used.add(name);
    return name;
  });
}

/** The report's text, and how many learners it counts (`report` exits 1 when none). */
export function sessionReport(
  results: readonly QuizResult[],
  course: Course,
  format: ReportFormat,
  lang: Lang,
): { text: string; learners: number } {
  const names = resultFileNames(results);
  const files = results.map((result, i) => ({ file: names[i]!, read: parseResult(resultText(result)) }));
  const report = buildReport(files, { course });
  const text = format === "csv" ? renderCsv(report, lang) : format === "json" ? renderJson(report) : renderMarkdown(report, lang);
  return { text, learners: report.learners.length };
}

/** The result files in one zip, as `report DIR` reads them once unpacked. */
export function resultsZip(results: readonly QuizResult[]): Uint8Array {
  const names = resultFileNames(results);
  const entries: Record<string, Uint8Array> = {};
  results.forEach((result, i) => {
    entries[names[i]!] = new TextEncoder().encode(resultText(result));
  });
  return zipSync(entries, { level: 6 });
}
