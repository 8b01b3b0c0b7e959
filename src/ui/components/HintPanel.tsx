// Hints shown so far for the question on screen, in stages; the last stage is the worked solution.
import { Box, Text } from "ink";
import { fill, SESSION_TEXT } from "../../engine/texts";
import { useText, useTheme } from "../context";
import type { HintShown } from "../practice-store";

export function HintPanel({ hints }: { hints: readonly HintShown[] }) {
  const t = useText();
  const theme = useTheme();
  if (hints.length === 0) return null;
  return (
    <Box flexDirection="column">
      {hints.map((h) =>
        h.solution ? (
          <Box key={h.stage} flexDirection="column">
            <Text {...theme.heading}>{t(SESSION_TEXT.solution)}</Text>
            <Box paddingLeft={2}>
              <Text>{t(h.text)}</Text>
            </Box>
          </Box>
        ) : (
          <Text key={h.stage}>
            <Text {...theme.key}>{t(fill(SESSION_TEXT.hint, { stage: h.stage, stages: h.stages }))}</Text>
            {t(h.text)}
          </Text>
        ),
      )}
    </Box>
  );
}
