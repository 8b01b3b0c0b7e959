// The learner's side of the session server's HTTP API (docs/live-sessions.md), with what makes it
// bearable on a real network: while the server cannot be reached (refused, timed out, 5xx) every
// request is retried with backoff (0.5 s doubling to 5 s, with jitter) for at least two minutes,
// the learner is told once that the server is down and once that it is back, and a 429 waits as
// long as the server's Retry-After says. The clock, the sleep and the randomness are passed in,
// so the retry loop is tested without waiting.
import { type FetchLike, type HttpAnswer, requestJson, UnreachableError } from "./http";
import type { JoinUrl } from "./url";
import {
  type JoinAnswer,
  type RemoteEvent,
  readError,
  readEvents,
  readJoinAnswer,
  readPaused,
  readSessionInfo,
  type SessionInfo,
  ShapeError,
} from "./wire";

export const FIRST_RETRY_MS = 500;
export const LONGEST_RETRY_MS = 5000;
/** How long the client keeps trying before it gives up (the contract asks for at least 120 s). */
export const GIVE_UP_AFTER_MS = 120_000;
/** Retry-After is honoured up to this; a server asking for an hour is asked again sooner. */
const LONGEST_RATE_WAIT_MS = 30_000;
/** While the session is paused the request is sent again this often at most (0.5 s, 1 s, then 2 s). */
const LONGEST_PAUSED_WAIT_MS = 2000;

export interface ClientDeps {
  fetch: FetchLike;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter. */
  random(): number;
  /** The server stopped answering (said once per outage). */
  onDown(reason: string): void;
  /** It answers again after an outage. */
  onUp(): void;
  /** The instructor paused the session (said once per pause): the request waits and is sent again. */
  onPaused?(): void;
  /** The session runs again after a pause. */
  onResumed?(): void;
  giveUpAfterMs?: number;
  timeoutMs?: number;
}

/** The server did not come back in time; rerunning the same command resumes. */
export class ServerGoneError extends Error {
  override name = "ServerGoneError";
  constructor(
    readonly reason: string,
    readonly waitedMs: number,
  ) {
    super(`the server could not be reached for ${Math.round(waitedMs / 1000)} s (${reason})`);
  }
}

/** The server said no: `code` is its error code (`name-taken`, `ended`, …), `status` the HTTP status. */
export class RefusedError extends Error {
  override name = "RefusedError";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
  ) {
    super(`the server refused (${status} ${code})`);
  }
}

