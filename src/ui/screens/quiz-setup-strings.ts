// The words of the quiz set-up screen (QuizSetup.tsx).
import type { Localized } from "../../core/i18n";

export const QUIZ_SETUP_TEXT = {
  about: {
    ja: "クイズでは、同じシードの人は全員同じ問題を解きます。答えは結果ファイルに保存され、講師に渡します。",
    en: "In a quiz everyone with the same seed gets the same questions. Your answers are saved in a result file for your instructor.",
  },
  nameLabel: { ja: "名前: ", en: "Your name: " },
  sourceAbout: {
    ja: "講師から渡されたシード（整数）か、セッションファイルのパスを入力してください。ライブセッションに参加するときは、参加アドレス（http://…/j/コード）を入力してください。",
    en: "Type the seed your instructor gave you (a whole number), or the path of their session file. To join a live session, type its join address (http://…/j/CODE).",
  },
  sourceLabel: { ja: "シード・ファイル・参加アドレス: ", en: "Seed, file or join address: " },
  keyNext: { ja: "次へ", en: "next" },
  keyStart: { ja: "始める", en: "start" },
  noDataDir: {
    ja: "データフォルダーがないため、クイズの結果を保存できません。--data-dir を指定して起動してください。",
    en: "There is no data directory, so a quiz result cannot be saved. Start the trainer with --data-dir.",
  },
  cannotStart: { ja: "クイズを始められません: {reason}", en: "The quiz cannot start: {reason}" },
} as const satisfies Record<string, Localized>;
