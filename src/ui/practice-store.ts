// One practice, review or quiz session on screen: a small zustand vanilla store around the engine
// (src/engine/session), made of two slices (zustand's slices pattern): the answer line being typed
// (answer-line-slice.ts, over the pure edits of answer-line.ts) and the session (practice-session-
// slice.ts: each action's engine step, saved and shown). The typed answer lives here, not in a
// component, so it survives the screen being unmounted and remounted (a resize below the minimum
// size and back).
import { randomInt } from "node:crypto";
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { defaultCount, MAX_SEED } from "../engine/limits";
import { start } from "../engine/session";
import type { Feedback, QuestionView, QueueEntry, SessionMode, SessionState, Step, Summary } from "../engine/types";
import type { Mode, ProgressStore } from "../progress";
import { type NextDue, sessionQueue } from "../progress/session-link";
import { createStore, type StoreApi } from "zustand/vanilla";
import { type AnswerLineSlice, createAnswerLineSlice } from "./answer-line-slice";
import { createSessionSlice } from "./practice-session-slice";

/** What kind of session the screen runs; the quiz screen reuses Practice with its own config. */
export interface PracticeSessionConfig {
  mode: SessionMode;
  hintsAllowed: boolean;
  retryAllowed: boolean;
  /** Absent: DEFAULT_PRACTICE_COUNT (practice, quiz) or everything due up to MAX_REVIEW_COUNT (review); see engine/limits. */
  count?: number;
  /** Absent: a random seed (shown at the end, so the session can be replayed). */
  seed?: number;
  skills?: readonly string[];
  /** The questions, when the caller decides them; else practiceQueue, reviewQueue or quizQueue by mode. */
  queue?: readonly QueueEntry[];
}

export const PRACTICE_SESSION: PracticeSessionConfig = { mode: "practice", hintsAllowed: true, retryAllowed: true };
export const REVIEW_SESSION: PracticeSessionConfig = { mode: "review", hintsAllowed: true, retryAllowed: true };

/**
 * asking: a question with the answer field; answered: feedback (or a skip) shown, Enter for the
 * next; finished: the summary; empty: nothing to ask (e.g. no reviews due).
 */
export type Phase = "asking" | "answered" | "finished" | "empty";

export interface HintShown {
  stage: number;
  stages: number;
  text: Localized;
  solution: boolean;
}

export interface SkipShown {
  expected: number | string;
  digits: number;
  solution: Localized;
}

export interface PracticeState extends AnswerLineSlice {
  phase: Phase;
  mode: SessionMode;
  seed: number;
  session: SessionState;
  /** The question on screen (stays while its feedback is read, after the engine has moved on). */
  question: QuestionView | null;
  /** The last verdict on the question on screen (also `invalid`, which costs nothing). */
  feedback: Feedback | null;
  /** "Comes back in 3 days." after an answer that rated the item. */
  comesBack: Localized | null;
  hints: readonly HintShown[];
  skipped: SkipShown | null;
  notice: Localized | null;
  /** The question to show after the learner has read the feedback. */
  pending: QuestionView | null;
  summary: Summary | null;
  /** A retry of the question just missed is possible now (also after the last question). */
  canRetry: boolean;
  /** For an empty session: when the next item is due, and how many are due already (held back by the daily cap). */
  nextDue: NextDue | null;
  /** The time limit ended the session. */
  timeUp: boolean;

  /**
   * The answer line changed (`typed`: text was typed): what else changes on screen, from the
   * session slice (warnings about the last answer go; Learn's clock may start).
   */
  lineEdited(typed: boolean): Partial<PracticeState>;
  submit(): void;
  hint(): void;
  skip(): void;
  retry(): void;
  next(): void;
  /** Ends the session (Esc, Ctrl+C): attempts are already saved; nothing more is written. */
  quit(): void;
  /** The time limit is reached: onTimeUp, then the session ends as with quit (nothing more is graded). */
  expire(): void;
}

export type PracticeStore = StoreApi<PracticeState>;

/** Enter on an empty field: said, not silently ignored (plain mode says the answer is empty). */
export const TYPE_AN_ANSWER_FIRST: Localized = { ja: "先に答えを入力してください。", en: "Type an answer first." };

/** What a question shows before anything is typed or answered: one definition for every way a question appears. */
export const NEW_QUESTION_VIEW = {
  input: "",
  cursor: 0,
  feedback: null,
  comesBack: null,
  hints: [],
  skipped: null,
} as const satisfies Partial<PracticeState>;

export interface PracticeStoreOptions {
  course: Course;
  progress: ProgressStore;
  config: PracticeSessionConfig;
  /** Command-line defaults, used where the config leaves a value open. */
  defaults?: { seed?: number | undefined; count?: number | undefined; skills?: readonly string[] };
  now?: () => Date;
  /** Saved attempts carry this mode; the session's mode unless told (Learn saves "learn"). */
  recordAs?: Mode;
  /**
   * Each engine step, the first (from start) included, before anything it causes is saved or
   * shown; `at` is the time the step was computed with (ms since the epoch).
   */
  onStep?: (step: Step, at: number) => void;
  /** A question (or its next part) is on screen from `at`: after Enter for one that waited behind feedback. */
  onShow?: (question: QuestionView, at: number) => void;
  /** A part's answer time starts at the first keystroke in the field, not when it is shown (Learn). */
  clockStartsOnTyping?: boolean;
  /** When the session's time runs out (ms since the epoch; null: no limit), asked before each action. */
  deadline?: () => number | null;
  /** Told once when the time limit ends the session, before it is quit (the quiz marks its result). */
  onTimeUp?: () => void;
}

export function createPracticeStore(options: PracticeStoreOptions): PracticeStore {
  const { course, progress, config } = options;
  const now = options.now ?? (() => new Date());
  const seed = config.seed ?? options.defaults?.seed ?? randomInt(0, MAX_SEED);
  const skills = config.skills ?? options.defaults?.skills ?? [];
  const count = config.count ?? options.defaults?.count ?? defaultCount(config.mode);
  const recordAs: Mode = options.recordAs ?? config.mode;
  const startedAt = now();
  const queue =
    config.queue ?? sessionQueue({ mode: config.mode, course, progress: progress.getState(), skills, count, seed, now: startedAt });
  const first = start(
    {
      mode: config.mode,
      course,
      queue,
      count,
      seed,
      hintsAllowed: config.hintsAllowed,
      retryAllowed: config.retryAllowed,
    },
    startedAt.getTime(),
  );
  options.onStep?.(first, startedAt.getTime());

  const store = createStore<PracticeState>()((...slice) => ({
    ...createAnswerLineSlice(...slice),
    ...createSessionSlice(options, { first, seed, skills, recordAs, startedAt, now })(...slice),
  }));
  const shown = store.getState().question;
  if (shown) options.onShow?.(shown, startedAt.getTime());
  return store;
}
