// Words of the report (Markdown headings and labels, the CSV's step titles). Column keys in
// CSV and JSON stay English: scripts and spreadsheets read them.
import type { Localized } from "../core/i18n";
import type { LearnerStatus, QuestionOutcome, RejectReason } from "./model";

export const REPORT_TEXT = {
  title: { ja: "クイズの集計", en: "Quiz report" },
  quizLine: {
    ja: "シード {seed} ・ コンテンツ版 {version} ・ {count} 問 ・ スキル: {skills} ・ 制限時間: {time} ・ ヒント: {hints}",
    en: "Seed {seed} · content version {version} · {count} {questionNoun} · skills: {skills} · time limit: {time} · hints: {hints}",
  },
  allSkills: { ja: "すべて", en: "all" },
  noLimit: { ja: "なし", en: "none" },
  hintsOn: { ja: "あり", en: "allowed" },
  hintsOff: { ja: "なし", en: "off" },
  counts: {
    ja: "受講者 {learners} 人（途中のもの {partial} 人）。集計から外したファイル {rejected} 件。",
    en: "{learners} {learnerNoun} ({partial} partial). {rejected} {fileNoun} left out.",
  },
  byAgreement: {
    ja: "基準のクイズは、読めたすべてのファイルが受けたものです。",
    en: "Every readable file took this quiz.",
  },
  bySeed: { ja: "基準のクイズは --seed で選びました。", en: "The reference quiz was chosen with --seed." },
  byConfig: { ja: "基準のクイズは --config のファイルで選びました。", en: "The reference quiz was chosen with --config." },
  regraded: {
    ja: "どの答えも、同じ版のコンテンツで採点し直して確かめました。",
    en: "Every answer was graded again against the same content version.",
  },
  notRegraded: {
    ja: "同じ版のコンテンツがないため、採点のやり直しはしていません（チェックサムだけで確かめました）。",
    en: "The same content version is not available, so answers were not graded again (checksums only).",
  },
  noResults: { ja: "集計できる結果がありません。", en: "No result could be used." },
  learners: { ja: "受講者", en: "Learners" },
  questions: { ja: "問題ごと", en: "Questions" },
  mistakes: { ja: "よくある間違い", en: "Most common mistakes" },
  steps: { ja: "つまずいているステップ", en: "Where the group struggles (by lesson step)" },
  rejected: { ja: "集計から外したファイル", en: "Files left out" },
  none: { ja: "なし", en: "none" },
  noMistakes: { ja: "名前のついた間違いはありませんでした。", en: "No named mistakes." },
  noStep: { ja: "（ステップなし）", en: "(no step)" },
  colName: { ja: "名前", en: "Learner" },
  colStatus: { ja: "状態", en: "Status" },
  colScore: { ja: "得点", en: "Score" },
  colAnswers: { ja: "正解した回答", en: "Answers right" },
  colTime: { ja: "時間", en: "Time" },
  colHints: { ja: "ヒント", en: "Hints" },
  colSkipped: { ja: "飛ばした", en: "Skipped" },
  colUnanswered: { ja: "未回答", en: "Unanswered" },
  colNumber: { ja: "#", en: "#" },
  colExercise: { ja: "問題", en: "Exercise" },
  colStep: { ja: "ステップ", en: "Step" },
  colNumbers: { ja: "数値", en: "Numbers" },
  colRight: { ja: "正解", en: "Right" },
  colWrong: { ja: "不正解", en: "Wrong" },
  colMistake: { ja: "間違い", en: "Mistake" },
  colCount: { ja: "回数", en: "Count" },
  colWho: { ja: "した人", en: "Learners" },
  colWhere: { ja: "問題", en: "Questions" },
  colRate: { ja: "正答率", en: "Rate" },
  colTop: { ja: "多い間違い", en: "Most common mistake" },
  colFile: { ja: "ファイル", en: "File" },
  colProblem: { ja: "問題点", en: "Problem" },
  colDetail: { ja: "詳細", en: "Detail" },
} as const satisfies Record<string, Localized>;

export const STATUS_TEXT: Readonly<Record<LearnerStatus, Localized>> = {
  complete: { ja: "完了", en: "complete" },
  "time-up": { ja: "時間切れ", en: "time up" },
  quit: { ja: "途中で終了", en: "quit" },
  partial: { ja: "途中（保存された分まで）", en: "partial (as far as saved)" },
};

export const OUTCOME_TEXT: Readonly<Record<QuestionOutcome, Localized>> = {
  right: { ja: "正解", en: "right" },
  wrong: { ja: "不正解", en: "wrong" },
  skipped: { ja: "飛ばした", en: "skipped" },
  unanswered: { ja: "未回答", en: "unanswered" },
  unavailable: { ja: "出題不可", en: "unavailable" },
};

export const REASON_TEXT: Readonly<Record<RejectReason, Localized>> = {
  missing: { ja: "見つからない", en: "missing" },
  unreadable: { ja: "読めない", en: "unreadable" },
  "not-a-result": { ja: "結果ファイルではない", en: "not a result file" },
  "newer-format": { ja: "新しい形式", en: "newer format" },
  tampered: { ja: "改ざんの疑い", en: "tampered" },
  "different-seed": { ja: "シードが違う", en: "different seed" },
  "different-content": { ja: "コンテンツ版が違う", en: "different content version" },
  "different-settings": { ja: "設定が違う", en: "different settings" },
  "different-questions": { ja: "問題が違う", en: "different questions" },
  superseded: { ja: "同じ人の別の結果を採用", en: "superseded" },
  copy: { ja: "別の人のファイルの写し", en: "copy of another learner's file" },
  conflict: { ja: "同じ名前で食い違う結果", en: "conflicting results under one name" },
};
