// Starting a quiz from Home: what the learner typed for the name and for "seed or session file",
// read into the quiz's settings, with a message saying what is wrong otherwise. The same rules as
// `sigmoid-trainer quiz --name … --seed …` / `--config FILE` (src/cli/commands/quiz.ts).
import { resolve } from "node:path";
import type { Localized } from "../core/i18n";
import { visibleText } from "../core/visible-text";
import { DEFAULT_PRACTICE_COUNT, MAX_SEED } from "../engine/limits";
import { fill } from "../engine/texts";
import { RefusedFileError, readBoundedFile } from "../progress/bounded-read";
import { errorCode, realFs } from "../progress/fs-layer";
import { checkLearnerName, MAX_NAME_LENGTH } from "../quiz/learner-name";
import type { QuizSettings } from "../quiz/settings";
import { loadQuizSettings, MAX_SESSION_FILE_BYTES } from "../quiz/settings-loader";

export type Read<T> = { ok: true; value: T } | { ok: false; message: Localized };

const SAY = {
  nameEmpty: { ja: "名前を入力してください。", en: "Type your name first." },
  nameTooLong: { ja: "名前は {max} 文字までです。", en: "The name is longer than {max} characters." },
  nameControl: {
    ja: "名前に制御文字や文字の向きを変える文字は使えません（別の名前と同じに見えてしまいます）。",
    en: "The name must not contain control or text-direction characters (it could pass for another name).",
  },
  nameInvisible: {
    ja: "名前に見えない文字（{char}、{n} 文字目）は使えません（別の名前と同じに見えてしまいます）。",
    en: "The name must not contain invisible characters ({char} at character {n}): it could pass for another name.",
  },
  seedEmpty: {
    ja: "シード（整数）か、セッションファイルのパスを入力してください。",
    en: "Type the seed (a whole number) or the path of the session file.",
  },
  seedTooBig: { ja: "シードは 0 から {max} までです。", en: "The seed goes from 0 to {max}." },
  fileMissing: { ja: "{path} というファイルはありません。", en: "There is no file {path}." },
  fileUnreadable: { ja: "{path} を読めません（{why}）。", en: "Cannot read {path} ({why})." },
  fileTooBig: {
    ja: "{path} はセッションファイルにしては大きすぎます（{max} バイトまで）。",
    en: "{path} is too big for a session file (at most {max} bytes).",
  },
  fileProblems: { ja: "{problems}", en: "{problems}" },
} as const satisfies Record<string, Localized>;

/** The learner's name as the result file and the report will show it. */
export function readName(typed: string): Read<string> {
  const name = checkLearnerName(typed);
  if (name.ok) return name;
  const { problem } = name;
  if (problem.kind === "empty") return { ok: false, message: SAY.nameEmpty };
  if (problem.kind === "too-long") return { ok: false, message: fill(SAY.nameTooLong, { max: MAX_NAME_LENGTH }) };
  if (problem.kind === "invisible") return { ok: false, message: fill(SAY.nameInvisible, { char: problem.escaped, n: problem.position }) };
  return { ok: false, message: SAY.nameControl };
}

/**
 * "Seed or session file": digits alone are a seed (the quiz as `--seed N` gives it); anything else
 * is the path of the instructor's session file, relative to `cwd`, read as `--config` reads it.
 */
export async function readQuizSource(typed: string, cwd: string, knownSkills: readonly string[]): Promise<Read<QuizSettings>> {
  const text = typed.trim();
  if (text === "") return { ok: false, message: SAY.seedEmpty };
  const digits = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(digits)) {
    const seed = Number(digits);
    if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return { ok: false, message: fill(SAY.seedTooBig, { max: MAX_SEED }) };
    return { ok: true, value: { seed, count: DEFAULT_PRACTICE_COUNT, skills: [], timeLimitMinutes: null, hintsAllowed: true } };
  }
  const shown = sanitizeForTerminal(text);
  const path = resolve(cwd, text);
  let content: string;
  try {
    // Only a regular file, and only so much of it: a FIFO or /dev/zero typed here must not hang
    // or fill the trainer.
    content = readBoundedFile(realFs, path, { limit: MAX_SESSION_FILE_BYTES }).toString("utf8");
  } catch (error) {
    if (error instanceof RefusedFileError && error.code === "EFBIG") {
      return { ok: false, message: fill(SAY.fileTooBig, { path: shown, max: MAX_SESSION_FILE_BYTES }) };
    }
    if (error instanceof RefusedFileError)
      return { ok: false, message: fill(SAY.fileUnreadable, { path: shown, why: "not a regular file" }) };
    const code = errorCode(error);
    if (code === "ENOENT") return { ok: false, message: fill(SAY.fileMissing, { path: shown }) };
    const why = code === "EISDIR" ? "a directory" : typeof code === "string" ? code : "error";
    return { ok: false, message: fill(SAY.fileUnreadable, { path: shown, why }) };
  }
  const { parseQuizConfig, formatConfigProblems } = await loadQuizSettings();
  const parsed = parseQuizConfig(shown, content, knownSkills);
  if (!parsed.ok)
    return { ok: false, message: fill(SAY.fileProblems, { problems: sanitizeForTerminal(formatConfigProblems(parsed.problems)) }) };
  return { ok: true, value: parsed.config.settings };
}

/** Text from a file or a learner, for the screen: control, bidi and invisible characters shown as escapes. */
export function sanitizeForTerminal(text: string): string {
  return visibleText(text, { keepLines: true });
}
