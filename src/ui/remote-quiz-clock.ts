// The time left in a joined quiz, for the header's QuizTimer (the same clock store a local quiz
// has). The server sends with each question both the deadline and the time left (`remainingMs`).
// The countdown runs from `remainingMs` on this machine's monotonic clock, from when the event
// arrived, and never compares the deadline with the wall clock: a learner's clock may be off from
// the server's by minutes (see "The learner's client" in docs/live-sessions.md). It can only run
// late by the time the answer took to arrive, so the server's deadline has always passed when
// this one says the time is up.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { QuizClock } from "./quiz-session";

export interface RemoteQuizClock {
  /** Whole seconds left, once a second; null without a time limit. */
  readonly clock: StoreApi<QuizClock>;
  /** A question event arrived now, with this much time left (null: the session has no time limit). */
  sync(remainingMs: number | null): void;
  /** The instructor paused the session: the server's time stands still, and so does this one. */
  hold(): void;
  /** The session runs again: the countdown goes on from where it stood. */
  release(): void;
  /** The quiz is over (or left): no more ticks. */
  stop(): void;
}

export interface RemoteQuizClockOptions {
  /**
   * Told on every tick once the time is up, until stopped: the first quit may find a request
   * still out (an answer waiting for a server that is down), and it is tried again.
   */
  onTimeUp: () => void;
  /** A monotonic clock in ms; tests pass a fake one. */
  now?: () => number;
  /** How often the time left is looked at (ms); once a second unless a test says otherwise. */
  tickMs?: number;
}

export function createRemoteQuizClock(options: RemoteQuizClockOptions): RemoteQuizClock {
  const now = options.now ?? (() => performance.now());
  const clock = createStore<QuizClock>()(() => ({ secondsLeft: null }));
  /** When the time runs out, on the monotonic clock; null without a limit. */
  let endsAt: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  /** While the session is paused: the time left when it was, which does not run down. */
  let heldLeft: number | null = null;

  const msLeft = () => (endsAt === null ? null : (heldLeft ?? endsAt - now()));
  const secondsLeft = () => {
    const ms = msLeft();
    return ms === null ? null : Math.max(0, Math.ceil(ms / 1000));
  };
  const tick = () => {
    if (heldLeft !== null) return;
    const left = secondsLeft();
    if (left !== clock.getState().secondsLeft) clock.setState({ secondsLeft: left });
    if (left !== null && left <= 0) options.onTimeUp();
  };

  return {
    clock,
    sync(remainingMs) {
      if (stopped) return;
      endsAt = remainingMs === null ? null : now() + Math.max(0, remainingMs);
      // While the session is paused the server's time left stands still: it is the one held.
      if (heldLeft !== null) heldLeft = remainingMs === null ? null : Math.max(0, remainingMs);
      if (endsAt !== null && timer === null) {
        timer = setInterval(tick, options.tickMs ?? 1000);
        // The trainer's input keeps the process alive; the clock alone must not.
        timer.unref?.();
      }
      const left = secondsLeft();
      if (left !== clock.getState().secondsLeft) clock.setState({ secondsLeft: left });
    },
    hold() {
      if (endsAt !== null && heldLeft === null) heldLeft = Math.max(0, endsAt - now());
    },
    release() {
      if (heldLeft === null) return;
      if (endsAt !== null) endsAt = now() + heldLeft;
      heldLeft = null;
    },
    stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
