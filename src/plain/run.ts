// A practice or review session in plain text or JSON lines: the course and the learner's
// progress in, questions out, answers read line by line until the plan ends, `:quit`, or the
// end of input. Each graded answer goes to the progress store, which writes it durably
// before the next question is printed.
import type { Readable, Writable } from "node:stream";
import { englishNoun, type Lang } from "../core/i18n";
import type { Course } from "../content/model";
import { start } from "../engine/session";
import { fill, SESSION_TEXT } from "../engine/texts";
import type { QueueEntry, SessionConfig, SessionMode, SessionState, Summary } from "../engine/types";
import { DEFAULT_DAILY_REVIEW_CAP, type ProgressStore } from "../progress";
import { nextDue, sessionQueue } from "../progress/session-link";
import { recordInto } from "../progress/session-steps";
import { choosePresenter } from "./choose-presenter";
import { driveSession, type Presenter } from "./driver";
import { readLines } from "./line-reader";
import { PLAIN_TEXT } from "./texts";

/** What every line-by-line front end takes: the course, the store, how lines are shown, the streams. */
export interface PlainFrontEndOptions {
  course: Course;
  store: ProgressStore;
  lang: Lang;
  ascii: boolean;
  json: boolean;
  /** A person at a terminal: show a "> " prompt before each answer. */
  showPrompt: boolean;
  /** The terminal's width, to wrap text lines to (undefined: whole lines). */
  columns?: () => number | undefined;
  stdin: Readable;
  stdout: Writable;
  /** The clock (ms since the epoch); tests pass a fake one. */
  now?: () => number;
  /** Ends the session as the end of input would (summary, then return): the CLI aborts it on Ctrl+C. */
  stop?: AbortSignal;
}

export interface PlainSessionOptions extends PlainFrontEndOptions {
  mode: Exclude<SessionMode, "quiz">;
  seed: number;
  count: number;
  /** Only exercises of these skills (all when empty). */
  skills: readonly string[];
  /** Graduated reviews offered per day (the progress store's default cap unless a test says otherwise). */
  reviewCap?: number;
  /**
   * Also say how to read the course (`learn --plain`): the bare command in plain mode goes
   * straight to practice, since scripts pipe answers to it, so a learner there must be told.
   */
  courseHint?: boolean;
}

export interface PlainSessionResult {
  state: SessionState;
  summary: Summary | null;
}

export async function runPlainSession(options: PlainSessionOptions): Promise<PlainSessionResult> {
  const now = options.now ?? Date.now;
  const { store, course, lang } = options;
  const startedAt = now();
  const queue = sessionQueue({
    mode: options.mode,
    course,
    progress: store.getState(),
    skills: options.skills,
    count: options.count,
    seed: options.seed,
    now: new Date(startedAt),
    ...(options.reviewCap === undefined ? {} : { reviewCap: options.reviewCap }),
  });
  let summary: Summary | null = null;
  const { presenter: base, text } = choosePresenter(options, {
    summaryExtra: () => ({ seed: options.seed, mode: options.mode, saved: store.getState().saving === "ok" }),
  });
  const presenter: Presenter = {
    ...base,
    summary(s) {
      summary = s;
      base.summary(s);
    },
  };

  if (text && queue.length === 0) {
    text.line(options.mode === "review" ? SESSION_TEXT.nothingDue : SESSION_TEXT.nothingToDo);
    if (options.courseHint) text.line(PLAIN_TEXT.courseHint);
    const next = nextDue(store.getState(), course, options.skills, new Date(startedAt));
    // Due cards and an empty review queue: today's cap is used up (not "due in under a minute").
    if (next?.overdue)
      text.line(fill(SESSION_TEXT.capReached, { cap: options.reviewCap ?? DEFAULT_DAILY_REVIEW_CAP, count: next.overdue }));
    else if (next) text.line(fill(SESSION_TEXT.nextDue, { when: next.when[lang] }));
    return { state: start(config(options, queue), startedAt).state, summary: null };
  }
  if (text) {
    const title = options.mode === "review" ? SESSION_TEXT.reviewTitle : SESSION_TEXT.practiceTitle;
    const count = Math.min(queue.length, options.count);
    text.line(fill(PLAIN_TEXT.start, { title: title[lang], count, questionNoun: englishNoun(count, "question", "questions") }));
    text.line(fill(SESSION_TEXT.seed, { seed: options.seed }));
    if (options.courseHint) text.line(PLAIN_TEXT.courseHint);
  }

  const first = start(config(options, queue), startedAt);
  const lines = readLines(options.stdin, options.stop);
  try {
    const state = await driveSession(first, lines, presenter, {
      now,
      record: recordInto(store, options.mode, () => new Date(now()), true),
    });
    if (text && state.attempts.length > 0) {
      const saving = store.getState();
      if (saving.saving === "ok" && saving.dataDir) text.line(fill(SESSION_TEXT.saved, { dir: saving.dataDir }));
      else if (saving.saving === "failed") text.line(SESSION_TEXT.notSaved);
    }
    return { state, summary };
  } finally {
    lines.close();
  }
}

function config(options: PlainSessionOptions, queue: QueueEntry[]): SessionConfig {
  return {
    mode: options.mode,
    course: options.course,
    queue,
    count: options.count,
    seed: options.seed,
    hintsAllowed: true,
    retryAllowed: true,
  };
}
