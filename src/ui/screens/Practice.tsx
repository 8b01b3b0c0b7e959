// Practice, review and (through its config) the quiz: a question with the figures required and
// the given values, an answer field, the verdict naming the mistake, hints in stages ending in the
// worked solution, and when the item comes back. Everything that must outlive a remount (the
// typed answer, the session) is in the practice store, kept per screen entry.
import { Box, Text } from "ink";
import { type ReactNode, useState } from "react";
import { useStore } from "zustand";
import type { Localized } from "../../core/i18n";
import { fill, REASON_TEXT, SESSION_TEXT, summarySentence } from "../../engine/texts";
import type { QuestionView } from "../../engine/types";
import { DEFAULT_DAILY_REVIEW_CAP } from "../../progress";
import { AnswerField } from "../components/AnswerField";
import { FeedbackPanel } from "../components/FeedbackPanel";
import { Header } from "../components/Header";
import { HintPanel } from "../components/HintPanel";
import { SessionMistakes } from "../components/SessionMistakes";
import { MISTAKES_TEXT } from "../components/session-mistakes-strings";
import { KeyBar, type KeyBarItem } from "../components/KeyBar";
import { ScrollBody, useScrollBody } from "../components/ScrollBody";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useAscii, useLang, useScreenMemo, useText, useTheme, useTrainer } from "../context";
import { matches } from "../keymap";
import {
  createPracticeStore,
  PRACTICE_SESSION,
  type PracticeSessionConfig,
  type PracticeState,
  type PracticeStore,
} from "../practice-store";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { useKeypress } from "../keypress";
import { useAnswerKeys } from "../use-answer-keys";

export interface PracticeProps extends ScreenProps {
  /** What kind of session; practice unless told (Review and Quiz screens pass their own). */
  session?: PracticeSessionConfig;
  /** Title in the header; by mode unless told. */
  title?: Localized;
  /** A session made by the caller (the quiz, whose store is made before the screen is drawn). */
  store?: PracticeStore;
  /** At the right of the header line (the quiz's time left). */
  status?: ReactNode;
  /** Above the first question while nothing has been answered (who the quiz is for). */
  intro?: ReactNode;
  /** Above the key bar (the quiz's "Esc again to end"). */
  footer?: ReactNode;
  /** The end screen instead of the session summary (the quiz's score and result file). */
  finished?: (state: PracticeState) => ReactNode;
  /** What Esc does, in the key bar; "back" unless told. */
  backLabel?: Localized;
}

const TITLES: Record<string, Localized> = {
  practice: SESSION_TEXT.practiceTitle,
  review: SESSION_TEXT.reviewTitle,
  quiz: UI_TEXT.quizTitle,
};

