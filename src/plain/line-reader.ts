// Reads stdin one line at a time, on demand. Lines that arrive before anyone asks (a pipe
// delivers the whole input at once) are queued, never dropped; the end of input is a `null`.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface LineReader {
  /** The next line without its line ending, or null once the input has ended. */
  next(): Promise<string | null>;
  close(): void;
}

/**
 * `stop`: when it aborts (Ctrl+C), the input ends at once, as if the learner had typed the end of
 * input; lines typed ahead and not yet read are dropped.
 */
export function readLines(input: Readable, stop?: AbortSignal): LineReader {
  const queued: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let ended = false;
  // terminal: false — in a terminal the line discipline already echoes and edits the line;
  // crlfDelay: Infinity — a "\r\n" from Windows tools is one line ending, not two.
  const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  rl.on("line", (raw) => {
    // A byte-order mark from Windows editors would otherwise make the first answer invalid.
    const line = first ? raw.replace(/^\uFEFF/, "") : raw;
    first = false;
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queued.push(line);
  });
  const end = () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve(null);
  };
  rl.on("close", end);
  const stopNow = () => {
    queued.length = 0;
    end();
  };
  if (stop?.aborted) stopNow();
  else stop?.addEventListener("abort", stopNow, { once: true });
  return {
    next() {
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      rl.close();
    },
  };
}
