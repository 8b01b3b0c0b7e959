// A joined quiz (src/join) on the full screen: a practice store (the same state the Practice
// screen draws) whose questions, verdicts, hints and summary come from the session server
// instead of the engine. Every action is a request: while it is out the store is `busy` and
// keys do nothing, and the answer's events are applied in order as the local practice store
// applies the engine's. The connection's state (server down and being retried, a failure that
// ends the quiz) is a store of its own, which the screen shows as a status line.
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import type { Feedback, QuestionView, SessionState } from "../engine/types";
import type { Opened } from "../join/session";
import { type ActionKind, HEARTBEAT_MS, JoinFailure } from "../join/session";
import { JOIN_TEXT } from "../join/texts";
import { visibleEvents } from "../join/visible-events";
import type { RemoteEvent, SessionInfo } from "../join/wire";
import { createStore, type StoreApi } from "zustand/vanilla";
import { createAnswerLineSlice } from "./answer-line-slice";
import { type PracticeEvent, practiceStateAfter } from "./practice-events";
import { NEW_QUESTION_VIEW, type PracticeState, type PracticeStore, TYPE_AN_ANSWER_FIRST } from "./practice-store";
import type { QuizClock } from "./quiz-session";
import { createRemoteQuizClock } from "./remote-quiz-clock";

/** The part of a JoinedSession the screen uses (tests pass a fake). */
export interface RemoteSession {
  readonly name: string;
  readonly code: string;
  readonly server: string;
  open(): Promise<Opened>;
  act(action: ActionKind, text?: string): Promise<RemoteEvent[]>;
  shown(): void;
  /** Whether the session is paused, when the server said (null when it did not). */
  heartbeat(): Promise<{ paused: boolean | null }>;
  timeLeftNow(): Promise<number | null>;
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
  /** From the summary: the time limit ended the quiz, and how many questions were left unanswered. */
  timeUp: boolean;
  unanswered: number;
}

