// A joined quiz's deadline, which the instructor can move: an extension adds time, and a pause
// stops it. The client knows the time left the server last sent with a question; when that has
// run out, it asks the server again (GET state) before it ends the input, and goes on waiting
// when the server gives more (at most every RECHECK_MS while the session is paused). Times are
// on this machine's monotonic clock, counted from when the server's answer arrived: the
// learner's wall clock may be off the server's by minutes (docs/live-sessions.md).
// Plain and JSON-lines mode use it (src/join/plain.ts); the full screen counts the same way
// with its header's clock (src/ui/remote-quiz-store.ts, remote-quiz-clock.ts).
import { type Lines, oneReadAtATime, realTimers, type Timers } from "../app/timed-lines";

/** While the server keeps moving the deadline (a pause), it is asked again at most this often. */
export const RECHECK_MS = 2000;

/** The part of a JoinedSession this needs: the time left as the server says it now. */
export interface DeadlineSource {
  /** ms left, or null when there is no question left to time. */
  timeLeftNow(): Promise<number | null>;
}

export class SessionDeadline {
  /** A later deadline the server gave when asked again, or null. */
  private rechecked: number | null = null;

  constructor(
    /** When the last question's time runs out on the monotonic clock (`now`), or null without a time limit. */
    private readonly given: () => number | null,
    private readonly source: DeadlineSource,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The latest deadline known: the last question's, or a later one the server gave since. */
  current(): number | null {
    const given = this.given();
    if (given === null) return null;
    return this.rechecked !== null && this.rechecked > given ? this.rechecked : given;
  }

  /** Calls `onTimeUp` once, when the server says the time ran out; the function returned stops watching. */
  watch(onTimeUp: () => void): () => void {
    let stopped = false;
    let handle: unknown = null;
    const arm = (atLeastMs: number) => {
      const deadline = this.current();
      if (stopped || deadline === null) return;
      // setTimeout takes at most 2^31−1 ms; a longer wait simply checks again when it fires.
      const wait = Math.min(Math.max(atLeastMs, deadline - this.now()), 2 ** 31 - 1);
      handle = this.timers.setTimeout(() => void fire(), wait);
    };
    const fire = async () => {
      handle = null;
      const known = this.current();
      if (stopped || known === null) return;
      if (this.now() < known) return arm(0);
      let fresh: number | null = null;
      try {
        const left = await this.source.timeLeftNow();
        fresh = left === null ? null : this.now() + left;
      } catch {
        // The server cannot say (gone, refused): the time is taken as up, and the quit that
        // follows meets the same failure, which the client reports.
      }
      if (stopped) return;
      if (fresh !== null && fresh > this.now()) {
        this.rechecked = fresh;
        arm(RECHECK_MS);
      } else {
        stopped = true;
        onTimeUp();
      }
    };
    arm(0);
    return () => {
      stopped = true;
      if (handle !== null) this.timers.clearTimeout(handle);
    };
  }

  /**
   * `lines`, ending (null, as at the end of input) once the time ran out. A line typed after the
   * deadline is still sent: the server decides whether it came too late.
   */
  reader(lines: Lines): Lines {
    let ended = false;
    const nextLine = oneReadAtATime(lines);
    return {
      close: () => lines.close(),
      next: () => {
        if (ended) return Promise.resolve(null);
        return new Promise((resolve) => {
          let settled = false;
          const stop = this.watch(() => {
            if (settled) return;
            settled = true;
            ended = true;
            resolve(null);
          });
          void nextLine().then((line) => {
            if (settled) return;
            settled = true;
            stop();
            resolve(line);
          });
        });
      },
    };
  }
}
