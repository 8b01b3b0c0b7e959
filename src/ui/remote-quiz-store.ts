// A joined quiz (src/join) on the full screen: a practice store (the same state the Practice
// screen draws) whose questions, verdicts, hints and summary come from the session server
// instead of the engine. Every action is a request: while it is out the store is `busy` and
// keys do nothing, and the answer's events are applied in order as the local practice store
// applies the engine's. The connection's state (server down and being retried, a failure that
// ends the quiz) is a store of its own, which the screen shows as a status line.
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import type { SessionState } from "../engine/types";
import type { Opened } from "../join/session";
import { type ActionKind, JoinFailure } from "../join/session";
import { backgroundTimers, deadlineMs, SessionDeadline } from "../join/session-deadline";
import { JOIN_TEXT } from "../join/texts";
import { visibleEvents } from "../join/visible-events";
import type { RemoteEvent, SessionInfo } from "../join/wire";
import { createStore, type StoreApi } from "zustand/vanilla";
import { createAnswerLineSlice } from "./answer-line-slice";
import { type PracticeState, type PracticeStore, TYPE_AN_ANSWER_FIRST } from "./practice-store";

/** The part of a JoinedSession the screen uses (tests pass a fake). */
export interface RemoteSession {
  readonly name: string;
  readonly code: string;
  readonly server: string;
  open(): Promise<Opened>;
  act(action: ActionKind, text?: string): Promise<RemoteEvent[]>;
  shown(): void;
  heartbeat(): Promise<void>;
  deadlineNow(): Promise<number | null>;
}

export interface ConnectionState {
  /** Joining, before the first question. */
  joining: boolean;
  /** A request is out; keys wait. */
  busy: boolean;
  /** The server cannot be reached and is being retried (the reason), or null. */
  down: string | null;
  /** It answers again after an outage: said until the next action. */
  back: boolean;
  /** The instructor paused the session: the answer in flight waits for the resume. */
  paused: boolean;
  /** Why the quiz cannot go on (the server gave up, refused, or sent nonsense), or null. */
  failure: Localized | null;
  /** The exit code that failure means (0: the instructor ended the session, the answers are in). */
  failureExit: number;
  info: SessionInfo | null;
  rejoined: boolean;
  /** From the summary: the score and each question's verdicts (with --feedback end). */
  score: { right: number; of: number } | null;
  results: readonly unknown[];
}

export interface RemoteQuiz {
  readonly name: string;
  readonly code: string;
  readonly server: string;
  readonly store: PracticeStore;
  readonly connection: StoreApi<ConnectionState>;
  /** Joins and shows the first question (or the summary of a finished quiz). */
  start(): Promise<void>;
  /** Ctrl+C or leaving: the server keeps every answer; nothing is sent. */
  end(): void;
  /** For the connection's onDown/onUp hooks. */
  serverDown(reason: string): void;
  serverBack(): void;
  /** For the connection's onPaused/onResumed hooks. */
  sessionPaused(): void;
  sessionResumed(): void;
}

export const HEARTBEAT_MS = 10_000;

/** The Practice screen reads a few things of the engine's state; a joined quiz has no engine here. */
function remoteSessionState(course: Course, info: SessionInfo | null, finished: boolean): SessionState {
  return {
    config: {
      mode: "quiz",
      course,
      count: info?.count ?? 0,
      seed: 0,
      hintsAllowed: info?.hintsAllowed ?? true,
      retryAllowed: false,
    },
    plan: [],
    current: null,
    attempts: [],
    skipped: [],
    retryable: null,
    finished,
    startedAt: 0,
  };
}

