// Texts only the full-screen trainer shows. The question, feedback and hint sentences are shared
// with plain mode (src/engine/texts.ts, src/plain/texts.ts); the course's own texts come from
// content/. Japanese in the polite です/ます style, English plain and short.
import { fillIn, type Lang, type Localized, type TextValues } from "../core/i18n";

export const UI_TEXT = {
  // Menu (Home)
  menuLearn: { ja: "学ぶ", en: "Learn" },
  menuPractice: { ja: "練習", en: "Practice" },
  menuReview: { ja: "復習", en: "Review" },
  menuQuiz: { ja: "クイズ", en: "Quiz" },
  menuExplore: { ja: "グラフで探る", en: "Explore" },
  menuStats: { ja: "成績", en: "Stats" },
  menuSettings: { ja: "設定", en: "Settings" },
  menuQuit: { ja: "終了", en: "Quit" },
  // Home
  // Each heading says what its rows count (Stats counts answers, not exercises: see stats-strings).
  chapters: { ja: "章（終えたステップ）", en: "Chapters: steps done" },
  /** After a chapter's figure: "2/6 steps". */
  stepsUnit: { ja: "ステップ", en: "steps" },
  skills: { ja: "スキル（正解した問題）", en: "Skills: exercises answered right" },
  moreSkills: { ja: "ほか {n} 件（s で成績を表示）", en: "{n} more (s: Stats)" },
  skillsSummary: { ja: "スキル: {done} / {total} 件で正解あり", en: "Skills: {done} of {total} answered right" },
  // The same words as Stats and `stats`: "reviews for today" is the queue under the daily cap.
  reviewsDue: { ja: "今日の復習: {n} 問", en: "Reviews for today: {n}" },
  noReviewsDue: { ja: "今日の復習はありません", en: "No reviews for today" },
  savingFailed: { ja: "⚠ 保存できていません: {message}", en: "⚠ Not saving: {message}" },
  warningLine: { ja: "⚠ {message}", en: "⚠ {message}" },
  // Practice
  answerLabel: { ja: "答え: ", en: "Answer: " },
  answerAria: { ja: "答えの入力欄", en: "answer field" },
  verdictCorrect: { ja: "正解", en: "correct" },
  verdictIncorrect: { ja: "不正解", en: "not correct" },
  verdictImprecise: { ja: "桁数が違います", en: "wrong number of figures" },
  verdictInvalid: { ja: "読み取れません（回数には数えません）", en: "could not read it (not counted)" },
  invalidHere: { ja: "{position} 文字目", en: "character {position}" },
  retryOffer: { ja: "r で同じ数のままもう一度解けます。", en: "Press r to try it again with the same numbers." },
  pressNext: { ja: "Enter か n で次の問題へ", en: "Enter or n: next question" },
  pressFinish: { ja: "Enter で結果を表示", en: "Enter: see the results" },
  sessionDone: { ja: "おしまい", en: "Finished" },
  backHome: { ja: "Esc でホームに戻ります。", en: "Esc: back to Home." },
  offerPractice: { ja: "p で練習を始めます。", en: "Press p to practise instead." },
  noMoreQuestions: { ja: "これで最後の問題でした。", en: "That was the last question." },
  // Quiz (see Quiz.tsx; the set-up from Home has its words in screens/quiz-setup-strings.ts).
  quizTitle: { ja: "クイズ", en: "Quiz" },
  quizIntro: {
    ja: "{name} さんのクイズ: {count} 問です（シード {seed}）。",
    en: "Quiz for {name}: {count} {questionNoun} (seed {seed}).",
  },
  quizTimeLeft: { ja: "残り {time}", en: "{time} left" },
  quizTimeLeftAria: { ja: "残り時間 {time}", en: "time left {time}" },
  quizConfirmEnd: {
    ja: "もう一度 Esc を押すとクイズを終えます（答えていない問題は未回答になります）。ほかのキーで続けます。",
    en: "Press Esc again to end the quiz (questions not answered stay unanswered). Any other key goes on.",
  },
  quizFinished: { ja: "クイズが終わりました", en: "Quiz finished" },
  quizEndedEarly: { ja: "クイズを途中で終えました", en: "Quiz ended early" },
  quizTimeUpTitle: { ja: "時間切れです", en: "Time is up" },
  quizExit: { ja: "Enter か Esc で終了します。", en: "Enter or Esc: quit." },
  /** The end of a quiz started from Home, which goes back there rather than ending the trainer. */
  quizExitHome: { ja: "Enter か Esc でホームに戻ります。", en: "Enter or Esc: back to Home." },
  keyHome: { ja: "ホームへ", en: "Home" },
  keyEndQuiz: { ja: "クイズを終える", en: "end quiz" },
  // Settings
  settingsTitle: { ja: "設定", en: "Settings" },
  settingLanguage: { ja: "言語", en: "Language" },
  settingAscii: { ja: "数式を ASCII で表示", en: "ASCII formulas" },
  on: { ja: "オン", en: "on" },
  off: { ja: "オフ", en: "off" },
  languageName: { ja: "日本語", en: "English" },
  languageChoices: { ja: "言語: 日本語 (ja) / English (en)", en: "Language: 日本語 (ja) / English (en)" },
  settingsSaved: { ja: "設定は保存され、次回も使われます。", en: "Settings are saved for next time." },
  // Help
  helpTitle: { ja: "キーの一覧", en: "Keys" },
  groupEverywhere: { ja: "どの画面でも", en: "Everywhere" },
  groupHome: { ja: "ホーム", en: "Home" },
  groupLists: { ja: "メニューとリスト", en: "Menus and lists" },
  groupAnswer: { ja: "答えの入力", en: "Typing an answer" },
  groupPractice: { ja: "練習と復習", en: "Practice and review" },
  groupLearn: { ja: "学ぶ", en: "Learn" },
  groupExplore: { ja: "グラフで探る", en: "Explore" },
  // Too small
  tooSmall: {
    ja: "端末が小さすぎます（{needW}×{needH} 以上が必要です。いまは {w}×{h} です）。",
    en: "Terminal too small (need {needW}×{needH}, have {w}×{h}).",
  },
  tooSmallHint: { ja: "ウィンドウを広げてください。", en: "Please make the window larger." },
  // Key bar words
  keyBack: { ja: "戻る", en: "back" },
  keyHelp: { ja: "ヘルプ", en: "help" },
  keyQuit: { ja: "終了", en: "quit" },
  keyMore: { ja: "続き", en: "more" },
  keyScrollUp: { ja: "上へ戻る", en: "scroll up" },
  keyMove: { ja: "移動", en: "move" },
  keyChoose: { ja: "選ぶ", en: "choose" },
  keyHint: { ja: "ヒント", en: "hint" },
  keySkip: { ja: "飛ばす", en: "skip" },
  keyNext: { ja: "次へ", en: "next" },
  keyRetry: { ja: "やり直す", en: "retry" },
  keyGrade: { ja: "採点", en: "grade" },
  keyChange: { ja: "切り替え", en: "change" },
  // Placeholder screens
  coming: { ja: "この画面はまだ準備中です。", en: "This screen is coming soon." },
} as const satisfies Record<string, Localized>;

export type UiTextId = keyof typeof UI_TEXT;

/** The text in one language, with `{name}` filled in. */
export function say(text: Localized, lang: Lang, values: TextValues = {}): string {
  return fillIn(text[lang], lang, values);
}
