// Learn: the derivation one step at a time, in the course's order. Each step shows its prose,
// its formulas laid out in two dimensions and the rule it uses, then its check question,
// answered inline: a choice with the arrows or a number and Enter, or an exercise graded by the
// engine exactly as in practice (invalid input says what and where and costs nothing).
//
// ← / → move between steps (inside a typed answer they move the cursor: see learn-model.ts),
// and every move saves the position with setLessonPosition, so Learn reopens where the learner
// left off. A step taller than the terminal scrolls (PgUp/PgDn, ↑/↓); after an answer the view
// follows the feedback at the bottom, except that a choice's verdict and the sentence naming the
// mistake stay in view when the whole result is taller than the view.
import { type DOMElement, Box, measureElement, Text } from "ink";
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { CourseComplete } from "../components/CourseComplete";
import { Header } from "../components/Header";
import { StepPicker } from "../components/StepPicker";
import { ChoiceCheck } from "../components/ChoiceCheck";
import { InlineExercise } from "../components/InlineExercise";
import { KeyBar, type KeyBarItem } from "../components/KeyBar";
import { ScrollBody, useScrollBody } from "../components/ScrollBody";
import { StepView } from "../components/StepView";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, type TrainerContextValue, useAscii, useMarks, useScreenMemo, useText, useTheme, useTrainer } from "../context";
import { answerChoice, type ChoiceState, FRESH_CHOICE, learnIntent, moveChoice, pickChoice, type StepFocus } from "../learn-model";
import { type CourseStep, courseSteps, LEARN_EXERCISE_SEED, moveStep, resumeIndex } from "../../engine/course-steps";
import { matches } from "../keymap";
import { createPracticeStore, type PracticeStore } from "../practice-store";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { LEARN_TEXT } from "./learn-strings";
import { useKeypress } from "../keypress";
import { useAnswerKeys } from "../use-answer-keys";

/** Rows of prose an unanswered check leaves above itself at least, or it is not pinned there. */
const MIN_PROSE_ROWS = 3;

/** What Learn keeps while it is on the stack (and across a remount after a resize). */
interface LearnMemo {
  index: number;
  /** Per step id: the choice check's pointer and answer. */
  choices: Map<string, ChoiceState>;
  /** Per step id: the exercise session, created when the step is first shown. */
  exercises: Map<string, PracticeStore>;
  /** What the screen shows: a step, the list of all steps, or the end of the course. */
  view: "step" | "picker" | "complete";
  /** The list's pointer. */
  picked: number;
}

