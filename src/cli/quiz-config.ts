// The quiz that `quiz` and `serve` run, from their flags (--seed --count --skill --time
// --no-hints) or from a session file (--config), never a mix: see src/quiz/settings.ts for why.
// The session file (also read by `report`) is a small YAML file, read only as a regular file of
// bounded size (a FIFO named onboarding.yaml must not hang the command).
import { randomInt } from "node:crypto";
import { resolve } from "node:path";
import type { Course } from "../content/model";
import { visibleText } from "../core/visible-text";
import { MAX_SEED } from "../engine/limits";
import { unknownSkills } from "../engine/plan";
import { RefusedFileError, readBoundedFile } from "../progress/bounded-read";
import { errorCode, realFs } from "../progress/fs-layer";
import {
  DEFAULT_QUIZ_COUNT,
  formatConfigProblems,
  normalizeSkills,
  parseMinutes,
  parseQuizConfig,
  type QuizConfigFile,
  type QuizSettings,
  SETTINGS_FLAGS,
} from "../quiz/settings";
import { MAX_SESSION_FILE_BYTES } from "../quiz/settings-loader";
import { type OptionSpecs, type ParsedArgs, stringOption, UsageError } from "./args";
import type { TrainerOptions } from "./common-options";
import { type CliIO, UserError } from "./io";

/** The flags that set a quiz beside the shared ones (--seed --count --skill), and --config instead of them all. */
export const QUIZ_DEFINING_OPTIONS = {
  time: { type: "string" },
  "no-hints": { type: "boolean" },
  config: { type: "string" },
} as const satisfies OptionSpecs;

/** A flag that sets the quiz given with --config is a usage error: the session file sets it. */
export function refuseSettingsWithConfig(command: string, values: ParsedArgs["values"]): void {
  if (stringOption(values, "config") === undefined) return;
  const clash = SETTINGS_FLAGS.find((flag) => values[flag] !== undefined);
  if (clash) {
    throw new UsageError(
      `${command}: --${clash} cannot be used with --config; the session file sets the quiz (change it there, or drop --config)`,
    );
  }
}

/** The quiz `command` runs: the session file's (--config), or the flags' (with no content version to check). */
export function quizFromOptions(
  command: string,
  values: ParsedArgs["values"],
  options: TrainerOptions,
  course: Course,
  io: CliIO,
): QuizConfigFile {
  const configPath = stringOption(values, "config");
  if (configPath === undefined) return { settings: settingsFromFlags(values, options, course, command), contentVersion: null };
  return readQuizConfigFile(
    command,
    configPath,
    course.skills.map((s) => s.id),
    io,
  );
}

/** The quiz the flags define; usage errors name `command`. */
function settingsFromFlags(values: ParsedArgs["values"], options: TrainerOptions, course: Course, command: string): QuizSettings {
  const unknown = unknownSkills(course, options.skills);
  if (unknown.length > 0) {
    const known = course.skills.map((s) => s.id).join(", ");
    throw new UsageError(`${command}: unknown skill "${unknown[0]}" (the skills are: ${known})`);
  }
  const time = stringOption(values, "time");
  let timeLimitMinutes: number | null = null;
  if (time !== undefined) {
    const minutes = parseMinutes(time);
    if (typeof minutes === "string") throw new UsageError(`${command}: ${minutes}`);
    timeLimitMinutes = minutes;
  }
  return {
    seed: options.seed ?? randomInt(0, MAX_SEED),
    count: options.count ?? DEFAULT_QUIZ_COUNT,
    skills: normalizeSkills(options.skills),
    timeLimitMinutes,
    hintsAllowed: values["no-hints"] !== true,
  };
}

/** The session file, or a UserError (exit 1) naming the file and what is wrong, for `command`. */
export function readQuizConfigFile(command: string, path: string, knownSkills: readonly string[] | undefined, io: CliIO): QuizConfigFile {
  let text: string;
  try {
    text = readBoundedFile(realFs, resolve(io.cwd, path), { limit: MAX_SESSION_FILE_BYTES }).toString("utf8");
  } catch (error) {
    const code = errorCode(error);
    const why =
      error instanceof RefusedFileError
        ? error.message
        : code === "ENOENT"
          ? "no such file"
          : code === "EISDIR"
            ? "it is a directory"
            : (code ?? String(error));
    throw new UserError(`${command}: cannot read the session file ${visibleText(path)}: ${why}`);
  }
  const parsed = parseQuizConfig(path, text, knownSkills);
  if (!parsed.ok) throw new UserError(`${command}: ${formatConfigProblems(parsed.problems)}`);
  return parsed.config;
}
