// One practice, review or quiz session on screen: a small zustand vanilla store around the engine
// (src/engine/session). The typed answer lives here, not in a component, so it survives the
// screen being unmounted and remounted (a resize below the minimum size and back).
//
// Order of work in every action, as in plain mode's driver: the engine's step is computed, each
// `graded` attempt is saved through the progress store (durably, before it returns), and only
// then is what the learner sees updated. So when a feedback or the next question appears, the
// answer before it is on disk.
import { randomInt } from "node:crypto";
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { courseOrder, quizQueue } from "../engine/plan";
import { answer, hint, quit, retry, skip, start } from "../engine/session";
import type {
  Attempt,
  EngineEvent,
  Feedback,
  QuestionView,
  QueueEntry,
  SessionMode,
  SessionState,
  Step,
  Summary,
} from "../engine/types";
import { type AttemptInput, humanizeInterval, type ProgressStore, practiceQueue, reviewQueue } from "../progress";
import { createStore, type StoreApi } from "zustand/vanilla";

/** Questions in a practice session when the command line does not say (as plain mode). */
export const DEFAULT_PRACTICE_COUNT = 10;
/** A review session takes everything due, up to this many. */
export const MAX_REVIEW_COUNT = 200;
export const MAX_SEED = 2 ** 31 - 1;

/** What kind of session the screen runs; the quiz screen reuses Practice with its own config. */
export interface PracticeSessionConfig {
  mode: SessionMode;
  hintsAllowed: boolean;
  retryAllowed: boolean;
  /** Absent: DEFAULT_PRACTICE_COUNT (practice, quiz) or everything due (review). */
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
  /** A retry of the question just missed is possible now. */
  canRetry: boolean;
  /** For an empty review: when the next item is due, in words. */
  nextDue: Localized | null;

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
}

export type PracticeStore = StoreApi<PracticeState>;

export interface PracticeStoreOptions {
  course: Course;
  progress: ProgressStore;
  config: PracticeSessionConfig;
  /** Command-line defaults, used where the config leaves a value open. */
  defaults?: { seed?: number | undefined; count?: number | undefined; skills?: readonly string[] };
  now?: () => Date;
}

