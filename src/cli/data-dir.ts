// Where a learner's progress lives, and opening it for a command.
//
// Order: --data-dir DIR, else $SIGMOID_TRAINER_HOME, else the platform's place:
// - Linux and other XDG systems: $XDG_STATE_HOME/sigmoid-trainer, else ~/.local/state/sigmoid-trainer.
//   The CLI contract (DESIGN.md §3) names the XDG *state* directory. env-paths 4 has no `state`
//   key: on Linux its `log` path is exactly this directory, but env-paths reads process.env once
//   when it is first imported and accepts a relative XDG_STATE_HOME. We compute the same path
//   from the environment the command was given (so tests and embedders can pass their own) and
//   ignore a relative value, as the XDG Base Directory spec requires.
// - macOS and Windows: env-paths' `data` directory (~/Library/Application Support/sigmoid-trainer,
//   %LOCALAPPDATA%\sigmoid-trainer\Data). Its `log` there would be ~/Library/Logs, where cleaners
//   delete files: no place for progress that must not be lost.
// The "-nodejs" suffix env-paths adds by default is turned off: no native program shares the name.
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import envPaths from "env-paths";
import { type Lang, langFromEnv } from "../core/i18n";
import { createProgressStore, type ProgressStore, type ProgressWarning } from "../progress";
import { type ParsedArgs, stringOption, UsageError } from "./args";
import { type CliIO, writeLine } from "./io";

export const APP_NAME = "sigmoid-trainer";

export type DataDirSource = "--data-dir" | "SIGMOID_TRAINER_HOME" | "XDG_STATE_HOME" | "default";

export interface DataDir {
  dir: string;
  source: DataDirSource;
}

export function resolveDataDir(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): DataDir {
  if (flag !== undefined) {
    if (flag.trim() === "") throw new UsageError("--data-dir needs a directory");
    return { dir: resolve(cwd, flag), source: "--data-dir" };
  }
  const home = env.SIGMOID_TRAINER_HOME;
  if (home) return { dir: resolve(cwd, home), source: "SIGMOID_TRAINER_HOME" };
  if (platform === "darwin" || platform === "win32") return { dir: envPaths(APP_NAME, { suffix: "" }).data, source: "default" };
  const state = env.XDG_STATE_HOME;
  if (state && isAbsolute(state)) return { dir: join(state, APP_NAME), source: "XDG_STATE_HOME" };
  return { dir: join(env.HOME || homedir(), ".local", "state", APP_NAME), source: "default" };
}

export function langOption(values: ParsedArgs["values"]): Lang | undefined {
  const lang = stringOption(values, "lang");
  if (lang === undefined) return undefined;
  if (lang !== "ja" && lang !== "en") throw new UsageError(`--lang takes ja or en, got "${lang}"`);
  return lang;
}

export interface OpenedProgress {
  store: ProgressStore;
  dataDir: string;
  lang: Lang;
}

/**
 * Opens the learner's progress for a command without a screen. Warnings about the data
 * (a damaged file kept aside, an import) go to stderr, in the language chosen by --lang, else
 * the learner's saved setting, else the locale, which is known only once the store is loaded.
 */
export function openProgress(values: ParsedArgs["values"], io: CliIO): OpenedProgress {
  const { dir } = resolveDataDir(stringOption(values, "data-dir"), io.env, io.cwd);
  const chosen = langOption(values);
  let lang: Lang | null = null;
  const early: ProgressWarning[] = [];
  const print = (w: ProgressWarning, l: Lang) => writeLine(io.stderr, `sigmoid-trainer: ${w.message[l]}`);
  const store = createProgressStore({ dataDir: dir, warn: (w) => (lang ? print(w, lang) : early.push(w)) });
  lang = chosen ?? store.getState().settings.lang ?? langFromEnv(io.env);
  for (const w of early) print(w, lang);
  return { store, dataDir: dir, lang };
}
