// Texts of the Learn screen (the lessons' own texts come from content/). Japanese in the polite
// です/ます style, English plain and short.
import type { Localized } from "../../core/i18n";

export const LEARN_TEXT = {
  stepOf: { ja: "ステップ {n} / {total}", en: "Step {n} of {total}" },
  rule: { ja: "使う規則: ", en: "Rule used: " },
  check: { ja: "確認問題", en: "Check" },
  choiceHow: {
    ja: "上下の矢印キーか番号で選び、Enter で答えてください。",
    en: "Pick with the up and down arrows or a number, then press Enter.",
  },
  choiceWrong: { ja: "正解は {n} 番「{choice}」です。", en: "The answer is {n}: {choice}." },
  choiceAgain: { ja: "別の選択肢を選んで、もう一度 Enter で答えることもできます。", en: "You may pick another and press Enter again." },
  exerciseHow: { ja: "答えを入力して Enter で採点します（h でヒント）。", en: "Type your answer and press Enter to grade it (h: hint)." },
  exerciseDone: { ja: "Enter で次のステップへ進みます。", en: "Enter: on to the next step." },
  lastStep: { ja: "これでコースの最後のステップです。Enter で終わります。", en: "This is the last step of the course. Enter: finish." },
  completeTitle: { ja: "コースを最後まで終えました。", en: "You have finished the course." },
  completeCovered: { ja: "学んだこと", en: "What it covered" },
  completeNext: { ja: "次に練習するとよいスキル", en: "Practise these next" },
  pickerTitle: { ja: "ステップ一覧", en: "All steps" },
  keyContents: { ja: "ステップ一覧", en: "steps" },
  keyOpen: { ja: "開く", en: "open" },
  keyClose: { ja: "閉じる", en: "close" },
  keyFinish: { ja: "終える", en: "finish" },
  cannotAsk: { ja: "この確認問題は用意できませんでした。", en: "This check could not be prepared." },
  scrolled: { ja: "{from}–{to} 行目 / {total} 行・PgUp/PgDn", en: "Lines {from}–{to} of {total} · PgUp/PgDn" },
  empty: { ja: "このコースにはステップがありません。", en: "This course has no steps." },
  keyPrevious: { ja: "前へ", en: "back a step" },
  keyNextStep: { ja: "次へ", en: "next step" },
  keyAnswer: { ja: "答える", en: "answer" },
  keyCursor: { ja: "カーソル", en: "cursor" },
  keyScroll: { ja: "スクロール", en: "scroll" },
} as const satisfies Record<string, Localized>;
