// The instructor's report as data. The renderers (Markdown, CSV, JSON) only lay it out; every
// figure is computed once, in aggregate.ts, from the results that were accepted.
import type { Localized } from "../core/i18n";
import type { QuizIdentity } from "../quiz/result";

/** How a learner's quiz ended; "partial": it never ended (still running, or the trainer died). */
export type LearnerStatus = "complete" | "time-up" | "quit" | "partial";

/** One learner's outcome on one question. */
export type QuestionOutcome = "right" | "wrong" | "skipped" | "unanswered" | "unavailable";

export interface LearnerRow {
  name: string;
  /** The result file, as given on the command line (or found in a directory). */
  file: string;
  status: LearnerStatus;
  /** Questions right (every part correct). */
  score: number;
  /** Questions in the quiz. */
  of: number;
  /** Graded answers (parts), as in the practice summary. */
  attempts: number;
  correct: number;
  imprecise: number;
  incorrect: number;
  skipped: number;
  unanswered: number;
  hintsUsed: number;
  /** From the start to the end (or to the last answer saved, for a partial result). */
  timeMs: number;
  mistakes: Readonly<Record<string, number>>;
  /** Outcome per question, in quiz order, with the mistakes made there. */
  questions: readonly { number: number; outcome: QuestionOutcome; mistakes: readonly string[] }[];
}

export interface QuestionRow {
  number: number;
  templateId: string;
  skill: string;
  step: string | null;
  params: Readonly<Record<string, number>>;
  /** Learners who got it right / answered it wrong / skipped it / did not reach or finish it. */
  right: number;
  wrong: number;
  skipped: number;
  unanswered: number;
  /** Learners counted (those whose result lists the question as askable). */
  learners: number;
  mistakes: Readonly<Record<string, number>>;
}

export interface MistakeRow {
  id: string;
  name: Localized;
  /** Answers that showed it. */
  count: number;
  /** Who made it and how often, most often first. */
  learners: readonly { name: string; count: number }[];
  /** Question numbers where it showed. */
  questions: readonly number[];
}

export interface StepRow {
  /** null: exercises tied to no lesson step. */
  step: string | null;
  /** From the content when it is available; null otherwise (show the id). */
  title: Localized | null;
  questions: readonly number[];
  /** Learner × question pairs (unavailable questions left out). */
  asked: number;
  right: number;
  /** right / asked; null when nothing was asked. */
  rate: number | null;
  mistakes: number;
  topMistake: { id: string; count: number } | null;
}

export type RejectReason =
  | "missing"
  | "unreadable"
  | "not-a-result"
  | "newer-format"
  | "tampered"
  | "different-seed"
  | "different-content"
  | "different-settings"
  | "different-questions"
  | "superseded"
  | "copy"
  | "conflict";

export interface RejectedFile {
  file: string;
  reason: RejectReason;
  detail: string;
  /** The learner's name when the file could be read that far. */
  name: string | null;
}

/** Files that took one quiz: what a report lists when the files disagree on the quiz. */
export interface QuizGroup {
  quiz: QuizIdentity;
  files: readonly string[];
}

export interface CohortReport {
  /** The quiz every accepted file took; null when no file was accepted. */
  quiz: QuizIdentity | null;
  /**
   * How the reference quiz was chosen: --seed or --config, or "agreed" (every readable file
   * took the same quiz). Never by majority: forged files could outvote honest ones.
   */
  reference: "--seed" | "--config" | "agreed" | "none";
  /**
   * More than one quiz among the files and nothing said which one to report: the groups, and
   * no figures (the command asks for --seed or --config). Empty otherwise.
   */
  ambiguous: readonly QuizGroup[];
  learners: readonly LearnerRow[];
  questions: readonly QuestionRow[];
  mistakes: readonly MistakeRow[];
  steps: readonly StepRow[];
  rejected: readonly RejectedFile[];
  /** The verdicts were graded again against the content (same content version available). */
  regraded: boolean;
}
