// The console a line-by-line front end gets from the command line: the streams, the language,
// and how lines are shown. Plain practice, the quiz and a joined quiz take it from here, so a
// setting such as the saved ASCII choice reaches all of them alike.
import type { OpenedProgress, TrainerOptions } from "../app/launch";
import type { PlainConsole } from "../plain/choose-presenter";
import type { CliIO } from "./io";

export function plainConsoleOf(io: CliIO, options: TrainerOptions, progress: OpenedProgress): PlainConsole {
  return {
    lang: progress.lang,
    ascii: options.ascii || progress.store.getState().settings.ascii,
    json: options.json,
    // A person at a terminal gets a "> " prompt before each answer; a pipe or JSON lines do not.
    showPrompt: io.stdin.isTTY === true && !options.json,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
  };
}
