// A quiz in plain text or JSON lines. The same engine and driver as practice, with a quiz's
// session config: questions from the seed alone (never the learner's schedule), asked once,
// hints only when allowed. Around the driver: the result file, rewritten durably after every
// graded answer, skip and hint (before the next line is printed, so what the learner saw
// answered is on disk), a time limit, and the score and the file's path at the end.
import { attemptInputOf } from "../progress/session-link";
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { start } from "../engine/session";
import { fill } from "../engine/texts";
import type { GradedAttempt, Summary } from "../engine/types";
import { toAscii } from "../core/ascii";
import { choosePresenter, type PlainConsole } from "./choose-presenter";
import { driveSession, type Presenter } from "./driver";
import { readLines } from "./line-reader";
import type { ProgressStore } from "../progress";
import { NothingToAskError } from "../quiz/nothing-to-ask";
import type { Timers } from "../app/timed-lines";
import { withDeadline } from "./deadline";
import { type QuizResult, scoreOf } from "../quiz/result";
import { quizEngineConfig } from "../quiz/session-config";
import type { QuizSettings } from "../quiz/settings";
import { formatDuration, minutesText, QUIZ_TEXT, quizStartText, scoreText } from "../quiz/texts";
import { QuizTracker } from "../quiz/tracker";
import type { ResultWriter } from "../quiz/writer";

export interface QuizSessionOptions extends PlainConsole {
  course: Course;
  settings: QuizSettings;
  name: string;
  writer: ResultWriter;
  /** The learner's progress: quiz answers are recorded there too, with mode "quiz". */
  store: ProgressStore | null;
  /** The trainer's version, written into the result. */
  app: string;
  /** The clock (ms since the epoch); tests pass a fake one. */
  now?: () => number;
  timers?: Timers;
}

export interface QuizOutcome {
  result: QuizResult;
  /** Where the result is (or should have been) written. */
  path: string;
  /** The last write succeeded: the file holds the final result. */
  saved: boolean;
  summary: Summary | null;
}

export async function runQuizSession(options: QuizSessionOptions): Promise<QuizOutcome> {
  const now = options.now ?? Date.now;
  const { course, settings, lang, writer } = options;
  const say = (text: Localized) => (options.ascii ? toAscii(text[lang]) : text[lang]);
  const startedAt = now();

  const first = start(quizEngineConfig(course, settings), startedAt);
  if (first.state.plan.length === 0) {
    const skills = settings.skills.length > 0 ? settings.skills.join(", ") : "*";
    throw new NothingToAskError(say(fill(QUIZ_TEXT.nothingToAsk, { skills })));
  }
  const tracker = new QuizTracker({
    course,
    settings,
    name: options.name,
    app: options.app,
    writer,
    plan: first.state.plan,
    startedAt,
    onSaveFailed: (path, reason) => options.stderr.write(`sigmoid-trainer: ${say(fill(QUIZ_TEXT.saveFailed, { path, reason }))}\n`),
  });
  // The file exists, every question unanswered, before the first question is shown.
  tracker.begin();
  const { deadline } = tracker;

  const { presenter: base, text } = choosePresenter(options, {
    hideExpectedWhenInvalid: true,
    questionExtra: () => (deadline === null ? {} : { deadline: new Date(deadline).toISOString(), remainingMs: tracker.remaining(now()) }),
    summaryExtra: () => {
      const score = tracker.score();
      return {
        mode: "quiz",
        seed: settings.seed,
        name: options.name,
        score: score.right,
        scoreOf: score.of,
        unanswered: tracker.unanswered(),
        ending: tracker.ending(),
        timeUp: tracker.ending() === "time-up",
        contentVersion: course.version,
        resultFile: tracker.path,
        saved: tracker.saved,
      };
    },
  });

  let currentIndex = 0;
  let summary: Summary | null = null;
  const lines = withDeadline(
    readLines(options.stdin),
    deadline,
    now,
    () => {
      tracker.markTimeUp();
      base.notice(QUIZ_TEXT.timeUp);
    },
    options.timers,
  );
  const presenter: Presenter = {
    ...base,
    question(view) {
      currentIndex = view.number - 1;
      tracker.asked(currentIndex, view.part, now());
      base.question(view);
      const left = tracker.remaining(now());
      if (text && left !== null) text.line(fill(QUIZ_TEXT.timeLeft, { time: formatDuration(left) }));
    },
    hint(stage, stages, hintText, solution) {
      tracker.hint(currentIndex, stage, now());
      base.hint(stage, stages, hintText, solution);
    },
    skipped(skip, expected, digits, solution) {
      tracker.skipped(skip);
      base.skipped(skip, expected, digits, solution);
    },
    summary(s) {
      tracker.finish(s.quit, now());
      summary = s;
      base.summary(s);
    },
  };

  if (text) {
    text.line(quizStartText(options.name, first.state.plan.length));
    text.line(fill(QUIZ_TEXT.seed, { seed: settings.seed, version: course.version }));
    if (settings.timeLimitMinutes !== null) text.line(fill(QUIZ_TEXT.timeLimit, { time: say(minutesText(settings.timeLimitMinutes)) }));
    if (!settings.hintsAllowed) text.line(QUIZ_TEXT.hintsOff);
  }

  try {
    await driveSession(first, lines, presenter, {
      now,
      record: (attempt) => {
        recordProgress(options.store, attempt);
        tracker.graded(attempt);
        return null;
      },
    });
  } finally {
    lines.close();
  }

  const result = tracker.result();
  const score = scoreOf(result);
  const where = tracker.saved
    ? fill(QUIZ_TEXT.savedTo, { path: tracker.path })
    : fill(QUIZ_TEXT.notSaved, { path: tracker.path, reason: tracker.saveFailure ?? "?" });
  if (text) {
    text.line(scoreText(score));
    const open = tracker.unanswered();
    if (open > 0) text.line(fill(QUIZ_TEXT.unanswered, { n: open }));
    text.line(where);
  } else {
    options.stderr.write(`sigmoid-trainer: ${say(where)}\n`);
  }
  return { result, path: tracker.path, saved: tracker.saved, summary };
}

function recordProgress(store: ProgressStore | null, attempt: GradedAttempt): void {
  store?.getState().recordAttempt(attemptInputOf(attempt, "quiz"));
}
