// The words of the joined quiz screen (JoinedQuiz.tsx); the session's own texts are in src/join/texts.ts.
import type { Localized } from "../../core/i18n";

export const JOINED_TEXT = {
  joining: { ja: "セッションに参加しています…", en: "Joining the session…" },
  sending: { ja: "送信中…", en: "Sending…" },
  failedLeave: { ja: "Esc で終了します。", en: "Esc: leave." },
  intro: {
    ja: "{name} さん、セッション {code} のクイズです（{count} 問）。答えはサーバーが採点します。",
    en: "{name}, this is session {code}'s quiz ({count} {questionNoun}). The server grades your answers.",
  },
} as const satisfies Record<string, Localized>;
