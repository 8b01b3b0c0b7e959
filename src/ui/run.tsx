// The full-screen trainer's entry, imported lazily by the trainer command once it has decided a
// terminal is there (plain mode is decided before, by the caller). Renders the App with Ink and
// resolves with the exit code when the learner quits (q on Home, or Ctrl+C).
import { render } from "ink";
import type { TrainerLaunch } from "../cli/commands/practice";
import type { Lang } from "../core/i18n";
import type { Course } from "../content/model";
import type { ProgressStore } from "../progress";
import { PLAIN_TEXT } from "../plain/texts";
import { App } from "./App";
import { createTrainerContext, type ScreenId, TrainerProvider } from "./context";
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
  const instance = render(
    <TrainerProvider value={context}>
      <App initial={options.screen} />
    </TrainerProvider>,
    {
      stdin: options.stdin,
      stdout: options.stdout,
      stderr: options.stderr,
      // Ctrl+C goes through App, which runs the savers first; Ink restores the terminal on exit.
      exitOnCtrlC: false,
      patchConsole: true,
      isScreenReaderEnabled: options.screenReader,
    },
  );
  await instance.waitUntilExit();
  const after = store.getState();
  if (after.attempts.length > before) {
    const lang = context.ui.getState().lang;
    const line =
      after.saving === "ok" && after.dataDir ? say(PLAIN_TEXT.saved, lang, { dir: after.dataDir }) : after.saving === "failed" ? say(PLAIN_TEXT.notSaved, lang) : null;
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
  });
}
