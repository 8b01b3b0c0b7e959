// The top line of every screen: the course's σ mark, the screen's title and, on the right, a
// status the screen adds (the quiz's time left). Below it, when saving has stopped, a warning
// that says so (attempts are then kept in memory and retried), and any other warning raised
// while the screen is drawn (written to stderr it would draw over the screen).
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useProgress, useText, useTheme, useUi } from "../context";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { WrappedText } from "./WrappedText";

export interface HeaderProps {
  title: string;
  /** Shown at the right end of the title line; never truncated (the title gives way). */
  status?: ReactNode;
}

export function Header({ title, status }: HeaderProps) {
  const t = useText();
  const theme = useTheme();
  const { columns } = useTerminalSize();
  const problem = useProgress((s) => s.savingProblem);
  const warnings = useUi((s) => s.warnings);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Box>
        <Box flexGrow={1} flexShrink={1}>
          <Text wrap="truncate-end" {...theme.title}>
            {t({ ja: "σ ", en: "σ " })}
            {title}
          </Text>
        </Box>
        {status ? (
          <Box flexShrink={0} marginLeft={1}>
            {status}
          </Box>
        ) : null}
      </Box>
      {problem ? <WrappedText text={t(UI_TEXT.savingFailed, { message: t(problem.message) })} width={columns} style={theme.warn} /> : null}
      {warnings.map((w) => (
        <WrappedText key={w.source} text={t(UI_TEXT.warningLine, { message: t(w.message) })} width={columns} style={theme.warn} />
      ))}
    </Box>
  );
}
