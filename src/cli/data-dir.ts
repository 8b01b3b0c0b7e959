// Where a learner's progress lives, and opening it for a command.
//
// Order: --data-dir DIR, else $SIGMOID_TRAINER_HOME, else the platform's place:
// - Linux and other XDG systems: $XDG_STATE_HOME/sigmoid-trainer, else ~/.local/state/sigmoid-trainer.
//   The CLI contract (docs/commands.md, The data directory) names the XDG *state* directory. env-paths 4 has no `state`
//   key: on Linux its `log` path is exactly this directory, but env-paths reads process.env once
//   when it is first imported and accepts a relative XDG_STATE_HOME. We compute the same path
//   from the environment the command was given (so tests and embedders can pass their own) and
//   ignore a relative value, as the XDG Base Directory spec requires.
// - macOS and Windows: env-paths' `data` directory (~/Library/Application Support/sigmoid-trainer,
//   %LOCALAPPDATA%\sigmoid-trainer\Data). Its `log` there would be ~/Library/Logs, where cleaners
//   delete files: no place for progress that must not be lost.
// The "-nodejs" suffix env-paths adds by default is turned off: no native program shares the name.
import { statSync } from "node:fs";
import type { FileSystem } from "../progress/fs-layer";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import envPaths from "env-paths";
import { type Lang, langFromEnv } from "../core/i18n";
import { createProgressStore, type ProgressWarning } from "../progress";
import { type ParsedArgs, stringOption, UsageError } from "./args";
import type { CliIO, OpenedProgress, WarningSink } from "../app/launch";
import { UserError, writeLine } from "./io";

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

/** Shows a warning about the learner's data somewhere other than stderr. */
export type { OpenedProgress, WarningSink };

export interface OpenOptions {
  /**
   * The command only reads and reports (stats, export) or must see everything before it acts
   * (reset): a file that cannot be read stops it with exit 1 instead of an empty history, and
   * for a reader, warnings about saving (which it never does) stay unsaid. Its name starts the
   * message.
   */
  mustRead?: { command: string; saves: boolean };
  /** Where warnings go instead of stderr, from the start (see OpenedProgress.setWarningSink). */
  warn?: WarningSink;
  /** The file calls (tests make one fail, as a full disk would). */
  fs?: FileSystem;
}

/**
 * Opens the learner's progress for a command. Warnings about the data (a damaged file kept
 * aside, an import, saving that stops) go to stderr, or to the sink given, in the language
 * chosen by --lang, else the learner's saved setting, else the locale, which is known only once
 * the store is loaded. A data directory that is a file (or lies under one) is refused at once,
 * before a learner answers anything.
 */
export function openProgress(values: ParsedArgs["values"], io: CliIO, options: OpenOptions = {}): OpenedProgress {
  const { dir, source } = resolveDataDir(stringOption(values, "data-dir"), io.env, io.cwd);
  const chosen = langOption(values);
  refuseFilePath(dir, source, chosen ?? langFromEnv(io.env));
  const mustRead = options.mustRead;
  let lang: Lang | null = null;
  const early: ProgressWarning[] = [];
  const notLoaded: NonNullable<ProgressWarning["notLoaded"]>[] = [];
  let sink: WarningSink | null = options.warn ?? null;
  const print = (w: ProgressWarning, l: Lang) => {
    if (sink) sink(w, l);
    else writeLine(io.stderr, `sigmoid-trainer: ${w.message[l]}`);
  };
  const warn = (w: ProgressWarning) => {
    if (mustRead && w.notLoaded) {
      notLoaded.push(w.notLoaded);
      return;
    }
    if (mustRead && !mustRead.saves && w.kind === "save-failed") return;
    if (lang) print(w, lang);
    else early.push(w);
  };
  const store = createProgressStore({ dataDir: dir, warn, ...(options.fs ? { fs: options.fs } : {}) });
  lang = chosen ?? store.getState().settings.lang ?? langFromEnv(io.env);
  const stopping = mustRead !== undefined && notLoaded.length > 0;
  // When stopping, "answers from now on are lost" would speak of answers never to be given.
  for (const w of early) if (!(stopping && w.kind === "save-failed")) print(w, lang);
  if (mustRead && stopping) {
    const files = notLoaded.map((n) => `${n.path} (${n.reason})`).join(", ");
    const ja = mustRead.saves ? "何も変更していません" : "空の記録を見せないよう、ここで止めます";
    const en = mustRead.saves ? "nothing was changed" : "nothing is shown rather than an empty history";
    throw new UserError(
      lang === "ja"
        ? `${mustRead.command}: 進み具合のファイルを読めないため、${ja}: ${files}。権限を確かめるか、--data-dir で別の場所を指定してください。`
        : `${mustRead.command}: cannot read the progress, so ${en}: ${files}. Check the permissions, or use --data-dir.`,
    );
  }
  return {
    store,
    dataDir: dir,
    lang,
    setWarningSink(next) {
      const before = sink;
      sink = next;
      return before;
    },
  };
}

/** The data directory, or a directory above it, is an existing file: nothing could ever be saved there. */
function refuseFilePath(dir: string, source: DataDirSource, lang: Lang): void {
  for (let path = dir; ; path = dirname(path)) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      // ENOTDIR: a file further up, found on the next step. Anything else (no permission to
      // look) is for the progress store to report when it reads.
      if ((error as NodeJS.ErrnoException).code === "ENOTDIR") continue;
      return;
    }
    if (stat?.isDirectory()) return;
    if (stat) {
      const from = source === "--data-dir" || source === "SIGMOID_TRAINER_HOME" ? ` (${source})` : "";
      throw new UserError(
        lang === "ja"
          ? path === dir
            ? `保存先 ${dir}${from} はファイルです。ディレクトリを指定してください。`
            : `保存先 ${dir}${from} を作れません: ${path} はファイルです。`
          : path === dir
            ? `the data directory ${dir}${from} is a file, not a directory`
            : `the data directory ${dir}${from} cannot be made: ${path} is a file`,
      );
    }
    if (dirname(path) === path) return;
  }
}
