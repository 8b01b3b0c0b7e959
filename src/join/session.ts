// One learner in one live session, the same for plain text, JSON lines and the full screen:
// join (with the saved token when there is one), save the token before anything is shown, resend
// an action a killed client left in flight, and keep each action's attempt id on disk until its
// answer has been shown. What the server refuses becomes a sentence for the learner (JoinFailure).
import { randomUUID } from "node:crypto";
import { fillBoth, type Localized } from "../core/i18n";
import { visibleSnippet } from "../core/visible-text";
import { RefusedError, ServerGoneError, type SessionClient } from "./client";
import { HostileAnswerError } from "./http";
import { JOIN_TEXT } from "./texts";
import type { PendingAction, TokenStore } from "./token-store";
import { type RemoteEvent, type SessionInfo, ShapeError } from "./wire";

export type ActionKind = PendingAction["action"];

/** Why a joined quiz stops early: a sentence for the learner and the exit code. */
export class JoinFailure extends Error {
  override name = "JoinFailure";
  constructor(
    readonly text: Localized,
    readonly exitCode = 1,
  ) {
    super(text.en);
  }
}

export interface Opened {
  info: SessionInfo;
  rejoined: boolean;
  /** What to show first: the answer to a resent action, or the learner's state now. */
  events: RemoteEvent[];
}

/** How often a waiting client tells the server the learner is still there, so the dashboard shows them connected. */
export const HEARTBEAT_MS = 10_000;

export class JoinedSession {
  private token = "";
  private learner = "";

  constructor(
    private readonly client: SessionClient,
    private readonly store: TokenStore,
    readonly name: string,
    private readonly newId: () => string = randomUUID,
  ) {}

  get code(): string {
    return this.client.url.code;
  }

  get server(): string {
    return this.client.url.origin;
  }

  async open(): Promise<Opened> {
    const info = await this.guard(() => this.client.info());
    const saved = this.store.load(this.name);
    // After the end only a learner who was in it comes back (with the token), to see the summary.
    if (info.state === "ended" && !saved) throw new JoinFailure(JOIN_TEXT.ended);
    const joined = await this.guard(() => this.client.join(this.name, saved?.token ?? null));
    this.token = joined.token;
    this.learner = joined.learner;
    // The token is on disk before the first question is shown: a crash from here on resumes.
    const pending = saved && saved.token === joined.token ? saved.pending : null;
    this.save(pending);
    if (pending) {
      try {
        const events = await this.client.action(this.token, pending.id, pending.action, pending.text);
        return { info, rejoined: true, events };
      } catch (error) {
        // The server has that id with another body (it cannot, unless the file was edited): the
        // action is dropped rather than blocking every resume, and the learner goes on from the state.
        if (!(error instanceof RefusedError && error.code === "id-reused")) throw this.explain(error);
        this.save(null);
      }
    }
    const events = await this.guard(() => this.client.state(this.token));
    return { info, rejoined: joined.rejoined, events };
  }

  /** Sends one action; its attempt id is saved first and cleared once the answer is back. */
  async act(action: ActionKind, text?: string): Promise<RemoteEvent[]> {
    const pending: PendingAction = { id: this.newId(), action, ...(action === "answer" ? { text: text ?? "" } : {}) };
    this.save(pending);
    return this.send(pending);
  }

  /** The answer's events have been shown: nothing is in flight any more. */
  shown(): void {
    this.save(null);
  }

  /**
   * The time left (ms) as the server says it now, or null with no question left to time: asked
   * when the time the last question gave has run out, since the instructor may have paused the
   * session or added time since.
   */
  async timeLeftNow(): Promise<number | null> {
    const events = await this.guard(() => this.client.state(this.token));
    const question = events.find((e) => e.type === "question");
    return question?.type === "question" ? question.remainingMs : null;
  }

  heartbeat(): Promise<{ paused: boolean | null }> {
    return this.client.heartbeat(this.token);
  }

  private async send(pending: PendingAction): Promise<RemoteEvent[]> {
    return this.guard(() => this.client.action(this.token, pending.id, pending.action, pending.text));
  }

  private save(pending: PendingAction | null): void {
    try {
      this.store.save(this.name, { learner: this.learner, token: this.token, pending });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new JoinFailure(fillBoth(JOIN_TEXT.saveFailed, { path: this.store.path, reason }));
    }
  }

  /** Runs a request and turns whatever the server refuses into a JoinFailure. */
  private async guard<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.explain(error);
    }
  }

  private explain(error: unknown): unknown {
    const server = this.server;
    const code = this.code;
    if (error instanceof ServerGoneError) {
      return new JoinFailure(fillBoth(JOIN_TEXT.gaveUp, { seconds: Math.round(error.waitedMs / 1000), reason: error.reason }));
    }
    if (error instanceof HostileAnswerError || error instanceof ShapeError) {
      return new JoinFailure(fillBoth(JOIN_TEXT.hostile, { reason: error.message }));
    }
    if (!(error instanceof RefusedError)) return error;
    const message = visibleSnippet(error.serverMessage, 200);
    switch (error.code) {
      case "name-taken":
        return new JoinFailure(fillBoth(JOIN_TEXT.nameTaken, { name: this.name }));
      case "bad-name":
        return new JoinFailure(fillBoth(JOIN_TEXT.badName, { message }));
      case "ended":
        return new JoinFailure(JOIN_TEXT.endedNow, 0);
    }
    if (error.status === 404) return new JoinFailure(fillBoth(JOIN_TEXT.unknownSession, { server, code }));
    if (error.status === 401 || error.status === 403) {
      return new JoinFailure(
        fillBoth(JOIN_TEXT.tokenRefused, { status: error.status, code: visibleSnippet(error.code, 40), file: this.store.path }),
      );
    }
    return new JoinFailure(fillBoth(JOIN_TEXT.refused, { status: error.status, code: visibleSnippet(error.code, 40), message }));
  }
}
