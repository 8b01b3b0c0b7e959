// A JoinedSession wired to the real network and clock: the one place the command line and the
// Home screen's "join a session" make one, each saying in its own way that the server is down.
import { SessionClient } from "./client";
import type { FetchLike } from "./http";
import { JoinedSession } from "./session";
import { TokenStore } from "./token-store";
import type { JoinUrl } from "./url";

export interface ConnectOptions {
  url: JoinUrl;
  name: string;
  dataDir: string;
  onDown(reason: string): void;
  onUp(): void;
  /** The instructor paused the session, and resumed it (each said once). */
  onPaused?(): void;
  onResumed?(): void;
  /** Tests pass a fetch of their own. */
  fetch?: FetchLike;
}

export function connectSession(options: ConnectOptions): JoinedSession {
  const client = new SessionClient(options.url, {
    fetch: options.fetch ?? (globalThis.fetch as FetchLike),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    onDown: options.onDown,
    onUp: options.onUp,
    ...(options.onPaused ? { onPaused: options.onPaused } : {}),
    ...(options.onResumed ? { onResumed: options.onResumed } : {}),
  });
  return new JoinedSession(client, new TokenStore(options.dataDir, options.url.origin, options.url.code), options.name);
}
