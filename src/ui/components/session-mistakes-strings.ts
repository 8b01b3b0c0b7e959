// The words of a session's end screen: its mistakes (SessionMistakes.tsx) and another round (Practice.tsx).
import type { Localized } from "../../core/i18n";

export const MISTAKES_TEXT = {
  heading: { ja: "この回の間違い", en: "Mistakes this session" },
  none: { ja: "この回の間違いはありません。", en: "No mistakes this session." },
  line: { ja: "問題 {n}: {answer} と答えました。{what}", en: "Question {n}: you answered {answer}. {what}" },
  /** A recognised mistake's name as a sentence. */
  named: { ja: "{name}。", en: "{name}." },
  unnamed: { ja: "不正解でした。", en: "Not correct." },
  more: { ja: "ほかに {n} 件", en: "{n} more" },
  keyAnotherRound: { ja: "もう 1 回", en: "another round" },
  anotherRound: { ja: "Enter でもう 1 回、Esc でホームに戻ります。", en: "Enter: another round. Esc: back to Home." },
} as const satisfies Record<string, Localized>;
