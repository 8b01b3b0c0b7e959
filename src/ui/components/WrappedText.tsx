// Prose wrapped to a width by the one wrapper plain mode uses too (core/text-wrap: no space left
// at the start of a line, Japanese broken between characters but never before 。、」, "x = 1.386"
// kept on one line where it can be), one <Text> per line; continuation lines can hang under a
// prefix such as "› 1. ".
import { Box, Text } from "ink";
import { displayWidth } from "../../core/latex";
import { wrapLines } from "../../core/text-wrap";
import type { Style } from "../theme";

export interface WrappedTextProps {
  text: string;
  width: number;
  style?: Style;
  /** Written before the first line; later lines are indented by its width. */
  prefix?: string;
  prefixStyle?: Style;
}

export function WrappedText({ text, width, style = {}, prefix = "", prefixStyle = style }: WrappedTextProps) {
  const indent = displayWidth(prefix);
  const lines = wrapLines(text, Math.max(1, width - indent), { prose: true });
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) => (
        // Lines of one wrapped text are positions, not items: the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} wrap="truncate-end">
          <Text {...prefixStyle}>{i === 0 ? prefix : " ".repeat(indent)}</Text>
          <Text {...style}>{line}</Text>
        </Text>
      ))}
    </Box>
  );
}
