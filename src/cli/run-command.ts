// Running one command in this process: its --help, its exit code, and every error turned into
// one message on stderr (never a stack trace). Shared by main.ts, which picks the command, and
// by the single-command bundles scripts/build.mjs makes for the commands without a screen.
import { visibleText } from "../core/visible-text";
import { UsageError } from "./args";
import { type CliIO, type Command, UserError, writeLine } from "./io";
import { USAGE } from "./usage";

export type Loader = () => Promise<{ run: Command }>;

/** Runs the command `load` gives with the arguments after its name (`rest`); resolves with the exit code. */
export async function runLoaded(load: Loader, rest: readonly string[], io: CliIO): Promise<number> {
  try {
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(USAGE);
      return 0;
    }
    const { run } = await load();
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

export function reportError(error: unknown, io: CliIO): number {
  // Messages quote what was given (an argument, a file name from a script's glob): a control
  // or bidi character in it is shown as an escape, never sent to the terminal.
  const shown = (message: string) => visibleText(message, { keepLines: true });
  if (error instanceof UsageError) {
    writeLine(io.stderr, `sigmoid-trainer: ${shown(error.message)}`);
    writeLine(io.stderr, "Try 'sigmoid-trainer --help'.");
    return 2;
  }
  if (error instanceof UserError) {
    writeLine(io.stderr, `sigmoid-trainer: ${shown(error.message)}`);
    return error.exitCode;
  }
  // Never a stack trace for the learner; SIGMOID_TRAINER_DEBUG=1 shows it to a developer.
  const message = error instanceof Error ? error.message : String(error);
  writeLine(io.stderr, `sigmoid-trainer: internal error: ${shown(message)}`);
  if (io.env.SIGMOID_TRAINER_DEBUG && error instanceof Error) writeLine(io.stderr, error.stack);
  return 70;
}

/** Runs `main` on this process's arguments and streams, and sets the exit code it returns. */
export function runProcess(main: (argv: readonly string[], io: CliIO) => Promise<number>): void {
  // A closed pipe (`| head`) is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  // Nobody reads the notices any more (`2> >(true)`): the session and its saving go on regardless.
  process.stderr.on("error", () => {});
  const io: CliIO = {
    // Set up on first use: stdin's set-up showed in the profile of calc, and calc with
    // arguments, check, stats and export never read it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
