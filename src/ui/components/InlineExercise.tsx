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

export interface InlineExerciseProps {
  state: PracticeState;
  /** The step is the course's last, so there is no next step to offer. */
  last: boolean;
}

export function InlineExercise({ state, last }: InlineExerciseProps) {
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
  return (
    <Box flexDirection="column">
      <Text>
        {question.parts > 1 ? t(fill(SESSION_TEXT.partOf, { part: question.part + 1, parts: question.parts })).trim() : ""}
        {question.parts > 1 ? " " : ""}
        {t(question.prompt)}
      </Text>
      {question.given.length > 0 ? (
        <Text>{t(fill(SESSION_TEXT.given, { items: question.given.map((g) => t(g.text)).join(lang === "ja" ? "、" : ", ") }))}</Text>
      ) : null}
      {asking && state.input === "" && !state.feedback ? <Text {...theme.muted}>{t(LEARN_TEXT.exerciseHow)}</Text> : null}
      <AnswerField value={state.input} cursor={state.cursor} active={asking} />
      {state.notice ? <Text {...theme.warn}>{t(state.notice)}</Text> : null}
      <FeedbackPanel feedback={state.feedback} skipped={state.skipped} comesBack={state.comesBack} canRetry={state.canRetry} />
      <HintPanel hints={state.hints} />
      {asking ? null : <Text {...theme.key}>{t(last ? LEARN_TEXT.lastStep : LEARN_TEXT.exerciseDone)}</Text>}
    </Box>
  );
}
