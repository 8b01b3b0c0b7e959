// One quiz's result as it happens, and its file: whatever front end runs the session (plain
// text, JSON lines, or the full-screen trainer) reports what happened here, and every graded
// answer, skip and hint is written before the caller shows anything after it.
//
// Two ways in: call the methods one by one (plain mode, from its presenter and record hook),
// or hand over each engine step with `observe` (a screen that applies steps itself).
import type { Course } from "../content/model";
import type { GradedAttempt, PlannedQuestion, SkipRecord, Step } from "../engine/types";
import { errorCode } from "../progress/fs-layer";
import { plannedQuestions, QuizRecord } from "./record";
import { type Ending, type QuizResult, scoreOf, sealResult } from "./result";
import { quizDeadline, quizIdentity } from "./session-config";
import type { QuizSettings } from "./settings";
import { ResultExistsError, type ResultWriter } from "./writer";

export interface QuizTrackerOptions {
  course: Course;
  settings: QuizSettings;
  name: string;
  /** The trainer's version, written into the result. */
  app: string;
  writer: ResultWriter;
  /** The session's plan (from the engine's first step). */
  plan: readonly PlannedQuestion[];
  startedAt: number;
  /** Told when saving fails (once, until it works again); the quiz goes on. */
  onSaveFailed?: (path: string, reason: string) => void;
}

export class QuizTracker {
  readonly deadline: number | null;
  private readonly record: QuizRecord;
  private readonly writer: ResultWriter;
  private readonly onSaveFailed: QuizTrackerOptions["onSaveFailed"];
  private lastSaveOk = false;
  private failure: string | null = null;
  private timedOut = false;

  constructor(options: QuizTrackerOptions) {
    const { settings, course } = options;
    this.deadline = quizDeadline(settings, options.startedAt);
    this.writer = options.writer;
    this.onSaveFailed = options.onSaveFailed;
    this.record = new QuizRecord(
      {
        app: options.app,
        name: options.name,
        quiz: quizIdentity(course, settings),
        startedAt: options.startedAt,
        deadline: this.deadline,
      },
      plannedQuestions(course, options.plan),
    );
  }

  /** Writes the file with every question unanswered. Throws ResultExistsError for a taken --out. */
  begin(): void {
    this.save();
  }

  get path(): string {
    return this.writer.file;
  }

  /** The last write succeeded: the file holds what the learner has done. */
  get saved(): boolean {
    return this.lastSaveOk;
  }

  /** Why the last write failed, or null. */
  get saveFailure(): string | null {
    return this.failure;
  }

  result(): QuizResult {
    return sealResult(this.record.snapshot());
  }

  score(): { right: number; of: number } {
    return scoreOf(this.record.snapshot());
  }

  unanswered(): number {
    return this.record.snapshot().questions.filter((q) => q.status === "unanswered").length;
  }

  ending(): Ending | null {
    return this.record.snapshot().ending;
  }

  /** Milliseconds left at `now`; null without a time limit. */
  remaining(now: number): number | null {
    return this.deadline === null ? null : Math.max(0, this.deadline - now);
  }

  /** The time limit ended the session (call before quitting it, so the ending says so). */
  markTimeUp(): void {
    this.timedOut = true;
  }

  asked(index: number, part: number, at: number): void {
    this.record.asked(index, part, at);
  }

  graded(attempt: GradedAttempt): void {
    this.record.graded(attempt);
    this.save();
  }

  hint(index: number, stage: number, at: number): void {
    this.record.hint(index, stage, at);
    this.save();
  }

  skipped(skip: SkipRecord): void {
    this.record.skipped(skip);
    this.save();
  }

  /** The session ended; `quit`: before the last question (end of input, :quit, Esc, time). */
  finish(quit: boolean, at: number): void {
    this.record.finish(this.timedOut ? "time-up" : quit ? "quit" : "completed", at);
    this.save();
  }

  /**
   * Everything one engine step did, in order. Call it with each step (the first one from
   * `start` included) before showing the step's events: then the file is on disk first.
   */
  observe(step: Step, at: number): void {
    for (const event of step.events) {
      switch (event.type) {
        case "question":
          this.asked(event.question.number - 1, event.question.part, at);
          break;
        case "graded":
          this.graded(event.attempt);
          break;
        case "hint": {
          const index = step.state.current?.index;
          if (index !== undefined) this.hint(index, event.stage, at);
          break;
        }
        case "skipped":
          this.skipped(event.skip);
          break;
        case "summary":
          this.finish(event.summary.quit, at);
          break;
      }
    }
  }

  private save(): void {
    try {
      this.writer.write(sealResult(this.record.snapshot()));
      this.lastSaveOk = true;
      this.failure = null;
    } catch (error) {
      if (error instanceof ResultExistsError) throw error;
      this.lastSaveOk = false;
      const reason = errorCode(error) ?? (error instanceof Error ? error.message : String(error));
      if (this.failure === null) this.onSaveFailed?.(this.writer.file, reason);
      this.failure = reason;
    }
  }
}
