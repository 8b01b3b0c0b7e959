// One practice, review or quiz session on screen: a small zustand vanilla store around the engine
// (src/engine/session). The typed answer lives here, not in a component, so it survives the
// screen being unmounted and remounted (a resize below the minimum size and back).
//
// Order of work in every action, as in plain mode's driver: the engine's step is computed, each
// `graded` attempt is saved through the progress store (durably, before it returns), and only
// then is what the learner sees updated. So when a feedback or the next question appears, the
// answer before it is on disk. A caller that must act on every step first (the quiz's result
// file) gets each one through `onStep` before the screen changes.
//
// Answer times: the engine starts a part's clock when its step is computed, but a question that
// waits behind the previous feedback is shown only when the learner presses Enter, so the store
// restarts the clock then (reading the feedback is not answer time); with `clockStartsOnTyping`
// (Learn, where the step's prose is read first) it starts at the first keystroke instead.
import { randomInt } from "node:crypto";
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { defaultCount, MAX_SEED } from "../engine/limits";
import { answer, hint, quit, retry, skip, start } from "../engine/session";
import type { EngineEvent, Feedback, QuestionView, QueueEntry, SessionMode, SessionState, Step, Summary } from "../engine/types";
import type { Mode, ProgressStore } from "../progress";
import { type NextDue, nextDue, sessionQueue } from "../progress/session-link";
import { handleEngineEvents, recordInto, retryOffered, type StepHooks } from "../progress/session-steps";
import { createStore, type StoreApi } from "zustand/vanilla";

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

export interface PracticeState {
  phase: Phase;
  mode: SessionMode;
  seed: number;
  session: SessionState;
  /** The question on screen (stays while its feedback is read, after the engine has moved on). */
  question: QuestionView | null;
  /** The answer being typed and the cursor in it (0..length, in code points). */
  input: string;
  cursor: number;
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