export function createRemoteQuiz(options: { session: RemoteSession; course: Course; heartbeatMs?: number }): RemoteQuiz {
  const { session, course } = options;
  const connection = createStore<ConnectionState>()(() => ({
    joining: true,
    busy: false,
    down: null,
    paused: false,
    back: false,
    failure: null,
    failureExit: 1,
    info: null,
    rejoined: false,
    score: null,
    results: [],
  }));
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let stopTimeLimit: (() => void) | null = null;
  const stopHeartbeat = () => {
    if (heartbeat !== null) clearInterval(heartbeat);
    heartbeat = null;
    stopTimeLimit?.();
    stopTimeLimit = null;
  };

  const store: PracticeStore = createStore<PracticeState>()((set, get, api) => {
    const blank = { input: "", cursor: 0, feedback: null, comesBack: null, hints: [], skipped: null } as const;

    /** What the screen shows after the server's events for one action. */
    function apply(events: readonly RemoteEvent[], kind: ActionKind | "open"): Partial<PracticeState> {
      const before = get();
      const patch: Partial<PracticeState> = { notice: null };
      for (const event of visibleEvents(events)) {
        switch (event.type) {
          case "question": {
            const shown = before.question;
            const samePlace = shown !== null && event.question.number === shown.number && kind === "answer";
            if (kind === "open" || samePlace) {
              patch.question = event.question;
              patch.phase = "asking";
              patch.pending = null;
              Object.assign(patch, kind === "open" ? blank : { input: "", cursor: 0 });
            } else {
              patch.pending = event.question;
              patch.phase = "answered";
            }
            break;
          }
          case "feedback":
            if (event.feedback.verdict === "recorded") {
              // --feedback end: no verdict to draw, only the server's "answer recorded".
              patch.feedback = null;
              patch.notice = event.feedback.message;
            } else {
              // Null expected values are never drawn by the panel (it shows the message and the solution).
              patch.feedback = event.feedback as unknown as PracticeState["feedback"];
            }
            break;
          case "hint":
            patch.hints = [
              ...(patch.hints ?? before.hints),
              { stage: event.stage, stages: event.stages, text: event.text, solution: event.solution },
            ];
            break;
          case "skipped":
            patch.feedback = null;
            if (event.expected === null || event.solution === null) {
              patch.skipped = null;
              patch.notice = JOIN_TEXT.skippedHidden;
            } else {
              patch.skipped = { expected: event.expected, digits: event.digits, solution: event.solution };
            }
            patch.phase = "answered";
            break;
          case "notice":
            patch.notice = event.message;
            break;
          case "summary":
            patch.summary = event.summary;
            patch.session = remoteSessionState(course, connection.getState().info, true);
            patch.phase = kind === "quit" || kind === "open" ? "finished" : "answered";
            if (kind === "quit" || kind === "open") patch.pending = null;
            connection.setState({ score: { right: event.score, of: event.scoreOf }, results: event.results });
            stopHeartbeat();
            break;
        }
      }
      return patch;
    }

    /** Sends one action; keys wait until its answer is on screen. */
    async function send(kind: ActionKind, text?: string): Promise<void> {
      if (connection.getState().busy || connection.getState().failure) return;
      connection.setState({ busy: true, back: false });
      try {
        const events = await session.act(kind, text);
        const patch = apply(events, kind);
        if (kind === "skip") Object.assign(patch, { comesBack: null });
        set(patch);
        session.shown();
      } catch (error) {
        fail(error);
      } finally {
        connection.setState({ busy: false });
      }
    }

    return {
      phase: "asking",
      mode: "quiz",
      seed: 0,
      session: remoteSessionState(course, null, false),
      question: null,
      ...blank,
      notice: null,
      pending: null,
      summary: null,
      canRetry: false,
      nextDue: null,
      timeUp: false,

      // The answer line is the local practice store's slice: the same keys edit it the same way.
      ...createAnswerLineSlice(set, get, api),
      lineEdited(typed) {
        // Typing clears a warning about the last answer ("type an answer first", an unreadable answer).
        const { notice, feedback } = get();
        const stale = typed && (notice === TYPE_AN_ANSWER_FIRST || feedback?.verdict === "invalid");
        return stale ? { notice: null, feedback: null } : {};
      },
      submit() {
        const { phase, input } = get();
        if (phase !== "asking" || get().question === null) return;
        if (input.trim() === "") {
          set({ notice: TYPE_AN_ANSWER_FIRST });
          return;
        }
        void send("answer", input);
      },
      hint() {
        if (get().phase === "asking" && get().question !== null) void send("hint");
      },
      skip() {
        if (get().phase === "asking" && get().question !== null) void send("skip");
      },
      retry() {},
      next() {
        const { phase, pending, summary } = get();
        if (phase !== "answered") return;
        if (pending) set({ phase: "asking", question: pending, pending: null, ...blank, notice: null });
        else if (summary) set({ phase: "finished" });
      },
      quit() {
        if (get().session.finished || get().phase === "finished") return;
        void send("quit");
      },
      expire() {
        get().quit();
      },
    };
  });

  function fail(error: unknown): void {
    stopHeartbeat();
    if (error instanceof JoinFailure) connection.setState({ failure: error.text, failureExit: error.exitCode, down: null });
    else connection.setState({ failure: { ja: `内部エラー: ${String(error)}`, en: `internal error: ${String(error)}` }, down: null });
  }

  return {
    name: session.name,
    code: session.code,
    server: session.server,
    store,
    connection,
    async start() {
      try {
        const opened = await session.open();
        connection.setState({ info: opened.info, rejoined: opened.rejoined, joining: false });
        store.setState({ session: remoteSessionState(course, opened.info, false) });
        store.setState(applyOpen(opened.events));
        session.shown();
        // A timed quiz ends at its deadline even while the learner is thinking: any action past
        // it gets the server's "time is up" and the summary.
        const question = opened.events.find((e) => e.type === "question");
        // The instructor may pause the session or add time: the server is asked again when it passes.
        const deadline = deadlineMs(question?.type === "question" ? question.deadline : null);
        if (deadline !== null)
          stopTimeLimit = new SessionDeadline(() => deadline, session, backgroundTimers).watch(() => store.getState().quit());
        heartbeat = setInterval(() => void session.heartbeat(), options.heartbeatMs ?? HEARTBEAT_MS);
        heartbeat.unref?.();
      } catch (error) {
        connection.setState({ joining: false });
        fail(error);
      }
    },
    end() {
      stopHeartbeat();
    },
    serverDown(reason) {
      connection.setState({ down: reason, back: false });
    },
    serverBack() {
      connection.setState({ down: null, back: true });
    },
    sessionPaused() {
      connection.setState({ paused: true });
    },
    sessionResumed() {
      connection.setState({ paused: false });
    },
  };

  /** The first events (the current question, the answer to a resent action, or a finished quiz's summary). */
  function applyOpen(events: readonly RemoteEvent[]): Partial<PracticeState> {
    // A resent action's answer may hold feedback, then the next question: show the question at once.
    const question = [...events].reverse().find((e) => e.type === "question");
    const summary = events.find((e) => e.type === "summary");
    const shown = visibleEvents([...(question ? [question] : []), ...(summary ? [summary] : [])]);
    const patch: Partial<PracticeState> = {};
    for (const event of shown) {
      if (event.type === "question") Object.assign(patch, { question: event.question, phase: "asking", pending: null });
      if (event.type === "summary") {
        Object.assign(patch, {
          summary: event.summary,
          phase: "finished",
          session: remoteSessionState(course, connection.getState().info, true),
        });
        connection.setState({ score: { right: event.score, of: event.scoreOf }, results: event.results });
      }
    }
    return patch;
  }
}
