// A time limit on a line reader: once the deadline passes, the reader ends as if the input had
// ended, so the session driver quits and saves exactly as at the end of input. A line that
// arrives after the deadline (typed in the last instant, read a moment later) is not graded.
import { oneReadAtATime, realTimers, type Timers } from "../app/timed-lines";
import type { LineReader } from "./line-reader";

export interface DeadlineReader extends LineReader {
  /** True once the deadline ended the input. */
  timedOut(): boolean;
}

export function withDeadline(
  lines: LineReader,
  deadline: number | null,
  now: () => number,
  onTimeUp: () => void,
  timers: Timers = realTimers,
): DeadlineReader {
  let timedOut = false;
  const nextLine = oneReadAtATime(lines);
  const timeUp = (): null => {
    if (!timedOut) {
      timedOut = true;
      onTimeUp();
    }
    return null;
  };
  return {
    timedOut: () => timedOut,
    close: () => lines.close(),
    next(): Promise<string | null> {
      if (deadline === null) return lines.next();
      if (timedOut || now() >= deadline) return Promise.resolve(timeUp());
      return new Promise((resolve) => {
        let settled = false;
        // setTimeout takes at most 2^31−1 ms; a longer wait simply checks again when it fires.
        const wait = Math.min(Math.max(0, deadline - now()), 2 ** 31 - 1);
        const timer = timers.setTimeout(() => {
          if (settled) return;
          if (now() < deadline) {
            settled = true;
            // Woken early (a clamped wait): wait again from here.
            resolve(this.next());
            return;
          }
          settled = true;
          resolve(timeUp());
        }, wait);
        nextLine().then((line) => {
          if (settled) return;
          settled = true;
          timers.clearTimeout(timer);
          resolve(line !== null && now() >= deadline ? timeUp() : line);
        });
      });
    },
  };
}