export function Learn({ onBack, navigate }: ScreenProps) {
  const trainer = useTrainer();
  const { course, progress } = trainer;
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const ascii = useAscii();
  const { columns, rows } = useTerminalSize();
  const steps = useMemo(() => courseSteps(course), [course]);
  const memo = useScreenMemo<LearnMemo>("learn", () => ({
    index: resumeIndex(steps, progress.getState().lessons),
    choices: new Map(),
    exercises: new Map(),
    view: "step",
    picked: 0,
  }));
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // The step scrolls through the one ScrollBody; its keys come through learnIntent (↑/↓ pick a
  // choice on a choice check, so the body takes no keys itself).
  const scroll = useScrollBody();
  const measured = scroll.sizes;
  /** Keep the bottom of the step in view (set by answering, cleared by scrolling or moving). */
  const followBottom = useRef(false);
  /** The choice check's result block (null before an answer and on other steps). */
  const choiceResultRef = useRef<DOMElement>(null);
  /** The check block and the key bar, measured: whether the check can stay pinned under the prose. */
  const proseRef = useRef<DOMElement>(null);
  const checkRef = useRef<DOMElement>(null);
  const keyBarRef = useRef<DOMElement>(null);
  const [heights, setHeights] = useState({ prose: 0, check: 0, keyBar: 1 });
  /** The step has just opened and the learner has not scrolled it: a check too tall to pin is scrolled into view. */
  const opening = useRef(true);

  const current: CourseStep | undefined = steps[memo.index];
  const check = current?.step.check ?? null;
  const exercise = current && check?.kind === "exercise" ? exerciseFor(memo, current.step.id, check.exercise, trainer) : null;
  useEffect(() => exercise?.subscribe(() => rerender()), [exercise]);
  const exerciseState = exercise?.getState() ?? null;
  const choiceState = current ? (memo.choices.get(current.step.id) ?? FRESH_CHOICE) : FRESH_CHOICE;
  // Where an unanswered check goes, so that its question and answer line are in view when the
  // step opens (from the heights measured after the last layout; none of them depends on the
  // choice, so it never flips back and forth):
  // - "inline": the step and its check fit, or the check has been answered (its feedback and
  //   hints scroll with the step, the view following them);
  // - "pinned": under the prose, which scrolls above it (PgUp/PgDn), while at least a few rows
  //   of prose stay in view;
  // - "scrolled": inline, but the step opens scrolled down to the check (a small terminal).
  const unanswered =
    check?.kind === "choice"
      ? choiceState.chosen === null
      : exerciseState !== null && exerciseState.phase === "asking" && exerciseState.hints.length === 0 && exerciseState.feedback === null;
  const spaceRows = rows - 1 - 1 - heights.keyBar;
  // The check's block has a blank line above it (its margin).
  const checkRows = heights.check + 1;
  const placement: "inline" | "pinned" | "scrolled" =
    !check || !unanswered || heights.prose + checkRows <= spaceRows
      ? "inline"
      : spaceRows - 1 - checkRows >= MIN_PROSE_ROWS
        ? "pinned"
        : "scrolled";

  // Sizes are known only after Ink's layout, which runs before layout effects: measure, then
  // scroll within them (a layout effect, so the corrected frame replaces the first at once).
  useLayoutEffect(() => {
    const { view, content } = scroll.measure();
    const now = {
      prose: proseRef.current ? measureElement(proseRef.current).height : 0,
      check: checkRef.current ? measureElement(checkRef.current).height : 0,
      keyBar: keyBarRef.current ? measureElement(keyBarRef.current).height : 1,
    };
    if (now.prose !== heights.prose || now.check !== heights.check || now.keyBar !== heights.keyBar) setHeights(now);
    if (followBottom.current || (opening.current && placement === "scrolled")) {
      const bottom = Math.max(0, content - view);
      // The result ends the content, so it starts `result` rows above the end. Its first lines
      // (✗ and why that choice is wrong) matter most: never scroll past them to show the tail.
      const result = choiceResultRef.current ? measureElement(choiceResultRef.current).height : 0;
      const target = result > 0 ? Math.min(bottom, content - result) : bottom;
      if (scroll.top !== target) scroll.scrollTo(target);
    }
  });
  const top = scroll.top;

  // A miss may be tried again with the same numbers (the store offers it after the last question too).
  const missed = exerciseState !== null && exerciseState.phase !== "asking" && exerciseState.canRetry;
  const focus: StepFocus = {
    check: check?.kind ?? "none",
    choices: check?.kind === "choice" ? check.choices.length : 0,
    choiceDone: check?.kind === "choice" && choiceState.chosen === check.answer && choiceState.selected === check.answer,
    asking: exerciseState?.phase === "asking",
    typed: exerciseState ? [...exerciseState.input].length : 0,
    done: exerciseState !== null && exerciseState.phase !== "asking",
    canRetry: missed,
    page: measured.view,
  };

  // The answer field's keys, on only while the step's exercise asks (and the step is on screen).
  useAnswerKeys(exercise, {
    isActive: memo.view === "step" && focus.asking,
    reserved: ["hint"],
    onEdit: (edit) => {
      // Typing and grading follow the answer down the page; moving the cursor does not.
      if (edit.type === "type" || edit.type === "submit") followBottom.current = true;
    },
  });
  useKeypress((input, key) => {
    const at = steps[memo.index];
    if (!at) return;
    const store = exercise;
    const goTo = (next: number) => {
      memo.index = next;
      const target = steps[next]!;
      progress.getState().setLessonPosition(target.lesson.id, target.stepInLesson);
      followBottom.current = false;
      opening.current = true;
      scroll.scrollTo(0);
      rerender();
    };
    if (memo.view === "picker") {
      if (matches("up", input, key)) memo.picked = moveStep(steps, memo.picked, -1);
      else if (matches("down", input, key)) memo.picked = moveStep(steps, memo.picked, 1);
      else if (matches("scrollUp", input, key)) memo.picked = moveStep(steps, memo.picked, -Math.max(1, rows - 6));
      else if (matches("scrollDown", input, key)) memo.picked = moveStep(steps, memo.picked, Math.max(1, rows - 6));
      else if (matches("select", input, key)) {
        memo.view = "step";
        return goTo(memo.picked);
      } else if (matches("openContents", input, key) || matches("back", input, key)) memo.view = "step";
      return rerender();
    }
    if (memo.view === "complete") {
      if (matches("back", input, key)) return onBack();
      if (matches("openPractice", input, key)) return navigate("practice");
      if (matches("previousStep", input, key)) memo.view = "step";
      else if (matches("openContents", input, key)) {
        memo.view = "picker";
        memo.picked = memo.index;
      }
      return rerender();
    }
    if (matches("back", input, key)) return onBack();
    if (matches("openContents", input, key) && !(focus.check === "exercise" && focus.asking && focus.typed > 0)) {
      memo.view = "picker";
      memo.picked = memo.index;
      return rerender();
    }
    const intent = learnIntent(focus, input, key);
    const updateChoice = (change: (state: ChoiceState) => ChoiceState) => {
      memo.choices.set(at.step.id, change(memo.choices.get(at.step.id) ?? FRESH_CHOICE));
      rerender();
    };
    const followAnswer = () => {
      followBottom.current = true;
    };
    switch (intent.type) {
      case "step": {
        if (intent.delta === 1 && memo.index === steps.length - 1) {
          // On past the last step: the end of the course.
          memo.view = "complete";
          return rerender();
        }
        const next = moveStep(steps, memo.index, intent.delta);
        if (next === memo.index) return;
        return goTo(next);
      }
      case "scroll":
        followBottom.current = false;
        opening.current = false;
        scroll.scrollBy(intent.lines);
        return;
      case "choiceMove":
        if (check?.kind === "choice") updateChoice((s) => moveChoice(s, intent.delta, check.choices.length));
        return;
      case "choicePick":
        if (check?.kind === "choice") updateChoice((s) => pickChoice(s, intent.index, check.choices.length));
        return;
      case "choiceAnswer": {
        followAnswer();
        updateChoice(answerChoice);
        const chosen = memo.choices.get(at.step.id)?.chosen ?? null;
        // Saved so that Home counts the step as done (only a check answered counts, not one passed by).
        if (check?.kind === "choice" && chosen !== null)
          progress.getState().recordChoice(at.lesson.id, at.step.id, chosen, chosen === check.answer);
        return;
      }
      case "hint":
        followAnswer();
        store?.getState().hint();
        return;
      case "retry":
        followAnswer();
        store?.getState().retry();
        return;
      case "field":
      case "none":
        return;
    }
  });

  if (!current) {
    return (
      <Box flexDirection="column" width={columns} height={rows - 1}>
        <Header title={t(UI_TEXT.menuLearn)} />
        <Text>{t(LEARN_TEXT.empty)}</Text>
      </Box>
    );
  }

  if (memo.view === "picker" || memo.view === "complete") {
    const picker = memo.view === "picker";
    const keys: KeyBarItem[] = picker
      ? [
          { action: "up", label: UI_TEXT.keyMove, keys: ascii ? "Up/Down" : "↑↓" },
          { action: "select", label: LEARN_TEXT.keyOpen },
          { action: "openContents", label: LEARN_TEXT.keyClose },
          { action: "help", label: UI_TEXT.keyHelp },
        ]
      : [
          { action: "openPractice", label: UI_TEXT.menuPractice },
          { action: "openContents", label: LEARN_TEXT.keyContents },
          { action: "previousStep", label: LEARN_TEXT.keyPrevious },
          { action: "back", label: UI_TEXT.keyBack },
        ];
    return (
      <Box flexDirection="column" width={columns} height={rows - 1}>
        <Header title={t(picker ? LEARN_TEXT.pickerTitle : UI_TEXT.menuLearn)} />
        <Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
          {picker ? (
            <StepPicker
              steps={steps}
              selected={memo.picked}
              current={memo.index}
              width={columns}
              height={rows - 1 - 1 - (columns < 60 ? 2 : 1)}
            />
          ) : (
            <CourseComplete course={course} attempts={progress.getState().attempts} width={columns} compact={rows < 20} />
          )}
        </Box>
        <Box flexShrink={0}>
          <KeyBar items={keys} />
        </Box>
      </Box>
    );
  }

  const last = memo.index === steps.length - 1;
  const overflow = measured.content > measured.view;
  const pinned = placement === "pinned";
  const checkBlock = check ? (
    <Box ref={checkRef} flexDirection="column" marginTop={1} flexShrink={0}>
      <Text {...theme.heading}>{t(LEARN_TEXT.check)}</Text>
      {check.kind === "choice" ? (
        <ChoiceCheck check={check} state={choiceState} width={columns} resultRef={choiceResultRef} last={last} />
      ) : exerciseState ? (
        <InlineExercise state={exerciseState} last={last} canRetry={missed} width={columns} />
      ) : null}
    </Box>
  ) : null;
  const title = `${t(LEARN_TEXT.stepOf, { n: memo.index + 1, total: steps.length })} ${marks.separator} ${t(current.chapter.title)}`;
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header title={title} />
      {/* The body takes exactly the rows the other lines leave (a basis of 0, and only it may
          shrink): were the status line allowed to shrink too, Yoga would split the shortfall
          between them in fractions, and the body's clip would reach into the status row. */}
      <ScrollBody scroll={scroll}>
        <Box ref={proseRef} flexDirection="column" flexShrink={0}>
          <StepView lesson={current.lesson} step={current.step} width={columns} />
        </Box>
        {check ? (
          pinned ? null : (
            checkBlock
          )
        ) : last ? (
          <Box marginTop={1} flexShrink={0}>
            <WrappedText text={t(LEARN_TEXT.lastStep)} style={theme.key} width={columns} />
          </Box>
        ) : null}
      </ScrollBody>
      {pinned ? checkBlock : null}
      {overflow ? (
        <Box flexShrink={0}>
          <Text {...theme.muted} wrap="truncate-end">
            {t(LEARN_TEXT.scrolled, {
              from: top + 1,
              to: Math.min(measured.content, top + measured.view),
              total: measured.content,
            })}
          </Text>
        </Box>
      ) : null}
      <Box ref={keyBarRef} flexShrink={0}>
        <KeyBar items={keyBarItems(focus, memo.index, steps.length)} />
      </Box>
    </Box>
  );
}

