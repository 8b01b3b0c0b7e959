// The quiz's time left, for the header. It reads only the quiz clock, which changes once a
// second, so each tick re-renders this line and not the screen around it.
import { Text } from "ink";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import { formatDuration } from "../../quiz/texts";
import { useText, useTheme } from "../context";
import type { QuizClock } from "../quiz-session";
import { UI_TEXT } from "../strings";

/** From this many seconds left the time is shown as a warning. */
const LAST_MINUTE = 60;

export function QuizTimer({ clock }: { clock: StoreApi<QuizClock> }) {
  const t = useText();
  const theme = useTheme();
  const seconds = useStore(clock, (s) => s.secondsLeft);
  if (seconds === null) return null;
  const time = formatDuration(seconds * 1000);
  return (
    <Text {...(seconds <= LAST_MINUTE ? theme.warn : theme.muted)} aria-label={t(UI_TEXT.quizTimeLeftAria, { time })}>
      {t(UI_TEXT.quizTimeLeft, { time })}
    </Text>
  );
}
