// The practice store's session slice (zustand's slices pattern): the engine's session on screen.
// Order of work in every action, as in plain mode's driver: the engine's step is computed, its
// graded attempts are saved through the progress store (durably, before it returns; see
// progress/session-steps), and only then is what the learner sees updated. So when a feedback or
// the next question appears, the answer before it is on disk. A caller that must act on every
// step first (the quiz's result file) gets each one through `onStep` before the screen changes.
//
// Answer times: the engine starts a part's clock when its step is computed, but a question that
// waits behind the previous feedback is shown only when the learner presses Enter, so the store
// restarts the clock then (reading the feedback is not answer time); with `clockStartsOnTyping`
// (Learn, where the step's prose is read first) it starts at the first keystroke instead.
import { answer, hint, quit, retry, skip } from "../engine/session";
import type { EngineEvent, SessionState, Step } from "../engine/types";
import type { Mode } from "../progress";
import { nextDue } from "../progress/session-link";
import { handleEngineEvents, recordInto, retryOffered, type StepHooks } from "../progress/session-steps";
import type { StateCreator } from "zustand/vanilla";
import type { AnswerLineSlice } from "./answer-line-slice";
import { practiceStateAfter } from "./practice-events";
import { NEW_QUESTION_VIEW, type PracticeState, type PracticeStoreOptions, TYPE_AN_ANSWER_FIRST } from "./practice-store";

export type SessionSlice = Omit<PracticeState, keyof AnswerLineSlice>;

/** What the store decided before the session slice is made: the first step and the session's numbers. */
export interface SessionStart {
  first: Step;
  seed: number;
  skills: readonly string[];
  recordAs: Mode;
  startedAt: Date;
  now: () => Date;
}

export function createSessionSlice(options: PracticeStoreOptions, begun: SessionStart): StateCreator<PracticeState, [], [], SessionSlice> {
  const { course, progress, config } = options;
  const { first, seed, skills, recordAs, startedAt, now } = begun;
  return (set, get) => {
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
      const shown = handleEngineEvents(step.events, hooks(at));
      return {
        ...practiceStateAfter(get(), shown, {
          summaryEnds: (summary) => summary.quit,
          onAsked: (question) => options.onShow?.(question, at),
        }),
        session: step.state,
        canRetry: retryOffered(shown),
      };
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

      lineEdited(typed) {
        const { session } = get();
        const patch: Partial<PracticeState> = staleWarnings(get());
        const current = session.current;
        const part = current ? `${current.index}:${current.part}` : null;
        if (typed && options.clockStartsOnTyping && current && part !== typingClock) {
          typingClock = part;
          patch.session = restartClock(session, now().getTime());
        }
        return patch;
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
  };
}

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

/**
 * The session with the current part's clock started at `at`. The engine reads only `askedAt`
 * from here (for the attempt's duration), so restarting it changes nothing else.
 */
function restartClock(session: SessionState, at: number): SessionState {
  return session.current ? { ...session, current: { ...session.current, askedAt: at } } : session;
}
