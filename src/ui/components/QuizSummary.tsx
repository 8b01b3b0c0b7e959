// The end of a quiz: how it ended (finished, ended early, time up), the score, what was left
// unanswered, and where the result file is, for the learner to hand to the instructor.
import { Box, Text } from "ink";
import { fill } from "../../engine/texts";
import { QUIZ_TEXT, scoreText } from "../../quiz/texts";
import { useText, useTheme } from "../context";
import type { PracticeState } from "../practice-store";
import type { QuizSession } from "../quiz-session";
import { UI_TEXT } from "../strings";
import { WrappedText } from "./WrappedText";

/** `returnsHome`: the quiz was started from Home, so leaving its end goes back there (else the trainer ends). */
export function QuizSummary({
  quiz,
  state,
  width,
  returnsHome = false,
}: {
  quiz: QuizSession;
  state: PracticeState;
  width: number;
  returnsHome?: boolean;
}) {
  const t = useText();
  const theme = useTheme();
  const outcome = quiz.outcome();
  const heading = outcome.timeUp ? UI_TEXT.quizTimeUpTitle : state.summary?.quit ? UI_TEXT.quizEndedEarly : UI_TEXT.quizFinished;
  const where = outcome.saved
    ? fill(QUIZ_TEXT.savedTo, { path: outcome.path })
    : fill(QUIZ_TEXT.notSaved, { path: outcome.path, reason: outcome.saveFailure ?? "?" });
  return (
    <Box flexDirection="column">
      <Text {...theme.heading}>{t(heading)}</Text>
      {outcome.timeUp ? <WrappedText text={t(QUIZ_TEXT.timeUp)} width={width} /> : null}
      <WrappedText text={t(scoreText(outcome.score))} width={width} style={theme.heading} />
      {outcome.unanswered > 0 ? <WrappedText text={t(fill(QUIZ_TEXT.unanswered, { n: outcome.unanswered }))} width={width} /> : null}
      <WrappedText text={t(where)} width={width} style={outcome.saved ? {} : theme.warn} />
      <Text {...theme.key}>{t(returnsHome ? UI_TEXT.quizExitHome : UI_TEXT.quizExit)}</Text>
    </Box>
  );
}
