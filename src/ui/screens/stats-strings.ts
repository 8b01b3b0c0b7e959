// Texts of the Stats screen. The figures are the ones `sigmoid-trainer stats` prints (both use
// computeStats from src/progress).
import type { Localized } from "../../core/i18n";

export const STATS_TEXT = {
  title: { ja: "成績", en: "Stats" },
  noAnswers: {
    ja: "まだ解答がありません。「学ぶ」か「練習」から始めましょう。",
    en: "No answers yet. Start with Learn or Practice.",
  },
  answers: { ja: "解答 {attempts} 件、正解 {correct} 件（{percent}）", en: "Answers: {attempts}, {correct} correct ({percent})" },
  streak: { ja: "連続日数: {n} 日", en: "Streak: {n} {days}" },
  due: { ja: "今日の復習: {queue} 問（時期が来たもの全部で {due} 問）", en: "Reviews for today: {queue} ({due} due in all)" },
  nextReview: { ja: "次の復習: {when}", en: "Next review: {when}" },
  nothingScheduled: { ja: "復習の予定はまだありません。", en: "Nothing scheduled for review yet." },
  bySkill: { ja: "スキル別の正解率（正解した回答 / 回答）", en: "Accuracy by skill: right answers of answers" },
  notStarted: { ja: "まだ解いていないスキル: {n} 件", en: "Skills not practised yet: {n}" },
  mistakes: { ja: "ミスの種類", en: "Mistakes by kind" },
  noMistakes: { ja: "見分けられたミスはまだありません。", en: "No recognised mistakes yet." },
  times: { ja: "{n} 回", en: "{n}×" },
  keyScroll: { ja: "スクロール", en: "scroll" },
} as const satisfies Record<string, Localized>;
