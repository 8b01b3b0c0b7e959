// `sigmoid-trainer quiz`: the same seeded questions for everyone in a cohort, a result file
// rewritten after every answer, the score and the file's path at the end.
//
// The quiz is defined either by flags (--seed --count --skill --time --no-hints) or by a
// session file (--config FILE), never a mix (src/cli/quiz-config.ts reads either).
import { resolve } from "node:path";
import { version } from "../../../package.json";
import type { Lang } from "../../core/i18n";
import { fill } from "../../engine/texts";
import { runQuizSession } from "../../plain/quiz";
import { NothingToAskError } from "../../quiz/nothing-to-ask";
import { QUIZ_TEXT } from "../../quiz/texts";
import { defaultResultPath, ResultExistsError, ResultWriter } from "../../quiz/writer";
import { type OptionSpecs, type ParsedArgs, parseCommandArgs, stringOption, UsageError } from "../args";
import { readTrainerOptions, TRAINER_OPTIONS } from "../common-options";
import { requireCourse } from "../content-dirs";
import { askLearnerName } from "../ask-name";
import { openProgress } from "../data-dir";
import { plainConsoleOf } from "../plain-console";
import { type CliIO, type Command, UserError, writeLine } from "../io";
import { checkLearnerName, learnerNameProblemText } from "../../quiz/learner-name";
import { QUIZ_DEFINING_OPTIONS, quizFromOptions, refuseSettingsWithConfig } from "../quiz-config";

export const QUIZ_OPTIONS = {
  ...TRAINER_OPTIONS,
  ...QUIZ_DEFINING_OPTIONS,
  name: { type: "string" },
  out: { type: "string" },
  join: { type: "string" },
} as const satisfies OptionSpecs;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, QUIZ_OPTIONS, "quiz");
  if (positionals.length > 0) throw new UsageError(`quiz: unexpected argument "${positionals[0]}"`);
  // A live session (src/join): the server sets and grades the quiz. Its own chunk, loaded only then.
  if (values.join !== undefined) {
    const { runJoinCommand } = await import("../../join/command");
    return runJoinCommand(values, io, {
      name: (ask) => (ask && stringOption(values, "name") === undefined ? null : learnerName(values, io)),
      askName: (progress) => askLearnerName(io, progress.store, progress.lang, io.env.USER || io.env.LOGNAME || io.env.USERNAME),
    });
  }
  refuseSettingsWithConfig("quiz", values);
  const options = readTrainerOptions(values, io.env);
  // In a terminal without --name the name is asked for (below); elsewhere it is needed now.
  const plainChosen = options.plain || options.json || options.screenReader;
  const fullScreen = !plainChosen && io.stdin.isTTY === true && io.stdout.isTTY === true;
  const askName = fullScreen && stringOption(values, "name") === undefined;
  const named = askName ? null : learnerName(values, io);
  const course = await requireCourse(options.contentDirs, io);
  const { settings, contentVersion } = quizFromOptions("quiz", values, options, course, io);

  const progress = openProgress(values, io);
  const { lang } = progress;
  const notice = (text: { ja: string; en: string }) => writeLine(io.stderr, `sigmoid-trainer: ${text[lang]}`);
  // A terminal, nothing else asked for: the full-screen quiz (imported only then, so plain and
  // JSON quizzes never load Ink or React). Without a terminal, plain mode, and it says so.
  if (!plainChosen && !fullScreen) notice(QUIZ_TEXT.notATerminal);
  const name = named ?? {
    value: await askLearnerName(io, progress.store, lang, io.env.USER || io.env.LOGNAME || io.env.USERNAME),
    fromLogin: false,
  };
  if (name.fromLogin) notice(fill(QUIZ_TEXT.nameFromLogin, { name: name.value }));
  if (contentVersion && contentVersion !== course.version) {
    notice(fill(QUIZ_TEXT.otherContent, { expected: contentVersion, actual: course.version }));
  }

  const out = stringOption(values, "out");
  if (out !== undefined && out.trim() === "") throw new UsageError("quiz: --out needs a file name");
  const writer =
    out === undefined
      ? new ResultWriter(defaultResultPath(progress.dataDir, name.value, settings.seed, Date.now()), true)
      : new ResultWriter(resolve(io.cwd, out), false);

  try {
    if (fullScreen) {
      const { runQuiz } = await (await import("../screens")).loadScreens(io);
      return await runQuiz({ course, progress, options, io, settings, name: name.value, writer, app: version });
    }
    const outcome = await runQuizSession({
      course,
      settings,
      name: name.value,
      writer,
      store: progress.store,
      app: version,
      ...plainConsoleOf(io, options, progress),
    });
    return outcome.saved ? 0 : 1;
  } catch (error) {
    if (error instanceof ResultExistsError) {
      throw new UserError(alreadyThere(error.path, lang));
    }
    if (error instanceof NothingToAskError) throw new UserError(error.message);
    throw error;
  }
};

function alreadyThere(path: string, lang: Lang): string {
  return lang === "ja"
    ? `${path} はすでにあります。上書きはしません。--out に別のファイル名を指定してください。`
    : `${path} already exists and is not overwritten; give --out another file name`;
}

function learnerName(values: ParsedArgs["values"], io: CliIO): { value: string; fromLogin: boolean } {
  const given = stringOption(values, "name");
  const login = io.env.USER || io.env.LOGNAME || io.env.USERNAME;
  const raw = given ?? login;
  if (raw === undefined) throw new UsageError("quiz: --name NAME is needed (the name the instructor's report shows)");
  const name = checkLearnerName(raw);
  if (!name.ok) throw new UsageError(`quiz: ${learnerNameProblemText(name.problem, "--name")}`);
  const value = name.value;
  return { value, fromLogin: given === undefined };
}
