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

/** The course line by line (`learn --plain`). */
export const PLAIN_LEARN_TEXT = {
  start: {
    ja: "学ぶ: {total} ステップです（{from} から）。確認問題には 1 行で答えてください（選択肢の番号か値）。空の行で次のステップへ進みます。:quit で終わります。",
    en: "Learn: {total} steps (from step {from}). Answer a check on one line (the choice's number, or the value); an empty line goes on to the next step. :quit stops.",
  },
  step: { ja: "ステップ {n} / {total}・{chapter}", en: "Step {n} of {total} · {chapter}" },
  rule: { ja: "使う規則: {rule}", en: "Rule used: {rule}" },
  check: { ja: "確認問題: {question}", en: "Check: {question}" },
  pickNumber: { ja: "選択肢の番号（1〜{n}）を入力してください。", en: "Type the number of a choice (1 to {n})." },
  right: { ja: "✓ 正解です。", en: "✓ Correct." },
  wrong: { ja: "✗ 不正解です。正解は {n} 番「{choice}」です。", en: "✗ Not correct. The answer is {n}: {choice}." },
  goOn: { ja: "（空の行で次のステップへ）", en: "(An empty line goes on to the next step.)" },
  nothingToAnswer: {
    ja: "このステップには確認問題がありません。空の行で次へ進みます。",
    en: "This step has no check. An empty line goes on.",
  },
  answerFirst: {
    ja: "先に確認問題に答えてください（:skip で飛ばせます）。",
    en: "Answer the check first (or :skip it).",
  },
  finished: {
    ja: "コースを最後まで終えました。学んだこと: {chapters}。次は練習してみましょう: sigmoid-trainer practice --plain",
    en: "You have finished the course. It covered: {chapters}. Practise next: sigmoid-trainer practice --plain",
  },
  stopped: { ja: "ここで終わります。次は ステップ {n} から続きます。", en: "Stopped here. Learn goes on from step {n} next time." },
} as const satisfies Record<string, Localized>;
