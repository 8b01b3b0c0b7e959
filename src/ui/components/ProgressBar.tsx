// A labelled bar: "Derivation  ████░░░░  2/4". The numbers are always written out, so the bar is
// never the only carrier of the figure (no colour, screen readers).
import { Box, Text } from "ink";
import { useMarks, useTheme } from "../context";

export interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
  /** Cells for the label column and for the bar itself. */
  labelWidth: number;
  barWidth: number;
}

export function ProgressBar({ label, done, total, labelWidth, barWidth }: ProgressBarProps) {
  const theme = useTheme();
  const marks = useMarks();
  const fraction = total <= 0 ? 0 : Math.max(0, Math.min(1, done / total));
  const cells = Math.max(1, barWidth);
  const filled = Math.round(fraction * cells);
  const figure = `${done}/${total}`;
  return (
    <Box aria-role="progressbar" aria-label={`${label}: ${figure}`}>
      <Box width={labelWidth} flexShrink={0} marginRight={1}>
        <Text wrap="truncate-end">{label}</Text>
      </Box>
      <Box flexShrink={0} marginRight={1}>
        <Text {...theme.barFilled}>{marks.barFull.repeat(filled)}</Text>
        <Text {...theme.barEmpty}>{marks.barEmpty.repeat(cells - filled)}</Text>
      </Box>
      <Text>{figure}</Text>
    </Box>
  );
}
