// A quiz in plain text or JSON lines. The same engine and driver as practice, with a quiz's
// session config: questions from the seed alone (never the learner's schedule), asked once,
// hints only when allowed. Around the driver: the result file, rewritten durably after every
// graded answer, skip and hint (before the next line is printed, so what the learner saw
// answered is on disk), a time limit, and the score and the file's path at the end.
import type { Readable, Writable } from "node:stream";
import type { Lang, Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { quizQueue } from "../engine/plan";
import { start } from "../engine/session";
import { fill } from "../engine/texts";
import type { Attempt, SessionConfig, Summary } from "../engine/types";
import { toAscii } from "../plain/ascii";
import { driveSession, type Presenter } from "../plain/driver";
import { jsonPresenter } from "../plain/json-presenter";
import { readLines } from "../plain/line-reader";
import { textPresenter } from "../plain/text-presenter";
import type { ProgressStore } from "../progress";
import { errorCode } from "../progress/fs-layer";
import { type Timers, withDeadline } from "./deadline";
import { plannedQuestions, QuizRecord } from "./record";
import { type QuizResult, scoreOf, sealResult } from "./result";
import type { QuizSettings } from "./settings";
import { formatDuration, minutesText, QUIZ_TEXT } from "./texts";
import { ResultExistsError, type ResultWriter } from "./writer";

export interface QuizSessionOptions {
  course: Course;
  settings: QuizSettings;
  name: string;
  writer: ResultWriter;
  /** The learner's progress: quiz answers are recorded there too, with mode "quiz". */
  store: ProgressStore | null;
  /** The trainer's version, written into the result. */
  app: string;
  lang: Lang;
  ascii: boolean;
  json: boolean;
  /** A person at a terminal: show a "> " prompt before each answer. */
  showPrompt: boolean;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
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

export class NothingToAskError extends Error {
  override name = "NothingToAskError";
}

export async function runQuizSession(options: QuizSessionOptions): Promise<QuizOutcome> {
  const now = options.now ?? Date.now;
  const { course, settings, lang, writer } = options;
  const say = (text: Localized) => (options.ascii ? toAscii(text[lang]) : text[lang]);
  const startedAt = now();
  const deadline = settings.timeLimitMinutes === null ? null : startedAt + Math.round(settings.timeLimitMinutes * 60_000);

  const config: SessionConfig = {
    mode: "quiz",
    course,
    queue: quizQueue(course, settings.skills, settings.count, settings.seed),
    count: settings.count,
    seed: settings.seed,
    hintsAllowed: settings.hintsAllowed,
    retryAllowed: false,
  };
  const first = start(config, startedAt);
  if (first.state.plan.length === 0) {
    const skills = settings.skills.length > 0 ? settings.skills.join(", ") : "*";
    throw new NothingToAskError(say(fill(QUIZ_TEXT.nothingToAsk, { skills })));
  }
  const record = new QuizRecord(
    {
      app: options.app,
      name: options.name,
      quiz: {
        seed: settings.seed,
        count: settings.count,
        skills: settings.skills,
        courseId: course.id,
        contentVersion: course.version,
        timeLimitMinutes: settings.timeLimitMinutes,
        hintsAllowed: settings.hintsAllowed,
      },
      startedAt,
      deadline,
    },
    plannedQuestions(course, first.state.plan),
  );

  // Saving: a failure is told once (and again if it recovers and fails anew); the quiz goes on,
  // and every later answer tries again with the whole result.
  let saved = false;
  let failure: string | null = null;
  const save = () => {
    try {
      writer.write(sealResult(record.snapshot()));
      saved = true;
      failure = null;
    } catch (error) {
      if (error instanceof ResultExistsError) throw error;
      saved = false;
      const reason = errorCode(error) ?? (error instanceof Error ? error.message : String(error));
      if (failure === null) options.stderr.write(`sigmoid-trainer: ${say(fill(QUIZ_TEXT.saveFailed, { path: writer.file, reason }))}\n`);
      failure = reason;
    }
  };
  // The file exists, every question unanswered, before the first question is shown.
  save();

  const text = options.json ? null : textPresenter({ out: options.stdout, lang, ascii: options.ascii, showPrompt: options.showPrompt });
  const remaining = () => (deadline === null ? null : Math.max(0, deadline - now()));
  const base: Presenter =
    text ??
    jsonPresenter({
      out: options.stdout,
      lang,
      ascii: options.ascii,
      questionExtra: () => (deadline === null ? {} : { deadline: new Date(deadline).toISOString(), remainingMs: remaining() }),
      summaryExtra: () => {
        const score = scoreOf(record.snapshot());
        return {
          mode: "quiz",
          seed: settings.seed,
          name: options.name,
          score: score.right,
          scoreOf: score.of,
          unanswered: unansweredCount(record),
          ending: record.snapshot().ending,
          timeUp: record.snapshot().ending === "time-up",
          contentVersion: course.version,
          resultFile: writer.file,
          saved,
        };
      },
    });

  let currentIndex = 0;
  let summary: Summary | null = null;
  const lines = withDeadline(readLines(options.stdin), deadline, now, () => base.notice(QUIZ_TEXT.timeUp), options.timers);
  const presenter: Presenter = {
    ...base,
    question(view) {
      currentIndex = view.number - 1;
      record.asked(currentIndex, view.part, now());
      base.question(view);
      const left = remaining();
      if (text && left !== null) text.line(fill(QUIZ_TEXT.timeLeft, { time: formatDuration(left) }));
    },
    hint(stage, stages, hintText, solution) {
      record.hint(currentIndex, stage, now());
      save();
      base.hint(stage, stages, hintText, solution);
    },
    skipped(skip, expected, digits, solution) {
      record.skipped(skip);
      save();
      base.skipped(skip, expected, digits, solution);
    },
    summary(s) {
      const ending = lines.timedOut() ? "time-up" : s.quit ? "quit" : "completed";
      record.finish(ending, now());
      save();
      summary = s;
      base.summary(s);
    },
  };

  if (text) {
    text.line(fill(QUIZ_TEXT.start, { name: options.name, count: first.state.plan.length }));
    text.line(fill(QUIZ_TEXT.seed, { seed: settings.seed, version: course.version }));
    if (settings.timeLimitMinutes !== null) text.line(fill(QUIZ_TEXT.timeLimit, { time: say(minutesText(settings.timeLimitMinutes)) }));
    if (!settings.hintsAllowed) text.line(QUIZ_TEXT.hintsOff);
  }

  try {
    await driveSession(first, lines, presenter, {
      now,
      record: (attempt) => {
        recordProgress(options.store, attempt);
        record.graded(attempt);
        save();
        return null;
      },
    });
  } finally {
    lines.close();
  }

  const result = sealResult(record.snapshot());
  const score = scoreOf(result);
  if (text) {
    text.line(fill(QUIZ_TEXT.score, score));
    const open = unansweredCount(record);
    if (open > 0) text.line(fill(QUIZ_TEXT.unanswered, { n: open }));
    text.line(saved ? fill(QUIZ_TEXT.savedTo, { path: writer.file }) : fill(QUIZ_TEXT.notSaved, { path: writer.file, reason: failure ?? "?" }));
  } else {
    const line = saved ? fill(QUIZ_TEXT.savedTo, { path: writer.file }) : fill(QUIZ_TEXT.notSaved, { path: writer.file, reason: failure ?? "?" });
    options.stderr.write(`sigmoid-trainer: ${say(line)}\n`);
  }
  return { result, path: writer.file, saved, summary };
}

function unansweredCount(record: QuizRecord): number {
  return record.snapshot().questions.filter((q) => q.status === "unanswered").length;
}

function recordProgress(store: ProgressStore | null, attempt: Attempt): void {
  if (!store) return;
  store.getState().recordAttempt({
    templateId: attempt.templateId,
    skill: attempt.skill,
    seed: attempt.variantSeed,
    params: attempt.params,
    part: attempt.part,
    parts: attempt.parts,
    answer: attempt.answer,
    verdict: attempt.verdict,
    mistake: attempt.diagnosis,
    hints: attempt.hintsUsed,
    ms: attempt.durationMs,
    mode: "quiz",
  });
}
