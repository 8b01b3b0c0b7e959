// Stats: what the learner has done and what comes next, with the same figures as
// `sigmoid-trainer stats` (both come from computeStats): answers and accuracy, the streak of
// days, accuracy per skill (bars with the numbers written out), mistakes by kind under the
// mistake catalogue's names, the reviews due and when the next one is. Scrolls when taller
// than the terminal (↑/↓, PgUp/PgDn).
import { englishNoun } from "../../core/i18n";
import { Box, Text } from "ink";
import { useMemo } from "react";
import { mistakeName } from "../../core/mistakes";
import { visibleText } from "../../core/visible-text";
import { computeStats, humanizeInterval } from "../../progress";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { ScrollBody, useScrollBody } from "../components/ScrollBody";
import { percent, type SkillRow, SkillTable } from "../components/SkillTable";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useProgress, useProgressStore, useText, useTheme, useTrainer } from "../context";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { STATS_TEXT } from "./stats-strings";

/** Cells for a mistake's name before its count. */
const MISTAKE_NAME_WIDTH = 36;

export function Stats(_props: ScreenProps) {
  const { course, now } = useTrainer();
  const progress = useProgressStore();
  const t = useText();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const attempts = useProgress((s) => s.attempts);
  const cards = useProgress((s) => s.cards);
  const ratings = useProgress((s) => s.ratings);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempts, cards and ratings are what the figures are made of
  const stats = useMemo(() => computeStats(progress.getState(), now()), [progress, now, attempts, cards, ratings]);
  const nextDue = useMemo(() => {
    const at = now().getTime();
    const upcoming = Object.values(cards)
      .map((card) => card.due.getTime())
      .filter((due) => due > at);
    return upcoming.length === 0 ? null : humanizeInterval(Math.min(...upcoming) - at);
  }, [cards, now]);

  // PgUp/PgDn by a page, ↑/↓ by a line.
  const scroll = useScrollBody({ keys: "lines" });

  // In the course's order of skills (as Home lists them); skills no longer in the course last.
  const order = new Map(course.skills.map((s, i) => [s.id, i]));
  const titles = new Map(course.skills.map((s) => [s.id, s.title]));
  const skillRows: SkillRow[] = Object.entries(stats.skills)
    .sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size))
    .map(([id, s]) => {
      const title = titles.get(id);
      return { id, label: title ? t(title) : visibleText(id), attempts: s.attempts, correct: s.correct, accuracy: s.accuracy ?? 0 };
    });
  const notStarted = course.skills.filter((s) => !(s.id in stats.skills)).length;
  const mistakes = Object.entries(stats.mistakes);
  const days = englishNoun(stats.streak, "day", "days");

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header title={t(STATS_TEXT.title)} />
      <ScrollBody scroll={scroll}>
        {stats.attempts === 0 ? (
          <WrappedText text={t(STATS_TEXT.noAnswers)} width={columns} />
        ) : (
          <>
            <WrappedText
              text={t(STATS_TEXT.answers, { attempts: stats.attempts, correct: stats.correct, percent: percent(stats.accuracy) })}
              width={columns}
            />
            <WrappedText text={t(STATS_TEXT.streak, { n: stats.streak, days })} width={columns} />
          </>
        )}
        <WrappedText text={t(STATS_TEXT.due, { due: stats.due, queue: stats.reviewQueue })} width={columns} />
        {nextDue ? (
          <WrappedText text={t(STATS_TEXT.nextReview, { when: t(nextDue) })} width={columns} />
        ) : stats.due === 0 ? (
          <WrappedText text={t(STATS_TEXT.nothingScheduled)} width={columns} />
        ) : null}
        {skillRows.length > 0 ? (
          <Box flexDirection="column" marginTop={1} flexShrink={0}>
            <Text {...theme.heading}>{t(STATS_TEXT.bySkill)}</Text>
            <SkillTable rows={skillRows} width={columns} />
            {notStarted > 0 ? <Text {...theme.muted}>{t(STATS_TEXT.notStarted, { n: notStarted })}</Text> : null}
          </Box>
        ) : null}
        {stats.attempts > 0 ? (
          <Box flexDirection="column" marginTop={1} flexShrink={0}>
            <Text {...theme.heading}>{t(STATS_TEXT.mistakes)}</Text>
            {mistakes.length === 0 ? (
              <Text {...theme.muted}>{t(STATS_TEXT.noMistakes)}</Text>
            ) : (
              mistakes.map(([id, n]) => (
                <Box key={id}>
                  <Box width={Math.max(8, Math.min(MISTAKE_NAME_WIDTH, columns - 8))} flexShrink={0}>
                    <Text wrap="truncate-end">{visibleText(t(mistakeName(id)))}</Text>
                  </Box>
                  <Box flexShrink={0} marginLeft={1}>
                    <Text>{t(STATS_TEXT.times, { n })}</Text>
                  </Box>
                </Box>
              ))
            )}
          </Box>
        ) : null}
      </ScrollBody>
      <Box flexShrink={0}>
        <KeyBar
          items={[
            ...(scroll.sizes.content > scroll.sizes.view ? [{ action: "scrollDown", label: STATS_TEXT.keyScroll } as const] : []),
            { action: "back", label: UI_TEXT.keyBack },
            { action: "help", label: UI_TEXT.keyHelp },
          ]}
        />
      </Box>
    </Box>
  );
}
