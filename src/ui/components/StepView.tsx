// One step of a lesson: its title, the prose (wrapped by Ink to the width), each formula laid out
// in two dimensions (stacked fractions, raised exponents; the linear form when too wide; ASCII
// with the ascii setting), and the rule the step uses, named.
import { Box } from "ink";
import type { Lesson, Step } from "../../content/model";
import { useMarks, useText, useTheme } from "../context";
import { LEARN_TEXT } from "../screens/learn-strings";
import { Formula } from "./Formula";
import { WrappedText } from "./WrappedText";

export interface StepViewProps {
  lesson: Lesson;
  step: Step;
  /** Cells available; formulas get this less their indent. */
  width: number;
}

/** Formulas sit this many cells in from the text, as displayed equations in a book. */
const FORMULA_INDENT = 2;

export function StepView({ lesson, step, width }: StepViewProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <WrappedText text={`${t(lesson.title)} ${marks.pointer} ${t(step.title)}`} style={theme.heading} width={width} />
      <Box flexDirection="column" marginTop={1} flexShrink={0}>
        <WrappedText text={t(step.text)} width={width} />
      </Box>
      {step.formulas.map((latex, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: formulas of a step never reorder
        <Box key={i} marginTop={1} paddingLeft={FORMULA_INDENT} flexShrink={0}>
          <Formula latex={latex} maxWidth={width - FORMULA_INDENT} />
        </Box>
      ))}
      {step.rule ? (
        <Box marginTop={1} flexShrink={0}>
          <WrappedText prefix={t(LEARN_TEXT.rule)} prefixStyle={theme.key} text={t(step.rule)} width={width} />
        </Box>
      ) : null}
    </Box>
  );
}
