// The top line of every screen: the course's σ mark, the screen's title and, when saving has
// stopped, a warning that says so (attempts are then kept in memory and retried).
import { Box, Text } from "ink";
import { useProgress, useText, useTheme } from "../context";
import { UI_TEXT } from "../strings";

export function Header({ title }: { title: string }) {
  const t = useText();
  const theme = useTheme();
  const problem = useProgress((s) => s.savingProblem);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate-end" {...theme.title}>
        {t({ ja: "σ ", en: "σ " })}
        {title}
      </Text>
      {problem ? <Text {...theme.warn}>{t(UI_TEXT.savingFailed, { message: t(problem.message) })}</Text> : null}
    </Box>
  );
}
