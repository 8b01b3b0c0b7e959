// Accuracy per skill: the skill's name, a bar, and the figures written out (correct of answered
// and the percentage), so the bar is never the only carrier of the number.
import { Box, Text } from "ink";
import { displayWidth } from "../../core/latex";
import { useAscii, useMarks, useTheme } from "../context";

export interface SkillRow {
  id: string;
  label: string;
  attempts: number;
  correct: number;
  /** correct / attempts. */
  accuracy: number;
}

export interface SkillTableProps {
  rows: readonly SkillRow[];
  width: number;
}

export function percent(accuracy: number | null): string {
  return accuracy === null ? "–" : `${Math.round(accuracy * 100)}%`;
}

export function SkillTable({ rows, width }: SkillTableProps) {
  const theme = useTheme();
  const marks = useMarks();
  const ellipsis = useAscii() ? "..." : "…";
  const figures = rows.map((r) => `${r.correct}/${r.attempts} ${percent(r.accuracy).padStart(4)}`);
  const figureWidth = Math.max(0, ...figures.map((f) => f.length));
  const barWidth = width >= 60 ? 20 : 8;
  const labelWidth = Math.max(8, Math.min(36, width - barWidth - figureWidth - 2));
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => {
        const filled = Math.round(Math.max(0, Math.min(1, row.accuracy)) * barWidth);
        return (
          <Box key={row.id} aria-label={`${row.label}: ${figures[i]}`}>
            <Box width={labelWidth} flexShrink={0} marginRight={1}>
              <Text wrap="truncate-end">{truncateLabel(row.label, labelWidth, ellipsis)}</Text>
            </Box>
            <Box flexShrink={0} marginRight={1}>
              <Text {...theme.barFilled}>{marks.barFull.repeat(filled)}</Text>
              <Text {...theme.barEmpty}>{marks.barEmpty.repeat(barWidth - filled)}</Text>
            </Box>
            <Text>{figures[i]!.padStart(figureWidth)}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

/** The label cut to `width` cells with an ellipsis (wide characters counted as two). */
function truncateLabel(label: string, width: number, ellipsis: string): string {
  if (displayWidth(label) <= width) return label;
  let out = "";
  for (const char of label) {
    if (displayWidth(`${out}${char}${ellipsis}`) > width) break;
    out += char;
  }
  return `${out}${ellipsis}`;
}
