// A labelled bar: "Derivation  ████░░░░  2/4". The numbers are always written out, so the bar is
// never the only carrier of the figure (no colour, screen readers).
import { Box, Text } from "ink";
import { displayWidth } from "../../core/latex";
import { useMarks, useTheme } from "../context";

export interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
  /** Cells for the label column and for the bar itself. */
  labelWidth: number;
  barWidth: number;
  /** What is counted, written after the figure ("2/4 steps"); none when the heading says it. */
  unit?: string;
}

export function ProgressBar({ label, done, total, labelWidth, barWidth, unit }: ProgressBarProps) {
  const theme = useTheme();
  const marks = useMarks();
  const fraction = total <= 0 ? 0 : Math.max(0, Math.min(1, done / total));
  const cells = Math.max(1, barWidth);
  const filled = Math.round(fraction * cells);
  const figure = unit ? `${done}/${total} ${unit}` : `${done}/${total}`;
  return (
    <Box aria-role="progressbar" aria-label={`${label}: ${figure}`}>
      <Box width={labelWidth} flexShrink={0} marginRight={1}>
        <Text wrap="truncate-end">{fitLabel(label, labelWidth)}</Text>
      </Box>
      <Box flexShrink={0} marginRight={1}>
        <Text {...theme.barFilled}>{marks.barFull.repeat(filled)}</Text>
        <Text {...theme.barEmpty}>{marks.barEmpty.repeat(cells - filled)}</Text>
      </Box>
      <Text>{figure}</Text>
    </Box>
  );
}

/**
 * The label cut to the column by display width, with "…": Ink's own truncation can leave a
 * double-width (Japanese) label one cell too wide, touching the bar.
 */
export function fitLabel(label: string, width: number): string {
  if (displayWidth(label) <= width) return label;
  let cut = "";
  for (const ch of label) {
    if (displayWidth(cut + ch) > width - 1) break;
    cut += ch;
  }
  return `${cut}…`;
}
