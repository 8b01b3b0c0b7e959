// An exercise asked inside a lesson, as in practice: the prompt with the given values, the answer
// field, then the engine's verdict (FeedbackPanel), hints in stages (HintPanel) and, once the last
// part is graded, how to go on. The session lives in a practice store kept per step.
import { Box, Text } from "ink";
import { fill, SESSION_TEXT } from "../../engine/texts";
import { useLang, useText, useTheme } from "../context";
import type { PracticeState } from "../practice-store";
import { LEARN_TEXT } from "../screens/learn-strings";
import { AnswerField } from "./AnswerField";
import { FeedbackPanel } from "./FeedbackPanel";
import { HintPanel } from "./HintPanel";
import { WrappedText } from "./WrappedText";

export interface InlineExerciseProps {
  state: PracticeState;
  /** The step is the course's last, so there is no next step to offer. */
  last: boolean;
  /** A miss may be tried again with the same numbers (r). */
  canRetry: boolean;
  width: number;
}

export function InlineExercise({ state, last, canRetry, width }: InlineExerciseProps) {
  const t = useText();
  const lang = useLang();
  const theme = useTheme();
  const { question, phase } = state;
  if (phase === "empty" || !question) {
    return (
      <Box flexDirection="column">
        <Text {...theme.warn}>{t(LEARN_TEXT.cannotAsk)}</Text>
        {state.notice ? <Text>{t(state.notice)}</Text> : null}
      </Box>
    );
  }
  const asking = phase === "asking";
  const part = question.parts > 1 ? `${t(fill(SESSION_TEXT.partOf, { part: question.part + 1, parts: question.parts })).trim()} ` : "";
  return (
    <Box flexDirection="column">
      <WrappedText text={`${part}${t(question.prompt)}`} width={width} />
      {question.given.length > 0 ? (
        <WrappedText
          text={t(fill(SESSION_TEXT.given, { items: question.given.map((g) => t(g.text)).join(lang === "ja" ? "、" : ", ") }))}
          width={width}
        />
      ) : null}
      {asking && state.input === "" && !state.feedback ? (
        <WrappedText text={t(LEARN_TEXT.exerciseHow)} style={theme.muted} width={width} />
      ) : null}
      <AnswerField value={state.input} cursor={state.cursor} active={asking} />
      {state.notice ? <Text {...theme.warn}>{t(state.notice)}</Text> : null}
      <FeedbackPanel
        feedback={state.feedback}
        skipped={state.skipped}
        comesBack={state.comesBack}
        canRetry={canRetry}
        // Opened as the last hint, the worked solution is on screen (below) already: not twice.
        solutionShown={state.hints.some((h) => h.solution)}
      />
      <HintPanel hints={state.hints} />
      {asking ? null : <WrappedText text={t(last ? LEARN_TEXT.lastStep : LEARN_TEXT.exerciseDone)} style={theme.key} width={width} />}
    </Box>
  );
}
