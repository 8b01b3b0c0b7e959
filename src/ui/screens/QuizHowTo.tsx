// Quiz from Home: how to start one from the command line. A quiz needs the instructor's seed and
// the learner's name for the result file the instructor collects (and maybe --time, --no-hints
// or the session file they hand out), so it is started with those on the command line rather
// than from a menu that would have to ask for each.
import { Box, Text } from "ink";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { type ScreenProps, useText, useTheme } from "../context";
import { UI_TEXT } from "../strings";

export function QuizHowTo(_props: ScreenProps) {
  const t = useText();
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Header title={t(UI_TEXT.quizTitle)} />
      <Text>{t(UI_TEXT.quizHowTo)}</Text>
      <Box paddingLeft={2} marginY={1}>
        <Text {...theme.key}>{t(UI_TEXT.quizCommand)}</Text>
      </Box>
      <KeyBar
        items={[
          { action: "back", label: UI_TEXT.keyBack },
          { action: "help", label: UI_TEXT.keyHelp },
        ]}
      />
    </Box>
  );
}
