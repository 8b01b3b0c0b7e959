// The practice/quiz session's vocabulary. A session is immutable data; every learner action is
// a pure function from one state to the next plus the events a front end must act on (the
// Ink screens, plain text and JSON lines all drive the same functions in src/engine/session).
import type { Localized } from "../core/i18n";
import type { QuantityId } from "../core/quantities";
import type { MistakeId, MistakeValue, Params, Verdict } from "../core/types";
import type { Course } from "../content/model";

/**
 * Why a question is in the session: the scheduler's reason (new material, a due review, a recent
 * mistake, more of the least recently practised), or a retry the learner asked for.
 */
export type QuestionReason = "new" | "review" | "mistake" | "more" | "retry";

/** One question of the session before it is asked: which template, which numbers. */
export interface PlannedQuestion {
  templateId: string;
  /** Seed of the variant (its numbers); derived from the session seed and the position. */
  variantSeed: number;
  reason: QuestionReason;
}

/** A template id with the scheduler's reason, in the order the scheduler wants them asked. */
export interface QueueEntry {
  templateId: string;
  reason: Exclude<QuestionReason, "retry">;
}

export interface PartInstance {
  quantity: QuantityId;
  digits: number;
  /** The right answer; for a formula quantity, its value at the variant's x (used for carry). */
  expected: number;
  /** For a formula quantity: the reference formula as the learner would read it; else null. */
  formula: string | null;
  mistakes: readonly MistakeValue[];
  prompt: Localized;
  carryFrom: number | null;
  /** The prompt says the answer is a whole number: "2" for 2.00 is exact. */
  wholeNumber?: boolean;
}

/** A template with its numbers filled in: everything the engine shows or grades for one variant. */
export interface QuestionInstance {
  templateId: string;
  skill: string;
  step: string | null;
  variantSeed: number;
  params: Params;
  /** Intermediate values given with the prompt (e.g. e^(−x)), already formatted per language. */
  given: readonly { name: string; value: number; text: Localized }[];
  parts: readonly PartInstance[];
  hints: readonly Localized[];
  solution: Localized;
  feedback: Readonly<Partial<Record<MistakeId, Localized>>>;
}

export type SessionMode = "practice" | "review" | "quiz";

export interface SessionConfig {
  mode: SessionMode;
  course: Course;
  /** The scheduler's order; the session takes the first `count` that exist in the course. */
  queue: readonly QueueEntry[];
  count: number;
  seed: number;
  /** Quiz with --no-hints: hint requests are refused, never counted. */
  hintsAllowed: boolean;
  /** A quiz asks each question once; practice lets the learner try a missed one again. */
  retryAllowed: boolean;
}

/** What the learner has answered in the current question, per part (for carrying errors forward). */
export interface PartAnswer {
  verdict: Verdict;
  parsed: number | null;
}

export interface CurrentQuestion {
  /** Position in the plan (0-based). */
  index: number;
  instance: QuestionInstance;
  part: number;
  /** Hint stages shown so far for this question; the last stage is the worked solution. */
  hintsShown: number;
  answers: readonly (PartAnswer | null)[];
  /** When the current part was shown (ms since the epoch, passed in by the driver). */
  askedAt: number;
  /** Anything done on this question yet (answer, hint); a retry may only replace an untouched one. */
  touched: boolean;
}

export interface SessionState {
  config: Omit<SessionConfig, "queue">;
  plan: readonly PlannedQuestion[];
  current: CurrentQuestion | null;
  attempts: readonly GradedAttempt[];
  skipped: readonly SkipRecord[];
  /** Plan index of the last question finished with a miss, while a retry may still be asked for. */
  retryable: number | null;
  finished: boolean;
  startedAt: number;
}

