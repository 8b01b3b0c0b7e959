// What a joined quiz says beyond the quiz's own sentences (src/quiz/texts.ts).
import type { Localized } from "../core/i18n";

export const JOIN_TEXT = {
  joined: {
    ja: "セッション {code}（{server}）に参加しました。答えはサーバーが採点します。",
    en: "Joined session {code} at {server}. The server grades your answers.",
  },
  rejoined: {
    ja: "セッション {code}（{server}）に {name} さんとして戻りました。続きから始めます。",
    en: "Back in session {code} at {server} as {name}: going on where you were.",
  },
  feedbackAtEnd: {
    ja: "このセッションでは、正誤は最後にまとめて表示します。",
    en: "In this session you see whether your answers are right at the end.",
  },
  serverDown: {
    ja: "サーバーにつながりません（{reason}）。つながるまで再試行します…",
    en: "The server cannot be reached ({reason}). Trying again until it answers…",
  },
  serverBack: {
    ja: "サーバーにつながりました。続けます。",
    en: "The server answers again. Going on.",
  },
  paused: {
    ja: "講師がセッションを一時停止しました。再開されると答えが送られます。",
    en: "The instructor paused the session; your answer will be sent when it resumes.",
  },
  resumed: {
    ja: "講師がセッションを再開しました。続けます。",
    en: "The instructor resumed the session. Going on.",
  },
  gaveUp: {
    ja: "{seconds} 秒のあいだサーバーにつながりませんでした（{reason}）。答えはサーバーに記録済みです。同じコマンドをもう一度実行すると続きから再開します。",
    en: "The server could not be reached for {seconds} s ({reason}). Your answers so far are recorded on the server: run the same command again to resume.",
  },
  nameTaken: {
    ja: "この名前「{name}」は、このセッションですでに使われています。別の --name を指定してください（自分の名前なら、最初に参加した端末とデータディレクトリから実行してください）。",
    en: 'The name "{name}" is already taken in this session. Choose another --name (if it is yours, run the command from the machine and data directory you joined from).',
  },
  badName: { ja: "サーバーがこの名前を受け付けませんでした: {message}", en: "The server refused this name: {message}" },
  unknownSession: {
    ja: "{server} にセッション {code} はありません。講師から受け取った参加アドレスを確かめてください。",
    en: "There is no session {code} at {server}. Check the join address your instructor gave you.",
  },
  ended: { ja: "このセッションは終了しています。", en: "This session has ended." },
  endedNow: {
    ja: "講師がセッションを終了しました。ここまでの答えは記録済みです。",
    en: "The instructor ended the session. Your answers so far are recorded.",
  },
  tokenRefused: {
    ja: "サーバーが保存済みの参加情報を受け付けませんでした（{status} {code}）。{file} を消すと新しく参加できます。",
    en: "The server refused this learner's saved token ({status} {code}). Remove {file} to join afresh.",
  },
  refused: {
    ja: "サーバーが要求を断りました（{status} {code}）: {message}",
    en: "The server refused the request ({status} {code}): {message}",
  },
  hostile: {
    ja: "サーバーの応答がセッションサーバーのものではありません（{reason}）。参加アドレスを確かめてください。",
    en: "The server's answer is not a session server's ({reason}). Check the join address.",
  },
  recorded: {
    ja: "答えはセッション {code} のサーバーに記録されています。",
    en: "Your answers are recorded on the server of session {code}.",
  },
  nameFromLogin: { ja: "--name がないので、ログイン名「{name}」で参加します。", en: 'No --name given: joining as "{name}".' },
  skippedHidden: { ja: "この問題を飛ばしました。", en: "Skipped." },
  resultLine: { ja: "問題 {number}: {verdicts}", en: "Question {number}: {verdicts}" },
  saveFailed: {
    ja: "参加情報を {path} に保存できません（{reason}）。このままでは再開できないため、始めません。",
    en: "Cannot save the session token to {path} ({reason}); without it the quiz could not be resumed, so it does not start.",
  },
} as const satisfies Record<string, Localized>;

export const VERDICT_WORDS: Readonly<Record<string, Localized>> = {
  correct: { ja: "正解", en: "correct" },
  imprecise: { ja: "桁が不正確", en: "imprecise" },
  incorrect: { ja: "不正解", en: "incorrect" },
  skipped: { ja: "飛ばした", en: "skipped" },
  recorded: { ja: "記録済み", en: "recorded" },
};
