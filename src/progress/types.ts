// What the progress store remembers about a learner. Attempts are the source of truth;
// schedule cards and statistics are derived from them, so a journal replay rebuilds everything.
import type { Card } from "ts-fsrs";
import type { Lang, Localized } from "../core/i18n";
import type { MistakeId, Params, Verdict } from "../core/types";
import type { NextReview } from "./next-review";

/** Where an answer was given. */
export type Mode = "practice" | "review" | "quiz" | "learn";
export const MODES: readonly Mode[] = ["practice", "review", "quiz", "learn"];

/** `invalid` input is never an attempt: it is reported and the same question stands. */
export type GradedVerdict = Exclude<Verdict, "invalid">;
export const GRADED_VERDICTS: readonly GradedVerdict[] = ["correct", "imprecise", "incorrect"];

/** FSRS grades (ts-fsrs Rating without Manual): Again 1, Hard 2, Good 3, Easy 4. */
export type ReviewRating = 1 | 2 | 3 | 4;

/** What the engine knows when an answer to one part has been graded. */
export interface AttemptInput {
  templateId: string;
  skill: string;
  /** Seed of the variant: with the template it reproduces the numbers asked. */
  seed: number;
  params: Params;
  /** 0-based index of the part answered, and how many parts the template has. */
  part: number;
  parts: number;
  /** Exactly as typed (full-width digits, commas and all). */
  answer: string;
  verdict: GradedVerdict;
  mistake: MistakeId | null;
  hints: number;
  /** Time from showing the part to submitting the answer. */
  ms: number;
  mode: Mode;
}

/** An attempt as stored: the input plus what the store adds. */
export interface StoredAttempt extends AttemptInput {
  /** Unique across processes: `<session>-<n>`. */
  id: string;
  /** The trainer run that recorded it (several may share a data directory). */
  session: string;
  /** ISO 8601 time the answer was recorded. */
  at: string;
  /**
   * The FSRS grade this attempt gave the template's card, or null when it did not rate it
   * (an earlier part of a multi-part variant, or a retry of a part already answered).
   */
  rating: ReviewRating | null;
}

export interface Settings {
  lang: Lang | null;
  ascii: boolean;
  /** The learner's name for quiz result files, remembered from the last quiz started from Home. */
  name: string | null;
}
export const DEFAULT_SETTINGS: Settings = { lang: null, ascii: false, name: null };

/** One application of a grade to a card, in time order; the review queue's daily cap counts these. */
export interface RatingEntry {
  templateId: string;
  at: string;
  rating: ReviewRating;
  /** The card was a graduated review card (not new or in learning steps) when it was rated. */
  wasReview: boolean;
}

/** Everything rebuilt from the journal. */
export interface ProgressData {
  attempts: readonly StoredAttempt[];
  /** lessonId → index of the step the learner is on. */
  lessons: Readonly<Record<string, number>>;
  /** lessonId → ids of its steps whose choice check has been answered (right or not). */
  choices: Readonly<Record<string, readonly string[]>>;
  settings: Settings;
  /** One FSRS card per exercise template that has been rated. */
  cards: Readonly<Record<string, Card>>;
  ratings: readonly RatingEntry[];
}

export type SaveErrorCode = "ENOSPC" | "EDQUOT" | "EROFS" | "EACCES" | "EPERM" | "ENOTDIR" | "EIO" | "OTHER";

/** Why saving stopped working, for the UI's status line. */
export interface SaveProblem {
  code: SaveErrorCode;
  /** The file or directory that could not be written. */
  path: string;
  message: Localized;
}

/** Something the learner should be told about their data (stderr in commands, a notice in the UI). */
export interface ProgressWarning {
  kind: "truncated" | "corrupt" | "unreadable" | "newer-format" | "migrated" | "save-failed" | "save-resumed";
  message: Localized;
  /** Where a copy of a damaged file was put, when one was made. */
  keptAt: string | null;
  /**
   * A file that could not be read and is still in place: what it holds is missing from the
   * state. Commands that only report (stats, export) stop rather than show an empty history.
   */
  notLoaded?: { path: string; reason: string };
}

/** "ok": every event is on disk; "failed": saving stopped (see savingProblem); "off": an in-memory store by design. */
export type SavingStatus = "ok" | "failed" | "off";

export interface ProgressState extends ProgressData {
  saving: SavingStatus;
  savingProblem: SaveProblem | null;
  /** Events kept in memory because they could not be written; retried with the next save. */
  unsaved: number;
  dataDir: string | null;
  session: string;

  /** Records a graded answer; returns only after it is written and fsynced (or saving has failed, after saying so). */
  recordAttempt(input: AttemptInput): StoredAttempt;
  setLessonPosition(lessonId: string, step: number): void;
  /** Records the answer to a lesson step's choice check (index of the choice picked). */
  recordChoice(lessonId: string, stepId: string, chosen: number, correct: boolean): void;
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** Forgets all progress, or one skill's, after copying the journal to a backup. */
  reset(options?: { skill?: string }): ResetResult;
  /** When a template comes back, by the store's clock ("Comes back in 3 days."); null before its first grade. */
  nextReview(templateId: string): NextReview | null;
  /** Reads the journal again (to see what another trainer on the same directory saved). */
  reload(): void;
}

export interface ResetResult {
  /** Directory holding the copy of the data made before resetting; null when there was nothing on disk. */
  backupDir: string | null;
  /** Attempts forgotten. */
  removed: number;
}
