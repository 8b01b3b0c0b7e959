// The line of keys at the bottom of a screen: "h hint  Tab skip  Esc back  ? help". Keys come
// from the one key map, so the bar always says what the keys really do.
import { Box, Text } from "ink";
import type { Localized } from "../../core/i18n";
import { useAscii, useText, useTheme } from "../context";
import { type Action, primaryKey } from "../keymap";

export interface KeyBarItem {
  action: Action;
  label: Localized;
  /** Shown instead of the action's first key, e.g. "↑↓" for two actions at once. */
  keys?: string;
}

export function KeyBar({ items }: { items: readonly KeyBarItem[] }) {
  const t = useText();
  const theme = useTheme();
  const ascii = useAscii();
  return (
    // Two spaces between items rather than a separator, which would start a wrapped line.
    <Box flexWrap="wrap" columnGap={2}>
      {items.map((item) => (
        <Box key={item.action} flexShrink={0}>
          <Text {...theme.key}>{item.keys ?? primaryKey(item.action, ascii)}</Text>
          <Text {...theme.muted}> {t(item.label)}</Text>
        </Box>
      ))}
    </Box>
  );
}
