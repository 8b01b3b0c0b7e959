// A plot drawn as rows of text (braille dots or ASCII characters, made by src/ui/plot). Colour,
// when on, only tells the curves apart faster: each is also told apart by its line style and
// its label, and marks (● ○ ◆) are glyphs. Screen readers get `label` instead of the drawing.
import { Box, Text } from "ink";
import type { Segment } from "../plot/braille";
import { SERIES } from "../plot/explore-model";
import { useTheme } from "../context";
import type { Style } from "../theme";

export interface PlotProps {
  rows: readonly (readonly Segment[])[];
  /** What the plot shows, in words. */
  label: string;
}

const SERIES_STYLE: Readonly<Record<number, Style>> = {
  [SERIES.axis]: { dimColor: true },
  [SERIES.sigma]: { color: "cyan" },
  [SERIES.derivative]: { color: "yellow" },
  [SERIES.tangent]: { color: "magenta" },
  [SERIES.point]: { color: "red", bold: true },
  [SERIES.steepest]: { color: "green", bold: true },
};

export function Plot({ rows, label }: PlotProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" flexShrink={0} aria-label={label}>
      {rows.map((segments, row) => (
        // Rows are positions on the plot, not items: the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={row} wrap="truncate-end">
          {segments.map((segment, i) =>
            theme.color ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments of a row are positional
              <Text key={i} {...(SERIES_STYLE[segment.series] ?? {})}>
                {segment.text}
              </Text>
            ) : (
              segment.text
            ),
          )}
        </Text>
      ))}
    </Box>
  );
}
