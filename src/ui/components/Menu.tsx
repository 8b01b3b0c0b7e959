// A menu with a shortcut letter for each item: "› p  Practice". Arrows or j/k move, Enter
// chooses; the letters are handled by the screen (it knows what they open). The selection is
// marked with › as well as colour, and laid out in one or more columns to fit small terminals.
import { Box, Text } from "ink";
import type { Localized } from "../../core/i18n";
import { useAscii, useMarks, useText, useTheme } from "../context";
import { type Action, primaryKey } from "../keymap";

export interface MenuItem<Id extends string> {
  id: Id;
  label: Localized;
  /** The action whose key is the item's shortcut. */
  shortcut: Action;
}

export interface MenuProps<Id extends string> {
  items: readonly MenuItem<Id>[];
  selected: number;
  columns: number;
  /** Cells per column. */
  columnWidth: number;
}

export function Menu<Id extends string>({ items, selected, columns, columnWidth }: MenuProps<Id>) {
  const t = useText();
  const theme = useTheme();
  const ascii = useAscii();
  const marks = useMarks();
  const perColumn = Math.ceil(items.length / Math.max(1, columns));
  const columnItems = Array.from({ length: Math.max(1, columns) }, (_, c) => items.slice(c * perColumn, (c + 1) * perColumn));
  return (
    <Box aria-role="menu">
      {columnItems.map((group, c) => (
        <Box key={group[0]?.id ?? c} flexDirection="column" width={columnWidth} flexShrink={0}>
          {group.map((item, i) => {
            const index = c * perColumn + i;
            const isSelected = index === selected;
            const label = t(item.label);
            return (
              <Box key={item.id} aria-role="menuitem" aria-state={{ selected: isSelected }} aria-label={label}>
                <Text {...(isSelected ? theme.selected : {})}>{isSelected ? marks.pointer : " "} </Text>
                <Text {...theme.key}>{primaryKey(item.shortcut, ascii)}</Text>
                <Text wrap="truncate-end" {...(isSelected ? theme.selected : {})}>
                  {"  "}
                  {label}
                </Text>
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
