// `sigmoid-trainer report FILE|DIR ... [--format md|csv|json] [--seed N] [--lang ja|en]
// [--content DIR]`: the instructor's view of a cohort's quiz results. Never loads Ink or React.
import { langFromEnv } from "../../core/i18n";
import type { Course } from "../../content/model";
import { buildReport } from "../../report/aggregate";
import { renderCsv } from "../../report/csv";
import { renderJson } from "../../report/json";
import { loadResultFiles } from "../../report/load";
import { renderMarkdown } from "../../report/markdown";
import { integerOption, type OptionSpecs, parseCommandArgs, stringOption, stringsOption, UsageError } from "../args";
import { loadCourseDirs } from "../content-dirs";
import { langOption } from "../data-dir";
import { type Command, writeLine } from "../io";

const OPTIONS = {
  format: { type: "string" },
  seed: { type: "string" },
  lang: { type: "string" },
  content: { type: "string", multiple: true },
} as const satisfies OptionSpecs;

const FORMATS = ["md", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "report");
  const given = (stringOption(values, "format") ?? "md").toLowerCase();
  const format = given === "markdown" ? "md" : given;
  if (!FORMATS.includes(format as Format)) throw new UsageError(`report: --format takes md, csv or json, got "${format}"`);
  if (positionals.length === 0) throw new UsageError("report: name the result files or directories to read (report FILE|DIR ...)");
  const seed = integerOption(values, "seed", 0, 2 ** 31 - 1);
  const lang = langOption(values) ?? langFromEnv(io.env);

  // The course gives step titles and lets answers be graded again; without it the report
  // still works from the files alone.
  const loaded = await loadCourseDirs(stringsOption(values, "content"), io);
  let course: Course | null = null;
  if (loaded.ok) course = loaded.course;
  else writeLine(io.stderr, "sigmoid-trainer: report: the content could not be loaded; steps are shown by id and answers are not graded again");

  const report = buildReport(loadResultFiles(positionals, io.cwd), { ...(seed === undefined ? {} : { seed }), course });
  if (format === "csv") io.stdout.write(renderCsv(report, lang));
  else if (format === "json") io.stdout.write(renderJson(report));
  else io.stdout.write(renderMarkdown(report, lang));

  if (report.rejected.length > 0) {
    const n = report.rejected.length;
    writeLine(io.stderr, `sigmoid-trainer: report: ${n} file${n === 1 ? "" : "s"} left out of the figures (listed in the report)`);
  }
  if (report.learners.length === 0) {
    writeLine(io.stderr, "sigmoid-trainer: report: no result could be used");
    return 1;
  }
  return 0;
};