export function Practice(props: PracticeProps) {
  const { onBack, navigate, session = PRACTICE_SESSION, title } = props;
  const trainer = useTrainer();
  const t = useText();
  const lang = useLang();
  const ascii = useAscii();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  // Each round (another one from the end screen) is a fresh session with its own store.
  const rounds = useScreenMemo(`practice-rounds:${session.mode}`, () => ({ round: 0 }));
  const [, setRound] = useState(rounds.round);
  const anotherRound = () => {
    rounds.round += 1;
    setRound(rounds.round);
  };
  const store = useScreenMemo(
    `practice:${session.mode}:${rounds.round}`,
    () =>
      props.store ??
      createPracticeStore({
        course: trainer.course,
        progress: trainer.progress,
        config: session,
        defaults: trainer.session,
        now: trainer.now,
      }),
  );
  const state = useStore(store);
  const { phase, question } = state;
  // Scrolling the body (PgUp/PgDn), for long worked solutions in small terminals; back to the top
  // on each new view. A page keeps two rows of the one before.
  const scroll = useScrollBody({ keys: "pages", pageOverlap: 2, resetOn: [question, state.feedback, phase] });

  // Each phase's keys are switched on only in that phase (as drawn), so the Enter that grades an
  // answer never also goes on to the next question, and typed letters are never commands.
  useAnswerKeys(store, { isActive: phase === "asking", reserved: ["hint", "skip"] });
  useKeypress((_input, key) => {
    if (!key.escape) return;
    // The quiz (a store given by the Quiz screen) decides what Esc does; App leaves Esc here.
    if (props.store) return;
    const s = store.getState();
    // Leaving a session with answers in it: its end screen first, with the session's mistakes.
    const underway = s.phase === "asking" || s.phase === "answered";
    if (underway && s.session.attempts.length + s.session.skipped.length > 0) {
      // After the last answer the session is over already: Esc shows its results, as Enter would.
      return s.session.finished ? s.next() : s.quit();
    }
    return onBack();
  });
  useKeypress(
    (input, key) => {
      if (matches("skip", input, key)) return store.getState().skip();
      if (matches("hint", input, key)) return store.getState().hint();
    },
    { isActive: phase === "asking" },
  );
  useKeypress(
    (input, key) => {
      if (matches("next", input, key)) return store.getState().next();
      if (matches("retry", input, key)) return store.getState().retry();
    },
    { isActive: phase === "answered" },
  );
  useKeypress(
    (input, key) => {
      if (phase === "empty" && state.mode === "review" && matches("openPractice", input, key)) {
        // Nothing due: practice instead, in place of this screen.
        onBack();
        navigate("practice");
        return;
      }
      if (phase === "finished" && !props.store && matches("select", input, key)) return anotherRound();
      if (matches("select", input, key)) onBack();
    },
    { isActive: phase === "empty" || phase === "finished" },
  );

  const scrollKeys: KeyBarItem[] = [
    ...(scroll.below ? [{ action: "scrollDown", label: UI_TEXT.keyMore } as const] : []),
    ...(scroll.above ? [{ action: "scrollUp", label: UI_TEXT.keyScrollUp } as const] : []),
  ];
  const heading = title ?? TITLES[session.mode] ?? SESSION_TEXT.practiceTitle;
  const back: KeyBarItem = { action: "back", label: props.backLabel ?? UI_TEXT.keyBack };
  const separator = ascii ? "|" : lang === "ja" ? "・" : "·";
  const keys: KeyBarItem[] =
    phase === "asking"
      ? [
          { action: "submit", label: UI_TEXT.keyGrade },
          ...(session.hintsAllowed ? [{ action: "hint", label: UI_TEXT.keyHint } as const] : []),
          { action: "skip", label: UI_TEXT.keySkip },
          back,
          { action: "help", label: UI_TEXT.keyHelp },
        ]
      : phase === "answered"
        ? [
            { action: "next", label: UI_TEXT.keyNext },
            ...(state.canRetry ? [{ action: "retry", label: UI_TEXT.keyRetry } as const] : []),
            back,
            { action: "help", label: UI_TEXT.keyHelp },
          ]
        : phase === "finished" && !props.store
          ? [{ action: "select", label: MISTAKES_TEXT.keyAnotherRound }, back, { action: "help", label: UI_TEXT.keyHelp }]
          : [back, { action: "help", label: UI_TEXT.keyHelp }];

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header
        // The end screen is about the whole session, not the last question asked.
        title={`${t(heading)}${question && phase !== "finished" ? ` ${separator} ${questionHeading(question, t)}` : ""}`}
        status={props.status}
      />
      {/* Only the body gives way (every other line has flexShrink 0), from a basis of 0: its clip
          then ends exactly where the footer and key bar start (see Learn). */}
      <ScrollBody scroll={scroll}>
        {phase === "empty" ? (
          <EmptySession state={state} />
        ) : phase === "finished" ? (
          (props.finished?.(state) ?? <Finished state={state} width={columns} />)
        ) : question ? (
          <>
            {props.intro && state.session.attempts.length === 0 && state.session.skipped.length === 0 && question.number === 1
              ? props.intro
              : null}
            <QuestionText question={question} width={columns} />
            <AnswerField value={state.input} cursor={state.cursor} active={phase === "asking"} />
            {state.notice ? <WrappedText text={t(state.notice)} width={columns} style={theme.warn} /> : null}
            <FeedbackPanel
              feedback={state.feedback}
              skipped={state.skipped}
              comesBack={state.comesBack}
              canRetry={state.canRetry}
              solutionShown={phase === "asking" && state.hints.some((h) => h.solution)}
              width={columns}
            />
            {/* Below the answer field, which must stay in view; after the verdict they give way to it (with the solution). */}
            {phase === "asking" ? <HintPanel hints={state.hints} width={columns} /> : null}
            {phase === "answered" && rows >= 20 ? (
              <Text {...theme.key}>{t(state.pending ? UI_TEXT.pressNext : UI_TEXT.pressFinish)}</Text>
            ) : null}
          </>
        ) : null}
      </ScrollBody>
      {props.footer ? <Box flexShrink={0}>{props.footer}</Box> : null}
      <Box flexShrink={0}>
        <KeyBar items={[...scrollKeys, ...keys]} />
      </Box>
    </Box>
  );
}

