// The full-screen trainer's entries, imported lazily by the trainer and quiz commands once they
// have decided a terminal is there (plain mode is decided before, by the caller). Each renders
// the App with Ink and resolves with the exit code when the learner quits (q on Home, the end
// of a quiz, or Ctrl+C).
import { render } from "ink";
import type { ReactNode } from "react";
import type { CliIO, OpenedProgress, TrainerLaunch, TrainerOptions } from "../app/launch";
import type { Lang, Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { fill, SESSION_TEXT } from "../engine/texts";
import type { ProgressStore } from "../progress";
import { toAscii } from "../core/ascii";
import type { QuizSettings } from "../quiz/settings";
import { QUIZ_TEXT, scoreText } from "../quiz/texts";
import type { ResultWriter } from "../quiz/writer";
import { App } from "./App";
import {
  createTrainerContext,
  headerWarningSink,
  type ScreenId,
  type TerminalSize,
  type TrainerContextValue,
  TrainerProvider,
  type UiSettings,
  type UiStore,
} from "./context";
import { createQuizSession, type QuizSession, type QuizSessionOptions } from "./quiz-session";
import { createRemoteQuiz, type RemoteQuiz, type RemoteSession } from "./remote-quiz-store";
import { JOIN_TEXT } from "../join/texts";
import { say } from "./strings";

export interface InteractiveOptions {
  screen: ScreenId;
  course: Course;
  store: ProgressStore;
  lang: Lang;
  ascii: boolean;
  color: boolean;
  screenReader: boolean;
  seed: number | undefined;
  count: number | undefined;
  skills: readonly string[];
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** The opened progress, whose warnings go to the header while the screen is drawn (not to stderr). */
  warnings?: Pick<OpenedProgress, "setWarningSink">;
}

/**
 * Sends the progress store's warnings to the header of the screens (see headerWarningSink) until
 * the returned function puts the sink before back.
 */
export function warningsToHeader(opened: Pick<OpenedProgress, "setWarningSink"> | undefined, ui: UiStore): () => void {
  if (!opened) return () => {};
  const toHeader = headerWarningSink(ui);
  const before = opened.setWarningSink((warning) => toHeader(warning));
  return () => {
    opened.setWarningSink(before);
  };
}

interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  screenReader: boolean;
}

/** Draws `app` until the learner leaves it. */
async function draw(context: TrainerContextValue, app: ReactNode, terminal: Terminal): Promise<void> {
  const instance = render(<TrainerProvider value={context}>{app}</TrainerProvider>, {
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    stderr: terminal.stderr,
    // Ctrl+C goes through App, which runs the savers first; Ink restores the terminal on exit.
    exitOnCtrlC: false,
    patchConsole: true,
    isScreenReaderEnabled: terminal.screenReader,
    // Ink draws at most maxFps frames a second (default 30): a key typed within 33 ms of the last
    // frame waited for the next one. At 60 keys sent back to back wait about half as long (bench).
    maxFps: 60,
  });
  await instance.waitUntilExit();
}

export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const { store } = options;
  const before = store.getState().attempts.length;
  const context = createTrainerContext({
    course: options.course,
    progress: store,
    settings: { lang: options.lang, ascii: options.ascii, color: options.color, screenReader: options.screenReader },
    session: { seed: options.seed, count: options.count, skills: options.skills },
  });
  const restoreWarnings = warningsToHeader(options.warnings, context.ui);
  try {
    await draw(context, <App initial={options.screen} />, options);
  } finally {
    restoreWarnings();
  }
  const after = store.getState();
  if (after.attempts.length > before) {
    const lang = context.ui.getState().lang;
    const line =
      after.saving === "ok" && after.dataDir
        ? say(SESSION_TEXT.saved, lang, { dir: after.dataDir })
        : after.saving === "failed"
          ? say(SESSION_TEXT.notSaved, lang)
          : null;
    if (line) options.stdout.write(`${line}\n`);
  }
  return 0;
}

/** The trainer command's hand-over (src/cli/commands/practice.ts): a terminal, full screen chosen. */
export function runTrainer(launch: TrainerLaunch): Promise<number> {
  const { options, progress, io } = launch;
  return runInteractive({
    screen: launch.screen,
    course: launch.course,
    store: progress.store,
    lang: progress.lang,
    ascii: options.ascii || progress.store.getState().settings.ascii,
    color: options.color,
    screenReader: options.screenReader,
    // Only a seed the learner gave: each session started from the screens otherwise draws its own.
    seed: options.seed,
    count: options.count,
    skills: options.skills,
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    warnings: progress,
  });
}

export interface PrepareQuizOptions extends Omit<QuizSessionOptions, "lang" | "onSaveProblem"> {
  ui: UiSettings;
  /** Fixed terminal size (tests); the real terminal's otherwise. */
  size?: TerminalSize;
}

/**
 * The quiz's session and the trainer context that shows it, wired together: a problem writing
 * the result file shows in the header (also one from the first write, made before the header
 * exists) and goes away once a write works again.
 */
