// Hints shown so far for the question on screen, in stages; the last stage is the worked solution.
import { Box, Text } from "ink";
import { fill, SESSION_TEXT } from "../../engine/texts";
import { useText, useTheme } from "../context";
import type { HintShown } from "../practice-store";
import { useTerminalSize } from "../use-terminal-size";
import { WrappedText } from "./WrappedText";

export function HintPanel({ hints, width: given }: { hints: readonly HintShown[]; width?: number }) {
  const columns = useTerminalSize().columns;
  const width = given ?? columns;
  const t = useText();
  const theme = useTheme();
  if (hints.length === 0) return null;
  return (
    <Box flexDirection="column">
      {hints.map((h) =>
        h.solution ? (
          <Box key={h.stage} flexDirection="column">
            <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
            <WrappedText text={t(h.text)} width={width} prefix="  " />
          </Box>
        ) : (
          <WrappedText
            key={h.stage}
            text={t(h.text)}
            width={width}
            prefix={t(fill(SESSION_TEXT.hint, { stage: h.stage, stages: h.stages }))}
            prefixStyle={theme.key}
          />
        ),
      )}
    </Box>
  );
}