export interface RemoteQuiz {
  readonly name: string;
  readonly code: string;
  readonly server: string;
  readonly store: PracticeStore;
  readonly connection: StoreApi<ConnectionState>;
  /** The time left, for the header (src/ui/remote-quiz-clock.ts); its seconds are null without a limit. */
  readonly clock: StoreApi<QuizClock>;
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

/** The server's events as the Practice screen takes them (`shown`: the question on screen before them). */
function practiceEvents(events: readonly RemoteEvent[], shown: QuestionView | null, kind: ActionKind): PracticeEvent[] {
  return events.flatMap((event): PracticeEvent[] => {
    switch (event.type) {
      case "question": {
        // The answered question's next part is asked at once; another question waits for Enter.
        const samePlace = shown !== null && event.question.number === shown.number && kind === "answer";
        return [{ type: "question", question: event.question, cause: samePlace ? "next-part" : "next-question" }];
      }
      case "feedback":
        // --feedback end: no verdict to draw, only the server's "answer recorded".
        if (event.feedback.verdict === "recorded")
          return [
            { type: "feedback", feedback: null },
            { type: "notice", message: event.feedback.message },
          ];
        // Null expected values are never drawn by the panel (it shows the message and the solution).
        return [{ type: "feedback", feedback: event.feedback as unknown as Feedback }];
      case "skipped":
        return event.expected === null || event.solution === null ? [event, { type: "notice", message: JOIN_TEXT.skippedHidden }] : [event];
      default:
        return [event];
    }
  });
}

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

/** The connection's fields a summary sets: the score, the verdicts, and how the quiz ended. */
function summaryOutcome(event: Extract<RemoteEvent, { type: "summary" }>): Partial<ConnectionState> {
  const { summary, extra } = event;
  return {
    score: { right: event.score, of: event.scoreOf },
    results: event.results,
    timeUp: extra.timeUp === true || extra.ending === "time-up",
    unanswered: extra.unanswered ?? Math.max(0, summary.questions - summary.finished - summary.skipped),
  };
}

export function createRemoteQuiz(options: {
  session: RemoteSession;
  course: Course;
  heartbeatMs?: number;
  /** The monotonic clock and tick of the time left (tests pass fakes). */
  clock?: { now?: () => number; tickMs?: number };
}): RemoteQuiz {
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
    timeUp: false,
    unanswered: 0,
  }));
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  // A timed quiz ends when its time is up even while the learner is thinking: any action past the
  // deadline gets the server's "time is up" and the summary. The instructor may have paused the
  // session or added time meanwhile, so the server is asked for the time left first.
  const timeLeft = createRemoteQuizClock({ ...options.clock, onTimeUp: () => void timeUp() });
  let askingTimeLeft = false;
  async function timeUp(): Promise<void> {
    if (askingTimeLeft) return;
    askingTimeLeft = true;
    let left: number | null = null;
    try {
      left = await session.timeLeftNow();
    } catch {
      // The server cannot say: the time is taken as up; the quit meets the same failure and says so.
    } finally {
      askingTimeLeft = false;
    }
    if (left !== null && left > 0) timeLeft.sync(left);
    else store.getState().quit();
  }
  const stopHeartbeat = () => {
    if (heartbeat !== null) clearInterval(heartbeat);
    heartbeat = null;
    timeLeft.stop();
  };

  const store: PracticeStore = createStore<PracticeState>()((set, get, api) => {
    /** What the screen shows after the server's events for one action. */
    function apply(events: readonly RemoteEvent[], kind: ActionKind): Partial<PracticeState> {
      const shown = visibleEvents(events);
      for (const event of shown) if (event.type === "question") timeLeft.sync(event.remainingMs);
      // As in a local quiz, quitting ends at once, and so does a quiz that ended early (an answer
      // that arrived past the deadline); after the last answer its feedback is read first.
      const patch = practiceStateAfter(get(), practiceEvents(shown, get().question, kind), {
        summaryEnds: (summary) => kind === "quit" || summary.quit,
      });
      const summary = shown.find((e) => e.type === "summary");
      if (summary?.type === "summary") {
        patch.session = remoteSessionState(course, connection.getState().info, true);
        connection.setState(summaryOutcome(summary));
        stopHeartbeat();
      }
      return patch;
    }

    /** Sends one action; keys wait until its answer is on screen. */
    async function send(kind: ActionKind, text?: string): Promise<void> {
      if (connection.getState().busy || connection.getState().failure) return;
      connection.setState({ busy: true, back: false });
      try {
        const events = await session.act(kind, text);
        set(apply(events, kind));
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
      ...NEW_QUESTION_VIEW,
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
        if (pending) set({ phase: "asking", question: pending, pending: null, ...NEW_QUESTION_VIEW, notice: null });
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

  /** The session was said to be paused (an action refused, a heartbeat) or running: the time left stands or runs. */
  function heardPaused(paused: boolean | null): void {
    if (paused === null || paused === connection.getState().paused) return;
    if (paused) timeLeft.hold();
    else timeLeft.release();
    connection.setState({ paused });
  }

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
    clock: timeLeft.clock,
    async start() {
      try {
        const opened = await session.open();
        connection.setState({ info: opened.info, rejoined: opened.rejoined, joining: false });
        store.setState({ session: remoteSessionState(course, opened.info, false) });
        store.setState(applyOpen(opened.events));
        session.shown();
        // The heartbeat's answer says whether the instructor paused the session: the time left
        // then stands still on screen too, though the learner has sent nothing.
        heartbeat = setInterval(
          () => void session.heartbeat().then(({ paused }) => heardPaused(paused)),
          options.heartbeatMs ?? HEARTBEAT_MS,
        );
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
      heardPaused(true);
    },
    sessionResumed() {
      heardPaused(false);
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
      if (event.type === "question") {
        Object.assign(patch, { question: event.question, phase: "asking", pending: null });
        timeLeft.sync(event.remainingMs);
      }
      if (event.type === "summary") {
        Object.assign(patch, {
          summary: event.summary,
          phase: "finished",
          session: remoteSessionState(course, connection.getState().info, true),
        });
        connection.setState(summaryOutcome(event));
        timeLeft.stop();
      }
    }
    return patch;
  }
}
