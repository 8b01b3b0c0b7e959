// Reading a quiz session file (--config) for `quiz` and `report`: a small YAML file, read only
// as a regular file of bounded size (a FIFO named onboarding.yaml must not hang the command).
import { resolve } from "node:path";
import { visibleText } from "../core/visible-text";
import { RefusedFileError, readBoundedFile } from "../progress/bounded-read";
import { errorCode, realFs } from "../progress/fs-layer";
import { formatConfigProblems, parseQuizConfig, type QuizConfigFile } from "../quiz/settings";
import { MAX_SESSION_FILE_BYTES } from "../quiz/settings-loader";
import { type CliIO, UserError } from "./io";

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
