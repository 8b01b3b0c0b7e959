// The verdict on an answer: a mark and words (✓ correct, ✗ not correct, ≈ wrong number of
// figures, ! could not read it), the checker's sentence naming the mistake and the expected
// value, how the answer was read, the worked solution after a miss, and when the item comes back.
// Invalid input echoes the answer with a caret under the character that is wrong.
import { Box, Text } from "ink";
import type { Localized } from "../../core/i18n";
import { displayWidth } from "../../core/latex";
import { formatSignificant } from "../../core/number-format";
import { fill, SESSION_TEXT } from "../../engine/texts";
import type { Feedback } from "../../engine/types";
import { useAscii, useMarks, useText, useTheme } from "../context";
import type { SkipShown } from "../practice-store";
import { UI_TEXT } from "../strings";

export interface FeedbackPanelProps {
  feedback: Feedback | null;
  skipped: SkipShown | null;
  comesBack: Localized | null;
  canRetry: boolean;
}

export function FeedbackPanel({ feedback, skipped, comesBack, canRetry }: FeedbackPanelProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const ascii = useAscii();
  if (skipped) {
    const expected =
      typeof skipped.expected === "number"
        ? formatSignificant(skipped.expected, skipped.digits, { ascii }).replace(/^-/, ascii ? "-" : "−")
        : skipped.expected;
    return (
      <Box flexDirection="column">
        <Text>{t(fill(SESSION_TEXT.skipped, { expected }))}</Text>
        <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
        <Box paddingLeft={2}>
          <Text>{t(skipped.solution)}</Text>
        </Box>
      </Box>
    );
  }
  if (!feedback) return null;
  const { verdict } = feedback;
  const style = verdict === "correct" ? theme.good : verdict === "incorrect" ? theme.bad : verdict === "imprecise" ? theme.near : theme.warn;
  const mark = marks[verdict];
  const word =
    verdict === "correct"
      ? UI_TEXT.verdictCorrect
      : verdict === "incorrect"
        ? UI_TEXT.verdictIncorrect
        : verdict === "imprecise"
          ? UI_TEXT.verdictImprecise
          : UI_TEXT.verdictInvalid;
  const readAs = feedback.readAs !== null && feedback.readAs !== feedback.answer.trim() ? feedback.readAs : null;
  return (
    <Box flexDirection="column" aria-label={`${mark} ${t(word)}. ${t(feedback.message)}`}>
      <Text>
        <Text {...style}>
          {mark} {t(word)}
        </Text>
        {feedback.parts > 1 ? t(fill(SESSION_TEXT.partOf, { part: feedback.part + 1, parts: feedback.parts })) : ""}
      </Text>
      <Text>{t(feedback.message)}</Text>
      {verdict === "invalid" && feedback.position !== null ? (
        <InvalidEcho answer={feedback.answer} position={feedback.position} />
      ) : null}
      {readAs ? <Text>{t(fill(SESSION_TEXT.readAs, { readAs }))}</Text> : null}
      {feedback.solution ? (
        <>
          <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
          <Box paddingLeft={2}>
            <Text>{t(feedback.solution)}</Text>
          </Box>
        </>
      ) : null}
      {comesBack ? <Text {...theme.muted}>{t(comesBack)}</Text> : null}
      {canRetry ? <Text>{t(UI_TEXT.retryOffer)}</Text> : null}
    </Box>
  );
}

/** The answer as typed, and a caret under the character at `position` (1-based, code points). */
function InvalidEcho({ answer, position }: { answer: string; position: number }) {
  const t = useText();
  const theme = useTheme();
  const chars = [...answer];
  const offset = displayWidth(chars.slice(0, position - 1).join(""));
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text wrap="truncate-end">{answer}</Text>
      <Text wrap="truncate-end" {...theme.warn}>
        {" ".repeat(offset)}^ {t(UI_TEXT.invalidHere, { position })}
      </Text>
    </Box>
  );
}
