// The engine's own sentences (the course's texts come from content/). Japanese in the polite
// です/ます style, English plain and short; both say the same thing.
import { englishNoun, fillBoth, type Localized } from "../core/i18n";
import type { Summary } from "./types";

export const ENGINE_TEXT = {
  carriedSigma: {
    ja: "あなたの σ(x) = {learner} から計算すると、s(1 − s) = {carried} なので、この部分は正解とします。本当の値は {expected} です。",
    en: "Correct given your σ(x) = {learner}: s(1 − s) = {carried}. The true value is {expected}.",
  },
  carriedValue: {
    ja: "前の答え {learner} から計算すると {carried} になるので、この部分は正解とします。本当の値は {expected} です。",
    en: "Correct given your earlier answer {learner}: that gives {carried}. The true value is {expected}.",
  },
  hintsOff: {
    ja: "このクイズではヒントは使えません。",
    en: "Hints are off in this quiz.",
  },
  noMoreHints: {
    ja: "ヒントはこれで全部です。解き方を参考に、答えを入力してください。",
    en: "No more hints: that was the worked solution. Type your answer.",
  },
  cannotAsk: {
    ja: "問題「{id}」を作れなかったので飛ばします（{problem}）。",
    en: 'Could not make a question from exercise "{id}", so it is left out ({problem}).',
  },
  nothingToRetry: {
    ja: "やり直せる問題はありません。:retry は、間違えた直後に次の問題へ答える前だけ使えます。",
    en: "Nothing to retry: :retry works right after a miss, before you answer the next question.",
  },
} as const satisfies Record<string, Localized>;

/** Replaces `{name}` in both languages (the one filler, from core); values are already formatted. */
export { fillBoth as fill };

/**
 * Sentences every front end shows around the questions (the Ink screens and plain mode say
 * the same things). `{…}` values are filled with `fill`.
 */
export const SESSION_TEXT = {
  questionOf: { ja: "問題 {number} / {total}", en: "Question {number} of {total}" },
  partOf: { ja: "（小問 {part} / {parts}）", en: " (part {part} of {parts})" },
  given: { ja: "参考: {items}", en: "Given: {items}" },
  hint: { ja: "ヒント {stage} / {stages}: ", en: "Hint {stage} of {stages}: " },
  solution: { ja: "解き方:", en: "Worked solution:" },
  readAs: { ja: "（{readAs} と読みました）", en: "(read as {readAs})" },
  retryOffer: {
    ja: "同じ数でもう一度解くには :retry と入力してください。",
    en: "Type :retry to try it again with the same numbers.",
  },
  skipped: { ja: "この問題を飛ばしました。答えは {expected} です。", en: "Skipped. The answer is {expected}." },
  skippedLater: {
    ja: "飛ばした問題は、次の練習でまた出題します。",
    en: "Skipped questions come up again next time you practise.",
  },
  summary: {
    ja: "おつかれさまでした。{attempts} 件の回答のうち {correct} 件が正解でした。ヒント {hints} 回、飛ばした問題 {skipped} 問。",
    en: "Done: {correct} of {attempts} {answers} correct, {hints} {hintWord} used, {skipped} skipped.",
  },
  nothingToDo: {
    ja: "出題できる問題がありません。",
    en: "There is nothing to practise.",
  },
  // Practice mixes in reviews and recent mistakes, so the same seed gives the same questions
  // only from the same progress (another learner's fresh start, or a copy of the data).
  seed: {
    ja: "（シード {seed}。進み具合が同じなら、--seed {seed} で同じ問題が出ます）",
    en: "(seed {seed}: from the same progress, --seed {seed} asks the same questions)",
  },
  practiceTitle: { ja: "練習", en: "Practice" },
  reviewTitle: { ja: "復習", en: "Review" },
  saved: { ja: "回答は {dir} に保存しました。", en: "Your answers are saved in {dir}." },
  notSaved: {
    ja: "保存できなかった回答があります（上のメッセージを見てください）。",
    en: "Some answers could not be saved (see the message above).",
  },
  nothingDue: {
    ja: "いま復習する問題はありません。",
    en: "Nothing is due for review right now.",
  },
  nextDue: { ja: "次の復習は{when}です。", en: "The next review is {when}." },
  capReached: {
    ja: "今日の復習は上限の {cap} 問に達しました。復習の時期が来ている残りの {count} 問は、明日また出題します。",
    en: "Today's limit of {cap} reviews is reached. Still due: {count}; they come back tomorrow.",
  },
} as const satisfies Record<string, Localized>;

/** Why a question is asked, as a short tag; null for plain new material. */
export const REASON_TEXT: Readonly<Record<string, Localized | null>> = {
  new: null,
  more: null,
  review: { ja: "復習", en: "review" },
  mistake: { ja: "前回間違えた問題", en: "missed last time" },
  retry: { ja: "再挑戦", en: "retry" },
};

/** The end-of-session sentence both front ends show ("1 hint", not "1 hints"). */
export function summarySentence(summary: Pick<Summary, "attempts" | "correct" | "hintsUsed" | "skipped">): Localized {
  return fillBoth(SESSION_TEXT.summary, {
    attempts: summary.attempts,
    answers: englishNoun(summary.attempts, "answer", "answers"),
    correct: summary.correct,
    hints: summary.hintsUsed,
    hintWord: englishNoun(summary.hintsUsed, "hint", "hints"),
    skipped: summary.skipped,
  });
}
