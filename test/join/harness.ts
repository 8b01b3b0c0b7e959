// A joined quiz run in process against the fake server: stdin to type into, stdout's lines, a
// clock that the client's sleeps move forward (no test waits for real time).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { SessionClient } from "../../src/join/client";
import type { FetchLike } from "../../src/join/http";
import { runJoinedPlain } from "../../src/join/plain";
import { JoinedSession } from "../../src/join/session";
import { TokenStore } from "../../src/join/token-store";
import { parseJoinUrl } from "../../src/join/url";
import { JOIN_URL } from "./fake-server";

export interface JoinRun {
  stdin: PassThrough;
  out: string[];
  err: string[];
  sleeps: number[];
  done: Promise<number>;
  store: TokenStore;
  /** Resolves once stdout has at least `n` lines. */
  lines(n: number): Promise<string[]>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "st-join-"));
}

export interface JoinRunOptions {
  fetch: FetchLike;
  name?: string;
  json?: boolean;
  dataDir?: string;
  lang?: "ja" | "en";
  clock?: { now: number };
  ids?: () => string;
}

export function joinRun(options: JoinRunOptions): JoinRun {
  const parsed = parseJoinUrl(JOIN_URL);
  if (!parsed.ok) throw new Error(parsed.problem);
  const clock = options.clock ?? { now: 0 };
  const sleeps: number[] = [];
  const err: string[] = [];
  const out: string[] = [];
  let partial = "";
  const waiters: (() => void)[] = [];
  const stdout = new Writable({
    write(chunk, _enc, cb) {
      partial += String(chunk);
      const parts = partial.split("\n");
      partial = parts.pop() ?? "";
      out.push(...parts);
      for (const w of waiters.splice(0)) w();
      cb();
    },
  });
  const stderr = new Writable({
    write(chunk, _enc, cb) {
      err.push(String(chunk));
      cb();
    },
  });
  const client = new SessionClient(parsed.url, {
    fetch: options.fetch,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
    onDown: (reason) => err.push(`down: ${reason}`),
    onUp: () => err.push("up"),
    onPaused: () => err.push("paused"),
    onResumed: () => err.push("resumed"),
  });
  const store = new TokenStore(options.dataDir ?? tempDataDir(), parsed.url.origin, parsed.url.code);
  const session = new JoinedSession(client, store, options.name ?? "Aiko", options.ids);
  const stdin = new PassThrough();
  const done = runJoinedPlain({
    session,
    lang: options.lang ?? "en",
    ascii: false,
    json: options.json ?? true,
    showPrompt: false,
    stdin,
    stdout,
    stderr,
  });
  return {
    stdin,
    out,
    err,
    sleeps,
    done,
    store,
    lines(n) {
      return new Promise((resolve) => {
        const check = () => (out.length >= n ? resolve(out) : waiters.push(check));
        check();
      });
    },
  };
}

export function parsed(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}
