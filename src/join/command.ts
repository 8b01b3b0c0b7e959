// `sigmoid-trainer quiz --join URL --name NAME`: the quiz of a live session, graded by the
// instructor's server. Loaded only when --join is given (its own chunk), so a local quiz never
// loads it, and it never loads the server, its database or their client libraries.
import type { ParsedArgs } from "../cli/args";
import { stringOption, UsageError } from "../cli/args";
import { readTrainerOptions } from "../cli/common-options";
import { openProgress } from "../cli/data-dir";
import type { CliIO } from "../cli/io";
import { writeLine } from "../cli/io";
import { fillBoth } from "../core/i18n";
import { visibleText } from "../core/visible-text";
import { requireCourse } from "../cli/content-dirs";
import { plainConsoleOf } from "../cli/plain-console";
import { connectSession } from "./connect";
import type { FetchLike } from "./http";
import { runJoinedPlain } from "./plain";
import { QUIZ_TEXT } from "../quiz/texts";
import { JOIN_TEXT } from "./texts";
import { parseJoinUrl } from "./url";

/** Options of `quiz` that set the quiz: with --join the server has set it. */
export const REFUSED_WITH_JOIN = ["seed", "count", "skill", "time", "no-hints", "config", "out", "content"] as const;

export interface JoinCommandHooks {
  /** The learner's name from --name (or the login name), as `quiz` reads it; null to ask. */
  name(askIfMissing: boolean): { value: string; fromLogin: boolean } | null;
  /** Asks for the name in a terminal (as `quiz` does without --name). */
  askName(progress: ReturnType<typeof openProgress>): Promise<string>;
  /** Tests pass a fetch of their own. */
  fetch?: FetchLike;
}

export async function runJoinCommand(values: ParsedArgs["values"], io: CliIO, hooks: JoinCommandHooks): Promise<number> {
  const clash = REFUSED_WITH_JOIN.find((flag) => values[flag] !== undefined);
  if (clash) {
    throw new UsageError(`quiz: --${clash} cannot be used with --join; the instructor's server sets the quiz (drop --${clash})`);
  }
  const parsed = parseJoinUrl(stringOption(values, "join") ?? "");
  if (!parsed.ok) throw new UsageError(`quiz: --join: ${parsed.problem}`);
  const options = readTrainerOptions(values, io.env);
  const plainChosen = options.plain || options.json || options.screenReader;
  const fullScreen = !plainChosen && io.stdin.isTTY === true && io.stdout.isTTY === true;
  const named = hooks.name(fullScreen);
  const progress = openProgress(values, io);
  const { lang } = progress;
  const notice = (text: { ja: string; en: string }) => writeLine(io.stderr, `sigmoid-trainer: ${visibleText(text[lang])}`);
  const name = named ?? { value: await hooks.askName(progress), fromLogin: false };
  if (name.fromLogin) notice(fillBoth(JOIN_TEXT.nameFromLogin, { name: name.value }));
  if (!plainChosen && !fullScreen) notice(QUIZ_TEXT.notATerminal);

  if (fullScreen) {
    const course = await requireCourse(options.contentDirs, io);
    const { runJoinedQuiz } = await (await import("../cli/screens")).loadScreens(io);
    return runJoinedQuiz({
      course,
      progress,
      options,
      io,
      connect: (screenHooks) =>
        connectSession({
          url: parsed.url,
          name: name.value,
          dataDir: progress.dataDir,
          ...screenHooks,
          ...(hooks.fetch ? { fetch: hooks.fetch } : {}),
        }),
    });
  }
  const session = connectSession({
    url: parsed.url,
    name: name.value,
    dataDir: progress.dataDir,
    onDown: (reason) => notice(fillBoth(JOIN_TEXT.serverDown, { reason })),
    onUp: () => notice(JOIN_TEXT.serverBack),
    onPaused: () => notice(JOIN_TEXT.paused),
    onResumed: () => notice(JOIN_TEXT.resumed),
    ...(hooks.fetch ? { fetch: hooks.fetch } : {}),
  });
  return runJoinedPlain({ session, ...plainConsoleOf(io, options, progress) });
}
