// Home: the course title with σ, progress per chapter (lesson steps done: check answered) and per skill
// (exercises answered right), the reviews due, and the menu. Arrows or j/k and Enter choose; each
// item also has its own letter. Two columns when the terminal is wide, one when it is narrow.
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import type { Course } from "../../content/model";
import { displayWidth } from "../../core/latex";
import { type ProgressData, type StoredAttempt, reviewQueue } from "../../progress";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { Menu, type MenuItem } from "../components/Menu";
import { ProgressBar } from "../components/ProgressBar";
import {
  type ScreenId,
  type ScreenProps,
  useAscii,
  useCourse,
  useProgress,
  useScreenMemo,
  useText,
  useTheme,
  useTrainer,
} from "../context";
import { type Action, matches } from "../keymap";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { useKeypress } from "../keypress";

type MenuId = Exclude<ScreenId, "home" | "help"> | "quit";

export const HOME_MENU: readonly MenuItem<MenuId>[] = [
  { id: "learn", label: UI_TEXT.menuLearn, shortcut: "openLearn" },
  { id: "practice", label: UI_TEXT.menuPractice, shortcut: "openPractice" },
  { id: "review", label: UI_TEXT.menuReview, shortcut: "openReview" },
  { id: "quiz", label: UI_TEXT.menuQuiz, shortcut: "openQuiz" },
  { id: "explore", label: UI_TEXT.menuExplore, shortcut: "openExplore" },
  { id: "stats", label: UI_TEXT.menuStats, shortcut: "openStats" },
  { id: "settings", label: UI_TEXT.menuSettings, shortcut: "openSettings" },
  { id: "quit", label: UI_TEXT.menuQuit, shortcut: "quit" },
];

/** Wide enough for progress on the left and the menu on the right. */
const TWO_COLUMNS_FROM = 64;
const MENU_WIDTH = 22;

