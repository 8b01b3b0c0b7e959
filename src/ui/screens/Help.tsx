// Help: every key, printed from the one key map in the current language, grouped by where it
// works. It scrolls (↑/↓, j/k, PgUp/PgDn) when the terminal is shorter than the list.
import { Box, Text } from "ink";
import { useState } from "react";
import type { Localized } from "../../core/i18n";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { type ScreenProps, useAscii, useText, useTheme } from "../context";
import { actionsIn, KEY_BINDINGS, KEY_GROUPS, type KeyGroup, keyLabel, matches } from "../keymap";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { useKeypress } from "../keypress";

const GROUP_TITLES: Record<KeyGroup, Localized> = {
  everywhere: UI_TEXT.groupEverywhere,
  home: UI_TEXT.groupHome,
  lists: UI_TEXT.groupLists,
  answer: UI_TEXT.groupAnswer,
  practice: UI_TEXT.groupPractice,
  learn: UI_TEXT.groupLearn,
  explore: UI_TEXT.groupExplore,
};

type Line = { id: string } & ({ kind: "group"; title: Localized } | { kind: "key"; keys: string; description: Localized });

export function Help(_props: ScreenProps) {
  const t = useText();
  const theme = useTheme();
  const ascii = useAscii();
  const { columns, rows } = useTerminalSize();
  const [top, setTop] = useState(0);

  const lines: Line[] = KEY_GROUPS.flatMap((group): Line[] => [
    { id: `group:${group}`, kind: "group", title: GROUP_TITLES[group] },
    ...actionsIn(group).map(
      (action): Line => ({ id: action, kind: "key", keys: keyLabel(action, ascii), description: KEY_BINDINGS[action].description }),
    ),
  ]);
  const keysWidth = Math.min(26, Math.max(...lines.map((l) => (l.kind === "key" ? l.keys.length : 0))) + 4);
  // Header 1, key bar 1 (2 when narrow), and the frame stays a line shorter than the terminal.
  const visible = Math.max(3, rows - 1 - 1 - (columns < 60 ? 2 : 1));
  const maxTop = Math.max(0, lines.length - visible);
  // From the latest value, not the rendered one: several keys may arrive in one input chunk.
  const scrollBy = (lines: number) => setTop((current) => Math.max(0, Math.min(maxTop, current + lines)));
  useKeypress((input, key) => {
    if (matches("down", input, key)) scrollBy(1);
    else if (matches("up", input, key)) scrollBy(-1);
    else if (matches("scrollDown", input, key)) scrollBy(visible - 1);
    else if (matches("scrollUp", input, key)) scrollBy(-(visible - 1));
  });

  const shown = lines.slice(top, top + visible);
  return (
    <Box flexDirection="column" width={columns}>
      <Header title={t(UI_TEXT.helpTitle)} />
      <Box flexDirection="column" height={visible} overflow="hidden">
        {shown.map((line) =>
          line.kind === "group" ? (
            <Text key={line.id} {...theme.heading}>
              {t(line.title)}
            </Text>
          ) : (
            <Box key={line.id}>
              <Box width={keysWidth} flexShrink={0} paddingLeft={2}>
                <Text {...theme.key} wrap="truncate-end">
                  {line.keys}
                </Text>
              </Box>
              <Text wrap="truncate-end">{t(line.description)}</Text>
            </Box>
          ),
        )}
      </Box>
      <KeyBar
        items={[
          { action: "down", label: UI_TEXT.keyMove, keys: ascii ? "Up/Down" : "↑↓" },
          { action: "back", label: UI_TEXT.keyBack },
        ]}
      />
    </Box>
  );
}
