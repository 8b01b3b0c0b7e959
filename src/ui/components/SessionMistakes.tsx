// The mistakes of a practice or review session, on its end screen: each answer that was not
// correct, with what was typed and, where the checker recognised it, the mistake's name.
import { Box, Text } from "ink";
import { MISTAKES } from "../../core/mistakes";
import type { GradedAttempt } from "../../engine/types";
import { useText, useTheme } from "../context";
import { sanitizeForTerminal } from "../quiz-setup";
import { MISTAKES_TEXT } from "./session-mistakes-strings";
import { WrappedText } from "./WrappedText";

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
        const what = named ? t(MISTAKES_TEXT.named, { name: t(named) }) : t(MISTAKES_TEXT.unnamed);
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
