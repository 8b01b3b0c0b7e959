// Entry point. Commands are imported on demand so that `--version`, `calc` and the other
// commands without a screen never load Ink or React (start-up time;
// docs/architecture.md, Lazy chunks and start-up).
import { version } from "../../package.json";
import { type CliIO, type Command, UserError, writeLine } from "./io";
import { visibleText } from "../core/visible-text";
import { UsageError } from "./args";
import { USAGE } from "./usage";

type Loader = () => Promise<{ run: Command }>;

/** The trainer's screens share one entry, which decides between full screen and plain mode. */
const trainer = (screen: "home" | "learn" | "practice" | "review" | "quiz" | "explore"): Loader => () =>
  import("./commands/practice").then((m) => ({ run: m.runAt(screen) }));

const COMMANDS: Record<string, Loader> = {
  calc: () => import("./commands/calc"),
  check: () => import("./commands/check"),
  validate: () => import("./commands/validate"),
  schema: () => import("./commands/schema"),
  stats: () => import("./commands/stats"),
  export: () => import("./commands/export"),
  reset: () => import("./commands/reset"),
  report: () => import("./commands/report"),
  learn: trainer("learn"), practice: trainer("practice"), review: trainer("review"), quiz: () => import("./commands/quiz"), explore: trainer("explore"),
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === "--version" || first === "-v") {
      writeLine(io.stdout, version);
      return 0;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.stdout.write(USAGE);
      return 0;
    }
    if (first === undefined || first.startsWith("-")) {
      const { run } = await trainer("home")();
      return await run(argv, io);
    }
    const load = COMMANDS[first];
    if (!load) throw new UsageError(`unknown command "${first}"`);
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

function reportError(error: unknown, io: CliIO): number {
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

// Run when executed (the bundle or tsx), not when imported by tests.
const invoked = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:cli\.js|main\.ts|sigmoid-trainer)$/.test(invoked)) {
  // A closed pipe (`| head`) is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  // Nobody reads the notices any more (`2> >(true)`): the session and its saving go on regardless.
  process.stderr.on("error", () => {});
  const io: CliIO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
