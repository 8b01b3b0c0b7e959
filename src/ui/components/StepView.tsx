// One step of a lesson: its title, the prose (wrapped by Ink to the width), each formula laid out
// in two dimensions (stacked fractions, raised exponents; the linear form when too wide; ASCII
// with the ascii setting), and the rule the step uses, named.
import { Box, Text } from "ink";
import type { Lesson, Step } from "../../content/model";
import { useMarks, useText, useTheme } from "../context";
import { LEARN_TEXT } from "../screens/learn-strings";
import { Formula } from "./Formula";

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
  const paragraphs = t(step.text).split("\n");
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text {...theme.muted}>
          {t(lesson.title)} {marks.pointer}{" "}
        </Text>
        <Text {...theme.heading}>{t(step.title)}</Text>
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {paragraphs.map((paragraph, i) => (
          // A step's paragraphs never reorder: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Text key={i}>{paragraph}</Text>
        ))}
      </Box>
      {step.formulas.map((latex, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: formulas of a step never reorder
        <Box key={i} marginTop={1} paddingLeft={FORMULA_INDENT}>
          <Formula latex={latex} maxWidth={width - FORMULA_INDENT} />
        </Box>
      ))}
      {step.rule ? (
        <Box marginTop={1}>
          <Text>
            <Text {...theme.key}>{t(LEARN_TEXT.rule)}</Text>
            {t(step.rule)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