export function createPracticeStore(options: PracticeStoreOptions): PracticeStore {
  const { course, progress, config } = options;
  const now = options.now ?? (() => new Date());
  const seed = config.seed ?? options.defaults?.seed ?? randomInt(0, MAX_SEED);
  const skills = config.skills ?? options.defaults?.skills ?? [];
  const count =
    config.count ?? options.defaults?.count ?? (config.mode === "review" ? MAX_REVIEW_COUNT : DEFAULT_PRACTICE_COUNT);
  const startedAt = now();
  const queue = config.queue ?? queueFor(config.mode, course, progress, skills, count, seed, startedAt);
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

  return createStore<PracticeState>()((set, get) => {
    /** Saves the step's graded attempts, then returns what the screen should show. */
    function apply(step: Step, kind: "answer" | "hint" | "skip" | "retry" | "quit"): Partial<PracticeState> {
      const before = get();
      const patch: Partial<PracticeState> = { session: step.state, notice: null };
      let comesBack: Localized | null = null;
      for (const event of step.events) handle(event);
      return patch;

      function handle(event: EngineEvent): void {
        switch (event.type) {
          case "graded":
            comesBack = record(progress, event.attempt, config.mode);
            return;
          case "feedback": {
            patch.feedback = event.feedback;
            if (event.feedback.verdict !== "invalid") {
              patch.comesBack = comesBack;
              comesBack = null;
            }
            return;
          }
          case "question": {
            const shown = before.question;
            const samePlace = shown !== null && event.question.number === shown.number && kind === "answer";
            if (samePlace || kind === "retry") {
              // The next part of the same question, or the question asked again: ask it now.
              patch.question = event.question;
              patch.phase = "asking";
              patch.input = "";
              patch.cursor = 0;
              patch.pending = null;
              if (kind === "retry") Object.assign(patch, { feedback: null, comesBack: null, hints: [], skipped: null });
            } else {
              patch.pending = event.question;
              patch.phase = "answered";
            }
            return;
          }
          case "hint":
            patch.hints = [...before.hints, { stage: event.stage, stages: event.stages, text: event.text, solution: event.solution }];
            return;
          case "skipped":
            patch.skipped = { expected: event.expected, digits: event.digits, solution: event.solution };
            patch.phase = "answered";
            return;
          case "notice":
            patch.notice = event.message;
            return;
          case "summary":
            patch.summary = event.summary;
            // After the last answer the learner still reads its feedback first.
            patch.phase = kind === "quit" ? "finished" : "answered";
            return;
        }
      }
    }

    function canRetryAfter(state: SessionState): boolean {
      return config.retryAllowed && state.retryable !== null && !state.finished;
    }

    const initialQuestion = first.events.find((e): e is Extract<EngineEvent, { type: "question" }> => e.type === "question");
    const notices = first.events.filter((e): e is Extract<EngineEvent, { type: "notice" }> => e.type === "notice");

    return {
      phase: initialQuestion ? "asking" : "empty",
      mode: config.mode,
      seed,
      session: first.state,
      question: initialQuestion?.question ?? null,
      input: "",
      cursor: 0,
      feedback: null,
      comesBack: null,
      hints: [],
      skipped: null,
      notice: notices[0]?.message ?? null,
      pending: null,
      summary: null,
      canRetry: false,
      nextDue: initialQuestion ? null : nextDueIn(progress, course, skills, startedAt),

      typeText(text) {
        const { input, cursor, phase } = get();
        if (phase !== "asking") return;
        // Pasted text may carry line breaks or other control characters: they are never part of an answer.
        const clean = text.replace(/[\u0000-\u001f\u007f]/g, "");
        if (clean === "") return;
        const chars = [...input];
        chars.splice(cursor, 0, ...clean);
        set({ input: chars.join(""), cursor: cursor + [...clean].length });
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
        set({ input: chars.join(""), cursor: cursor - 1 });
      },
      clearInput() {
        if (get().phase === "asking") set({ input: "", cursor: 0 });
      },
      submit() {
        const { phase, input, session } = get();
        if (phase !== "asking" || input.trim() === "") return;
        const step = answer(session, input, now().getTime());
        const patch = apply(step, "answer");
        set({ ...patch, canRetry: canRetryAfter(step.state) });
      },
      hint() {
        const { phase, session } = get();
        if (phase !== "asking") return;
        set(apply(hint(session), "hint"));
      },
      skip() {
        const { phase, session } = get();
        if (phase !== "asking") return;
        const step = skip(session, now().getTime());
        set({ ...apply(step, "skip"), feedback: null, comesBack: null, canRetry: false });
      },
      retry() {
        const { phase, session, canRetry } = get();
        if (phase !== "answered" || !canRetry) return;
        const step = retry(session, now().getTime());
        set({ ...apply(step, "retry"), canRetry: false });
      },
      next() {
        const { phase, pending, summary } = get();
        if (phase !== "answered") return;
        if (pending) {
          set({
            phase: "asking",
            question: pending,
            pending: null,
            input: "",
            cursor: 0,
            feedback: null,
            comesBack: null,
            hints: [],
            skipped: null,
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
        set(apply(quit(session, now().getTime()), "quit"));
      },
    };
  });
}

/** Saves a graded attempt (durably) and says when its item comes back, if this answer rated it. */
function record(progress: ProgressStore, attempt: Attempt, mode: SessionMode): Localized | null {
  const input: AttemptInput = {
    templateId: attempt.templateId,
    skill: attempt.skill,
    seed: attempt.variantSeed,
    params: attempt.params,
    part: attempt.part,
    parts: attempt.parts,
    answer: attempt.answer,
    verdict: attempt.verdict,
    mistake: attempt.diagnosis,
    hints: attempt.hintsUsed,
    ms: attempt.durationMs,
    mode,
  };
  const saved = progress.getState().recordAttempt(input);
  // Only the answer that rated the card moves its due date; before that the old date would mislead.
  if (saved.rating === null) return null;
  return progress.getState().nextReview(attempt.templateId)?.sentence ?? null;
}

function templatesFor(course: Course, skills: readonly string[]) {
  return courseOrder(course, skills).map((t) => ({ id: t.id, skill: t.skill }));
}

/** The scheduler's questions for a mode (the same choices plain mode makes). */
function queueFor(
  mode: SessionMode,
  course: Course,
  progress: ProgressStore,
  skills: readonly string[],
  count: number,
  seed: number,
  now: Date,
): QueueEntry[] {
  const state = progress.getState();
  if (mode === "quiz") return quizQueue(course, skills, count, seed);
  if (mode === "review") {
    const wanted = new Set(templatesFor(course, skills).map((t) => t.id));
    return reviewQueue(state.cards, state.ratings, now)
      .filter((item) => wanted.has(item.templateId))
      .slice(0, count)
      .map((item) => ({ templateId: item.templateId, reason: "review" as const }));
  }
  return practiceQueue({ templates: templatesFor(course, skills), progress: state, now, seed, count }).map((pick) => ({
    templateId: pick.templateId,
    reason: pick.reason,
  }));
}

/** When the earliest scheduled item of these skills is due, in words; null when none is. */
function nextDueIn(progress: ProgressStore, course: Course, skills: readonly string[], now: Date): Localized | null {
  const wanted = new Set(templatesFor(course, skills).map((t) => t.id));
  const dues = Object.entries(progress.getState().cards)
    .filter(([id]) => wanted.has(id))
    .map(([, card]) => card.due.getTime());
  if (dues.length === 0) return null;
  return humanizeInterval(Math.max(0, Math.min(...dues) - now.getTime()));
}
