// `quiz --join` in plain text and JSON lines: the same presenters as a local quiz
// (src/plain/text-presenter, json-presenter), fed from the server's events instead of the
// engine's, so a script sees the same lines whether the quiz is graded here or by a server.
// Lines typed are sent as they are; `:hint`, `:skip`, `:quit` and the end of input act as in
// `quiz`. While waiting for a line the client sends a heartbeat every 10 s, so the instructor's
// dashboard shows the learner as connected.
import { toAscii } from "../core/ascii";
import { fillBoth as fillText, type Localized } from "../core/i18n";
import { visibleText } from "../core/visible-text";
import { ENGINE_TEXT, fill } from "../engine/texts";
import type { Feedback } from "../engine/types";
import { choosePresenter, type PlainConsole } from "../plain/choose-presenter";
import { runLineLoop } from "../plain/driver";
import { type LineReader, readLines } from "../plain/line-reader";
import { minutesText, QUIZ_TEXT, quizStartText, scoreText } from "../quiz/texts";
import { HEARTBEAT_MS, JoinFailure, type JoinedSession } from "./session";
import { SessionDeadline } from "./session-deadline";
import { JOIN_TEXT } from "./texts";
import { resultLines } from "./results";
import type { RemoteEvent, RemoteFeedback, SessionInfo } from "./wire";

export interface PlainJoinOptions extends PlainConsole {
  session: JoinedSession;
  heartbeatMs?: number;
}

/** Runs the joined quiz to its end; the exit code (0: the quiz ended and the server has it). */
export async function runJoinedPlain(options: PlainJoinOptions): Promise<number> {
  const { session, lang } = options;
  const say = (text: Localized) => visibleText(options.ascii ? toAscii(text[lang]) : text[lang]);
  const note = (text: Localized) => options.stderr.write(`sigmoid-trainer: ${say(text)}\n`);
  let lastSummary: Extract<RemoteEvent, { type: "summary" }> | null = null;
  let deadline: string | null = null;
  let remainingMs: number | null = null;
  /** When the time is up, on the monotonic clock: the learner's wall clock may be off the server's (docs/live-sessions.md). */
  let timeUpAt: number | null = null;
  const { presenter: base, text } = choosePresenter(options, {
    hideExpectedWhenInvalid: true,
    questionExtra: () => (deadline === null ? {} : { deadline, remainingMs }),
    summaryExtra: () => {
      const extra = lastSummary?.extra ?? {};
      const summary = lastSummary?.summary;
      return {
        mode: "quiz",
        seed: extra.seed ?? null,
        name: session.name,
        score: lastSummary?.score ?? 0,
        scoreOf: lastSummary?.scoreOf ?? 0,
        unanswered: extra.unanswered ?? (summary ? Math.max(0, summary.questions - summary.finished - summary.skipped) : 0),
        ending: extra.ending ?? (summary?.quit ? "quit" : "finished"),
        timeUp: extra.timeUp ?? false,
        contentVersion: extra.contentVersion ?? null,
        resultFile: null,
        saved: true,
        session: session.code,
        server: session.server,
        results: lastSummary?.results ?? [],
      };
    },
  });

  const lines = readLines(options.stdin);
  let finished = false;
  let feedbackAtEnd = false;
  const show = (events: readonly RemoteEvent[]) => {
    for (const event of events) present(event);
    session.shown();
  };
  const present = (event: RemoteEvent) => {
    switch (event.type) {
      case "question":
        deadline = event.deadline;
        remainingMs = event.remainingMs;
        timeUpAt = event.remainingMs === null ? null : performance.now() + event.remainingMs;
        base.question(event.question);
        return;
      case "feedback":
        base.feedback(asFeedback(event.feedback), null, false);
        return;
      case "hint":
        base.hint(event.stage, event.stages, event.text, event.solution);
        return;
      case "skipped":
        if (text && (event.expected === null || event.solution === null)) {
          text.line(JOIN_TEXT.skippedHidden);
          return;
        }
        base.skipped(event.skip, event.expected as number | string, event.digits, event.solution as Localized);
        return;
      case "notice":
        base.notice(event.message);
        return;
      case "summary":
        finished = true;
        lastSummary = event;
        base.summary(event.summary);
        if (text) {
          if (feedbackAtEnd) for (const line of resultLines(event.results)) text.line(line);
          text.line(scoreText({ right: event.score, of: event.scoreOf }));
        }
        return;
    }
  };

  try {
    const opened = await session.open();
    feedbackAtEnd = opened.info.feedback === "end";
    if (text) introduce(text.line, opened.info, opened.rejoined, session);
    show(opened.events);
    // A timed quiz: when the time runs out while the learner is thinking, the input ends as at
    // the end of input; the server, past the deadline, answers with "time is up" and the summary.
    // The instructor may pause the session or add time: the input ends only once the server,
    // asked again, says the time ran out (session-deadline.ts).
    const input = new SessionDeadline(() => timeUpAt, session).reader(lines);
    const heartbeat = withHeartbeat(input, session, options.heartbeatMs ?? HEARTBEAT_MS);
    await runLineLoop(
      heartbeat,
      base,
      () => finished,
      async (action) => {
        // The server's quiz offers no retry: said, as the engine says it where there is none.
        if (action.kind === "retry") base.notice(ENGINE_TEXT.nothingToRetry);
        else show(await session.act(action.kind, action.kind === "answer" ? action.text : undefined));
      },
    );
    if (text) text.line(fillText(JOIN_TEXT.recorded, { code: session.code }));
    else note(fillText(JOIN_TEXT.recorded, { code: session.code }));
    return 0;
  } catch (error) {
    if (!(error instanceof JoinFailure)) throw error;
    note(error.text);
    return error.exitCode;
  } finally {
    lines.close();
  }
}

/** `lines`, telling the server every `everyMs` while a line is awaited that the learner is still there. */
function withHeartbeat(lines: LineReader, session: JoinedSession, everyMs: number): LineReader {
  return {
    async next() {
      const timer = setInterval(() => void session.heartbeat(), everyMs);
      try {
        return await lines.next();
      } finally {
        clearInterval(timer);
      }
    },
    close: () => lines.close(),
  };
}

function introduce(line: (text: Localized | string) => void, info: SessionInfo, rejoined: boolean, session: JoinedSession): void {
  const where = { code: session.code, server: session.server, name: session.name };
  line(fillText(rejoined ? JOIN_TEXT.rejoined : JOIN_TEXT.joined, where));
  line(quizStartText(session.name, info.count));
  if (info.timeLimitMinutes !== null) line(fill(QUIZ_TEXT.timeLimit, { time: minutesText(info.timeLimitMinutes) }));
  if (!info.hintsAllowed) line(QUIZ_TEXT.hintsOff);
  if (info.feedback === "end") line(JOIN_TEXT.feedbackAtEnd);
}

/** The presenters take the engine's Feedback; a server's has nulls where the learner may not look yet. */
export function asFeedback(feedback: RemoteFeedback): Feedback {
  return feedback as unknown as Feedback;
}
