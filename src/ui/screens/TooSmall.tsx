// Shown instead of any screen while the terminal is smaller than the screens are laid out for.
// The screen underneath keeps its state (the typed answer lives in its store) and comes back
// when the terminal grows again.
import { Box, Text } from "ink";
import { useText, useTheme } from "../context";
import { UI_TEXT } from "../strings";
import { MIN_COLUMNS, MIN_ROWS } from "../use-terminal-size";

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const t = useText();
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={columns}>
      <Text {...theme.warn}>{t(UI_TEXT.tooSmall, { needW: MIN_COLUMNS, needH: MIN_ROWS, w: columns, h: rows })}</Text>
      {rows > 2 ? <Text>{t(UI_TEXT.tooSmallHint)}</Text> : null}
    </Box>
  );
}
