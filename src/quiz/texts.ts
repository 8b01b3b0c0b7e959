// What the quiz says beyond the practice session's sentences (src/engine/texts, src/plain/texts).
import { englishCount, englishNoun, fillBoth, type Localized } from "../core/i18n";

export const QUIZ_TEXT = {
  title: { ja: "クイズ", en: "Quiz" },
  start: {
    ja: "{name} さんのクイズ: {count} 問です。答えを 1 行ずつ入力してください。:skip で次の問題へ進みます。",
    en: "Quiz for {name}: {count} {questionNoun}. Type each answer on its own line; :skip moves on.",
  },
  seed: {
    ja: "（シード {seed}、コンテンツ版 {version}。同じシードなら全員同じ問題です）",
    en: "(seed {seed}, content version {version}: the same seed gives everyone the same questions)",
  },
  timeLimit: { ja: "制限時間は {time} です。", en: "Time limit: {time}." },
  hintsOff: { ja: "このクイズではヒントは使えません。", en: "Hints are off in this quiz." },
  timeLeft: { ja: "残り時間 {time}", en: "Time left: {time}" },
  timeUp: {
    ja: "時間になりました。答えていない問題は「未回答」として記録します。",
    en: "Time is up. Questions not answered are recorded as unanswered.",
  },
  score: { ja: "得点: {right} / {of} 問正解", en: "Score: {right} of {of} {questionNoun} right." },
  unanswered: { ja: "未回答 {n} 問", en: "{n} unanswered." },
  savedTo: {
    ja: "結果を {path} に保存しました。このファイルを講師に渡してください。",
    en: "Your result is saved in {path}. Hand this file to your instructor.",
  },
  saveFailed: {
    ja: "クイズの結果を {path} に保存できませんでした（{reason}）。次の回答のあとでもう一度保存を試みます。",
    en: "Could not save the quiz result to {path} ({reason}). Saving is tried again after the next answer.",
  },
  notSaved: {
    ja: "クイズの結果を保存できませんでした: {path}（{reason}）",
    en: "The quiz result could not be saved: {path} ({reason})",
  },
  nothingToAsk: {
    ja: "この設定では出題できる問題がありません（スキル: {skills}）。",
    en: "There is nothing to ask with these settings (skills: {skills}).",
  },
  otherContent: {
    ja: "このクイズはコンテンツ版 {expected} 向けですが、お使いの版は {actual} です。結果が講師の集計から外れる場合があります。",
    en: "This quiz was set for content version {expected}, but yours is {actual}: the report may leave your result out.",
  },
  nameFromLogin: {
    ja: "--name がないので、ログイン名「{name}」で記録します。",
    en: 'No --name given: the result is recorded as "{name}".',
  },
  notATerminal: {
    ja: "端末ではないので、1 行ずつのプレーンモードで動きます（--plain と同じです）。",
    en: "Not a terminal: running in plain mode, one line at a time (as with --plain).",
  },
} as const satisfies Record<string, Localized>;

/** `4:05`, or `1:02:03` from an hour up. Seconds round up, so "0:00" never shows while time remains. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** "15 minutes" / "15 分", with seconds when the limit is not whole minutes. */
export function minutesText(minutes: number): Localized {
  const seconds = Math.round(minutes * 60);
  if (seconds % 60 === 0) {
    const m = seconds / 60;
    return { ja: `${m} 分`, en: `${englishCount(m, "minute", "minutes")}` };
  }
  return { ja: `${formatDuration(seconds * 1000)}（分:秒）`, en: `${formatDuration(seconds * 1000)} (min:s)` };
}

/** "Score: 1 of 1 question right." / "得点: 1 / 1 問正解". */
export function scoreText(score: { right: number; of: number }): Localized {
  return fillBoth(QUIZ_TEXT.score, { ...score, questionNoun: englishNoun(score.of, "question", "questions") });
}

/** The plain quiz's first line, with the count of questions. */
export function quizStartText(name: string, count: number): Localized {
  return fillBoth(QUIZ_TEXT.start, { name, count, questionNoun: englishNoun(count, "question", "questions") });
}
