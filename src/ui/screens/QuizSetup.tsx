// Quiz from Home: asks the learner's name (remembered in the settings for next time), then the
// seed or the session file the instructor handed out (or a live session's join address), then runs the quiz on this same screen.
// The result file goes where `sigmoid-trainer quiz` puts it (quiz-results/ in the data directory).
import { Box, Text } from "ink";
import { useState } from "react";
import { version } from "../../../package.json";
import { fill } from "../../engine/texts";
import { NothingToAskError } from "../../quiz/nothing-to-ask";
import { defaultResultPath, ResultWriter } from "../../quiz/writer";
import { AnswerField } from "../components/AnswerField";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useExitSaver, useLang, useScreenMemo, useText, useTheme, useTrainer } from "../context";
import { useKeypress } from "../keypress";
import { matches } from "../keymap";
import { createQuizSession, type QuizSession } from "../quiz-session";
import { readName, readQuizSource, sanitizeForTerminal } from "../quiz-setup";
import { UI_TEXT } from "../strings";
import { editField, fieldWith, type TextFieldState } from "../text-field";
import { useTerminalSize } from "../use-terminal-size";
import { connectSession } from "../../join/connect";
import { parseJoinUrl } from "../../join/url";
import { createRemoteQuiz, type RemoteQuiz } from "../remote-quiz-store";
import { JoinedQuiz } from "./JoinedQuiz";
import { QuizRun } from "./Quiz";
import { QUIZ_SETUP_TEXT } from "./quiz-setup-strings";
import type { Localized } from "../../core/i18n";

interface SetupMemo {
  step: "name" | "source";
  name: TextFieldState;
  source: TextFieldState;
  message: Localized | null;
  quiz: QuizSession | null;
  joined: RemoteQuiz | null;
}

export function QuizSetup(props: ScreenProps) {
  const trainer = useTrainer();
  const t = useText();
  const lang = useLang();
  const theme = useTheme();
  const { columns } = useTerminalSize();
  const remembered = trainer.progress.getState().settings.name;
  const memo = useScreenMemo<SetupMemo>("quiz-setup", () => ({
    step: "name",
    name: fieldWith(remembered ?? ""),
    source: fieldWith(""),
    message: null,
    quiz: null,
    joined: null,
  }));
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((n) => n + 1);
  // Ctrl+C mid-quiz: the answers are in the file already; this marks how it ended.
  useExitSaver(() => memo.quiz?.end());
  const leave = () => {
    memo.quiz?.end();
    memo.joined?.end();
    props.onBack();
  };

  const start = async (): Promise<void> => {
    const name = readName(memo.name.text);
    if (!name.ok) {
      memo.step = "name";
      memo.message = name.message;
      return;
    }
    if (/^\s*https?:\/\//i.test(memo.source.text)) return join(name.value);
    const source = await readQuizSource(
      memo.source.text,
      process.cwd(),
      trainer.course.skills.map((s) => s.id),
    );
    if (!source.ok) {
      memo.message = source.message;
      return;
    }
    const { dataDir } = trainer.progress.getState();
    if (dataDir === null) {
      memo.message = QUIZ_SETUP_TEXT.noDataDir;
      return;
    }
    try {
      const quiz = createQuizSession({
        course: trainer.course,
        progress: trainer.progress,
        settings: source.value,
        name: name.value,
        writer: new ResultWriter(defaultResultPath(dataDir, name.value, source.value.seed, Date.now()), true),
        app: version,
        lang,
        onSaveProblem(message) {
          if (message) trainer.ui.getState().showWarning("quiz-result", message);
          else trainer.ui.getState().clearWarning("quiz-result");
        },
      });
      memo.quiz = quiz;
      memo.message = null;
      quiz.start();
    } catch (error) {
      if (error instanceof NothingToAskError) memo.message = { ja: error.message, en: error.message };
      else memo.message = fill(QUIZ_SETUP_TEXT.cannotStart, { reason: sanitizeForTerminal(String((error as Error).message ?? error)) });
    }
  };

  /** A join address: the live session's quiz, graded by the instructor's server, on this screen. */
  const join = (name: string): void => {
    const address = parseJoinUrl(memo.source.text);
    const { dataDir } = trainer.progress.getState();
    if (!address.ok) {
      memo.message = fill(QUIZ_SETUP_TEXT.cannotStart, { reason: address.problem });
      return;
    }
    if (dataDir === null) {
      memo.message = QUIZ_SETUP_TEXT.noDataDir;
      return;
    }
    let remote: RemoteQuiz | null = null;
    const session = connectSession({
      url: address.url,
      name,
      dataDir,
      onDown: (reason) => remote?.serverDown(reason),
      onUp: () => remote?.serverBack(),
      onPaused: () => remote?.sessionPaused(),
      onResumed: () => remote?.sessionResumed(),
    });
    remote = createRemoteQuiz({ session, course: trainer.course });
    memo.joined = remote;
    memo.message = null;
    void remote.start();
  };

  useKeypress((input, key) => {
    if (memo.quiz || memo.joined) return; // The quiz's own screen takes the keys.
    if (matches("back", input, key)) return leave();
    if (key.ctrl && input === "c") return;
    const field = memo.step === "name" ? memo.name : memo.source;
    const edited = editField(field, input, key);
    if (edited === null) return;
    if (edited === "submit") {
      if (memo.step === "name") {
        const name = readName(memo.name.text);
        if (!name.ok) memo.message = name.message;
        else {
          if (name.value !== trainer.progress.getState().settings.name) trainer.progress.getState().setSetting("name", name.value);
          memo.name = fieldWith(name.value);
          memo.step = "source";
          memo.message = null;
        }
      } else {
        // A session file's parser is loaded on first use (it needs zod): the frame follows it.
        void start().then(rerender);
      }
      return rerender();
    }
    if (memo.step === "name") memo.name = edited;
    else memo.source = edited;
    // What was wrong is about what was typed before: it goes once the learner types again.
    if (edited.text !== field.text) memo.message = null;
    rerender();
  });

  if (memo.quiz) return <QuizRun {...props} onBack={leave} quiz={memo.quiz} returnsHome />;
  if (memo.joined) return <JoinedQuiz {...props} onBack={leave} remote={memo.joined} returnsHome />;

  return (
    <Box flexDirection="column" width={columns}>
      <Header title={t(UI_TEXT.quizTitle)} />
      <WrappedText text={t(QUIZ_SETUP_TEXT.about)} width={columns} style={theme.muted} />
      <AnswerField label={t(QUIZ_SETUP_TEXT.nameLabel)} value={memo.name.text} cursor={memo.name.cursor} active={memo.step === "name"} />
      {memo.step === "source" ? (
        <>
          <WrappedText text={t(QUIZ_SETUP_TEXT.sourceAbout)} width={columns} style={theme.muted} />
          <AnswerField label={t(QUIZ_SETUP_TEXT.sourceLabel)} value={memo.source.text} cursor={memo.source.cursor} active />
        </>
      ) : null}
      {memo.message ? <WrappedText text={t(memo.message)} width={columns} style={theme.warn} /> : <Text> </Text>}
      <KeyBar
        items={[
          { action: "submit", label: memo.step === "name" ? QUIZ_SETUP_TEXT.keyNext : QUIZ_SETUP_TEXT.keyStart },
          { action: "back", label: UI_TEXT.keyBack },
          { action: "help", label: UI_TEXT.keyHelp },
        ]}
      />
    </Box>
  );
}
