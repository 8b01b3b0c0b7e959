// The end of the course in Learn: what it covered (its chapters) and which skills to practise
// next (those with the fewest exercises answered right so far).
import { Box, Text } from "ink";
import type { Course } from "../../content/model";
import type { StoredAttempt } from "../../progress";
import { useText, useTheme } from "../context";
import { skillProgress } from "../screens/Home";
import { LEARN_TEXT } from "../screens/learn-strings";
import { WrappedText } from "./WrappedText";

/** How many skills the end screen suggests. */
const SUGGESTED = 3;

export interface CourseCompleteProps {
  course: Course;
  attempts: readonly StoredAttempt[];
  width: number;
  /** A small terminal: no blank lines between the parts (the key bar says the keys). */
  compact: boolean;
}

export function CourseComplete({ course, attempts, width, compact }: CourseCompleteProps) {
  const t = useText();
  const theme = useTheme();
  const weakest = skillProgress(course, attempts)
    .filter((s) => s.total > 0)
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => a.done / a.total - b.done / b.total || a.order - b.order)
    .slice(0, SUGGESTED);
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.good}>{t(LEARN_TEXT.completeTitle)}</Text>
      <Box marginTop={compact ? 0 : 1} flexDirection="column">
        <Text {...theme.heading}>{t(LEARN_TEXT.completeCovered)}</Text>
        {course.chapters.map((c) => (
          <WrappedText key={c.id} prefix="- " text={t(c.title)} width={width} />
        ))}
      </Box>
      {weakest.length > 0 ? (
        <Box marginTop={compact ? 0 : 1} flexDirection="column">
          <Text {...theme.heading}>{t(LEARN_TEXT.completeNext)}</Text>
          {weakest.map((s) => (
            <WrappedText key={s.id} prefix="- " text={t(s.title)} width={width} />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
