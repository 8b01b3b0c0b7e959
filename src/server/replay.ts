// A learner's quiz, rebuilt from their stored actions. The database holds all session state:
// the learner's actions (with their stored times) are replayed through the same engine `quiz`
// drives, so a restarted server, or another server on the same database, grades exactly as the
// first one would have (a server's cached replay is used only while no other server wrote for
// that learner). Pure: no I/O, the time is passed in.
import type { Course } from "../content/model";
import { answer, hint, quit, skip, start } from "../engine/session";
import type { EngineEvent, SessionConfig, SessionState, Step } from "../engine/types";
import { plannedQuestions, QuizRecord } from "../quiz/record";
import { type Ending, type QuizResult, sealResult } from "../quiz/result";
import { quizIdentity, quizEngineConfig } from "../quiz/session-config";
import type { QuizSettings } from "../quiz/settings";
import { QUIZ_TEXT } from "../quiz/texts";
import { learnerTime, type LearnerTime, type SessionChange } from "./session-changes";

export const ACTION_KINDS = ["answer", "hint", "skip", "quit"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** One thing a learner did, as stored. */
export interface LearnerAction {
  kind: ActionKind;
  /** The answer as typed (answer only). */
  text: string | null;
  /** ms since the epoch, the server's clock when the action arrived. */
  at: number;
}

/** What the replay needs besides the actions: the quiz and the learner. */
export interface LearnerContext {
  course: Course;
  settings: QuizSettings;
  name: string;
  /** The trainer's version, written into the result. */
  app: string;
  /** When the learner joined: their quiz (and its time limit) starts then. */
  joinedAt: number;
  /** When the instructor ended the session, or null while it runs. */
  endedAt: number | null;
  /** The instructor's pauses, resumes and extensions so far, in order (none when left out). */
  changes?: readonly SessionChange[];
  /** The quiz's session config when already made (the same for every learner): saves the queue's cost. */
  config?: SessionConfig;
}

export interface LearnerReplay {
  state: SessionState;
  /** The result file `quiz` would have written for the same answers. */
  result: QuizResult;
  deadline: number | null;
  ending: Ending | null;
  /** When the current question was first shown (null when finished). */
  since: number | null;
  /** The events the time limit or the session's end produced (time-up notice, summary). */
  closing: readonly EngineEvent[];
}

/** The engine's step for one action. */
export function applyAction(state: SessionState, action: LearnerAction): Step {
  switch (action.kind) {
    case "answer":
      return answer(state, action.text ?? "", action.at);
    case "hint":
      return hint(state);
    case "skip":
      return skip(state, action.at);
    case "quit":
      return quit(state, action.at);
  }
}

/**
 * A replay in progress: start, then `apply` each action in order, then `close(now)`. The
 * server uses it to grade a new action after the stored ones; `replayLearner` does it all.
 */
export class LearnerReplayer {
  state: SessionState;
  private readonly record: QuizRecord;
  /** The latest time the replay has seen (an action's, or the one it was closed at). */
  private now: number;
  /** When the quiz finished, or null. */
  private finishedAt: number | null = null;
  private since: number | null = null;
  private ending: Ending | null = null;
  private closing: EngineEvent[] = [];
  /** The first step's events (the first question). */
  readonly opening: readonly EngineEvent[];

  constructor(private readonly context: LearnerContext) {
    const { course, settings, joinedAt } = context;
    const first = start(context.config ?? quizEngineConfig(course, settings), joinedAt);
    this.state = first.state;
    this.now = joinedAt;
    this.record = new QuizRecord(
      {
        app: context.app,
        name: context.name,
        quiz: quizIdentity(course, settings),
        startedAt: joinedAt,
        deadline: this.timeAt(joinedAt).deadline,
      },
      plannedQuestions(course, first.state.plan),
    );
    this.observe(first, joinedAt);
    this.opening = first.events;
  }

  /**
   * The learner's time as of `at` (session-changes.ts): their clock stops when their quiz
   * finished or the session ended, so a pause after that moves nothing.
   */
  private timeAt(at: number): LearnerTime {
    const { settings, joinedAt, endedAt, changes = [] } = this.context;
    const upTo = Math.min(at, this.finishedAt ?? at, endedAt ?? at);
    return learnerTime(settings.timeLimitMinutes, joinedAt, changes, upTo);
  }

  /**
   * When the learner's time runs out, as of the latest time the replay has seen, or null
   * without a time limit (while the session is paused: if it resumed at that time).
   */
  get deadline(): number | null {
    return this.timeAt(this.now).deadline;
  }

  /** The time when the learner's quiz ends by itself (time limit or session end) as of `at`, or null. */
  endsAt(at: number = this.now): { at: number; ending: Ending } | null {
    const { endedAt } = this.context;
    const { deadline } = this.timeAt(at);
    if (deadline !== null && (endedAt === null || deadline <= endedAt)) return { at: deadline, ending: "time-up" };
    if (endedAt !== null) return { at: endedAt, ending: "quit" };
    return null;
  }

  /** True when an action at `at` comes too late: after the deadline or the session's end. */
  tooLate(at: number): boolean {
    const end = this.endsAt(at);
    return end !== null && at >= end.at;
  }

  apply(action: LearnerAction): Step {
    this.now = Math.max(this.now, action.at);
    const step = applyAction(this.state, action);
    this.state = step.state;
    if (action.kind === "quit") this.ending = "quit";
    this.observe(step, action.at);
    return step;
  }

  /** Ends the quiz as the time limit or the session's end would, when `now` is past it. */
  close(now: number): readonly EngineEvent[] {
    this.now = Math.max(this.now, now);
    const end = this.endsAt(now);
    if (this.state.finished || end === null || now < end.at) return [];
    this.ending = end.ending;
    const step = quit(this.state, end.at);
    this.state = step.state;
    this.observe(step, end.at);
    const notice: EngineEvent[] = end.ending === "time-up" ? [{ type: "notice", message: QUIZ_TEXT.timeUp }] : [];
    this.closing = [...notice, ...step.events];
    return this.closing;
  }

  done(): LearnerReplay {
    const time = this.timeAt(this.now);
    this.record.retime(time.deadline, time.addedMs);
    return {
      state: this.state,
      result: sealResult(this.record.snapshot()),
      deadline: time.deadline,
      ending: this.record.snapshot().ending,
      since: this.state.finished ? null : this.since,
      closing: this.closing,
    };
  }

  /** Records a step in the result, as QuizTracker.observe does for `quiz`. */
  private observe(step: Step, at: number): void {
    for (const event of step.events) {
      switch (event.type) {
        case "question":
          this.record.asked(event.question.number - 1, event.question.part, at);
          if (event.question.part === 0) this.since = at;
          break;
        case "graded":
          this.record.graded(event.attempt);
          break;
        case "hint": {
          const index = step.state.current?.index;
          if (index !== undefined) this.record.hint(index, event.stage, at);
          break;
        }
        case "skipped":
          this.record.skipped(event.skip);
          break;
        case "summary":
          this.finishedAt ??= at;
          this.record.finish(this.ending ?? (event.summary.quit ? "quit" : "completed"), at);
          break;
      }
    }
  }
}

/**
 * The learner's quiz after `actions` (in the order they were stored), closed at `now`: an
 * action at or after the deadline is never stored, so none is replayed past it.
 */
export function replayLearner(context: LearnerContext, actions: readonly LearnerAction[], now: number): LearnerReplay {
  const replayer = new LearnerReplayer(context);
  for (const action of actions) {
    if (replayer.state.finished || replayer.tooLate(action.at)) break;
    replayer.apply(action);
  }
  replayer.close(now);
  return replayer.done();
}