export function Home({ onBack, navigate }: ScreenProps) {
  const t = useText();
  const theme = useTheme();
  const ascii = useAscii();
  const course = useCourse();
  const { now } = useTrainer();
  const { columns, rows } = useTerminalSize();
  // The selection survives a visit to another screen and back.
  const remembered = useScreenMemo("home-selection", () => ({ index: 0 }));
  const [selected, setSelected] = useState(remembered.index);
  const select = (index: number) => {
    remembered.index = index;
    setSelected(index);
  };

  const attempts = useProgress((s) => s.attempts);
  const lessons = useProgress((s) => s.lessons);
  const cards = useProgress((s) => s.cards);
  const ratings = useProgress((s) => s.ratings);
  const choices = useProgress((s) => s.choices);
  const chapters = useMemo(() => chapterProgress(course, { lessons, choices, attempts }), [course, lessons, choices, attempts]);
  const skills = useMemo(() => skillProgress(course, attempts), [course, attempts]);
  const due = useMemo(() => reviewQueue(cards, ratings, now()).length, [cards, ratings, now]);

  const open = (id: MenuId) => (id === "quit" ? onBack() : navigate(id));
  useKeypress((input, key) => {
    // Read the remembered index, not the rendered one: keys arriving in one chunk ("j⏎" typed
    // fast or pasted) run before React re-renders, and the second must see the first's move.
    const current = remembered.index;
    if (matches("up", input, key)) select((current - 1 + HOME_MENU.length) % HOME_MENU.length);
    else if (matches("down", input, key)) select((current + 1) % HOME_MENU.length);
    else if (matches("select", input, key)) open(HOME_MENU[current]!.id);
    else {
      const item = HOME_MENU.find((m) => matches(m.shortcut as Action, input, key));
      if (item) {
        select(HOME_MENU.indexOf(item));
        open(item.id);
      }
    }
  });

  const wide = columns >= TWO_COLUMNS_FROM;
  const progressWidth = wide ? columns - MENU_WIDTH - 2 : columns;
  // The figure ("10/10") takes up to 5 cells, plus a space on each side of the bar.
  const barWidth = Math.max(4, Math.min(20, Math.floor(progressWidth * 0.28)));
  // Labels as wide as the longest needs, where the terminal has the room (no "…" on a wide screen).
  const longest = Math.max(0, ...[...chapters, ...skills].map((row) => displayWidth(t(row.title))));
  // The chapters' figures carry their unit ("2/6 steps"): room for it too.
  const unit = t(UI_TEXT.stepsUnit);
  const labelWidthFor = (figure: number) => Math.max(8, Math.min(Math.max(34, longest), progressWidth - barWidth - 3 - figure));
  const labelWidth = labelWidthFor(5 + 1 + displayWidth(unit));
  // Skill rows have no unit: their names keep the room it takes.
  const skillLabelWidth = labelWidthFor(5);
  // Lines: header 1, due 1, blank 1, key bar 1 (2 when narrow), chapters heading 1 + n, skills heading 1;
  // the menu takes 8 lines beside the progress (wide) or 4 below it (narrow, two columns).
  const keyBarLines = wide ? 1 : 2;
  const menuLines = wide ? 0 : Math.ceil(HOME_MENU.length / 2) + 1;
  const budget = rows - 1 - 1 - 1 - 1 - keyBarLines - menuLines - (1 + chapters.length) - 1;
  const allSkills = skills.length <= budget;
  const shownSkills = allSkills ? skills : skills.slice(0, Math.max(0, budget - 1));
  const answeredRight = skills.filter((s) => s.done > 0).length;

  const progress = (
    <Box flexDirection="column" width={progressWidth} flexShrink={0}>
      <Text {...theme.heading}>{t(UI_TEXT.chapters)}</Text>
      {chapters.map((c) => (
        <ProgressBar key={c.id} label={t(c.title)} done={c.done} total={c.total} labelWidth={labelWidth} barWidth={barWidth} unit={unit} />
      ))}
      {budget >= 2 ? (
        <>
          <Text {...theme.heading}>{t(UI_TEXT.skills)}</Text>
          {shownSkills.map((s) => (
            <ProgressBar key={s.id} label={t(s.title)} done={s.done} total={s.total} labelWidth={skillLabelWidth} barWidth={barWidth} />
          ))}
          {allSkills ? null : <Text {...theme.muted}>{t(UI_TEXT.moreSkills, { n: skills.length - shownSkills.length })}</Text>}
        </>
      ) : (
        <Text>{t(UI_TEXT.skillsSummary, { done: answeredRight, total: skills.length })}</Text>
      )}
    </Box>
  );
  const menu = (
    <Menu items={HOME_MENU} selected={selected} columns={wide ? 1 : 2} columnWidth={wide ? MENU_WIDTH : Math.floor(columns / 2)} />
  );

  return (
    <Box flexDirection="column" width={columns}>
      <Header title={t(course.title)} />
      <Text>{due > 0 ? t(UI_TEXT.reviewsDue, { n: due }) : t(UI_TEXT.noReviewsDue)}</Text>
      <Text> </Text>
      {wide ? (
        <Box>
          {progress}
          <Box marginLeft={2}>{menu}</Box>
        </Box>
      ) : (
        <Box flexDirection="column">
          {progress}
          <Text> </Text>
          {menu}
        </Box>
      )}
      <KeyBar
        items={[
          { action: "up", label: UI_TEXT.keyMove, keys: ascii ? "Up/Down" : "↑↓" },
          { action: "select", label: UI_TEXT.keyChoose },
          { action: "help", label: UI_TEXT.keyHelp },
          { action: "quit", label: UI_TEXT.keyQuit },
        ]}
      />
    </Box>
  );
}

export interface ProgressRow {
  id: string;
  title: Course["title"];
  done: number;
  total: number;
}

/**
 * Lesson steps done per chapter. A step with a check is done once the check was answered (a
 * choice picked, or the exercise's last part graded while learning), right or not: passing it by
 * with → does not count. A step without a check is done once reached (the step a learner is on
 * counts as reached).
 */
export function chapterProgress(course: Course, progress: Pick<ProgressData, "lessons" | "choices" | "attempts">): ProgressRow[] {
  const learnt = new Set(progress.attempts.filter((a) => a.mode === "learn" && a.part === a.parts - 1).map((a) => a.templateId));
  return course.chapters.map((chapter) => {
    let done = 0;
    let total = 0;
    for (const id of chapter.lessons) {
      const steps = course.lessons.get(id)?.steps ?? [];
      total += steps.length;
      const at = progress.lessons[id];
      const chosen = progress.choices[id] ?? [];
      steps.forEach((step, index) => {
        const check = step.check;
        if (
          check === null ? at !== undefined && index <= at : check.kind === "choice" ? chosen.includes(step.id) : learnt.has(check.exercise)
        )
          done++;
      });
    }
    return { id: chapter.id, title: chapter.title, done, total };
  });
}

/** Exercises of each skill answered right at least once, of the skill's exercises. */
export function skillProgress(course: Course, attempts: readonly StoredAttempt[]): ProgressRow[] {
  const right = new Set(attempts.filter((a) => a.verdict === "correct" && a.part === a.parts - 1).map((a) => a.templateId));
  return course.skills.map((skill) => {
    const templates = [...course.exercises.values()].filter((e) => e.skill === skill.id);
    return { id: skill.id, title: skill.title, done: templates.filter((e) => right.has(e.id)).length, total: templates.length };
  });
}
