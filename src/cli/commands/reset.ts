// `reset [--skill ID] [--yes] [--data-dir DIR] [--lang ja|en]`: forget progress, after asking
// and after keeping a backup. Without a terminal to ask on, only --yes may confirm.
import { createInterface } from "node:readline";
import { englishCount, type Localized } from "../../core/i18n";
import { parseCommandArgs, stringOption, UsageError } from "../args";
import { openProgress } from "../data-dir";
import { type CliIO, type Command, UserError, writeLine } from "../io";

const OPTIONS = {
  skill: { type: "string" },
  yes: { type: "boolean", short: "y" },
  "data-dir": { type: "string" },
  lang: { type: "string" },
} as const;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "reset");
  if (positionals.length > 0) throw new UsageError(`reset: unexpected argument "${positionals[0]}"`);
  const skill = stringOption(values, "skill");
  if (skill !== undefined && skill.trim() === "") throw new UsageError("reset: --skill needs a skill id");
  const { store, dataDir, lang } = openProgress(values, io, { mustRead: { command: "reset", saves: true } });
  const say = (text: Localized) => writeLine(io.stdout, text[lang]);
  const state = store.getState();
  const affected = skill === undefined ? state.attempts.length : state.attempts.filter((a) => a.skill === skill).length;

  if (skill !== undefined && affected === 0) {
    const known = [...new Set(state.attempts.map((a) => a.skill))].sort();
    const list = known.length > 0 ? known.join(", ") : lang === "ja" ? "なし" : "none";
    throw new UserError(
      lang === "ja"
        ? `reset: スキル "${skill}" の記録はありません（記録のあるスキル: ${list}）`
        : `reset: no progress recorded for skill "${skill}" (skills with progress: ${list})`,
    );
  }
  if (affected === 0 && Object.keys(state.lessons).length === 0) {
    say({ ja: `${dataDir} には消す進み具合がありません。`, en: `Nothing to reset in ${dataDir}.` });
    return 0;
  }

  const what: Localized =
    skill === undefined
      ? {
          ja: `すべての進み具合（解答 ${affected} 件とレッスンの位置）`,
          en: `all progress (${englishCount(affected, "answer", "answers")} and lesson positions)`,
        }
      : {
          ja: `スキル ${skill} の進み具合（解答 ${affected} 件）`,
          en: `progress for skill ${skill} (${englishCount(affected, "answer", "answers")})`,
        };
  if (!values.yes) {
    if (!io.stdin.isTTY) {
      writeLine(
        io.stderr,
        lang === "ja"
          ? "sigmoid-trainer: reset: 確認できる端末がないため、何も消していません。消すには --yes を付けてください。"
          : "sigmoid-trainer: reset: no terminal to confirm on, so nothing was reset. Add --yes to confirm.",
      );
      return 2;
    }
    const question: Localized = {
      ja: `${dataDir} の${what.ja}を消します。消す前にバックアップを取ります。よろしいですか？ [y/N] `,
      en: `Reset ${what.en} in ${dataDir}? A backup is kept first. [y/N] `,
    };
    const answer = await askLine(io, question[lang]);
    if (!isYes(answer)) {
      say({ ja: "何も消していません。", en: "Nothing was reset." });
      return 0;
    }
  }

  let backupDir: string | null;
  try {
    ({ backupDir } = store.getState().reset(skill === undefined ? {} : { skill }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(
      lang === "ja"
        ? `reset: バックアップを作れなかったため、何も消していません（${detail}）`
        : `reset: could not make a backup, so nothing was reset (${detail})`,
    );
  }
  if (store.getState().saving === "failed") {
    // The store has said why on stderr; the reset exists only in this process's memory.
    throw new UserError(lang === "ja" ? "reset: リセットを保存できませんでした。" : "reset: the reset could not be saved.");
  }
  say({ ja: `${what.ja}を消しました。`, en: `Reset ${what.en}.` });
  if (backupDir) say({ ja: `バックアップ: ${backupDir}`, en: `Backup: ${backupDir}` });
  return 0;
};

function isYes(answer: string | null): boolean {
  return answer !== null && /^(y|yes|はい)$/i.test(answer.trim());
}

/** One line from stdin after a prompt; null at end of input. */
function askLine(io: CliIO, prompt: string): Promise<string | null> {
  io.stdout.write(prompt);
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.stdin, terminal: false });
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once("close", () => {
      if (!answered) resolve(null);
    });
  });
}
