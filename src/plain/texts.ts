// Texts only plain mode needs (commands typed as answers, the start line). The question,
// feedback and hint sentences are shared with the full-screen trainer (src/engine/texts).
import type { Localized } from "../core/i18n";

export const PLAIN_TEXT = {
  start: {
    ja: "{title}: {count} 問です。答えを 1 行ずつ入力してください。:help でコマンドの一覧を表示します。",
    en: "{title}: {count} {questionNoun}. Type each answer on its own line; :help lists the commands.",
  },
  courseHint: {
    ja: "講座を最初から順に読むには: sigmoid-trainer learn --plain",
    en: "To read the course step by step instead: sigmoid-trainer learn --plain",
  },
  help: {
    ja: [
      "答えを入力して Enter を押してください。0.881、1.05e-3、1/4 のような書き方が使えます。",
      "コマンド:",
      "  :hint   次のヒント（最後のヒントは解き方です）",
      "  :skip   この問題を飛ばす",
      "  :retry  間違えた直後の問題を、同じ数でもう一度解く",
      "  :quit   終了する（答えは保存されています）",
      "  :help   この説明",
    ].join("\n"),
    en: [
      "Type your answer and press Enter. Forms like 0.881, 1.05e-3 and 1/4 all work.",
      "Commands:",
      "  :hint   the next hint (the last one is the worked solution)",
      "  :skip   skip this question",
      "  :retry  try the question you just missed again, with the same numbers",
      "  :quit   stop here (your answers are already saved)",
      "  :help   this text",
    ].join("\n"),
  },
  unknownCommand: {
    ja: "「{command}」というコマンドはありません。:hint、:skip、:retry、:quit、:help が使えます。",
    en: 'There is no command "{command}". Try :hint, :skip, :retry, :quit or :help.',
  },
} as const satisfies Record<string, Localized>;