/** A graded answer (never an invalid one). The driver must save it before showing what follows. */
export interface GradedAttempt {
  templateId: string;
  skill: string;
  step: string | null;
  part: number;
  parts: number;
  quantity: QuantityId;
  variantSeed: number;
  params: Params;
  /** The answer exactly as typed. */
  answer: string;
  verdict: Exclude<Verdict, "invalid">;
  parsed: number | null;
  expected: number | string;
  diagnosis: MistakeId | null;
  /** Accepted against the value carried from the learner's own earlier part. */
  carried: boolean;
  /** Hint stages seen before this answer (the worked solution counts as the last stage). */
  hintsUsed: number;
  solutionSeen: boolean;
  reason: QuestionReason;
  /** Position of the question in the session (0-based). */
  index: number;
  askedAt: number;
  answeredAt: number;
  durationMs: number;
}

export interface SkipRecord {
  templateId: string;
  skill: string;
  variantSeed: number;
  params: Params;
  /** First part not answered. */
  part: number;
  hintsUsed: number;
  reason: QuestionReason;
  index: number;
  at: number;
}

export interface QuestionView {
  /** 1-based position and the session's length, for "Question 2 of 5". */
  number: number;
  total: number;
  templateId: string;
  skill: string;
  quantity: QuantityId;
  part: number;
  parts: number;
  params: Params;
  digits: number;
  prompt: Localized;
  given: QuestionInstance["given"];
  reason: QuestionReason;
  hintStages: number;
  hintsShown: number;
}

export interface CarriedForward {
  /** The earlier part whose answer was carried. */
  fromPart: number;
  fromQuantity: QuantityId;
  /** The learner's own value there, e.g. their σ(x). */
  learnerValue: number;
  /** This part's answer computed from the learner's value. */
  carriedExpected: number;
}

export interface Feedback {
  templateId: string;
  part: number;
  parts: number;
  /** The answer exactly as typed. */
  answer: string;
  verdict: Verdict;
  /** The true answer (a number, or a formula's text). */
  expected: number | string;
  digits: number;
  parsed: number | null;
  readAs: string | null;
  diagnosis: MistakeId | null;
  /** The verdict in one or two sentences: the mistake named, how to tell next time, or what is wrong where. */
  message: Localized;
  /** Set when the answer was accepted against the learner's own earlier value. */
  carried: CarriedForward | null;
  /** The worked solution with the variant's numbers, after a miss. */
  solution: Localized | null;
  /** The learner already saw the worked solution as the last hint stage. */
  solutionSeen: boolean;
  /** 1-based character position of the problem, for `invalid`. */
  position: number | null;
}

export interface Summary {
  /** Questions in the plan and how many were finished (every part graded). */
  questions: number;
  finished: number;
  /** Graded answers (parts), never counting invalid input. */
  attempts: number;
  correct: number;
  imprecise: number;
  incorrect: number;
  /** Correct only given the learner's own earlier value. */
  carried: number;
  skipped: number;
  hintsUsed: number;
  mistakes: Readonly<Record<string, number>>;
  /** True when the learner quit (or input ended) before the last question. */
  quit: boolean;
  durationMs: number;
}

/**
 * Why a question event came: the next part of the question just answered, the question just
 * missed asked again, or the next question of the session (the first one included). A front end
 * reads this instead of remembering which action it took.
 */
export type QuestionCause = "next-part" | "retry" | "next-question";

export type EngineEvent =
  | { type: "question"; question: QuestionView; cause: QuestionCause }
  /** Save `attempt` durably before acting on any later event. */
  | { type: "graded"; attempt: GradedAttempt }
  /**
   * `canRetry`: the learner may ask for this question again now (the last part was graded, the
   * question was missed, and the session allows retries). The engine keeps the offer open until
   * anything is done on the question after it, also when the session has just ended.
   */
  | { type: "feedback"; feedback: Feedback; canRetry: boolean }
  | { type: "hint"; stage: number; stages: number; text: Localized; solution: boolean }
  | { type: "skipped"; skip: SkipRecord; expected: number | string; digits: number; solution: Localized }
  | { type: "notice"; message: Localized }
  | { type: "summary"; summary: Summary };

export interface Step {
  state: SessionState;
  events: readonly EngineEvent[];
}
