// Placeholder until the Stats screen is written (by the second UI helper, who replaces this file).
import { Box, Text } from "ink";
import type { ScreenProps } from "../context";
import { useText } from "../context";
import { UI_TEXT } from "../strings";

export function Stats(_props: ScreenProps) {
  const t = useText();
  return (
    <Box>
      <Text>Stats: {t(UI_TEXT.coming)}</Text>
    </Box>
  );
}
