// A live session's quiz on the full screen (`quiz --join` in a terminal, or a join address typed
// into Home's Quiz): the Practice screen on a remote store (src/ui/remote-quiz-store.ts), whose
// questions and verdicts come from the instructor's server. A status line above the key bar
// says when the server is being reached, when it cannot be and is retried, and when it is back;
// the learner types nothing again. As in a local quiz (Quiz.tsx), the header shows the time left
// of a timed session (counted here from what the server said was left, src/ui/remote-quiz-clock.ts),
// Esc ends the quiz only when pressed twice, and the end says how it ended (finished, ended
// early, time up), the score and what was left unanswered.
import { Box, Text } from "ink";
import { useState } from "react";
import { useStore } from "zustand";
import { englishNoun, type Localized } from "../../core/i18n";
import { fill } from "../../engine/texts";
import { resultLines } from "../../join/results";
import { JOIN_TEXT } from "../../join/texts";
import { QUIZ_TEXT, scoreText } from "../../quiz/texts";
import { QuizTimer } from "../components/QuizTimer";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useText, useTheme } from "../context";
import { useHoldKeys, useKeypress } from "../keypress";
import type { RemoteQuiz } from "../remote-quiz-store";
import { UI_TEXT } from "../strings";
import { JOINED_TEXT } from "./joined-quiz-strings";
import { useTerminalSize } from "../use-terminal-size";
import { Practice } from "./Practice";

/** `returnsHome`: opened from Home, so its end goes back there; from the command line it ends the trainer. */
export function JoinedQuiz({ remote, returnsHome = false, ...props }: ScreenProps & { remote: RemoteQuiz; returnsHome?: boolean }) {
  const t = useText();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const phase = useStore(remote.store, (s) => s.phase);
  const connection = useStore(remote.connection);
  // Only whether there is a time limit: the seconds re-render the timer alone.
  const timed = useStore(remote.clock, (s) => s.secondsLeft !== null);
  // The intro goes once the first answer is graded or skipped, as in a local quiz (whose intro
  // needs an answer in the engine's session, which a joined quiz does not have here).
  const nothingAnswered = useStore(remote.store, (s) => s.phase === "asking" && (s.feedback === null || s.feedback.verdict === "invalid"));
  const [confirming, setConfirming] = useState(false);
  // Keys typed while the server has not answered act on what its answer shows, in order.
  useHoldKeys((connection.busy || connection.joining) && connection.failure === null);

  useKeypress((_input, key) => {
    if (!key.escape) {
      if (confirming) setConfirming(false);
      return;
    }
    if (remote.store.getState().phase === "finished" || remote.connection.getState().failure) {
      remote.end();
      props.onBack();
      return;
    }
    if (confirming) {
      setConfirming(false);
      remote.store.getState().quit();
    } else {
      setConfirming(true);
    }
  });

  const info = connection.info;
  const count = info?.count ?? 0;
  const status: Localized | null = connection.failure
    ? connection.failure
    : connection.down !== null
      ? fill(JOIN_TEXT.serverDown, { reason: connection.down })
      : connection.joining
        ? JOINED_TEXT.joining
        : connection.back
          ? JOIN_TEXT.serverBack
          : connection.paused
            ? JOIN_TEXT.paused
            : null;
  const statusStyle = connection.failure || connection.down !== null ? theme.warn : theme.muted;
  return (
    <Practice
      {...props}
      session={{ mode: "quiz", hintsAllowed: info?.hintsAllowed ?? true, retryAllowed: false }}
      store={remote.store}
      status={
        phase === "finished" || !(timed || connection.busy) ? null : (
          <Box>
            {connection.busy ? <Text {...theme.muted}>{`${t(JOINED_TEXT.sending)} `}</Text> : null}
            <QuizTimer clock={remote.clock} />
          </Box>
        )
      }
      intro={
        nothingAnswered ? (
          <Box flexDirection="column" marginBottom={rows >= 20 ? 1 : 0}>
            <WrappedText
              text={t(JOINED_TEXT.intro, {
                name: remote.name,
                code: remote.code,
                count,
                questionNoun: englishNoun(count, "question", "questions"),
              })}
              width={columns}
              style={theme.muted}
            />
            {info && !info.hintsAllowed ? <WrappedText text={t(QUIZ_TEXT.hintsOff)} width={columns} style={theme.muted} /> : null}
            {info?.feedback === "end" ? <WrappedText text={t(JOIN_TEXT.feedbackAtEnd)} width={columns} style={theme.muted} /> : null}
          </Box>
        ) : null
      }
      footer={
        confirming && phase !== "finished" && !connection.failure ? (
          <WrappedText text={t(UI_TEXT.quizConfirmEnd)} width={columns} style={theme.warn} />
        ) : status ? (
          <Box flexDirection="column">
            <WrappedText text={t(status)} width={columns} style={statusStyle} />
            {connection.failure ? <Text {...theme.key}>{t(JOINED_TEXT.failedLeave)}</Text> : null}
          </Box>
        ) : null
      }
      finished={(state) => (
        <Box flexDirection="column">
          <Text {...theme.heading}>
            {t(connection.timeUp ? UI_TEXT.quizTimeUpTitle : state.summary?.quit ? UI_TEXT.quizEndedEarly : UI_TEXT.quizFinished)}
          </Text>
          {connection.timeUp ? <WrappedText text={t(QUIZ_TEXT.timeUp)} width={columns} /> : null}
          {info?.feedback === "end"
            ? resultLines(connection.results).map((line, i) => <WrappedText key={String(i)} text={t(line)} width={columns} />)
            : null}
          {connection.score ? <WrappedText text={t(scoreText(connection.score))} width={columns} style={theme.heading} /> : null}
          {connection.unanswered > 0 ? (
            <WrappedText text={t(fill(QUIZ_TEXT.unanswered, { n: connection.unanswered }))} width={columns} />
          ) : null}
          <WrappedText text={t(fill(JOIN_TEXT.recorded, { code: remote.code }))} width={columns} />
          <Text {...theme.key}>{t(returnsHome ? UI_TEXT.quizExitHome : UI_TEXT.quizExit)}</Text>
        </Box>
      )}
      backLabel={phase !== "finished" ? UI_TEXT.keyEndQuiz : returnsHome ? UI_TEXT.keyHome : UI_TEXT.keyQuit}
    />
  );
}
