// Learn's table of contents: every step of the course under its chapter, the one under the
// pointer highlighted, the learner's current step marked. ↑/↓ move, Enter opens the step.
import { Box, Text } from "ink";
import { useMarks, useText, useTheme } from "../context";
import type { CourseStep } from "../../engine/course-steps";

export interface StepPickerProps {
  steps: readonly CourseStep[];
  /** The step under the pointer. */
  selected: number;
  /** The step the learner is on. */
  current: number;
  width: number;
  /** Rows the list may take. */
  height: number;
}

type Row = { kind: "chapter"; text: string; key: string } | { kind: "step"; index: number; text: string; key: string };

export function StepPicker({ steps, selected, current, width, height }: StepPickerProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const rows: Row[] = [];
  let chapter = "";
  for (const s of steps) {
    if (s.chapter.id !== chapter) {
      chapter = s.chapter.id;
      rows.push({ kind: "chapter", text: t(s.chapter.title), key: `c:${chapter}` });
    }
    rows.push({
      kind: "step",
      index: s.index,
      text: `${s.index + 1}. ${t(s.lesson.title)} ${marks.pointer} ${t(s.step.title)}`,
      key: s.step.id,
    });
  }
  const at = rows.findIndex((r) => r.kind === "step" && r.index === selected);
  const shown = Math.max(1, height);
  // Keep the pointer in view, with its chapter heading when it fits.
  const start = Math.max(0, Math.min(at - Math.floor(shown / 2), rows.length - shown));
  return (
    <Box flexDirection="column" width={width}>
      {rows.slice(start, start + shown).map((row) =>
        row.kind === "chapter" ? (
          <Text key={row.key} {...theme.heading} wrap="truncate-end">
            {row.text}
          </Text>
        ) : (
          <Text key={row.key} wrap="truncate-end" {...(row.index === selected ? theme.selected : {})}>
            {row.index === selected ? marks.pointer : " "}
            {row.index === current ? "*" : " "}
            {row.text}
          </Text>
        ),
      )}
    </Box>
  );
}
