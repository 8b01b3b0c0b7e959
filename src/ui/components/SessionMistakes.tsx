// The mistakes of a practice or review session, on its end screen: each answer that was not
// correct, with what was typed and, where the checker recognised it, the mistake's name.
import { Box, Text } from "ink";
import type { Localized } from "../../core/i18n";
import { MISTAKES } from "../../core/mistakes";
import type { GradedAttempt } from "../../engine/types";
import { useText, useTheme } from "../context";
import { sanitizeForTerminal } from "../quiz-setup";
import { WrappedText } from "./WrappedText";

export const MISTAKES_TEXT = {
  heading: { ja: "この回の間違い", en: "Mistakes this session" },
  none: { ja: "この回の間違いはありません。", en: "No mistakes this session." },
  line: { ja: "問題 {n}: {answer} と答えました。{what}", en: "Question {n}: you answered {answer}. {what}" },
  unnamed: { ja: "不正解でした。", en: "Not correct." },
  more: { ja: "ほかに {n} 件", en: "{n} more" },
  keyAnotherRound: { ja: "もう 1 回", en: "another round" },
  anotherRound: { ja: "Enter でもう 1 回、Esc でホームに戻ります。", en: "Enter: another round. Esc: back to Home." },
} as const satisfies Record<string, Localized>;

/** At most this many lines: a long session's list must not push the keys off a small screen. */
const MAX_SHOWN = 5;

export function SessionMistakes({ attempts, width }: { attempts: readonly GradedAttempt[]; width: number }) {
  const t = useText();
  const theme = useTheme();
  const wrong = attempts.filter((a) => a.verdict === "incorrect");
  if (attempts.length === 0) return null;
  if (wrong.length === 0) return <Text>{t(MISTAKES_TEXT.none)}</Text>;
  const shown = wrong.slice(0, MAX_SHOWN);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text {...theme.heading}>{t(MISTAKES_TEXT.heading)}</Text>
      {shown.map((a) => {
        const named = a.diagnosis ? MISTAKES.get(a.diagnosis)?.name : undefined;
        const what = named ? `${t(named)}${t({ ja: "。", en: "." })}` : t(MISTAKES_TEXT.unnamed);
        return (
          <WrappedText
            key={`${a.index}:${a.part}:${a.answeredAt}`}
            text={t(MISTAKES_TEXT.line, { n: a.index + 1, answer: sanitizeForTerminal(a.answer), what })}
            width={width}
            prefix="- "
          />
        );
      })}
      {wrong.length > shown.length ? <Text {...theme.muted}>{t(MISTAKES_TEXT.more, { n: wrong.length - shown.length })}</Text> : null}
    </Box>
  );
}
