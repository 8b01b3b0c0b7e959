// The verdict on an answer: a mark and words (✓ correct, ✗ not correct, ≈ wrong number of
// figures, ! could not read it), the checker's sentence naming the mistake and the expected
// value, how the answer was read, the worked solution after a miss, and when the item comes back.
// Invalid input echoes the answer with a caret under the character that is wrong.
import { Box, Text } from "ink";
import type { Localized } from "../../core/i18n";
import { displayWidth } from "../../core/latex";
import { showSignificant } from "../../core/number-format";
import { fill, SESSION_TEXT } from "../../engine/texts";
import type { Feedback } from "../../engine/types";
import { useAscii, useMarks, useText, useTheme } from "../context";
import type { SkipShown } from "../practice-store";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { WrappedText } from "./WrappedText";

export interface FeedbackPanelProps {
  feedback: Feedback | null;
  skipped: SkipShown | null;
  comesBack: Localized | null;
  canRetry: boolean;
  /** The worked solution is already on screen (opened as the last hint): not shown twice. */
  solutionShown?: boolean;
  /** Cells to wrap the text to; the terminal's width unless told. */
  width?: number;
}

export function FeedbackPanel(props: FeedbackPanelProps) {
  const { feedback, skipped, comesBack, canRetry, solutionShown = false } = props;
  const columns = useTerminalSize().columns;
  const width = props.width ?? columns;
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const ascii = useAscii();
  if (skipped) {
    const expected = typeof skipped.expected === "number" ? showSignificant(skipped.expected, skipped.digits, { ascii }) : skipped.expected;
    return (
      <Box flexDirection="column">
        <WrappedText text={t(fill(SESSION_TEXT.skipped, { expected }))} width={width} />
        {solutionShown ? null : (
          <>
            <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
            <WrappedText text={t(skipped.solution)} width={width} prefix="  " />
          </>
        )}
      </Box>
    );
  }
  if (!feedback) return null;
  const { verdict } = feedback;
  const style =
    verdict === "correct" ? theme.good : verdict === "incorrect" ? theme.bad : verdict === "imprecise" ? theme.near : theme.warn;
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
      <WrappedText text={t(feedback.message)} width={width} />
      {verdict === "invalid" && feedback.position !== null ? <InvalidEcho answer={feedback.answer} position={feedback.position} /> : null}
      {readAs ? <WrappedText text={t(fill(SESSION_TEXT.readAs, { readAs }))} width={width} /> : null}
      {comesBack ? <WrappedText text={t(comesBack)} width={width} style={theme.muted} /> : null}
      {canRetry ? <WrappedText text={t(UI_TEXT.retryOffer)} width={width} /> : null}
      {/* Last: in a small terminal this is what scrolls out of view first (PgDn shows it). */}
      {feedback.solution && !solutionShown ? (
        <>
          <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
          <WrappedText text={t(feedback.solution)} width={width} prefix="  " />
        </>
      ) : null}
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
