// The trainer's entry: `sigmoid-trainer [learn|practice|review|quiz|explore]`. Decides between
// the full-screen trainer and plain mode before anything is drawn (Ink's useInput throws on a
// stdin that is not a TTY), then runs the session.
import { randomInt } from "node:crypto";
import type { Localized } from "../../core/i18n";
import type { Screen, TrainerLaunch } from "../../app/launch";
import { defaultCount, MAX_SEED } from "../../engine/limits";
import { unknownSkills } from "../../engine/plan";
import { runPlainLearn } from "../../plain/learn";
import { type PlainFrontEndOptions, runPlainSession } from "../../plain/run";
import { parseCommandArgs, UsageError } from "../args";
import { readTrainerOptions, TRAINER_OPTIONS } from "../common-options";
import { requireCourse } from "../content-dirs";
import { openProgress } from "../data-dir";
import { plainConsoleOf } from "../plain-console";
import { type Command, UserError, writeLine } from "../io";

export type { Screen, TrainerLaunch };

const NOTICE: Record<string, Localized> = {
  notATerminal: {
    ja: "端末ではないので、1 行ずつのプレーンモードで動きます（--plain と同じです）。",
    en: "Not a terminal: running in plain mode, one line at a time (as with --plain).",
  },
};

export function runAt(screen: Screen): Command {
  return async (argv, io) => {
    // The bare command's messages need no name: "sigmoid-trainer: " already starts each one.
    const command = screen === "home" ? "" : screen;
    const where = command === "" ? "" : `${command}: `;
    const { values, positionals } = parseCommandArgs(argv, TRAINER_OPTIONS, command);
    if (positionals.length > 0) throw new UsageError(`${where}unexpected argument "${positionals[0]}"`);
    const options = readTrainerOptions(values, io.env);
    const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true;
    const plainChosen = options.plain || options.json || options.screenReader;

    const course = await requireCourse(options.contentDirs, io);
    const unknown = unknownSkills(course, options.skills);
    if (unknown.length > 0) {
      const known = course.skills.map((s) => s.id).join(", ");
      throw new UsageError(`${where}unknown skill "${unknown[0]}" (the skills are: ${known})`);
    }
    const progress = openProgress(values, io);
    const launch: TrainerLaunch = { screen, course, options, progress, seed: options.seed ?? randomInt(0, MAX_SEED), io };

    // Full screen, before anything is drawn; loaded lazily, so the plain path never loads Ink or React.
    if (terminal && !plainChosen && screen !== "quiz") return (await (await import("../screens")).loadScreens(io)).runTrainer(launch);
    if (screen === "explore") {
      throw new UserError(`${screen} needs the full-screen trainer in a terminal; without one, try "sigmoid-trainer learn --plain"`);
    }
    // Only a pipe gets here unasked (a terminal went to the full screen above).
    if (!plainChosen) writeLine(io.stderr, `sigmoid-trainer: ${NOTICE.notATerminal![progress.lang]}`);
    if (screen === "learn") return runLearnPlain(launch);
    return runPlain(screen === "review" ? "review" : "practice", launch);
  };
}

/**
 * Runs a line-by-line front end until it ends. Ctrl+C ends it like the end of input: every
 * graded answer is already on disk, so the learner gets the summary and where it was saved, and
 * exit 0. A second Ctrl+C (the handler is gone by then) still kills at once, should anything hang.
 */
async function untilInterrupted(run: (stop: AbortSignal) => Promise<unknown>): Promise<number> {
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  process.once("SIGINT", onInterrupt);
  try {
    await run(interrupted.signal);
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  return 0;
}

/** What plain practice and plain learn share: the course, the store, and how lines are shown. */
function plainOptions({ course, options, progress, io }: TrainerLaunch): Omit<PlainFrontEndOptions, "stop"> {
  return {
    course,
    store: progress.store,
    ...plainConsoleOf(io, options, progress),
    // Wrapped to the terminal for a person reading it; whole lines for pipes and screen readers.
    ...(io.stdout.isTTY === true && !options.screenReader ? { columns: () => io.stdout.columns } : {}),
  };
}

/** A practice or review session line by line (plain text, or JSON lines with --json). */
export function runPlain(mode: "practice" | "review", launch: TrainerLaunch): Promise<number> {
  const { options, seed } = launch;
  return untilInterrupted((stop) =>
    runPlainSession({
      ...plainOptions(launch),
      mode,
      seed,
      count: options.count ?? defaultCount(mode),
      skills: options.skills,
      // The bare command: the course is one command away, and the learner is told which.
      courseHint: launch.screen === "home",
      stop,
    }),
  );
}

/** The course step by step, line by line (plain text, or JSON lines with --json). */
function runLearnPlain(launch: TrainerLaunch): Promise<number> {
  return untilInterrupted((stop) => runPlainLearn({ ...plainOptions(launch), stop }));
}

export const run: Command = runAt("practice");