function questionHeading(q: QuestionView, t: ReturnType<typeof useText>): string {
  let heading = t(fill(SESSION_TEXT.questionOf, { number: q.number, total: q.total }));
  if (q.parts > 1) heading += t(fill(SESSION_TEXT.partOf, { part: q.part + 1, parts: q.parts }));
  return heading;
}

function QuestionText({ question, width }: { question: QuestionView; width: number }) {
  const t = useText();
  const lang = useLang();
  const theme = useTheme();
  const reason = REASON_TEXT[question.reason];
  return (
    <Box flexDirection="column" marginBottom={1}>
      {reason && question.part === 0 ? <Text {...theme.muted}>[{t(reason)}]</Text> : null}
      <WrappedText text={t(question.prompt)} width={width} />
      {question.given.length > 0 ? (
        <WrappedText
          text={t(fill(SESSION_TEXT.given, { items: question.given.map((g) => t(g.text)).join(lang === "ja" ? "、" : ", ") }))}
          width={width}
        />
      ) : null}
    </Box>
  );
}

function EmptySession({ state }: { state: PracticeState }) {
  const t = useText();
  return (
    <Box flexDirection="column">
      <Text>{t(state.mode === "review" ? SESSION_TEXT.nothingDue : SESSION_TEXT.nothingToDo)}</Text>
      {/* Due items and an empty review: today's cap holds them back (not "due now"), as plain mode says. */}
      {state.nextDue?.overdue ? (
        <Text>{t(fill(SESSION_TEXT.capReached, { cap: DEFAULT_DAILY_REVIEW_CAP, count: state.nextDue.overdue }))}</Text>
      ) : state.nextDue ? (
        <Text>{t(fill(SESSION_TEXT.nextDue, { when: t(state.nextDue.when) }))}</Text>
      ) : null}
      {state.notice ? <Text>{t(state.notice)}</Text> : null}
      {state.mode === "review" ? <Text>{t(UI_TEXT.offerPractice)}</Text> : null}
      <Text>{t(UI_TEXT.backHome)}</Text>
    </Box>
  );
}

function Finished({ state, width }: { state: PracticeState; width: number }) {
  const t = useText();
  const theme = useTheme();
  const summary = state.summary;
  return (
    <Box flexDirection="column">
      <Text {...theme.heading}>{t(UI_TEXT.sessionDone)}</Text>
      {summary ? <Text>{t(summarySentence(summary))}</Text> : null}
      <Text>{t(SESSION_TEXT.seed, { seed: state.seed })}</Text>
      {summary && summary.skipped > 0 ? <Text>{t(SESSION_TEXT.skippedLater)}</Text> : null}
      <SessionMistakes attempts={state.session.attempts} width={width} />
      <WrappedText text={t(MISTAKES_TEXT.anotherRound)} width={width} />
    </Box>
  );
}