export function prepareQuiz(options: PrepareQuizOptions): { context: TrainerContextValue; quiz: QuizSession } {
  let ui: UiStore | null = null;
  let firstProblem: Localized | null = null;
  const quiz = createQuizSession({
    ...options,
    lang: options.ui.lang,
    onSaveProblem(message) {
      if (!ui) {
        firstProblem = message;
        return;
      }
      if (message) ui.getState().showWarning("quiz-result", message);
      else ui.getState().clearWarning("quiz-result");
    },
  });
  const { settings, now } = options;
  const context = createTrainerContext({
    course: options.course,
    progress: options.progress,
    settings: options.ui,
    session: { seed: settings.seed, count: settings.count, skills: settings.skills },
    ...(now ? { now: () => new Date(now()) } : {}),
    ...(options.size ? { size: options.size } : {}),
    quiz,
  });
  ui = context.ui;
  if (firstProblem) ui.getState().showWarning("quiz-result", firstProblem);
  return { context, quiz };
}

/**
 * Draws a quiz's screen alone (no Home below it) until the learner leaves it, then runs `end`;
 * returns how to print a line below the last frame, in the language and alphabet of the screen.
 */
async function drawQuizAlone(
  context: TrainerContextValue,
  launch: { progress: OpenedProgress; options: TrainerOptions; io: CliIO },
  end: () => void,
): Promise<(text: Localized) => void> {
  const { progress, options, io } = launch;
  const restoreWarnings = warningsToHeader(progress, context.ui);
  try {
    await draw(context, <App initial="quiz" alone />, {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      screenReader: options.screenReader,
    });
  } finally {
    end();
    restoreWarnings();
  }
  const { lang, ascii } = context.ui.getState();
  return (text) => io.stdout.write(`${ascii ? toAscii(text[lang]) : text[lang]}\n`);
}

/** What the quiz command has decided before handing a terminal over (src/cli/commands/quiz.ts). */
export interface QuizLaunch {
  course: Course;
  progress: OpenedProgress;
  options: TrainerOptions;
  io: CliIO;
  settings: QuizSettings;
  name: string;
  writer: ResultWriter;
  /** The trainer's version, written into the result. */
  app: string;
}

/**
 * A quiz in the full screen: the Quiz screen alone (no Home below it), until the learner leaves
 * its end screen or presses Ctrl+C. Then, below the last frame, the score and where the result
 * file is, as plain mode ends. A quiz that cannot start (nothing to ask; --out names a file that
 * exists) throws before anything is drawn, as in plain mode. Exit 1 when the result could not
 * be saved.
 */
export async function runQuiz(launch: QuizLaunch): Promise<number> {
  const { progress, options } = launch;
  const ascii = options.ascii || progress.store.getState().settings.ascii;
  const { context, quiz } = prepareQuiz({
    course: launch.course,
    progress: progress.store,
    settings: launch.settings,
    name: launch.name,
    writer: launch.writer,
    app: launch.app,
    ui: { lang: progress.lang, ascii, color: options.color, screenReader: options.screenReader },
  });
  quiz.start();
  // Ctrl+C mid-quiz: the answers are in the file already; quiz.end marks how it ended.
  const line = await drawQuizAlone(context, launch, () => quiz.end());
  const outcome = quiz.outcome();
  line(scoreText(outcome.score));
  if (outcome.unanswered > 0) line(fill(QUIZ_TEXT.unanswered, { n: outcome.unanswered }));
  line(
    outcome.saved
      ? fill(QUIZ_TEXT.savedTo, { path: outcome.path })
      : fill(QUIZ_TEXT.notSaved, { path: outcome.path, reason: outcome.saveFailure ?? "?" }),
  );
  return outcome.saved ? 0 : 1;
}

/** What `quiz --join` has decided before handing a terminal over (src/join/command.ts). */
export interface JoinLaunch {
  course: Course;
  progress: OpenedProgress;
  options: TrainerOptions;
  io: CliIO;
  /** Made with the screen's hooks, so that a server going down shows in the status line. */
  connect(hooks: { onDown(reason: string): void; onUp(): void; onPaused(): void; onResumed(): void }): RemoteSession;
}

/**
 * A live session's quiz in the full screen: the joined quiz alone, until the learner leaves its
 * end screen (or a failure) or presses Ctrl+C. Then, below the last frame, the score (or why it
 * stopped) as plain mode ends. Exit 1 when the quiz could not go on (the server gave up, refused).
 */
export async function runJoinedQuiz(launch: JoinLaunch): Promise<number> {
  const { progress, options, io } = launch;
  const ascii = options.ascii || progress.store.getState().settings.ascii;
  let remote: RemoteQuiz | null = null;
  const session = launch.connect({
    onDown: (reason) => remote?.serverDown(reason),
    onUp: () => remote?.serverBack(),
    onPaused: () => remote?.sessionPaused(),
    onResumed: () => remote?.sessionResumed(),
  });
  remote = createRemoteQuiz({ session, course: launch.course });
  const context = createTrainerContext({
    course: launch.course,
    progress: progress.store,
    settings: { lang: progress.lang, ascii, color: options.color, screenReader: options.screenReader },
    joined: remote,
  });
  void remote.start();
  const joinedQuiz = remote;
  const line = await drawQuizAlone(context, launch, () => joinedQuiz.end());
  const lang = context.ui.getState().lang;
  const connection = remote.connection.getState();
  if (connection.failure) {
    io.stderr.write(`sigmoid-trainer: ${ascii ? toAscii(connection.failure[lang]) : connection.failure[lang]}\n`);
    return connection.failureExit;
  }
  if (connection.score) line(scoreText(connection.score));
  if (connection.unanswered > 0) line(fill(QUIZ_TEXT.unanswered, { n: connection.unanswered }));
  line(fill(JOIN_TEXT.recorded, { code: remote.code }));
  return 0;
}
