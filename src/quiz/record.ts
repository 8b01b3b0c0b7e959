// The result of a quiz as it happens: built from the session's plan, then updated by each
// graded answer, skip and hint the driver reports. No I/O here; the writer puts snapshots on disk.
import type { Course } from "../content/model";
import { instantiateQuestion } from "../engine/question";
import type { GradedAttempt, PlannedQuestion, SkipRecord } from "../engine/types";
import type { Ending, QuizIdentity, ResultAnswer, ResultBody, ResultQuestion } from "./result";
import { RESULT_FORMAT, RESULT_VERSION } from "./result";

export interface RecordMeta {
  app: string;
  name: string;
  quiz: QuizIdentity;
  /** ms since the epoch. */
  startedAt: number;
  deadline: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Every planned question, unanswered, with the numbers it will be asked with. */
export function plannedQuestions(course: Course, plan: readonly PlannedQuestion[]): ResultQuestion[] {
  return plan.map((planned, i): ResultQuestion => {
    const made = instantiateQuestion(course, planned);
    const template = course.exercises.get(planned.templateId);
    // Keys in reading order: what was asked, then what happened.
    return {
      number: i + 1,
      templateId: planned.templateId,
      skill: made.ok ? made.instance.skill : (template?.skill ?? ""),
      step: made.ok ? made.instance.step : (template?.step ?? null),
      variantSeed: planned.variantSeed,
      params: made.ok ? { ...made.instance.params } : {},
      parts: made.ok ? made.instance.parts.length : Math.max(1, template?.parts.length ?? 1),
      status: made.ok ? "unanswered" : "unavailable",
      answers: [],
      hintsUsed: 0,
      ms: null,
    };
  });
}

export class QuizRecord {
  private body: ResultBody;
  /** When the part now being asked of each question was shown. */
  private readonly firstAskedAt = new Map<number, number>();

  constructor(meta: RecordMeta, questions: readonly ResultQuestion[]) {
    this.body = {
      format: RESULT_FORMAT,
      version: RESULT_VERSION,
      app: meta.app,
      name: meta.name,
      quiz: meta.quiz,
      startedAt: iso(meta.startedAt),
      updatedAt: iso(meta.startedAt),
      finishedAt: null,
      deadline: meta.deadline === null ? null : iso(meta.deadline),
      ending: null,
      questions: questions.map((q) => ({ ...q })),
    };
  }

  /**
   * Moves the deadline by the time a live session's instructor added (extensions, pauses);
   * `timeAddedMs` is written only when there is some, so other results keep their shape.
   */
  retime(deadline: number | null, timeAddedMs: number): void {
    const { timeAddedMs: _before, ...body } = this.body;
    this.body = { ...body, deadline: deadline === null ? null : iso(deadline), ...(timeAddedMs > 0 ? { timeAddedMs } : {}) };
  }

  snapshot(): ResultBody {
    return this.body;
  }

  /** A question (part 0) appeared. */
  asked(index: number, part: number, at: number): void {
    if (part === 0 && !this.firstAskedAt.has(index)) this.firstAskedAt.set(index, at);
  }

  graded(attempt: GradedAttempt): void {
    // The engine's clock for when a question appeared is the earlier, truer one.
    const first = this.firstAskedAt.get(attempt.index);
    if (attempt.part === 0 && (first === undefined || attempt.askedAt < first)) this.firstAskedAt.set(attempt.index, attempt.askedAt);
    const answer: ResultAnswer = {
      part: attempt.part,
      quantity: attempt.quantity,
      answer: attempt.answer,
      verdict: attempt.verdict,
      parsed: attempt.parsed,
      expected: attempt.expected,
      mistake: attempt.diagnosis,
      carried: attempt.carried,
      hintsUsed: attempt.hintsUsed,
      ms: Math.round(attempt.durationMs),
      answeredAt: iso(attempt.answeredAt),
    };
    this.update(attempt.index, attempt.answeredAt, (q) => {
      const answers = [...q.answers.filter((a) => a.part !== attempt.part), answer].sort((a, b) => a.part - b.part);
      const done = answers.length === q.parts;
      return {
        ...q,
        answers,
        status: done ? "answered" : q.status,
        hintsUsed: Math.max(q.hintsUsed, attempt.hintsUsed),
        ms: done ? this.elapsed(attempt.index, attempt.askedAt, attempt.answeredAt, answers) : q.ms,
      };
    });
  }

  skipped(skip: SkipRecord): void {
    this.update(skip.index, skip.at, (q) => ({
      ...q,
      status: "skipped",
      hintsUsed: Math.max(q.hintsUsed, skip.hintsUsed),
      ms: Math.max(0, Math.round(skip.at - (this.firstAskedAt.get(skip.index) ?? skip.at))),
    }));
  }

  hint(index: number, stage: number, at: number): void {
    this.update(index, at, (q) => ({ ...q, hintsUsed: Math.max(q.hintsUsed, stage) }));
  }

  finish(ending: Ending, at: number): void {
    this.body = { ...this.body, updatedAt: iso(at), finishedAt: iso(at), ending };
  }

  private elapsed(index: number, askedAt: number, answeredAt: number, answers: readonly ResultAnswer[]): number {
    const first = this.firstAskedAt.get(index);
    if (first !== undefined) return Math.max(0, Math.round(answeredAt - first));
    // Shown before the record knew (should not happen): the parts' own times.
    return answers.reduce((sum, a) => sum + a.ms, 0) || Math.max(0, Math.round(answeredAt - askedAt));
  }

  private update(index: number, at: number, change: (q: ResultQuestion) => ResultQuestion): void {
    const questions = this.body.questions.map((q, i) => (i === index ? change(q) : q));
    this.body = { ...this.body, questions, updatedAt: iso(Math.max(at, Date.parse(this.body.updatedAt))) };
  }
}
