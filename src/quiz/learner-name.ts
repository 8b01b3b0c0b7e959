// The rules for a learner's name, wherever it is typed (`quiz --name`, the name the quiz asks for
// in a terminal, the Home screen's quiz): the report lists learners by name, so a name must not
// be able to pass for another one, nor carry anything to the instructor's terminal.
import { firstUnsafeCharacter, hasBidiControl } from "../core/visible-text";

export const MAX_NAME_LENGTH = 80;

export type LearnerNameProblem =
  | { kind: "empty" }
  | { kind: "control" }
  /** U+202E "boB" shows as "Bob": a second learner who looks like the first in the report. */
  | { kind: "bidi" }
  /** A zero-width space, joiner or soft hyphen shows as nothing: "B\u200Bob" is a second "Bob" too. */
  | { kind: "invisible"; escaped: string; position: number }
  | { kind: "too-long" };

export type LearnerName = { ok: true; value: string } | { ok: false; problem: LearnerNameProblem };

/** The name as the result file and the report will show it (NFC, trimmed), or what is wrong with it. */
export function checkLearnerName(typed: string): LearnerName {
  const value = typed.normalize("NFC").trim();
  if (value === "") return { ok: false, problem: { kind: "empty" } };
  if (/\p{Cc}/u.test(value)) return { ok: false, problem: { kind: "control" } };
  if (hasBidiControl(value)) return { ok: false, problem: { kind: "bidi" } };
  const hidden = firstUnsafeCharacter(value);
  if (hidden) {
    return { ok: false, problem: { kind: "invisible", escaped: hidden.escaped, position: [...value.slice(0, hidden.index)].length + 1 } };
  }
  if ([...value].length > MAX_NAME_LENGTH) return { ok: false, problem: { kind: "too-long" } };
  return { ok: true, value };
}

/**
 * What is wrong with a name, in English, as `quiz --name` says it (a usage error) and as the session
 * server answers a join with a bad name; `subject` says which.
 */
export function learnerNameProblemText(problem: LearnerNameProblem, subject: "--name" | "the name"): string {
  switch (problem.kind) {
    case "empty":
      return subject === "--name" ? "--name needs a name" : "the name is empty";
    case "control":
      return `${subject} must not contain control characters`;
    case "bidi":
      return `${subject} must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)`;
    case "invisible":
      return `${subject} must not contain invisible characters such as zero-width spaces; found ${problem.escaped} at character ${problem.position}`;
    case "too-long":
      return `${subject} is longer than ${MAX_NAME_LENGTH} characters`;
  }
}
