// Reads stdin one line at a time, on demand. Lines that arrive before anyone asks (a pipe
// delivers the whole input at once) are queued, never dropped; the end of input is a `null`.
// A line longer than LINE_LIMIT is cut there as it arrives (src/plain/bounded-lines.ts), so a
// 200 MB line costs no more memory than a short one; the answer reader then says it is too long.
import type { Readable } from "node:stream";
import { LineSplitter } from "./bounded-lines";

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
  // In a terminal the line discipline already echoes and edits the line: the bytes are read as
  // they come. A "\r\n" from Windows tools is one line ending, not two.
  const splitter = new LineSplitter();
  let first = true;
  const onLine = (raw: string) => {
    // A byte-order mark from Windows editors would otherwise make the first answer invalid.
    const line = first ? raw.replace(/^\uFEFF/, "") : raw;
    first = false;
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queued.push(line);
  };
  const onData = (chunk: Buffer | string) => {
    if (!ended) for (const line of splitter.push(chunk)) onLine(line.text);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    for (const resolve of waiting.splice(0)) resolve(null);
  };
  const onEnd = () => {
    if (!ended) for (const line of splitter.end()) onLine(line.text);
    detach();
    end();
  };
  const detach = () => {
    input.off("data", onData);
    input.off("end", onEnd);
    input.off("close", onEnd);
    input.off("error", onEnd);
  };
  input.on("data", onData);
  input.on("end", onEnd);
  input.on("close", onEnd);
  input.on("error", onEnd);
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
      // As readline's close: stop listening and pause the input, so a terminal's stdin no
      // longer keeps the process alive.
      detach();
      input.pause();
      end();
    },
  };
}
