// Entry point. Commands are imported on demand so that `--version`, `calc` and the other
// commands without a screen never load Ink or React (start-up time;
// docs/architecture.md, Lazy chunks and start-up). In the built
// program, dist/cli.js (src/cli/bin.ts) answers --version itself and runs the commands without
// a screen from bundles of their own; everything else comes here.
import { version } from "../../package.json";
import { didYouMean } from "../content/suggest";
import { UsageError } from "./args";
import { type CliIO, writeLine } from "./io";
import { type Loader, reportError, runLoaded, runProcess } from "./run-command";
import { USAGE } from "./usage";

/** The trainer's screens share one entry, which decides between full screen and plain mode. */
const trainer =
  (screen: "home" | "learn" | "practice" | "review" | "quiz" | "explore"): Loader =>
  () =>
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
  serve: () => import("./commands/serve"),
  learn: trainer("learn"),
  practice: trainer("practice"),
  review: trainer("review"),
  quiz: () => import("./commands/quiz"),
  explore: trainer("explore"),
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
    if (!load) throw new UsageError(`unknown command "${first}"${didYouMean(first, [...Object.keys(COMMANDS), "help"])}`);
    return await runLoaded(load, rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

// Run when executed (the bundle or tsx), not when imported by tests.
const invoked = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:cli\.js|main\.ts|sigmoid-trainer)$/.test(invoked)) runProcess(main);
