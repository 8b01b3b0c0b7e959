// `sigmoid-trainer report FILE|DIR ... [--format md|csv|json] [--seed N | --config FILE]
// [--lang ja|en] [--content DIR]`: the instructor's view of a cohort's quiz results. Never loads
// Ink or React. Exit 0: a report with at least one learner; 1: no result could be used, or the
// files took different quizzes and neither --seed nor --config said which (the groups are
// named; files of one seed can still differ in their settings, which only --config settles); 2: usage.
import { englishCount, langFromEnv } from "../../core/i18n";
import { visibleText } from "../../core/visible-text";
import { quizText } from "../../report/trust";
import type { Course } from "../../content/model";
import { buildReport } from "../../report/aggregate";
import { renderCsv } from "../../report/csv";
import { renderJson } from "../../report/json";
import { loadResultFiles } from "../../report/load";
import { renderMarkdown } from "../../report/markdown";
import { integerOption, type OptionSpecs, parseCommandArgs, stringOption, stringsOption, UsageError } from "../args";
import { loadCourseDirs } from "../content-dirs";
import { langOption } from "../data-dir";
import { type CliIO, type Command, writeLine } from "../io";
import type { ParsedArgs } from "../args";
import { readQuizConfigFile } from "../quiz-config";
import { fetchServerReport } from "../report-server";

const OPTIONS = {
  format: { type: "string" },
  seed: { type: "string" },
  lang: { type: "string" },
  content: { type: "string", multiple: true },
  config: { type: "string" },
  server: { type: "string" },
  token: { type: "string" },
} as const satisfies OptionSpecs;

/** Files named per quiz when the files disagree; the rest are counted. */
const GROUP_FILES_SHOWN = 5;

const FORMATS = ["md", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "report");
  const given = (stringOption(values, "format") ?? "md").toLowerCase();
  const format = given === "markdown" ? "md" : given;
  if (!FORMATS.includes(format as Format)) throw new UsageError(`report: --format takes md, csv or json, got "${format}"`);
  const server = stringOption(values, "server");
  if (server !== undefined) return reportFromServer(server, values, positionals, format, langOption(values) ?? langFromEnv(io.env), io);
  if (positionals.length === 0) throw new UsageError("report: name the result files or directories to read (report FILE|DIR ...)");
  const seed = integerOption(values, "seed", 0, 2 ** 31 - 1);
  const configPath = stringOption(values, "config");
  if (seed !== undefined && configPath !== undefined) {
    throw new UsageError("report: --seed and --config both choose the quiz; give one of them");
  }
  const lang = langOption(values) ?? langFromEnv(io.env);

  // The course gives step titles and lets answers be graded again; without it the report
  // still works from the files alone.
  const loaded = await loadCourseDirs(stringsOption(values, "content"), io);
  let course: Course | null = null;
  if (loaded.ok) course = loaded.course;
  else
    writeLine(
      io.stderr,
      "sigmoid-trainer: report: the content could not be loaded; steps are shown by id and answers are not graded again",
    );

  const config =
    configPath === undefined
      ? undefined
      : readQuizConfigFile(
          "report",
          configPath,
          course?.skills.map((s) => s.id),
          io,
        );
  const report = buildReport(loadResultFiles(positionals, io.cwd), {
    ...(seed === undefined ? {} : { seed }),
    ...(config === undefined ? {} : { config }),
    course,
  });
  if (report.ambiguous.length > 0) {
    // No majority rule: which quiz to report is the instructor's choice, not the files'.
    const lines = report.ambiguous.map((group) => {
      const shown = group.files.slice(0, GROUP_FILES_SHOWN).map((file) => visibleText(file));
      const more = group.files.length > GROUP_FILES_SHOWN ? ` and ${group.files.length - GROUP_FILES_SHOWN} more` : "";
      const n = group.files.length;
      return `  ${quizText(group.quiz)}: ${englishCount(n, "file", "files")} (${shown.join(", ")}${more})`;
    });
    // With --seed given, the files of that seed still differ in their settings (one file with
    // hints off is enough): only the session file can say which settings were handed out.
    const ask =
      seed === undefined
        ? "say which one to report with --seed N or --config FILE"
        : `--seed ${seed} cannot tell which one was handed out; say which with --config FILE (the session file, with the quiz's settings)`;
    writeLine(
      io.stderr,
      `sigmoid-trainer: report: the files took ${report.ambiguous.length} different quizzes; ${ask}:\n${lines.join("\n")}`,
    );
    return 1;
  }
  if (format === "csv") io.stdout.write(renderCsv(report, lang));
  else if (format === "json") io.stdout.write(renderJson(report));
  else io.stdout.write(renderMarkdown(report, lang));

  if (report.rejected.length > 0) {
    const n = report.rejected.length;
    writeLine(io.stderr, `sigmoid-trainer: report: ${englishCount(n, "file", "files")} left out of the figures (listed in the report)`);
  }
  if (report.learners.length === 0) {
    writeLine(io.stderr, "sigmoid-trainer: report: no result could be used");
    return 1;
  }
  return 0;
};

/** `report --server URL --token T`: the live session's report, as its server gives it. */
async function reportFromServer(
  server: string,
  values: ParsedArgs["values"],
  positionals: readonly string[],
  format: string,
  lang: string,
  io: CliIO,
): Promise<number> {
  if (positionals.length > 0) throw new UsageError("report: --server reads the session's results from the server; give no files with it");
  const clash = ["seed", "config", "content"].find((flag) => values[flag] !== undefined);
  if (clash) throw new UsageError(`report: --${clash} cannot be used with --server (the server knows its quiz and content)`);
  const token = stringOption(values, "token") ?? io.env.SIGMOID_TRAINER_TOKEN;
  if (token === undefined) throw new UsageError("report: --server needs --token T (the instructor token serve printed)");
  const report = await fetchServerReport(server, token, format, lang);
  io.stdout.write(report.text);
  if (report.learners === 0) {
    writeLine(io.stderr, "sigmoid-trainer: report: no result could be used");
    return 1;
  }
  return 0;
}