  typeText(text: string): void;
  moveCursor(delta: number): void;
  cursorTo(position: "start" | "end"): void;
  deleteBack(): void;
  clearInput(): void;
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

/**
 * Typing again after Enter: "type an answer first" and a "could not read it" are about what was
 * there before, and go.
 */
function staleWarnings(state: Pick<PracticeState, "notice" | "feedback">): Partial<PracticeState> {
  return {
    ...(state.notice === TYPE_AN_ANSWER_FIRST ? { notice: null } : {}),
    ...(state.feedback?.verdict === "invalid" ? { feedback: null } : {}),
  };
}

/** What a question shows before anything is typed or answered: one definition for every way a question appears. */
const NEW_QUESTION_VIEW = {
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

  const store = createStore<PracticeState>()((set, get) => {
    /** The part on screen whose clock was started by typing (Learn), as "index:part". */
    let typingClock: string | null = null;

    // The engine's events go through the same handler as plain mode's (progress/session-steps):
    // graded attempts saved first, then what to show. A quiz says nothing of reviews (as in plain
    // mode); its answers still count for them. The summary waits behind the last feedback here,
    // so a retry stays on offer after the last question.
    const hooks = (at: number): StepHooks => ({
      record: recordInto(progress, recordAs, () => new Date(at), config.mode !== "quiz"),
      goesOnAfterSummary: true,
    });

    /** Saves the step's graded attempts, then returns what the screen should show. */
    function apply(step: Step, at: number): Partial<PracticeState> {
      options.onStep?.(step, at);
      const before = get();
      const shown = handleEngineEvents(step.events, hooks(at));
      const patch: Partial<PracticeState> = { session: step.state, notice: null, canRetry: retryOffered(shown) };
      for (const event of shown) {
        switch (event.type) {
          case "feedback":
            patch.feedback = event.feedback;
            if (event.feedback.verdict !== "invalid") patch.comesBack = event.review?.sentence ?? null;
            break;
          case "question":
            if (event.cause === "next-question") {
              // Shown once the learner has read what came before and pressed Enter.
              patch.pending = event.question;
              patch.phase = "answered";
              break;
            }
            // The next part of the same question, or the question asked again: ask it now. A next
            // part keeps the last part's feedback on screen; a retry starts clean.
            patch.question = event.question;
            patch.phase = "asking";
            patch.pending = null;
            Object.assign(patch, event.cause === "retry" ? { ...NEW_QUESTION_VIEW, summary: null } : { input: "", cursor: 0 });
            options.onShow?.(event.question, at);
            break;
          case "hint":
            patch.hints = [...before.hints, { stage: event.stage, stages: event.stages, text: event.text, solution: event.solution }];
            break;
          case "skipped":
            patch.skipped = { expected: event.expected, digits: event.digits, solution: event.solution };
            patch.feedback = null;
            patch.comesBack = null;
            patch.phase = "answered";
            break;
          case "notice":
            patch.notice = event.message;
            break;
          case "summary":
            patch.summary = event.summary;
            // After the last answer the learner still reads its feedback first; quitting ends at once.
            patch.phase = event.summary.quit ? "finished" : "answered";
            if (event.summary.quit) patch.pending = null;
            break;
        }
      }
      return patch;
    }

    /** The time limit has passed: the caller ends the session instead of acting. */
    function overdue(at: number): boolean {
      const deadline = options.deadline?.() ?? null;
      if (deadline === null || at < deadline) return false;
      get().expire();
      return true;
    }

    const initialQuestion = first.events.find((e): e is Extract<EngineEvent, { type: "question" }> => e.type === "question");
    const notices = first.events.filter((e): e is Extract<EngineEvent, { type: "notice" }> => e.type === "notice");

    return {
      phase: initialQuestion ? "asking" : "empty",
      mode: config.mode,
      seed,
      session: first.state,
      question: initialQuestion?.question ?? null,
      ...NEW_QUESTION_VIEW,
      notice: notices[0]?.message ?? null,
      pending: null,
      summary: null,
      canRetry: false,
      nextDue: initialQuestion ? null : nextDue(progress.getState(), course, skills, startedAt),
      timeUp: false,

      typeText(text) {
        const { input, cursor, phase, session } = get();
        if (phase !== "asking") return;
        // Pasted text may carry line breaks or other control characters: they are never part of an answer.
        const clean = text.replace(/[\u0000-\u001f\u007f]/g, "");
        if (clean === "") return;
        const chars = [...input];
        chars.splice(cursor, 0, ...clean);
        const typed: Partial<PracticeState> = { input: chars.join(""), cursor: cursor + [...clean].length, ...staleWarnings(get()) };
        const current = session.current;
        const part = current ? `${current.index}:${current.part}` : null;
        if (options.clockStartsOnTyping && current && part !== typingClock) {
          typingClock = part;
          typed.session = restartClock(session, now().getTime());
        }
        set(typed);
      },
      moveCursor(delta) {
        const { input, cursor } = get();
        set({ cursor: Math.max(0, Math.min([...input].length, cursor + delta)) });
      },
      cursorTo(position) {
        set({ cursor: position === "start" ? 0 : [...get().input].length });
      },
      deleteBack() {
        const { input, cursor, phase } = get();
        if (phase !== "asking" || cursor === 0) return;
        const chars = [...input];
        chars.splice(cursor - 1, 1);
        set({ input: chars.join(""), cursor: cursor - 1, ...staleWarnings(get()) });
      },
      clearInput() {
        if (get().phase === "asking") set({ input: "", cursor: 0, ...staleWarnings(get()) });
      },
      submit() {
        const { phase, input, session } = get();
        if (phase !== "asking") return;
        if (input.trim() === "") {
          set({ notice: TYPE_AN_ANSWER_FIRST });
          return;
        }
        const at = now().getTime();
        // An answer given after the time limit is not graded (as in plain mode).
        if (overdue(at)) return;
        set(apply(answer(session, input, at), at));
      },
      hint() {
        const { phase, session } = get();
        if (phase !== "asking") return;
        const at = now().getTime();
        if (overdue(at)) return;
        set(apply(hint(session), at));
      },
      skip() {
        const { phase, session } = get();
        if (phase !== "asking") return;
        const at = now().getTime();
        if (overdue(at)) return;
        set(apply(skip(session, at), at));
      },
      retry() {
        const { phase, session, canRetry } = get();
        if (phase !== "answered" || !canRetry) return;
        const at = now().getTime();
        if (overdue(at)) return;
        typingClock = null;
        set(apply(retry(session, at), at));
      },
      next() {
        const { phase, pending, summary, session } = get();
        if (phase !== "answered") return;
        const at = now().getTime();
        if (pending) {
          if (overdue(at)) return;
          // Shown only now: the answer time starts now, not when the previous answer was graded.
          options.onShow?.(pending, at);
          set({
            session: restartClock(session, at),
            phase: "asking",
            question: pending,
            pending: null,
            ...NEW_QUESTION_VIEW,
            notice: null,
            canRetry: false,
          });
        } else if (summary) {
          set({ phase: "finished", canRetry: false });
        }
      },
      quit() {
        const { session } = get();
        if (session.finished) return;
        const at = now().getTime();
        set(apply(quit(session, at), at));
      },
      expire() {
        const { session } = get();
        if (session.finished) return;
        options.onTimeUp?.();
        set({ timeUp: true });
        get().quit();
      },
    };
  });
  const shown = store.getState().question;
  if (shown) options.onShow?.(shown, startedAt.getTime());
  return store;
}

/**
 * The session with the current part's clock started at `at`. The engine reads only `askedAt`
 * from here (for the attempt's duration), so restarting it changes nothing else.
 */
function restartClock(session: SessionState, at: number): SessionState {
  return session.current ? { ...session, current: { ...session.current, askedAt: at } } : session;
}