/** The wait before retry number `attempt` (0-based): 0.5 s, 1 s, 2 s, 4 s, 5 s, 5 s…, each ±20 %. */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class SessionClient {
  private down = false;
  private paused = false;

  constructor(
    readonly url: JoinUrl,
    private readonly deps: ClientDeps,
  ) {}

  /** `GET /j/CODE`: what the session is (its language, count, feedback). */
  async info(): Promise<SessionInfo> {
    const answer = await this.send("GET", `/j/${this.url.code}`, null);
    if (answer.status !== 200) throw refused(answer);
    return readSessionInfo(answer.body);
  }

  /** `POST …/join`: a new learner (201) or the same one again with its token (200). */
  async join(name: string, token: string | null): Promise<JoinAnswer & { rejoined: boolean }> {
    const answer = await this.send("POST", this.api("join"), token, { name });
    if (answer.status !== 200 && answer.status !== 201) throw refused(answer);
    return { ...readJoinAnswer(answer.body), rejoined: answer.status === 200 };
  }

  /** `GET …/state`: what the learner should see now. */
  async state(token: string): Promise<RemoteEvent[]> {
    const answer = await this.send("GET", this.api("state"), token);
    if (answer.status !== 200) throw refused(answer);
    return readEvents(answer.body);
  }

  /** `POST …/actions`: the same `id` again gets the same answer, never counted twice. */
  async action(token: string, id: string, action: "answer" | "hint" | "skip" | "quit", text?: string): Promise<RemoteEvent[]> {
    const body = action === "answer" ? { id, action, text: text ?? "" } : { id, action };
    const answer = await this.send("POST", this.api("actions"), token, body);
    if (answer.status !== 200) throw refused(answer);
    return readEvents(answer.body);
  }

  /**
   * `POST …/heartbeat`, once and without retrying: it says the learner is still there, and
   * answers whether the session is paused (null when the answer did not say).
   */
  async heartbeat(token: string): Promise<{ paused: boolean | null }> {
    try {
      const answer = await requestJson(this.deps.fetch, this.full(this.api("heartbeat")), this.options("POST", token));
      return { paused: answer.status === 200 ? readPaused(answer.body) : null };
    } catch {
      // A missed heartbeat costs nothing; the next request says whether the server is down.
      return { paused: null };
    }
  }

  private api(what: string): string {
    return `/api/sessions/${this.url.code}/${what}`;
  }

  private full(path: string): string {
    return `${this.url.origin}${path}`;
  }

  private options(method: "GET" | "POST", token: string | null, body?: unknown) {
    return {
      method,
      token,
      ...(body !== undefined ? { body } : {}),
      ...(this.deps.timeoutMs !== undefined ? { timeoutMs: this.deps.timeoutMs } : {}),
    };
  }

  /** One request, retried while the server is unreachable or rate-limits. */
  private async send(method: "GET" | "POST", path: string, token: string | null, body?: unknown): Promise<HttpAnswer> {
    const { deps } = this;
    const giveUpAfter = deps.giveUpAfterMs ?? GIVE_UP_AFTER_MS;
    let firstFailure: number | null = null;
    let failures = 0;
    let pausedPolls = 0;
    for (;;) {
      let answer: HttpAnswer;
      try {
        answer = await requestJson(deps.fetch, this.full(path), this.options(method, token, body));
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        const now = deps.now();
        firstFailure ??= now;
        if (!this.down) {
          this.down = true;
          deps.onDown(error.message);
        }
        if (now - firstFailure >= giveUpAfter) throw new ServerGoneError(error.message, now - firstFailure);
        await deps.sleep(Math.min(backoffMs(failures++, deps.random), Math.max(0, firstFailure + giveUpAfter - now)));
        continue;
      }
      if (this.down) {
        this.down = false;
        deps.onUp();
      }
      if (answer.status === 423 && readError(answer.body)?.error === "paused") {
        // The instructor paused the session: the same request (the same attempt id) is sent
        // again until it is taken. A pause is no outage: it never counts toward giving up.
        firstFailure = null;
        failures = 0;
        if (!this.paused) {
          this.paused = true;
          deps.onPaused?.();
        }
        await deps.sleep(Math.min(backoffMs(pausedPolls++, deps.random), LONGEST_PAUSED_WAIT_MS));
        continue;
      }
      // This request, held by the pause, was taken: the session runs again. (A 410 means it
      // ended instead; another request's answer says nothing of this one.)
      if (pausedPolls > 0 && this.paused && answer.status >= 200 && answer.status < 300) {
        this.paused = false;
        deps.onResumed?.();
      }
      if (answer.status === 429) {
        // Rate-limited: wait as told and ask again, but not for ever.
        const now = deps.now();
        firstFailure ??= now;
        if (now - firstFailure >= giveUpAfter) throw new ServerGoneError("429 rate-limited", now - firstFailure);
        const wait = answer.retryAfterMs ?? backoffMs(failures++, deps.random);
        await deps.sleep(Math.min(Math.max(wait, 100), LONGEST_RATE_WAIT_MS));
        continue;
      }
      return answer;
    }
  }
}

function refused(answer: HttpAnswer): RefusedError {
  const error = readError(answer.body);
  if (!error && answer.status < 400) throw new ShapeError(`HTTP ${answer.status}`);
  return new RefusedError(answer.status, error?.error ?? `http-${answer.status}`, error?.message ?? "");
}
