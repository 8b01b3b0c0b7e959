// What a command hands a front end once it has decided everything (the options read, the course
// loaded, the progress opened): types only, below both the commands (src/cli) and the front ends
// (src/ui, src/plain), so neither front end imports the command line's modules.
import type { Readable, Writable } from "node:stream";
import type { Lang } from "../core/i18n";
import type { Course } from "../content/model";
import type { ProgressStore, ProgressWarning } from "../progress";

/** The process's streams, environment and working directory, passed in so tests can give their own. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The options every trainer entry point takes (learn, practice, review, quiz, explore, none). */
export interface TrainerOptions {
  plain: boolean;
  json: boolean;
  /** Absent: the session picks a seed from the clock and reports it, so it can be replayed. */
  seed: number | undefined;
  count: number | undefined;
  skills: string[];
  /** Only when given on the command line; the default is decided with the saved settings. */
  lang: Lang | undefined;
  contentDirs: string[];
  dataDir: string | undefined;
  color: boolean;
  ascii: boolean;
  screenReader: boolean;
}

export type WarningSink = (warning: ProgressWarning, lang: Lang) => void;

export interface OpenedProgress {
  store: ProgressStore;
  dataDir: string;
  lang: Lang;
  /**
   * Sends the warnings from now on to `sink` (null: stderr again) and returns the sink before.
   * The full-screen trainer shows them in its header while it draws: a line written to stderr
   * then would be drawn over, and would push the screen out of place.
   */
  setWarningSink(sink: WarningSink | null): WarningSink | null;
}

/** Where the trainer opens; "home" is the bare `sigmoid-trainer`. */
export type Screen = "home" | "learn" | "practice" | "review" | "quiz" | "explore";

/** Everything a front end needs to open the trainer, decided once by the command. */
export interface TrainerLaunch {
  screen: Screen;
  course: Course;
  options: TrainerOptions;
  /** The learner's store, data directory and language (--lang, else the saved setting, else the locale). */
  progress: OpenedProgress;
  /** --seed, or a fresh one (reported to the learner so the session can be replayed). */
  seed: number;
  io: CliIO;
}
