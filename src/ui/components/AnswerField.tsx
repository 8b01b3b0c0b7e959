// The answer being typed, with its cursor. The text and cursor live in the practice store (so a
// resize that remounts the screen keeps them); this only draws them. With colour the cursor is
// an inverted cell; without colour (no escape codes at all) it is a thin bar between characters.
import { Box, Text } from "ink";
import { useMarks, useTheme, useText } from "../context";
import { UI_TEXT } from "../strings";

export interface AnswerFieldProps {
  value: string;
  /** 0..length, in code points. */
  cursor: number;
  /** The field takes keys now (otherwise no cursor is drawn). */
  active: boolean;
  /** The words before the field; "Answer: " unless told. */
  label?: string;
}

export function AnswerField({ value, cursor, active, label }: AnswerFieldProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const chars = [...value];
  const before = chars.slice(0, cursor).join("");
  const at = chars[cursor] ?? " ";
  const after = chars.slice(cursor + 1).join("");
  return (
    <Box aria-role="textbox" aria-label={`${label ?? t(UI_TEXT.answerAria)}: ${value}`}>
      <Text {...theme.heading}>{label ?? t(UI_TEXT.answerLabel)}</Text>
      {!active ? (
        <Text>{value}</Text>
      ) : theme.color ? (
        <Text>
          {before}
          <Text inverse>{at}</Text>
          {after}
        </Text>
      ) : (
        <Text>
          {before}
          {marks.caret}
          {chars.slice(cursor).join("")}
        </Text>
      )}
    </Box>
  );
}
