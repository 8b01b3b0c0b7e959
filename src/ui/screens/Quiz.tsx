// The quiz. Started from the command line (`sigmoid-trainer quiz --seed N ...` in a terminal),
// it runs the Practice screen on the quiz's own session (src/ui/quiz-session.ts): questions from
// the seed alone, each asked once (no retry), hints only when allowed, the time left in the
// header, and at the end the score and the result file. Opened from Home, QuizSetup asks for the
// name and the seed (or session file) first, then runs the quiz the same way.
//
// Esc ends the quiz only when pressed twice (a stray Esc should not end an exam); what was
// answered is in the result file already, and what was not counts as unanswered.
import { englishNoun } from "../../core/i18n";
import { Box } from "ink";
import { useState } from "react";
import { useStore } from "zustand";
import { QUIZ_TEXT } from "../../quiz/texts";
import { QuizSummary } from "../components/QuizSummary";
import { QuizTimer } from "../components/QuizTimer";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useText, useTheme, useTrainer } from "../context";
import { type QuizSession, quizSessionConfig } from "../quiz-session";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { JoinedQuiz } from "./JoinedQuiz";
import { Practice } from "./Practice";
import { QuizSetup } from "./QuizSetup";
import { useKeypress } from "../keypress";

export function Quiz(props: ScreenProps) {
  const { quiz, joined } = useTrainer();
  if (joined) return <JoinedQuiz {...props} remote={joined} />;
  return quiz ? <QuizRun {...props} quiz={quiz} /> : <QuizSetup {...props} />;
}

/** `returnsHome`: started from Home (QuizSetup), so its end goes back there; from the command line it ends the trainer. */
export function QuizRun({ quiz, returnsHome = false, ...props }: ScreenProps & { quiz: QuizSession; returnsHome?: boolean }) {
  const t = useText();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const phase = useStore(quiz.store, (s) => s.phase);
  const [confirming, setConfirming] = useState(false);

  useKeypress((_input, key) => {
    if (quiz.store.getState().phase === "finished") {
      if (key.escape) props.onBack();
      return;
    }
    if (key.escape) {
      if (confirming) {
        setConfirming(false);
        quiz.end();
      } else {
        setConfirming(true);
      }
      return;
    }
    // Any other key goes on with the quiz (and does what it does there).
    if (confirming) setConfirming(false);
  });

  const { settings } = quiz;
  const session = quizSessionConfig(settings);
  const planned = quiz.store.getState().session.plan.length;
  return (
    <Practice
      {...props}
      session={session}
      store={quiz.store}
      status={phase === "finished" ? null : <QuizTimer clock={quiz.clock} />}
      intro={
        <Box flexDirection="column" marginBottom={rows >= 20 ? 1 : 0}>
          <WrappedText
            text={t(UI_TEXT.quizIntro, {
              name: quiz.name,
              count: planned,
              questionNoun: englishNoun(planned, "question", "questions"),
              seed: settings.seed,
            })}
            width={columns}
            style={theme.muted}
          />
          {settings.hintsAllowed ? null : <WrappedText text={t(QUIZ_TEXT.hintsOff)} width={columns} style={theme.muted} />}
        </Box>
      }
      footer={
        confirming && phase !== "finished" ? <WrappedText text={t(UI_TEXT.quizConfirmEnd)} width={columns} style={theme.warn} /> : null
      }
      finished={(state) => <QuizSummary quiz={quiz} state={state} width={columns} returnsHome={returnsHome} />}
      backLabel={phase !== "finished" ? UI_TEXT.keyEndQuiz : returnsHome ? UI_TEXT.keyHome : UI_TEXT.keyQuit}
    />
  );
}
