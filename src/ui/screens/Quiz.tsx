// Until the quiz screen is built (on top of Practice with a quiz session config), this says how
// to start a quiz from the command line.
import { Box, Text } from "ink";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { type ScreenProps, useText, useTheme } from "../context";
import { UI_TEXT } from "../strings";

export function Quiz(_props: ScreenProps) {
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
