// What a time limit on typed lines needs: the local plain quiz's (src/plain/deadline.ts) and a
// joined quiz's, whose deadline the instructor may move (src/join/session-deadline.ts).

/** Lines one at a time, null once the input has ended (plain mode's LineReader has this shape). */
export interface Lines {
  next(): Promise<string | null>;
  close(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One read of `lines` at a time: a read still waiting when a timer wakes the reader is reused by
 * the next call, never doubled (a second read would take the next line away from the first).
 */
export function oneReadAtATime(lines: Lines): () => Promise<string | null> {
  let pending: Promise<string | null> | null = null;
  return () => {
    pending ??= lines.next().then((line) => {
      pending = null;
      return line;
    });
    return pending;
  };
}
