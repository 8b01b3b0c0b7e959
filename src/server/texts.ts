// What the server says, to learners (through their client) and to the instructor.
import type { Localized } from "../core/i18n";

export const SERVER_TEXT = {
  recorded: {
    ja: "回答を記録しました。結果はクイズの最後にお知らせします。",
    en: "Answer recorded. You get the results at the end of the quiz.",
  },
  partCorrect: { ja: "正解です。次の部分に進みます。", en: "Correct. On to the next part." },
  partImprecise: {
    ja: "値は近いですが、求められた桁数の精度がありません。正解は問題の最後の部分のあとで示します。",
    en: "Close, but not to the figures asked for. The answer is shown after the question's last part.",
  },
  partIncorrect: {
    ja: "不正解です。正解は問題の最後の部分のあとで示します。",
    en: "Not correct. The answer is shown after the question's last part.",
  },
  solutionAtEnd: {
    ja: "このクイズでは、解き方の全体はクイズの最後までお見せしません。ほかのヒントはここまでです。",
    en: "In this quiz the worked solution comes after the quiz; there are no more hints before it.",
  },
  ready: { ja: "セッション {code} を開始しました。", en: "Session {code} is open." },
  resumed: { ja: "セッション {code} を再開しました。", en: "Session {code} resumed." },
  join: { ja: "受講者はこのコマンドで参加します:", en: "Learners join with:" },
  dashboard: { ja: "ダッシュボード: {url}", en: "Dashboard: {url}" },
  token: {
    ja: "講師用トークン（ダッシュボードとレポートに必要です。共有しないでください）: {token}",
    en: "Instructor token (for the dashboard and the report; keep it to yourself): {token}",
  },
  stop: { ja: "終了するには Ctrl+C を押してください。", en: "Press Ctrl+C to end the session." },
  ended: { ja: "セッション {code} を終了しました。", en: "Session {code} ended." },
  exported: { ja: "結果ファイルを {dir} に書き出しました（{n} 件）。", en: "Result files written to {dir} ({n})." },
  resumeHint: { ja: "再開するには: {command}", en: "To resume: {command}" },
} as const satisfies Record<string, Localized>;
