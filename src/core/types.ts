// Shared vocabulary of the core. These ids and names are part of the public JSON contract
// (docs/commands.md; docs/architecture.md, Public contracts): rename nothing here without a migration.
import type { Localized } from "./i18n";
import type { MISTAKE_ENTRIES } from "./mistakes";

export type Verdict = "correct" | "imprecise" | "incorrect" | "invalid";

/**
 * Mistake ids named by the contract: exactly the ids of the catalogue in mistakes.ts, so an id
 * cannot be named without a message. Templates and packs may add their own string ids.
 */
export type KnownMistakeId = (typeof MISTAKE_ENTRIES)[number]["id"];
export type MistakeId = KnownMistakeId | (string & {});

/** The numbers that define one variant of an exercise, e.g. { x: 2 } or { sigma: 0.7 }. */
export type Params = Readonly<Record<string, number>>;

/** A parameter's possible values: an explicit list, or a range stepped from min to max inclusive. */
export type ParamSpec = { choices: readonly number[] } | { min: number; max: number; step: number };

/** A value some common mistake produces for a given question. */
export interface MistakeValue {
  id: MistakeId;
  value: number;
}

/** What the grader needs to know about a numeric question. */
export interface NumericQuestion {
  expected: number;
  /** Significant figures required (default 3). */
  digits: number;
  /** Values of the mistakes to diagnose, checked at the same tolerance as the answer. */
  mistakes: readonly MistakeValue[];
  /**
   * The question says the answer is a whole number (x = 2): a whole number typed without a
   * decimal point ("2") is then exact, not one significant figure.
   */
  wholeNumber?: boolean;
}

export interface CheckResult {
  verdict: Verdict;
  /** The right answer: a number, or for a formula answer the reference formula as text. */
  expected: number | string;
  /** The number the answer was read as; null when it could not be read. */
  parsed: number | null;
  /** How the answer was read, echoed to the learner before the verdict (e.g. "1.5×10^-3"). */
  readAs: string | null;
  diagnosis: MistakeId | null;
  message: Localized;
  /** 1-based character position of the problem in the typed answer, for `invalid`. */
  position: number | null;
  /** For `imprecise`: the significant figures the question needs. */
  digitsNeeded: number | null;
}