/** The exercise session of a step: one question with the fixed learn seed, kept for the screen's life. */
function exerciseFor(memo: LearnMemo, stepId: string, templateId: string, trainer: TrainerContextValue): PracticeStore {
  let store = memo.exercises.get(stepId);
  if (!store) {
    store = createPracticeStore({
      course: trainer.course,
      progress: trainer.progress,
      config: {
        mode: "practice",
        hintsAllowed: true,
        retryAllowed: true,
        count: 1,
        seed: LEARN_EXERCISE_SEED,
        queue: [{ templateId, reason: "new" }],
      },
      now: trainer.now,
      // Saved as answers given while learning, not practice.
      recordAs: "learn",
      // The step's prose is read before the check: the answer time starts with the first key typed.
      clockStartsOnTyping: true,
    });
    memo.exercises.set(stepId, store);
  }
  return store;
}

function keyBarItems(focus: StepFocus, index: number, total: number): KeyBarItem[] {
  const steps: KeyBarItem[] = [
    ...(index > 0 ? [{ action: "previousStep", label: LEARN_TEXT.keyPrevious } as const] : []),
    { action: "nextStep", label: index < total - 1 ? LEARN_TEXT.keyNextStep : LEARN_TEXT.keyFinish },
  ];
  const end: KeyBarItem[] = [
    { action: "openContents", label: LEARN_TEXT.keyContents },
    { action: "back", label: UI_TEXT.keyBack },
    { action: "help", label: UI_TEXT.keyHelp },
  ];
  if (focus.check === "choice" && focus.choiceDone) {
    return [
      ...(index < total - 1 ? [{ action: "next", label: LEARN_TEXT.keyNextStep } as const] : []),
      ...steps.filter((s) => s.action === "previousStep"),
      ...end,
    ];
  }
  if (focus.check === "choice") return [{ action: "select", label: LEARN_TEXT.keyAnswer }, ...steps, ...end];
  if (focus.check === "exercise" && focus.asking) {
    const moves: KeyBarItem[] = focus.typed > 0 ? [{ action: "cursorLeft", label: LEARN_TEXT.keyCursor }] : steps;
    return [{ action: "submit", label: UI_TEXT.keyGrade }, { action: "hint", label: UI_TEXT.keyHint }, ...moves, ...end];
  }
  if (focus.check === "exercise" && focus.done) {
    return [
      ...(index < total - 1 ? [{ action: "next", label: LEARN_TEXT.keyNextStep } as const] : []),
      ...(focus.canRetry ? [{ action: "retry", label: UI_TEXT.keyRetry } as const] : []),
      ...steps.filter((s) => s.action === "previousStep"),
      ...end,
    ];
  }
  return [...steps, ...end];
}
